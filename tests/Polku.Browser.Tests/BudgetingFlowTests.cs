using Microsoft.Playwright;

namespace Polku.Browser.Tests;

/// <summary>A participatory-budgeting round from proposals to published results in Swedish, with axe on every page.</summary>
[Collection(BrowserGroup.Name)]
public sealed class BudgetingFlowTests(BrowserFixture fixture)
{
    private static async Task SubmitMainFormAsync(IPage page, string what)
    {
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, what);
    }

    [Fact]
    public async Task A_round_runs_from_proposals_to_published_results_in_Swedish()
    {
        await using var staffContext = await fixture.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await BrowserFixture.LogInAsync(staff, "muotoilija");
        await BrowserFixture.ChooseLanguageAsync(staff, "sv");
        await BrowserFixture.VisitAndCheckAsync(staff, "/Participation/Budgeting");
        await BrowserFixture.VisitAndCheckAsync(staff, "/Participation/Budgeting/New");
        await SubmitMainFormAsync(staff, "new round with errors");
        Assert.True(await staff.Locator("[aria-invalid=true]").CountAsync() >= 3);
        await staff.FillAsync("#Input_Name", "Sjöstrandens ungdomsbudget");
        await staff.FillAsync("#Input_Area", "Sjöstranden");
        await staff.FillAsync("#Input_Budget", "20000");
        await staff.SelectOptionAsync("#Input_RuleKind", "Knapsack");
        await staff.FillAsync("#Input_MinSpendPercent", "50");
        await staff.FillAsync("#Input_MinProjects", "1");
        await SubmitMainFormAsync(staff, "round in the proposal phase");
        var round = new Uri(staff.Url).PathAndQuery;
        var id = round.Split("id=")[1];

        await using var residentContext = await fixture.NewContextAsync();
        var resident = await residentContext.NewPageAsync();
        await BrowserFixture.LogInAsync(resident, "asiakas");
        await BrowserFixture.ChooseLanguageAsync(resident, "sv");
        foreach (var (name, cost) in new[] { ("Skateramp vid skolan", "12000"), ("Utegym i parken", "9000"), ("Belysning på skolvägen", "6000") })
        {
            await BrowserFixture.VisitAndCheckAsync(resident, "/Participation/Budgeting/Propose?id=" + id);
            await resident.FillAsync("#Input_Name", name);
            await resident.FillAsync("#Input_Cost", cost);
            await SubmitMainFormAsync(resident, "proposal sent");
        }

        await BrowserFixture.VisitAndCheckAsync(staff, round);
        await BrowserFixture.ClickAndLoadAsync(staff, "main form[action*=Advance] button");
        await BrowserFixture.AssertAccessibleAsync(staff, "round in review");
        for (var i = 0; i < 2; i++)
        {
            await BrowserFixture.ClickAndLoadAsync(staff, $"main tbody tr:nth-child({i + 1}) form button");
        }

        await BrowserFixture.ClickAndLoadAsync(staff, "main tbody tr:nth-child(3) a");
        await BrowserFixture.AssertAccessibleAsync(staff, "reject form");
        await SubmitMainFormAsync(staff, "reject form with an error");
        await staff.FillAsync("#Input_Reason", "Belysningen ingår redan i kommunens plan för 2027.");
        await SubmitMainFormAsync(staff, "round after review");
        await BrowserFixture.VisitAndCheckAsync(staff, "/Participation/Budgeting/Rules?id=" + id);
        await BrowserFixture.VisitAndCheckAsync(staff, round);
        await BrowserFixture.ClickAndLoadAsync(staff, "main form[action*=Advance] button");
        await BrowserFixture.AssertAccessibleAsync(staff, "round open for voting");

        await BrowserFixture.VisitAndCheckAsync(resident, "/Participation/Budgeting/Vote?id=" + id);
        await resident.CheckAsync("main input[type=checkbox] >> nth=0");
        await resident.CheckAsync("main input[type=checkbox] >> nth=1");
        await SubmitMainFormAsync(resident, "ballot over the budget");
        Assert.Contains("Din röst uppfyller inte omgångens regler.", await resident.InnerTextAsync("main"), StringComparison.Ordinal);
        await resident.UncheckAsync("main input[type=checkbox] >> nth=1");
        await resident.CheckAsync("main input[type=checkbox] >> nth=0");
        await SubmitMainFormAsync(resident, "vote recorded");
        Assert.Contains("Din röst har sparats.", await resident.InnerTextAsync("main"), StringComparison.Ordinal);

        await BrowserFixture.VisitAndCheckAsync(staff, round);
        await BrowserFixture.ClickAndLoadAsync(staff, "main form[action*=Advance] button");
        await BrowserFixture.AssertAccessibleAsync(staff, "round published");
        await BrowserFixture.VisitAndCheckAsync(resident, "/Participation/Budgeting/Results?id=" + id);
        var results = await resident.InnerTextAsync("main");
        Assert.Contains("Skateramp vid skolan", results, StringComparison.Ordinal);
        Assert.Contains("Budgetomröstning", results, StringComparison.Ordinal);
        Assert.Contains("Genomförs", results, StringComparison.Ordinal);

        await BrowserFixture.VisitAndCheckAsync(staff, "/Participation/Budgeting/Import");
        await SubmitMainFormAsync(staff, "import without a file");
    }

    [Fact]
    public async Task The_published_demo_round_and_its_results_pass_axe_in_Finnish_without_signing_in()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.ChooseLanguageAsync(page, "fi");
        await BrowserFixture.VisitAndCheckAsync(page, "/Participation/Budgeting");
        await BrowserFixture.ClickAndLoadAsync(page, "main tbody a >> text=Järvilinnan nuorten budjetti 2026");
        await BrowserFixture.AssertAccessibleAsync(page, "the published demo round without signing in");
        await BrowserFixture.ClickAndLoadAsync(page, "main a.button");
        await BrowserFixture.AssertAccessibleAsync(page, "the demo round's results");
        var results = await page.InnerTextAsync("main");
        Assert.Contains("Ääniä annettiin 40. Toteutetaan 3 hanketta", results, StringComparison.Ordinal);
        Assert.Contains("Hyväksyntä: valitse 1–3 hanketta", results, StringComparison.Ordinal);
    }
}
