namespace Polku.Browser.Tests;

/// <summary>The customership assessment end to end in a real browser, with axe on every page.</summary>
[Collection(BrowserGroup.Name)]
public sealed class SegmentationFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ClientFillsAtHomeInSwedish_ProfessionalCompletesInFinnish_AndTheResultIsShown()
    {
        var laura = await fixture.App.ClientAsync("laura-aaltola");
        await using var nurseContext = await fixture.NewContextAsync();
        var nurse = await nurseContext.NewPageAsync();
        await BrowserFixture.LogInAsync(nurse, "ammattilainen");
        await BrowserFixture.ChooseLanguageAsync(nurse, "fi");
        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Clients/{laura.Id}");
        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Clients/{laura.Id}/Assessments");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "new assessment");
        var details = new Uri(nurse.Url).AbsolutePath;
        await BrowserFixture.ClickAndLoadAsync(nurse, ".code-box form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "assessment with a code");
        var code = await nurse.InnerTextAsync("[data-code]");

        await using var homeContext = await fixture.NewContextAsync(width: 390, height: 844);
        var home = await homeContext.NewPageAsync();
        await home.GotoAsync("/");
        await BrowserFixture.ChooseLanguageAsync(home, "sv");
        await BrowserFixture.VisitAndCheckAsync(home, "/Assessment");
        await home.FillAsync("#Code", code);
        await BrowserFixture.ClickAndLoadAsync(home, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(home, "client part at home");
        Assert.Equal("sv", await home.GetAttributeAsync("html", "lang"));
        Assert.Contains("Vi har tillräckligt med krafter för vardagen.", await home.ContentAsync(), StringComparison.Ordinal);
        var selects = await home.Locator("main select").CountAsync();
        for (var i = 0; i < selects; i++)
        {
            await home.SelectOptionAsync($"#Input_Answers_{i}_", "4");
        }

        await BrowserFixture.ClickAndLoadAsync(home, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(home, "thanks");
        Assert.Contains("Tack för dina svar", await home.ContentAsync(), StringComparison.Ordinal);

        await BrowserFixture.VisitAndCheckAsync(nurse, details + "/ProfessionalPart");
        for (var i = 0; i < await nurse.Locator("main select").CountAsync(); i++)
        {
            await nurse.SelectOptionAsync($"#Input_Answers_{i}_", "3");
        }

        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "result");
        Assert.Contains("Tulos: Omatoimiasiakkuus", await nurse.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(1, await nurse.Locator("svg[role=img] title").CountAsync());

        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "confirmed result");
        Assert.Contains("Vahvistettu: Omatoimiasiakkuus", await nurse.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Clients/{laura.Id}/Assessments");
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task ClientAndAdministratorPages_PassAxe(string language)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(page, "asiakas");
        await BrowserFixture.ChooseLanguageAsync(page, language);
        await BrowserFixture.VisitAndCheckAsync(page, "/Me/Assessments");

        await using var adminContext = await fixture.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await BrowserFixture.LogInAsync(admin, "yllapito");
        await BrowserFixture.ChooseLanguageAsync(admin, language);
        await BrowserFixture.VisitAndCheckAsync(admin, "/Admin/Instruments");
        await admin.FillAsync("#Input_Json", "{ \"key\": \"x\" }");
        await BrowserFixture.ClickAndLoadAsync(admin, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(admin, "instrument upload with errors");
        Assert.Equal("true", await admin.GetAttributeAsync("#Input_Json", "aria-invalid"));
    }
}
