namespace Polku.Browser.Tests;

/// <summary>Browsing, searching and filtering the catalogue in Finnish and Swedish, and an administrator's edit; axe on every page.</summary>
[Collection(BrowserGroup.Name)]
public sealed class CatalogueBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("fi", "perhekeskuksessa", "Perhekeskuksen avoin kohtaamispaikka")]
    [InlineData("sv", "familjecentret", "Familjecentrets öppna mötesplats")]
    public async Task SearchAndFilter_WorkWithoutJavaScript_InBothLanguages(string language, string query, string expected)
    {
        string resultsUrl;
        await using (var plain = await fixture.NewContextAsync(javaScript: false))
        {
            var page = await plain.NewPageAsync();
            await page.GotoAsync("/");
            await BrowserFixture.ChooseLanguageAsync(page, language);
            await page.GotoAsync("/Services");
            await page.FillAsync("#Q", query);
            await page.SelectOptionAsync("#TargetGroup", "KR1.2");
            await BrowserFixture.ClickAndLoadAsync(page, "form.search-form button[type=submit]");

            Assert.Contains("TargetGroup=KR1.2", page.Url, StringComparison.Ordinal);
            Assert.Contains(expected, await page.Locator(".service-list h3").AllInnerTextsAsync());
            resultsUrl = new Uri(page.Url).PathAndQuery;
        }

        // axe runs as JavaScript, so the pages are checked again in a context where scripts run.
        await using var context = await fixture.NewContextAsync();
        var checking = await context.NewPageAsync();
        await checking.GotoAsync("/");
        await BrowserFixture.ChooseLanguageAsync(checking, language);
        await BrowserFixture.VisitAndCheckAsync(checking, resultsUrl);
        await BrowserFixture.ClickAndLoadAsync(checking, $".service-list a:text-is('{expected}')");
        Assert.Equal(expected, await checking.InnerTextAsync("h1"));
        Assert.True(await checking.Locator(".card").CountAsync() > 0);
        await BrowserFixture.AssertAccessibleAsync(checking, $"service detail ({language})");

        await checking.GotoAsync("/Services");
        await checking.SelectOptionAsync("#Channel", "PrintableForm");
        await BrowserFixture.ClickAndLoadAsync(checking, "form.search-form button[type=submit]");
        Assert.NotEmpty(await checking.Locator(".service-list__meta").AllInnerTextsAsync());
        await BrowserFixture.AssertAccessibleAsync(checking, $"channel filter ({language})");
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Administrator_EditsAService_SeesErrors_ThenSaves(string language)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "yllapito");
        await BrowserFixture.ChooseLanguageAsync(page, language);
        await BrowserFixture.VisitAndCheckAsync(page, "/Admin/Services");
        await BrowserFixture.ClickAndLoadAsync(page, "table a >> nth=1");

        await page.FillAsync("#Input_TargetGroups", "KR1.2, KR77");
        await BrowserFixture.ClickAndLoadAsync(page, "form.form button[type=submit]");
        Assert.Equal("true", await page.GetAttributeAsync("#Input_TargetGroups", "aria-invalid"));
        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page, $"service edit with errors ({language})");

        await page.FillAsync("#Input_TargetGroups", "KR1.2");
        await page.FillAsync("#Input_UnitCostEur", "95");
        await BrowserFixture.ClickAndLoadAsync(page, "form.form button[type=submit]");
        Assert.EndsWith("/Admin/Services", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator(".notice").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page, $"catalogue administration after saving ({language})");
    }
}
