using System.Globalization;
using Polku.Core.Paths;

namespace Polku.Browser.Tests;

/// <summary>The care team and closing an episode in a real browser, every state of the new forms under axe in Finnish and Swedish.</summary>
[Collection(BrowserGroup.Name)]
public sealed class PathGapsFlowTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("fi", "Päättynyt")]
    [InlineData("sv", "Avslutad")]
    public async Task TeamAndClosing_EveryState_PassesAxe_AndTheClientSeesTheEpisodeClosed(string language, string closedWord)
    {
        var laura = await fixture.App.ClientAsync("laura-aaltola");
        var title = "Selaintesti " + language;
        await using var nurseContext = await fixture.NewContextAsync();
        var nurse = await nurseContext.NewPageAsync();
        await BrowserFixture.LogInAsync(nurse, "ammattilainen");
        await BrowserFixture.ChooseLanguageAsync(nurse, language);
        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Paths/Client/{laura.Id}/Episode");
        await nurse.FillAsync("#Input_Title", title);
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        var episode = (await fixture.App.EpisodesAsync("laura-aaltola")).Single(e => e.Title == title);

        await BrowserFixture.ClickAndLoadAsync(nurse, $"main a[href='/Paths/Episode/{episode.Id}/Team']");
        await BrowserFixture.AssertAccessibleAsync(nurse, "team without members");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "team form with errors");
        Assert.Equal("true", await nurse.GetAttributeAsync("#Input_ProfessionalId", "aria-invalid"));
        await nurse.SelectOptionAsync("#Input_ProfessionalId", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "team with a member");
        Assert.Equal(1, await nurse.Locator("main form:not(.form) button[type=submit]").CountAsync());
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form:not(.form) button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "team after removing the member");
        Assert.Equal(0, await nurse.Locator("main form:not(.form) button[type=submit]").CountAsync());

        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Paths/Client/{laura.Id}/Refer?episode={episode.Id}");
        var perheneuvola = await fixture.App.OrganisationIdAsync("perheneuvola");
        await nurse.SelectOptionAsync("#Input_ToOrganisationId", perheneuvola.ToString(CultureInfo.InvariantCulture));
        await nurse.FillAsync("#Input_Reason", "Selaintestin lähete " + language);
        await nurse.CheckAsync("#Input_Consent_0");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.ClickAndLoadAsync(nurse, $"main a[href='/Paths/Episode/{episode.Id}/Close']");
        await BrowserFixture.AssertAccessibleAsync(nurse, "close form with a pending referral");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "close refused while a referral waits");
        Assert.Equal(1, await nurse.Locator(".error-summary").CountAsync());

        var referral = (await fixture.App.ReferralsAsync("laura-aaltola")).Single(r => r.Reason == "Selaintestin lähete " + language);
        await BrowserFixture.ClickAndLoadAsync(nurse, $"main a[href='/Paths/Referral/{referral.Id}']");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main button[value=Revoke]");
        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Paths/Episode/{episode.Id}/Close");
        await nurse.FillAsync("#Input_Reason", "Tavoitteet saavutettu");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "path with a closed episode");
        Assert.False((await fixture.App.EpisodesAsync("laura-aaltola")).Single(e => e.Id == episode.Id).IsOpen);

        await using var clientContext = await fixture.NewContextAsync(width: 390, height: 844);
        var client = await clientContext.NewPageAsync();
        await BrowserFixture.LogInAsync(client, "asiakas");
        await BrowserFixture.ChooseLanguageAsync(client, language);
        await BrowserFixture.VisitAndCheckAsync(client, "/Me/Path");
        var card = client.Locator("article.episode", new() { HasText = title });
        Assert.Contains(closedWord, await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Revoked, (await fixture.App.ReferralsAsync("laura-aaltola")).Single(r => r.Id == referral.Id).Status);
    }
}
