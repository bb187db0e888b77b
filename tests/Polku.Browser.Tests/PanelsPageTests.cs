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
}
