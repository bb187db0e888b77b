using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Polku.Core.Paths;
using Polku.Testing;
using Task = System.Threading.Tasks.Task;

namespace Polku.Web.Tests;

public sealed class PathGapsOnSqliteTests(SqliteApp app) : PathGapsTests<SqliteApp>(app);

public sealed class PathGapsOnPostgresTests(PostgresApp app) : PathGapsTests<PostgresApp>(app);

/// <summary>Closing an episode and the care team through HTTP: field errors, stale versions, pending referrals and who may do it.</summary>
public abstract partial class PathGapsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string V(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("<option value=\"(\\d+)\">Minna Karjalainen")]
    private static partial Regex MinnaOption();

    [GeneratedRegex("name=\"MemberId\" value=\"(\\d+)\"")]
    private static partial Regex MemberIdField();

    /// <summary>Opens a new episode of Laura Aaltola as the nurse, so the demo's own episodes stay as other tests expect them.</summary>
    private async Task<(HttpClient Nurse, Episode Episode)> NewEpisodeAsync(string title)
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");
        using (var opened = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{laura.Id}/Episode", new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Customership"] = "Cooperating" }))
        {
            Assert.True(opened.StatusCode == HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync(Ct));
        }

        return (nurse, (await app.EpisodesAsync("laura-aaltola")).Single(e => e.Title == title));
    }

    private async Task<Episode> StoredAsync(Guid id) => (await app.EpisodesAsync("laura-aaltola")).Single(e => e.Id == id);

    [Fact]
    public async Task Close_WithATooLongReason_NamesTheField_AndWithAStaleVersion_GivesTheConflictMessage()
    {
        var (nurse, episode) = await NewEpisodeAsync("Sulkemisen lomaketesti");
        var page = $"/Paths/Episode/{episode.Id}/Close";

        using (var tooLong = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Version"] = V(episode.Version), ["Input.Reason"] = new string('x', 2001) }))
        {
            var html = await tooLong.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
            Assert.Contains("Päättämisen syy on liian pitkä", html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        }

        using (var stale = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Version"] = V(episode.Version + 1), ["Input.Reason"] = "" }))
        {
            var html = await stale.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("Joku muu ehti muuttaa tätä samaan aikaan.", html, StringComparison.Ordinal);
        }

        Assert.True((await StoredAsync(episode.Id)).IsOpen);
    }

    [Fact]
    public async Task Close_WhileAReferralWaits_IsRefusedNamingIt_ThenAfterRevokingClosed_AndTheClientSeesItClosed()
    {
        var (nurse, episode) = await NewEpisodeAsync("Sulkeminen odottavan lähetteen kanssa");
        var laura = await app.ClientAsync("laura-aaltola");
        using (var sent = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{laura.Id}/Refer?episode={episode.Id}", new Dictionary<string, string>
        {
            ["Episode"] = episode.Id.ToString(),
            ["Input.Kind"] = "Referral",
            ["Input.ToOrganisationId"] = V(await app.OrganisationIdAsync("perheneuvola")),
            ["Input.Reason"] = "Sulkemistestin lähete",
            ["Input.Consent"] = "yes",
        }))
        {
            Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync(Ct));
        }

        var page = $"/Paths/Episode/{episode.Id}/Close";
        var form = await nurse.GetStringAsync(page, Ct);
        Assert.Contains("Nämä lähetteet odottavat vastausta:", form, StringComparison.Ordinal);
        Assert.Contains("Järvilaakson perheneuvola, lähetetty", form, StringComparison.Ordinal);
        using (var refused = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Version"] = V(episode.Version), ["Input.Reason"] = "Valmis" }))
        {
            var html = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Palvelujaksoa ei voi päättää, koska sen lähetteet odottavat vielä vastausta.", html, StringComparison.Ordinal);
        }

        Assert.True((await StoredAsync(episode.Id)).IsOpen);
        var referral = (await app.ReferralsAsync("laura-aaltola")).Single(r => r.Reason == "Sulkemistestin lähete");
        using (var revoked = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Referral/{referral.Id}", new Dictionary<string, string> { ["action"] = "Revoke", ["Input.Version"] = V(referral.Version) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        using (var closed = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Version"] = V((await StoredAsync(episode.Id)).Version), ["Input.Reason"] = "Tavoitteet saavutettu" }))
        {
            Assert.True(closed.StatusCode == HttpStatusCode.Redirect, await closed.Content.ReadAsStringAsync(Ct));
            Assert.Equal($"/Paths/Client/{laura.Id}", closed.Headers.Location!.OriginalString);
        }

        var stored = await StoredAsync(episode.Id);
        Assert.False(stored.IsOpen);
        var path = await nurse.GetStringAsync($"/Paths/Client/{laura.Id}", Ct);
        Assert.Contains("Palvelujakso päätettiin.", path, StringComparison.Ordinal);
        Assert.Contains("jakso päätettiin (päätti Anna-Kaisa Rinne)", path, StringComparison.Ordinal);
        Assert.Contains("Syy: Tavoitteet saavutettu", path, StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("laura-aaltola"), e => e.Resource == "paths.path" && e.ActorName == "Anna-Kaisa Rinne" && e.Action == Polku.Core.Audit.AuditAction.Change);

        var mother = await app.LogInAsAsync("asiakas");
        var mine = await mother.GetStringAsync("/Me/Path", Ct);
        var endDate = Polku.Core.FinnishTime.ToLocal(stored.EndedAt!.Value).ToString("d", CultureInfo.GetCultureInfo("fi-FI"));
        Assert.Contains("Sulkeminen odottavan lähetteen kanssa", mine, StringComparison.Ordinal);
        Assert.Contains("Päättynyt " + endDate, mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_AddWithoutChoice_NamesTheField_ThenAddAndRemove_WithAStaleRemovalRefused()
    {
        var (nurse, episode) = await NewEpisodeAsync("Tiimitesti");
        var page = $"/Paths/Episode/{episode.Id}/Team";

        using (var empty = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Version"] = V(episode.Version), ["Input.ProfessionalId"] = "" }))
        {
            var html = await empty.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Ammattilainen on pakollinen tieto.", html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        }

        var minna = MinnaOption().Match(await nurse.GetStringAsync(page, Ct)).Groups[1].Value;
        Assert.NotEmpty(minna);
        using (var added = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Version"] = V(episode.Version), ["Input.ProfessionalId"] = minna }))
        {
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync(Ct));
        }

        var team = await nurse.GetStringAsync(page, Ct);
        Assert.Contains("Ammattilainen lisättiin hoitotiimiin.", team, StringComparison.Ordinal);
        Assert.Contains("Minna Karjalainen, tiimissä", team, StringComparison.Ordinal);
        var laura = await app.ClientAsync("laura-aaltola");
        Assert.Contains("Minna Karjalainen, tiimissä", await nurse.GetStringAsync($"/Paths/Client/{laura.Id}", Ct), StringComparison.Ordinal);

        var memberId = MemberIdField().Match(team).Groups[1].Value;
        var version = (await StoredAsync(episode.Id)).Version;
        using (var stale = await PolkuWebApp.PostFormAsync(nurse, page, page + "?handler=Remove", new Dictionary<string, string> { ["Version"] = V(version - 1), ["MemberId"] = memberId }))
        {
            var html = await stale.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("Joku muu ehti muuttaa tätä samaan aikaan.", html, StringComparison.Ordinal);
        }

        using (var removed = await PolkuWebApp.PostFormAsync(nurse, page, page + "?handler=Remove", new Dictionary<string, string> { ["Version"] = V(version), ["MemberId"] = memberId }))
        {
            Assert.True(removed.StatusCode == HttpStatusCode.Redirect, await removed.Content.ReadAsStringAsync(Ct));
        }

        var after = await nurse.GetStringAsync(page, Ct);
        Assert.Contains("Ammattilainen poistettiin hoitotiimistä.", after, StringComparison.Ordinal);
        Assert.Contains("Tiimissä ei ole jäseniä.", after, StringComparison.Ordinal);

        var json = await nurse.GetStringAsync($"/fhir/r4/Patient/{laura.Id}/$everything", Ct);
        var careTeam = new FhirJsonDeserializer().Deserialize<Bundle>(json).Entry.Select(e => e.Resource).OfType<CareTeam>().Single(t => t.Id == episode.Id.ToString());
        var past = Assert.Single(careTeam.Participant);
        Assert.Equal("Minna Karjalainen", past.Member!.Display);
        Assert.NotNull(past.Period?.End);
    }

    [Fact]
    public async Task ProfessionalWithoutCareRelationship_GetsForbidden_OnTheCloseAndTeamForms()
    {
        var episode = (await app.EpisodesAsync("eino-lehtinen")).FirstOrDefault();
        Assert.NotNull(episode);
        var nurse = await app.LogInAsAsync("ammattilainen");

        foreach (var page in new[] { $"/Paths/Episode/{episode.Id}/Close", $"/Paths/Episode/{episode.Id}/Team" })
        {
            using var shown = await nurse.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        }

        var laura = await app.ClientAsync("laura-aaltola");
        using var closing = await PolkuWebApp.PostFormAsync(
            nurse, $"/Paths/Client/{laura.Id}/Episode", $"/Paths/Episode/{episode.Id}/Close", new Dictionary<string, string> { ["Input.Version"] = V(episode.Version) });
        Assert.Equal(HttpStatusCode.Forbidden, closing.StatusCode);
        Assert.True((await app.EpisodesAsync("eino-lehtinen")).Single(e => e.Id == episode.Id).IsOpen);
    }
}
