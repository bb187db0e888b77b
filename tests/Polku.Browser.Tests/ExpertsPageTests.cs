using System.Globalization;
using Microsoft.Playwright;

namespace Polku.Browser.Tests;

/// <summary>The experience-expert bank's pages, forms with errors included, checked with axe in Finnish and Swedish.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ExpertsPageTests(BrowserFixture fixture)
{
    private static async Task SubmitAsync(IPage page, string selector, string what)
    {
        await BrowserFixture.ClickAndLoadAsync(page, selector);
        await BrowserFixture.AssertAccessibleAsync(page, what);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Staff_add_an_expert_post_a_request_and_book_with_every_page_accessible(string language)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "muotoilija");
        await BrowserFixture.ChooseLanguageAsync(page, language);
        await BrowserFixture.VisitAndCheckAsync(page, "/Participation/Experts");

        await BrowserFixture.ClickAndLoadAsync(page, "main a[href='/Participation/Experts/Expert']");
        await BrowserFixture.AssertAccessibleAsync(page, "add expert " + language);
        await SubmitAsync(page, "main form.form button[type=submit]", "add expert with errors " + language);
        Assert.True(await page.Locator("main .field--invalid").CountAsync() >= 4);

        var name = "Testi " + language + " " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#Input_Name", name);
        await page.CheckAsync("#Input_Areas_0");
        await page.CheckAsync("#Input_Languages_0");
        for (var day = 0; day < 7; day++)
        {
            await page.CheckAsync($"#Input_Days_{day}");
        }

        await SubmitAsync(page, "main form.form button[type=submit]", "bank after adding " + language);
        Assert.Equal(1, await page.Locator("main .notice").CountAsync());

        await BrowserFixture.ClickAndLoadAsync(page, $"main table a:text-is('{name}')");
        await BrowserFixture.AssertAccessibleAsync(page, "edit expert " + language);
        Assert.True(await page.IsCheckedAsync("#Input_Active"));

        await BrowserFixture.VisitAndCheckAsync(page, "/Participation/Experts/Request");
        await SubmitAsync(page, "main form.form button[type=submit]", "new request with errors " + language);
        Assert.True(await page.Locator("main [aria-invalid=true]").CountAsync() >= 4);
        await page.SelectOptionAsync("#Input_Unit", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_Description", "Työpaja " + name);
        await page.SelectOptionAsync("#Input_Area", "child-welfare");
        await page.SelectOptionAsync("#Input_Language", "fi");
        await page.FillAsync("#Input_Date", DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await SubmitAsync(page, "main form.form button[type=submit]", "request with matches " + language);

        var match = page.Locator("main section.card").Filter(new LocatorFilterOptions { HasText = name });
        await match.Locator("input[type=text]").FillAsync("-1");
        await BrowserFixture.ClickAndLoadAsync(page, $"main section.card:has(h3:text-is('{name}')) button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, "booking with a bad fee " + language);
        Assert.True(await page.Locator("main [aria-invalid=true]").CountAsync() == 1);

        await page.Locator("main section.card").Filter(new LocatorFilterOptions { HasText = name }).Locator("input[type=text]").FillAsync("120");
        await SubmitAsync(page, $"main section.card:has(h3:text-is('{name}')) button[type=submit]", "booked request " + language);
        Assert.Equal(1, await page.Locator("main .notice").CountAsync());

        await BrowserFixture.VisitAndCheckAsync(page, "/Participation/Experts/Request");
        await page.SelectOptionAsync("#Input_Unit", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_Description", "Ingen " + name);
        await page.SelectOptionAsync("#Input_Area", "poverty");
        await page.SelectOptionAsync("#Input_Language", "sv");
        await page.FillAsync("#Input_Date", DateTime.UtcNow.AddDays(61).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await SubmitAsync(page, "main form.form button[type=submit]", "request nobody matches " + language);
        Assert.Equal(0, await page.Locator("main section.card").CountAsync());
        await BrowserFixture.VisitAndCheckAsync(page, "/Participation/Experts");
    }
}
