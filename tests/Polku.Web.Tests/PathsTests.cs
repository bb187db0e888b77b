using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Polku.Core.Paths;
using Polku.Testing;
using Polku.Web.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Polku.Web.Tests;

public sealed class PathsOnSqliteTests(SqliteApp app) : PathsTests<SqliteApp>(app);

public sealed class PathsOnPostgresTests(PostgresApp app) : PathsTests<PostgresApp>(app);

/// <summary>Client paths through HTTP: authorisation of every role on every page, the referral workflow and Minun polkuni.</summary>
public abstract class PathsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string V(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static TheoryData<string, string, HttpStatusCode> ClientPathPages() => new()
    {
        { "ammattilainen", "laura-aaltola", HttpStatusCode.OK },
        { "vastuutyontekija", "laura-aaltola", HttpStatusCode.OK },
        { "ammattilainen", "eino-lehtinen", HttpStatusCode.Forbidden },
        { "vastuutyontekija", "eetu-aaltola", HttpStatusCode.Forbidden },
        { "asiakas", "laura-aaltola", HttpStatusCode.Redirect },
        { "johto", "laura-aaltola", HttpStatusCode.Redirect },
        { "muotoilija", "laura-aaltola", HttpStatusCode.Redirect },
        { "yllapito", "laura-aaltola", HttpStatusCode.Redirect },
    };

    [Theory]
    [MemberData(nameof(ClientPathPages))]
    public async Task EveryRole_OnEveryClientPathPage_GetsInOnlyThroughACareRelationship(string user, string clientKey, HttpStatusCode expected)
    {
        var target = await app.ClientAsync(clientKey);
        var episode = (await app.EpisodesAsync(clientKey)).FirstOrDefault()?.Id;
        var referral = (await app.ReferralsAsync(clientKey)).FirstOrDefault()?.Id;
        var client = await app.LogInAsAsync(user);
        var paths = new List<string> { $"/Paths/Client/{target.Id}", $"/Paths/Client/{target.Id}/Episode", $"/Paths/Client/{target.Id}/Notes" };
        if (episode is { } e)
        {
            paths.AddRange([$"/Paths/Client/{target.Id}/Refer?episode={e}", $"/Paths/Client/{target.Id}/Touchpoint?episode={e}", $"/Paths/Episode/{e}/Worker", $"/Paths/Episode/{e}/Team", $"/Paths/Episode/{e}/Close"]);
        }

        if (referral is { } r)
        {
            paths.Add($"/Paths/Referral/{r}");
        }

        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(expected == response.StatusCode, $"{user} {path}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    public static TheoryData<string, string, bool> RolePages() => new()
    {
        { "asiakas", "/Me/Path", true }, { "asiakas", "/Paths", false },
        { "ammattilainen", "/Paths", true }, { "ammattilainen", "/Me/Path", false },
        { "vastuutyontekija", "/Paths", true }, { "vastuutyontekija", "/Me/Path", false },
        { "johto", "/Paths", false }, { "johto", "/Me/Path", false },
        { "muotoilija", "/Paths", false }, { "muotoilija", "/Me/Path", false },
        { "yllapito", "/Paths", false }, { "yllapito", "/Me/Path", false },
    };

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task EveryRole_GetsExactlyItsOwnPathPages(string user, string path, bool allowed)
    {
        var client = await app.LogInAsAsync(user);

        using var response = await client.GetAsync(path, Ct);

        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_FromEveryPathPage()
    {
        foreach (var path in new[] { "/Paths", "/Me/Path", $"/Paths/Client/{Guid.NewGuid()}" })
        {
            using var response = await app.Anonymous().GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ClientPath_ShowsTheResponsibleWorker_TheMapAndItsTable()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");

        var html = await nurse.GetStringAsync($"/Paths/Client/{laura.Id}", Ct);

        Assert.Contains("Minna Karjalainen", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Polkukartan tiedot taulukkona", html, StringComparison.Ordinal);
        Assert.Contains("Viitepolku", html, StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("laura-aaltola"), e => e.Resource == "paths.path" && e.ActorName == "Anna-Kaisa Rinne");
    }

    [Fact]
    public async Task Refer_WithoutConsentOrReason_IsRefusedWithMessages_AndNothingIsStored()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var episode = (await app.EpisodesAsync("laura-aaltola"))[0];
        var before = (await app.ReferralsAsync("laura-aaltola")).Count;
        var nurse = await app.LogInAsAsync("ammattilainen");

        using var response = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{laura.Id}/Refer?episode={episode.Id}", new Dictionary<string, string>
        {
            ["Episode"] = episode.Id.ToString(),
            ["Input.Kind"] = "Referral",
            ["Input.ToOrganisationId"] = V(await app.OrganisationIdAsync("perhetuki-jarvilaakso")),
            ["Input.Reason"] = "",
            ["Input.Consent"] = "override",
            ["Input.OverrideReason"] = "",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kirjoita perustelu, kun asiakkaan suostumusta ei ole.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await app.ReferralsAsync("laura-aaltola")).Count);
    }

    [Fact]
    public async Task ReferForm_AsksForTheConsentBasis_AsAnActiveChoice()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var episode = (await app.EpisodesAsync("laura-aaltola"))[0];
        var before = (await app.ReferralsAsync("laura-aaltola")).Count;
        var nurse = await app.LogInAsAsync("ammattilainen");

        var form = await nurse.GetStringAsync($"/Paths/Client/{laura.Id}/Refer?episode={episode.Id}", Ct);
        Assert.Matches("<input(?=[^>]*name=\"Input.Consent\")(?=[^>]*type=\"radio\")(?=[^>]*value=\"yes\")", form);
        Assert.Matches("<input(?=[^>]*name=\"Input.Consent\")(?=[^>]*type=\"radio\")(?=[^>]*value=\"override\")", form);
        Assert.DoesNotMatch("<input(?=[^>]*name=\"Input.Consent\")(?=[^>]*checked)", form);

        using var response = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{laura.Id}/Refer?episode={episode.Id}", new Dictionary<string, string>
        {
            ["Episode"] = episode.Id.ToString(),
            ["Input.Kind"] = "Referral",
            ["Input.ToOrganisationId"] = V(await app.OrganisationIdAsync("perhetuki-jarvilaakso")),
            ["Input.Reason"] = "Perheen tuen tarve",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Asiakkaan suostumus on pakollinen tieto.", html, StringComparison.Ordinal);
        Assert.Equal(before, (await app.ReferralsAsync("laura-aaltola")).Count);
    }

    [Fact]
    public async Task ReferAcceptAndClientView_EndToEnd_TheUnansweredAlertClears()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var episode = (await app.EpisodesAsync("laura-aaltola"))[0];
        var nurse = await app.LogInAsAsync("ammattilainen");
        var worker = await app.LogInAsAsync("vastuutyontekija");

        using (var sent = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{laura.Id}/Refer?episode={episode.Id}", new Dictionary<string, string>
        {
            ["Episode"] = episode.Id.ToString(),
            ["Input.Kind"] = "Referral",
            ["Input.ToOrganisationId"] = V(await app.OrganisationIdAsync("perheneuvola")),
            ["Input.Reason"] = "Esikoisen uniongelmat",
            ["Input.Consent"] = "yes",
        }))
        {
            Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync(Ct));
        }

        var fresh = (await app.ReferralsAsync("laura-aaltola")).Single(r => r.Reason == "Esikoisen uniongelmat");
        Assert.Equal(ReferralStatus.Requested, fresh.Status);

        var desk = await worker.GetStringAsync("/Paths", Ct);
        Assert.Contains("Lähetteeseen ei ole vastattu", desk, StringComparison.Ordinal);
        var pending = (await app.ReferralsAsync("laura-aaltola")).Single(r => r.Status == ReferralStatus.Requested && r.Reason.Contains("kotipalvelua", StringComparison.Ordinal));
        using (var accepted = await PolkuWebApp.PostFormAsync(worker, $"/Paths/Referral/{pending.Id}", new Dictionary<string, string>
        {
            ["action"] = "Accept",
            ["Input.Version"] = V(pending.Version),
        }))
        {
            Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, await accepted.Content.ReadAsStringAsync(Ct));
        }

        desk = await worker.GetStringAsync("/Paths", Ct);
        Assert.DoesNotContain("Lähetteeseen ei ole vastattu", desk, StringComparison.Ordinal);

        var mother = await app.LogInAsAsync("asiakas");
        using (var switched = await PolkuWebApp.PostFormAsync(mother, "/Language", new Dictionary<string, string> { ["language"] = "sv", ["returnUrl"] = "/Me/Path" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        var mine = await mother.GetStringAsync("/Me/Path", Ct);
        Assert.Contains("<html lang=\"sv\">", mine, StringComparison.Ordinal);
        Assert.Contains("Min stig", mine, StringComparison.Ordinal);
        Assert.Contains("Godkänd", mine, StringComparison.Ordinal);
        Assert.Contains("Minna Karjalainen", mine, StringComparison.Ordinal);
        Assert.Contains("/Me/AccessLog", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerFromAStalePage_GetsTheConflictMessage_AndTheFirstAnswerStays()
    {
        var episode = (await app.EpisodesAsync("faduma-abdi"))[0];
        var faduma = await app.ClientAsync("faduma-abdi");
        var nurse = await app.LogInAsAsync("ammattilainen");
        using (var sent = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{faduma.Id}/Refer?episode={episode.Id}", new Dictionary<string, string>
        {
            ["Episode"] = episode.Id.ToString(),
            ["Input.Kind"] = "Referral",
            ["Input.ToOrganisationId"] = V(await app.OrganisationIdAsync("lapsiperheiden-sosiaalityo")),
            ["Input.Reason"] = "Arjen tuki",
            ["Input.Consent"] = "yes",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var referral = (await app.ReferralsAsync("faduma-abdi")).Single(r => r.Reason == "Arjen tuki");
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var page = $"/Paths/Referral/{referral.Id}";
        using (var revoked = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["action"] = "Revoke", ["Input.Version"] = V(referral.Version) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        using var late = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["action"] = "Revoke", ["Input.Version"] = V(referral.Version) });
        var html = await late.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Joku muu ehti muuttaa tätä samaan aikaan.", html, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Revoked, (await app.ReferralsAsync("faduma-abdi")).Single(r => r.Id == referral.Id).Status);
        using var refused = await worker.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task FhirEverything_IsABundleThatRoundTripsWithTheFirelySdk_AndIsAudited()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var worker = await app.LogInAsAsync("vastuutyontekija");

        using var response = await worker.GetAsync($"/fhir/r4/Patient/{laura.Id}/$everything", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);
        var again = new FhirJsonDeserializer().Deserialize<Bundle>(bundle.ToJson());
        Assert.True(bundle.IsExactly(again));
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        var patient = Assert.Single(resources.OfType<Patient>());
        Assert.Equal((PathsFhir.IdentityCodeSystem, laura.PersonalIdentityCode), (patient.Identifier[0].System, patient.Identifier[0].Value));
        var episode = resources.OfType<EpisodeOfCare>().First();
        Assert.Equal("Minna Karjalainen", episode.CareManager!.Display);
        Assert.Equal("CareTeam/" + episode.Id, episode.Team[0].Reference);
        Assert.Contains(resources.OfType<CareTeam>(), t => t.Id == episode.Id);
        var referrals = await app.ReferralsAsync("laura-aaltola");
        Assert.Equal(referrals.Count, resources.OfType<ServiceRequest>().Count());
        Assert.Equal(referrals.Count, resources.OfType<Hl7.Fhir.Model.Task>().Count());
        Assert.Contains(resources.OfType<Hl7.Fhir.Model.Task>(), t => t.Status == Hl7.Fhir.Model.Task.TaskStatus.Completed);
        Assert.NotEmpty(resources.OfType<Encounter>());
        Assert.NotEmpty(resources.OfType<Hl7.Fhir.Model.Consent>());
        Assert.Contains(await app.AuditEntriesAsync("laura-aaltola"), e => e.Resource == "paths.fhir" && e.Action == Polku.Core.Audit.AuditAction.Export);
    }

    [Fact]
    public async Task FhirPatient_WithoutSignIn_Is401_AndWithoutCareRelationship_Is403()
    {
        var eino = await app.ClientAsync("eino-lehtinen");

        using var anonymous = await app.Anonymous().GetAsync($"/fhir/r4/Patient/{eino.Id}", Ct);
        using var stranger = await (await app.LogInAsAsync("ammattilainen")).GetAsync($"/fhir/r4/Patient/{eino.Id}/$everything", Ct);
        using var own = await (await app.LogInAsAsync("asiakas")).GetAsync($"/fhir/r4/Patient/{(await app.ClientAsync("laura-aaltola")).Id}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("Aaltola", new FhirJsonDeserializer().Deserialize<Patient>(await own.Content.ReadAsStringAsync(Ct)).Name[0].Family);
    }

    [Fact]
    public async Task Guardian_SeesAMinorChildsPath_ButNotTheOtherGuardiansPath()
    {
        var eetu = await app.ClientAsync("eetu-aaltola");
        var jussi = await app.ClientAsync("jussi-aaltola");
        var mother = await app.LogInAsAsync("asiakas");

        using var child = await mother.GetAsync($"/Me/Path?client={eetu.Id}", Ct);
        using var spouse = await mother.GetAsync($"/Me/Path?client={jussi.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, child.StatusCode);
        Assert.Contains("Lapsen polku: Eetu Aaltola", await child.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, spouse.StatusCode);
    }
}
