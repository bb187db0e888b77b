using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Polku.Core.Data;
using Polku.Testing;

namespace Polku.Browser.Tests;

/// <summary>
/// The web app on a real Kestrel port with the demo county, and Debian's Chromium driven by Playwright.
/// Never downloads a browser: it uses /usr/bin/chromium (test.sh installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PolkuWebApp App { get; } = new(DatabaseProvider.Sqlite, realServer: true);

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }

        await App.InitializeAsync();

        // The first requests pay for start-up (JIT, EF model, first queries); do that before any browser timeout runs.
        using (var warmUp = new HttpClient { BaseAddress = App.ServerAddress, Timeout = TimeSpan.FromMinutes(3) })
        {
            foreach (var path in new[] { "/", "/Network", "/Account/Login" })
            {
                (await warmUp.GetAsync(path)).Dispose();
            }
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fi-FI",
        });

        // Generous limits: CI machines have two cores and the whole suite runs at once; a real hang still fails.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>Signs in through the sign-in form, as a person would.</summary>
    public static async Task LogInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", PolkuWebApp.DemoPassword);
        await ClickAndLoadAsync(page, "form.form button[type=submit]");
        if (page.Url.Contains("/Account/Login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed:\n{await page.ContentAsync()}");
        }
    }

    public static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await ClickAndLoadAsync(page, $".language-switch button[value={language}]");
    }

    /// <summary>
    /// Clicks a link or a button that submits a form and waits until the answer has loaded. Playwright's click waits for
    /// the navigation it starts to commit (the redirect after a POST included); then the new document must load.
    /// </summary>
    /// <remarks>
    /// Under load Playwright has been seen to miss the load event of a document that committed during the click (the
    /// wait timed out with "NetworkIdle event fired" in its log). So the lifecycle event gets a shorter wait, and then
    /// the document itself is asked; a page that really does not load still fails.
    /// </remarks>
    public static async Task ClickAndLoadAsync(IPage page, string selector)
    {
        await page.ClickAsync(selector);
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            await page.WaitForFunctionAsync("document.readyState === 'complete'", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        }
    }

    /// <summary>Opens a page, checks it answered, and runs axe on it; any violation fails with its rule, nodes and help.</summary>
    public static async Task VisitAndCheckAsync(IPage page, string path, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is not null && response.Status == expectedStatus, $"{path}: HTTP {response?.Status}\n{await page.ContentAsync()}");
        await AssertAccessibleAsync(page, path);
    }

    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // axe runs as a script: in a context with JavaScript off it would wait forever, so bound it.
        var result = await page.RunAxe().WaitAsync(TimeSpan.FromMinutes(2));
        var report = string.Join("\n", result.Violations.Select(Describe));
        Assert.True(result.Violations.Length == 0, $"axe found violations on {what}:\n{report}");
        if (Environment.GetEnvironmentVariable("POLKU_SCREENSHOTS") is { Length: > 0 } folder)
        {
            // Every checked page state as a picture, for a person to look at (POLKU_SCREENSHOTS=folder).
            var language = await page.EvaluateAsync<string>("document.documentElement.lang");
            var width = page.ViewportSize?.Width ?? 0;
            var name = string.Concat(what.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.{language}.{width}.png"), FullPage = true });
        }
    }

    private static string Describe(AxeResultItem v) =>
        $"- {v.Id} ({v.Impact}): {v.Help}\n  " + string.Join("\n  ", v.Nodes.Select(n => $"{n.Target} :: {n.Html} :: " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))));
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
