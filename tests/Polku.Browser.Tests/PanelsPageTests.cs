namespace Polku.Browser.Tests;

/// <summary>The demo panel's pages with its public draw protocol, checked with axe in Finnish and Swedish.</summary>
[Collection(BrowserGroup.Name)]
public sealed class PanelsPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Panel_list_and_the_demo_panel_with_its_protocol_are_accessible(string language)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "muotoilija");
        await BrowserFixture.ChooseLanguageAsync(page, language);
        await BrowserFixture.VisitAndCheckAsync(page, "/Participation/Panels");
        await BrowserFixture.ClickAndLoadAsync(page, "main table a");
        await BrowserFixture.AssertAccessibleAsync(page, "panel page " + language);
        Assert.Equal(3, await page.Locator("main table").Last.Locator("tbody tr").CountAsync());
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Staff_forms_for_founding_a_panel_meetings_and_proposals_are_accessible_also_with_errors(string language)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "muotoilija");
        await BrowserFixture.ChooseLanguageAsync(page, language);
        await BrowserFixture.VisitAndCheckAsync(page, "/Participation/Panels");
        await BrowserFixture.ClickAndLoadAsync(page, "main a[href='/Participation/Panels/New']");
        await BrowserFixture.AssertAccessibleAsync(page, "new panel " + language);
        await page.FillAsync("#Input_Quotas_0__Stratum", "18-29");
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        Assert.Equal("true", await page.GetAttributeAsync("#Input_Quotas_0__Seats", "aria-invalid"));
        await BrowserFixture.AssertAccessibleAsync(page, "new panel with errors " + language);

        await BrowserFixture.VisitAndCheckAsync(page, "/Participation/Panels");
        await BrowserFixture.ClickAndLoadAsync(page, "main table a");
        foreach (var link in new[] { "a[href*='Meeting?panel=']", "a[href*='Meeting?id=']", "a[href*='Proposal?panel=']", "a[href*='Proposal?id=']" })
        {
            var panelPage = page.Url;
            await BrowserFixture.ClickAndLoadAsync(page, "main " + link + " >> nth=0");
            await BrowserFixture.AssertAccessibleAsync(page, link + " " + language);
            await page.GotoAsync(panelPage);
        }

        await BrowserFixture.ClickAndLoadAsync(page, "main a[href*='Meeting?panel=']");
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        Assert.Equal("true", await page.GetAttributeAsync("#Input_Agenda", "aria-invalid"));
        await BrowserFixture.AssertAccessibleAsync(page, "new meeting with errors " + language);
    }
}
