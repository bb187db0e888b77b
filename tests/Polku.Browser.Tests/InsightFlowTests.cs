using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Polku.Core.Insight;

namespace Polku.Browser.Tests;

/// <summary>A knowledge lead uploads a register extract through the form and reads the dashboard; axe on every state.</summary>
[Collection(BrowserGroup.Name)]
public sealed class InsightFlowTests(BrowserFixture fixture)
{
    private const string UploadButton = "form[enctype='multipart/form-data'] button[type=submit]";

    private static (byte[] Persons, byte[] Events) Generated()
    {
        var persons = new StringWriter(CultureInfo.InvariantCulture);
        var events = new StringWriter(CultureInfo.InvariantCulture);
        CountyGenerator.Generate(400, new Random(5), persons, events);
        return (Encoding.UTF8.GetBytes(persons.ToString()), Encoding.UTF8.GetBytes(events.ToString()));
    }

    private static async Task UploadAsync(IPage page, byte[] persons, byte[] events)
    {
        await page.SetInputFilesAsync("#Input_Persons", new FilePayload { Name = "persons.csv", MimeType = "text/csv", Buffer = persons });
        await page.SetInputFilesAsync("#Input_Events", new FilePayload { Name = "events.csv", MimeType = "text/csv", Buffer = events });
        await BrowserFixture.ClickAndLoadAsync(page, UploadButton);
    }

    [Theory]
    [InlineData("fi", "Lorenzin käyrä", "rivi")]
    [InlineData("sv", "Lorenzkurva", "rad")]
    public async Task UploadThroughTheForm_ShowsTheDashboard_AndEveryStatePassesAxe(string language, string lorenz, string line)
    {
        var (persons, events) = Generated();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "johto");
        await BrowserFixture.ChooseLanguageAsync(page, language);

        await BrowserFixture.VisitAndCheckAsync(page, "/Insight");
        await BrowserFixture.ClickAndLoadAsync(page, UploadButton);
        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page, "upload without files");

        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(events).Replace(",visit,", ",walk,", StringComparison.Ordinal));
        await UploadAsync(page, persons, broken);
        Assert.Contains($"events.csv, {line} ", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#Input_Events", "aria-invalid"));
        await BrowserFixture.AssertAccessibleAsync(page, "upload with a bad file");

        await UploadAsync(page, persons, events);
        Assert.EndsWith("/Insight", page.Url, StringComparison.Ordinal);
        Assert.Equal(lorenz, await page.Locator("svg[role=img] title").TextContentAsync());
        Assert.Equal(101, await page.Locator("#table-lorenz tbody tr").CountAsync());
        Assert.True(await page.Locator("#table-levels").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page, "dashboard");

        await page.FillAsync("#Filter_Area", "99");
        await BrowserFixture.ClickAndLoadAsync(page, "form.filter-form button[type=submit]");
        Assert.Equal("true", await page.GetAttributeAsync("#Filter_Area", "aria-invalid"));
        await BrowserFixture.AssertAccessibleAsync(page, "dashboard with a bad filter");

        await BrowserFixture.VisitAndCheckAsync(page, "/Insight?Filter.From=2025-01-01&Filter.To=2025-06-30");
        Assert.True(await page.Locator("#table-concentration").IsVisibleAsync());
    }

    [Theory]
    [InlineData("fi", "Hakemus")]
    [InlineData("sv", "Ansökan")]
    public async Task BurdenPage_WithTheExample_AndWithErrors_PassesAxe(string language, string service)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "johto");
        await BrowserFixture.ChooseLanguageAsync(page, language);

        await BrowserFixture.VisitAndCheckAsync(page, "/Insight/Burden");
        Assert.Equal(service, await page.Locator("#table-comparison tbody th").First.TextContentAsync());

        await page.FillAsync("#Input_After_0__Hours", "ei tiedossa");
        await BrowserFixture.ClickAndLoadAsync(page, "form.form button[type=submit]");
        Assert.Equal("true", await page.GetAttributeAsync("#Input_After_0__Hours", "aria-invalid"));
        await BrowserFixture.AssertAccessibleAsync(page, "burden with an error");
    }

    [Theory]
    [InlineData("fi", "Nykytila")]
    [InlineData("sv", "Nuläge")]
    public async Task CapacityPage_WithTheExampleChain_AndWithErrors_PassesAxe(string language, string baseline)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "johto");
        await BrowserFixture.ChooseLanguageAsync(page, language);

        await BrowserFixture.VisitAndCheckAsync(page, "/Insight/Capacity");
        Assert.StartsWith(baseline, await page.Locator("#table-scenarios tbody th").First.TextContentAsync(), StringComparison.Ordinal);
        var shots = Environment.GetEnvironmentVariable("POLKU_SCREENSHOTS");
        if (shots is not null)
        {
            foreach (var width in new[] { 390, 1366 })
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"capacity-{language}-{width}.png"), FullPage = true });
            }
        }

        await page.FillAsync("#Input_ServersBasic", "yhdeksän");
        await BrowserFixture.ClickAndLoadAsync(page, "form.form button[type=submit]");
        Assert.Equal("true", await page.GetAttributeAsync("#Input_ServersBasic", "aria-invalid"));
        await BrowserFixture.AssertAccessibleAsync(page, "capacity with an error");
    }
}
