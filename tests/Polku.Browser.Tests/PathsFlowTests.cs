using System.Globalization;
using Polku.Core.Paths;

namespace Polku.Browser.Tests;

/// <summary>The referral flow of issue #5 in a real browser, and every new path page under axe in Finnish and Swedish.</summary>
[Collection(BrowserGroup.Name)]
public sealed class PathsFlowTests(BrowserFixture fixture)
{
    private const string UnansweredFi = "Lähetteeseen ei ole vastattu";

    [Fact]
    public async Task ProfessionalRefers_ReceiverAccepts_AlertClears_ClientSeesThePathInSwedish()
    {
        var laura = await fixture.App.ClientAsync("laura-aaltola");
        await using var nurseContext = await fixture.NewContextAsync();
        var nurse = await nurseContext.NewPageAsync();
        await BrowserFixture.LogInAsync(nurse, "ammattilainen");
        await BrowserFixture.ChooseLanguageAsync(nurse, "fi");
        await BrowserFixture.VisitAndCheckAsync(nurse, $"/Paths/Client/{laura.Id}");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main a[href*='/Refer?episode=']");
        await BrowserFixture.AssertAccessibleAsync(nurse, "refer form");
        var perheneuvola = await fixture.App.OrganisationIdAsync("perheneuvola");
        await nurse.SelectOptionAsync("#Input_ToOrganisationId", perheneuvola.ToString(CultureInfo.InvariantCulture));
        await nurse.FillAsync("#Input_Reason", "Esikoisen uniongelmat ja vanhempien jaksaminen");
        await nurse.CheckAsync("#Input_Consent_0");
        await BrowserFixture.ClickAndLoadAsync(nurse, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(nurse, "path after referring");
        Assert.Contains("Lähete lähetettiin.", await nurse.InnerTextAsync("main"), StringComparison.Ordinal);

        await using var workerContext = await fixture.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await BrowserFixture.LogInAsync(worker, "vastuutyontekija");
        await BrowserFixture.ChooseLanguageAsync(worker, "fi");
        await BrowserFixture.VisitAndCheckAsync(worker, "/Paths");
        Assert.Contains(UnansweredFi, await worker.InnerTextAsync("main"), StringComparison.Ordinal);
        var pending = (await fixture.App.ReferralsAsync("laura-aaltola"))
            .Single(r => r.Status == ReferralStatus.Requested && r.Reason.Contains("kotipalvelua", StringComparison.Ordinal));
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Referral/{pending.Id}");
        await BrowserFixture.ClickAndLoadAsync(worker, "main button[value=Accept]");
        await BrowserFixture.AssertAccessibleAsync(worker, "path after accepting");
        Assert.Contains("Lähete hyväksyttiin.", await worker.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.VisitAndCheckAsync(worker, "/Paths");
        Assert.DoesNotContain(UnansweredFi, await worker.InnerTextAsync("main"), StringComparison.Ordinal);

        await using var clientContext = await fixture.NewContextAsync(width: 390, height: 844);
        var client = await clientContext.NewPageAsync();
        await BrowserFixture.LogInAsync(client, "asiakas");
        await BrowserFixture.ChooseLanguageAsync(client, "sv");
        await BrowserFixture.VisitAndCheckAsync(client, "/Me/Path");
        var text = await client.InnerTextAsync("main");
        Assert.Equal("sv", await client.GetAttributeAsync("html", "lang"));
        Assert.Contains("Min stig", text, StringComparison.Ordinal);
        Assert.Contains("Godkänd", text, StringComparison.Ordinal);
        Assert.Contains("Minna Karjalainen", text, StringComparison.Ordinal);
        Assert.Equal(1, await client.Locator("svg[role=img] title").CountAsync());
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task EveryNewPathPage_PassesAxe(string language)
    {
        var jessica = await fixture.App.ClientAsync("jessica-toivonen");
        await using var context = await fixture.NewContextAsync();
        var worker = await context.NewPageAsync();
        await BrowserFixture.LogInAsync(worker, "vastuutyontekija");
        await BrowserFixture.ChooseLanguageAsync(worker, language);
        await BrowserFixture.VisitAndCheckAsync(worker, "/Paths");
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Client/{jessica.Id}");
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Client/{jessica.Id}?lanes=Channels");
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Client/{jessica.Id}/Episode");
        await BrowserFixture.ClickAndLoadAsync(worker, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(worker, "episode form with errors");

        var jessicaEpisode = (await fixture.App.EpisodesAsync("jessica-toivonen"))[0];
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Client/{jessica.Id}/Refer?episode={jessicaEpisode.Id}");
        await worker.CheckAsync("#Input_Consent_1");
        await BrowserFixture.ClickAndLoadAsync(worker, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(worker, "refer form with errors");
        Assert.Equal("true", await worker.GetAttributeAsync("#Input_OverrideReason", "aria-invalid"));
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Client/{jessica.Id}/Touchpoint?episode={jessicaEpisode.Id}");
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Episode/{jessicaEpisode.Id}/Worker");
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Client/{jessica.Id}/Notes");
        await BrowserFixture.ClickAndLoadAsync(worker, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(worker, "note form with errors");
        Assert.Equal("true", await worker.GetAttributeAsync("#Input_Text", "aria-invalid"));
        await worker.FillAsync("#Input_Text", "Sovimme seuraavasta tapaamisesta.");
        await BrowserFixture.ClickAndLoadAsync(worker, "main form.form button[type=submit]");
        await BrowserFixture.AssertAccessibleAsync(worker, "notes with a note");
        await BrowserFixture.ClickAndLoadAsync(worker, "main a[href*='revise=']");
        await BrowserFixture.AssertAccessibleAsync(worker, "revising a note");

        var laura = (await fixture.App.ReferralsAsync("laura-aaltola")).First();
        await BrowserFixture.VisitAndCheckAsync(worker, $"/Paths/Referral/{laura.Id}");

        await using var clientContext = await fixture.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await BrowserFixture.LogInAsync(client, "asiakas");
        await BrowserFixture.ChooseLanguageAsync(client, language);
        await BrowserFixture.VisitAndCheckAsync(client, "/Me/Path");
        await BrowserFixture.VisitAndCheckAsync(client, "/Me/Path?lanes=Channels");
    }
}
