namespace Polku.Browser.Tests;

/// <summary>Conversations with the assistant on a phone-sized screen in Finnish and Swedish, with axe on every step.</summary>
[Collection(BrowserGroup.Name)]
public sealed class AssistantFlowTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("fi", "Lapseni on sairas", "Onko lapsella hengitysvaikeuksia", "Sote-neuvonta", "Mieheni lyö minua", "Miten vaihdan auton kesärenkaat?", "Emme löytäneet")]
    [InlineData("sv", "Mitt barn är sjukt", "Har barnet svårt att andas", "rådgivning", "Min man slår mig", "Hur byter jag sommardäck på bilen?", "Vi hittade ingen")]
    public async Task A_resident_on_a_phone_uses_buttons_free_text_the_meter_and_leaves_a_message(
        string language, string situation, string firstQuestion, string service, string danger, string offTopic, string honest)
    {
        await using var context = await fixture.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.ChooseLanguageAsync(page, language);
        await BrowserFixture.VisitAndCheckAsync(page, "/Assistant");

        await BrowserFixture.ClickAndLoadAsync(page, $"main a.button:has-text(\"{situation}\")");
        await BrowserFixture.AssertAccessibleAsync(page, "situation questions");
        Assert.Contains(firstQuestion, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.SelectOptionAsync("#A0", "no");
        await page.SelectOptionAsync("#A1", "yes");
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, "situation advice");
        Assert.Contains(service, await page.InnerTextAsync("main"), StringComparison.OrdinalIgnoreCase);

        await BrowserFixture.VisitAndCheckAsync(page, "/Assistant");
        await page.FillAsync("#Input_Question", danger);
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, "urgent answer");
        Assert.Equal(1, await page.Locator("[role=alert] a[href='tel:112']").CountAsync());

        await page.FillAsync("#Input_Question", offTopic);
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, "nothing fits");
        Assert.Contains(honest, await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await BrowserFixture.VisitAndCheckAsync(page, "/Assistant/Meter");
        await page.SelectOptionAsync("#M_6_", "1");
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, "meter results");
        Assert.True(await page.Locator("ol.service-list li").CountAsync() > 0);

        await BrowserFixture.VisitAndCheckAsync(page, "/Assistant/Message");
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, "message with errors");
        await page.FillAsync("#Input_Text", "Tarvitsen neuvoja, soita 040 123 4567");
        await page.FillAsync("#Input_Name", "Testi");
        await page.FillAsync("#Input_Email", "testi@example.invalid");
        await page.SelectOptionAsync("#Input_Consent", "true");
        await BrowserFixture.ClickAndLoadAsync(page, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(page, "message sent");
        Assert.Equal(1, await page.Locator("main [role=status]").CountAsync());
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task The_queue_and_own_messages_pass_axe(string language)
    {
        await using var context = await fixture.NewContextAsync(width: 390, height: 844);
        var client = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(client, "asiakas");
        await BrowserFixture.ChooseLanguageAsync(client, language);
        await BrowserFixture.VisitAndCheckAsync(client, "/Me/Messages");

        await using var nurseContext = await fixture.NewContextAsync();
        var nurse = await nurseContext.NewPageAsync();
        await BrowserFixture.LogInAsync(nurse, "ammattilainen");
        await BrowserFixture.ChooseLanguageAsync(nurse, language);
        await BrowserFixture.VisitAndCheckAsync(nurse, "/Assistant/Queue");
    }
}
