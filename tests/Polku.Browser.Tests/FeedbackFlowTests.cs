using Microsoft.EntityFrameworkCore;
using Polku.Core.Participation.Feedback;

namespace Polku.Browser.Tests;

/// <summary>Feedback with a closed loop in a real browser, with axe on every page.</summary>
[Collection(BrowserGroup.Name)]
public sealed class FeedbackFlowTests(BrowserFixture fixture)
{
    private async Task<int> FamilyCentreAsync()
    {
        await using var db = fixture.App.Database.CreateContext();
        return await db.Organisations.Where(o => o.Key == "perhekeskus-jarvilinna").Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_child_gives_smiley_feedback_in_Swedish_on_a_phone_without_signing_in()
    {
        var unit = await FamilyCentreAsync();
        await using var context = await fixture.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.ChooseLanguageAsync(page, "sv");
        await BrowserFixture.VisitAndCheckAsync(page, $"/Feedback/{unit}?child=true");
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Fick du hjälp?", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#Input_Recommendation_0").CountAsync());

        await page.CheckAsync("label[for=Input_GotHelp_4]");
        await page.CheckAsync("label[for=Input_Respected_3]");
        await page.FillAsync("#Input_Comment", "Det var roligt att leka i väntrummet.");
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, "thanks");
        Assert.Contains("Tack för din respons", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await using var db = fixture.App.Database.CreateContext();
        var stored = await db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Comment == "Det var roligt att leka i väntrummet.", TestContext.Current.CancellationToken);
        Assert.Equal((FeedbackVariant.Child, "sv", 5, 4, (int?)null, (Guid?)null), (stored.Variant, stored.Language, stored.GotHelp!.Value, stored.Respected!.Value, stored.Recommendation, stored.GiverClientId));
    }

    [Fact]
    public async Task Feedback_pages_pass_axe_in_Finnish_and_Swedish()
    {
        var unit = await FamilyCentreAsync();
        foreach (var language in new[] { "fi", "sv" })
        {
            await using var context = await fixture.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await BrowserFixture.ChooseLanguageAsync(page, language);
            await BrowserFixture.VisitAndCheckAsync(page, $"/Feedback/{unit}");
            await BrowserFixture.VisitAndCheckAsync(page, $"/Feedback/{unit}?child=true");
            await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
            await BrowserFixture.AssertAccessibleAsync(page, "empty feedback with its error");
            await BrowserFixture.VisitAndCheckAsync(page, $"/Feedback/{unit}/Thanks");
            await BrowserFixture.VisitAndCheckAsync(page, $"/Feedback/{unit}/Changes");
            await BrowserFixture.VisitAndCheckAsync(page, $"/Feedback/{unit}/Poster");

            await using var clientContext = await fixture.NewContextAsync();
            var client = await clientContext.NewPageAsync();
            await BrowserFixture.LogInAsync(client, "asiakas");
            await BrowserFixture.ChooseLanguageAsync(client, language);
            await BrowserFixture.VisitAndCheckAsync(client, "/Me/Feedback");
            await BrowserFixture.VisitAndCheckAsync(client, "/Me/Notes");

            await using var managerContext = await fixture.NewContextAsync();
            var manager = await managerContext.NewPageAsync();
            await BrowserFixture.LogInAsync(manager, "johto");
            await BrowserFixture.ChooseLanguageAsync(manager, language);
            await BrowserFixture.VisitAndCheckAsync(manager, "/Feedback/Manage");
            await BrowserFixture.VisitAndCheckAsync(manager, $"/Feedback/Manage?unit={unit}");
            await manager.ClickAsync("main a[href^='/Feedback/Manage/Action/']");
            await BrowserFixture.AssertAccessibleAsync(manager, "development action");
        }
    }

    [Fact]
    public async Task A_manager_answers_signed_feedback_and_the_parent_sees_the_outcome()
    {
        var unit = await FamilyCentreAsync();
        await using var parentContext = await fixture.NewContextAsync();
        var parent = await parentContext.NewPageAsync();
        await BrowserFixture.LogInAsync(parent, "asiakas");
        await BrowserFixture.ChooseLanguageAsync(parent, "fi");
        await BrowserFixture.VisitAndCheckAsync(parent, $"/Feedback/{unit}");
        await parent.CheckAsync("label[for=Input_Recommendation_8]");
        await parent.FillAsync("#Input_Comment", "Toivoisin, että neuvolaan saisi ajan myös sähköisesti.");
        await parent.CheckAsync("#Input_Sign");
        await BrowserFixture.ClickAndLoadAsync(parent, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(parent, "thanks");

        Guid id;
        await using (var db = fixture.App.Database.CreateContext())
        {
            id = await db.FeedbackItems.Where(f => f.Comment == "Toivoisin, että neuvolaan saisi ajan myös sähköisesti.").Select(f => f.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        await using var managerContext = await fixture.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await BrowserFixture.LogInAsync(manager, "johto");
        await BrowserFixture.ChooseLanguageAsync(manager, "fi");
        await BrowserFixture.VisitAndCheckAsync(manager, $"/Feedback/Manage/Item/{id}");
        await manager.CheckAsync("label[for=Input_To_0]");
        await BrowserFixture.ClickAndLoadAsync(manager, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(manager, "under review");

        await manager.CheckAsync("label:has-text('Ei viedä eteenpäin')");
        await BrowserFixture.ClickAndLoadAsync(manager, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(manager, "reason missing");
        Assert.Contains("Kerro perustelu", await manager.InnerTextAsync("main"), StringComparison.Ordinal);

        await manager.CheckAsync("label:has-text('Viedään eteenpäin')");
        await manager.FillAsync("#Input_Answer", "Sähköinen ajanvaraus avataan keväällä.");
        await BrowserFixture.ClickAndLoadAsync(manager, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(manager, "accepted");

        await BrowserFixture.VisitAndCheckAsync(parent, "/Me/Feedback");
        var mine = await parent.InnerTextAsync("main");
        Assert.Contains("Viedään eteenpäin", mine, StringComparison.Ordinal);
        Assert.Contains("Sähköinen ajanvaraus avataan keväällä.", mine, StringComparison.Ordinal);

        await using var check = fixture.App.Database.CreateContext();
        var laura = await fixture.App.ClientAsync("laura-aaltola");
        Assert.Equal(
            ["Notification.Feedback.UnderReview", "Notification.Feedback.Accepted"],
            await check.Notifications.Where(n => n.ClientId == laura.Id && n.DeduplicationKey.StartsWith("feedback:" + id.ToString("N"))).OrderBy(n => n.Id).Select(n => n.TemplateKey).ToListAsync(TestContext.Current.CancellationToken));
    }
}
