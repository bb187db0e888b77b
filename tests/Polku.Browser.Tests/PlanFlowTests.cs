using System.Globalization;

namespace Polku.Browser.Tests;

/// <summary>
/// A client plan walked in a real browser, every state under axe, in Finnish and Swedish: the nurse makes the plan in
/// the meeting (a refused first try, a goal from a template), the client agrees from home on a phone, and a follow-up
/// scores the goal.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class PlanFlowTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("fi", "Haluan nukkua yöt paremmin.", "Toivon iltakäyntejä.")]
    [InlineData("sv", "Jag vill sova bättre om nätterna.", "Jag önskar kvällsbesök.")]
    public async Task NurseMakesAPlan_ClientAgreesOnAPhone_FollowUpScoresIt(string language, string goal, string comment)
    {
        var laura = await fixture.App.ClientAsync("laura-aaltola");
        var title = "Suunnitelmatesti " + language;
        await using var managerContext = await fixture.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await BrowserFixture.LogInAsync(manager, "johto");
        await BrowserFixture.ChooseLanguageAsync(manager, language);
        var scoredBefore = await GoalsScoredAsync(manager);
        await using var nurseContext = await fixture.NewContextAsync();
        var nurse = await nurseContext.NewPageAsync();
        await BrowserFixture.LogInAsync(nurse, "ammattilainen");
        await BrowserFixture.ChooseLanguageAsync(nurse, language);
        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Paths/Client/{laura.Id}/Episode");
        await nurse.FillAsync("#Input_Title", title);
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        var episode = (await fixture.App.EpisodesAsync("laura-aaltola")).Single(e => e.Title == title);

        await BrowserFixture.ClickAndLoadAsync(nurse, $"main a[href='/Paths/Episode/{episode.Id}/Plan']");
        await BrowserFixture.AssertAccessibleAsync(nurse, "plan page without a plan");
        await BrowserFixture.ClickAndLoadAsync(nurse, $"main a[href='/Paths/Episode/{episode.Id}/Plan/Edit']");
        await BrowserFixture.AssertAccessibleAsync(nurse, "empty plan form");

        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form > button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "plan form with errors");
        Assert.Equal("true", await nurse.GetAttributeAsync("#Input_Goals_0__ClientWords", "aria-invalid"));

        await nurse.SelectOptionAsync("#Input_Template", "interaction");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main button[value=Template]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "plan form with a goal from a template");
        var goalIndex = await nurse.Locator("textarea[id$='__ClientWords']").CountAsync() - 2;
        Assert.NotEmpty(await nurse.InputValueAsync($"#Input_Goals_{goalIndex}__Levels_2_"));
        await nurse.FillAsync($"#Input_Goals_{goalIndex}__ClientWords", goal);
        await nurse.SelectOptionAsync("#Input_Actions_0__Owner", "Client");
        await nurse.FillAsync("#Input_Actions_0__OwnerName", "Laura");
        await nurse.FillAsync("#Input_Actions_0__What", "Iltarutiini / kvällsrutin");
        await nurse.FillAsync("#Input_FollowUps_0_", DateTime.Today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form > button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "plan page with the new plan");
        Assert.Contains(goal, await nurse.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await using var clientContext = await fixture.NewContextAsync(width: 390, height: 844);
        var client = await clientContext.NewPageAsync();
        await BrowserFixture.LogInAsync(client, "asiakas");
        await BrowserFixture.ChooseLanguageAsync(client, language);
        await BrowserFixture.VisitAndCheckAsync(client, "/Me/Path");
        await BrowserFixture.ClickAndLoadAsync(client, $"main a[href='/Me/Plan/{episode.Id}']");
        await BrowserFixture.AssertAccessibleAsync(client, "the client's plan on a phone");
        await BrowserFixture.ClickAndLoadAsync(client, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(client, "the client's answer without a choice");
        await client.CheckAsync("#Input_Agrees_0");
        await client.FillAsync("#Input_Comment", comment);
        await BrowserFixture.ClickAndLoadAsync(client, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(client, "the client's plan after agreeing");
        Assert.True(await client.IsCheckedAsync("#Input_Agrees_0"));

        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Paths/Episode/{episode.Id}/Plan");
        Assert.Contains(comment, await nurse.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await nurse.CheckAsync("#Input_Scores_0__3");
        await nurse.ClickAsync("details.meter-details summary");
        for (var i = 0; i < 10; i++)
        {
            await nurse.SelectOptionAsync($"#Input_LifeSituation_{i}_", (5 + (i % 4)).ToString(CultureInfo.InvariantCulture));
        }

        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "plan page after a follow-up");
        // One goal at +1: T = 50 + 10 · 1 / √(0.7 + 0.3) = 60.
        Assert.Contains("60,0", await nurse.Locator(".plan-progress table").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(10, await nurse.Locator("#plan-meter tbody tr").CountAsync());

        // Between two appointments the nurse reads the plan and its form on a phone too.
        await using var nursePhoneContext = await fixture.NewContextAsync(width: 390, height: 844);
        var nursePhone = await nursePhoneContext.NewPageAsync();
        await BrowserFixture.LogInAsync(nursePhone, "ammattilainen");
        await BrowserFixture.ChooseLanguageAsync(nursePhone, language);
        await BrowserFixture.VisitAndCheckAsync(nursePhone, $"/Paths/Episode/{episode.Id}/Plan");
        await BrowserFixture.VisitAndCheckAsync(nursePhone, $"/Paths/Episode/{episode.Id}/Plan/Edit");

        // The manager's network figures move: one more goal scored.
        Assert.Equal(scoredBefore + 1, await GoalsScoredAsync(manager));
        await BrowserFixture.AssertAccessibleAsync(manager, "own-data dashboard with the network's effectiveness");
    }

    /// <summary>The "goals scored" figure of the effectiveness table on the own-data dashboard.</summary>
    private static async Task<int> GoalsScoredAsync(Microsoft.Playwright.IPage manager)
    {
        await BrowserFixture.VisitAndCheckAsync(manager, "/Insight/Own");
        var cell = manager.Locator("#table-effectiveness tbody tr").First.Locator("td").First;
        var text = new string([.. (await cell.InnerTextAsync()).Where(char.IsDigit)]);
        return int.Parse(text, CultureInfo.InvariantCulture);
    }
}
