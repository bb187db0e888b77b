using Microsoft.Playwright;

namespace Polku.Browser.Tests;

/// <summary>Keyboard only, no JavaScript, a phone-sized screen and print.</summary>
[Collection(BrowserGroup.Name)]
public sealed class UsabilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task FirstTab_ReachesTheSkipLink_WhichMovesFocusToTheContent()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Network");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Siirry sisältöön", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task SignInAndChangingContactDetails_WorkWithKeyboardAndWithoutJavaScript()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FocusAsync("#Input_UserName");
        await page.Keyboard.TypeAsync("ammattilainen");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Polku.Testing.PolkuWebApp.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        var eetu = await fixture.App.ClientAsync("aino-aaltola");
        await page.GotoAsync($"/Clients/{eetu.Id}/Contact");
        await page.FillAsync("#Input_Phone", "+358 50 000 1212");
        await page.SelectOptionAsync("#Input_Language", "sv");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.EndsWith("/Contact", StringComparison.Ordinal));

        Assert.Contains("+358 50 000 1212", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("+358 50 000 1212", (await fixture.App.ClientAsync("aino-aaltola")).Phone);
    }

    [Fact]
    public async Task LanguageSwitch_WorksWithoutJavaScript_AndSetsHtmlLang()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Privacy");

        await BrowserFixture.ChooseLanguageAsync(page, "sv");
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        Assert.EndsWith("/Privacy", page.Url, StringComparison.Ordinal);
        Assert.Equal("Dataskyddsbeskrivning", await page.TextContentAsync("h1"));

        await BrowserFixture.ChooseLanguageAsync(page, "en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Network")]
    [InlineData("/Account/Login")]
    public async Task OnAPhone_NothingScrollsSideways(string path)
    {
        await using var context = await fixture.NewContextAsync(width: 360, height: 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 360px screen");
    }

    [Fact]
    public async Task Print_HidesNavigationAndForms_AndKeepsTheContent()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "asiakas");
        await page.GotoAsync("/Me/AccessLog");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator(".site-nav").IsVisibleAsync());
        Assert.False(await page.Locator(".language-switch").IsVisibleAsync());
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        Assert.True(await page.Locator("main table").IsVisibleAsync());
    }
}
