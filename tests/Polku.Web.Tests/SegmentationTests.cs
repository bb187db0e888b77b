using System.Net;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Segmentation;
using Polku.Testing;
using Task = System.Threading.Tasks.Task;

namespace Polku.Web.Tests;

/// <summary>Customership assessment through HTTP, on SQLite and on PostgreSQL.</summary>
public abstract partial class SegmentationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Answers(int count, int value) =>
        Enumerable.Range(0, count).ToDictionary(i => $"Input.Answers[{i}]", _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<(HttpClient Nurse, Guid Client, string Path)> StartAsync(string clientKey = "laura-aaltola")
    {
        var client = await app.ClientAsync(clientKey);
        var nurse = await app.LogInAsAsync("ammattilainen");
        using var started = await PolkuWebApp.PostFormAsync(nurse, $"/Clients/{client.Id}/Assessments", new Dictionary<string, string>());
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, await started.Content.ReadAsStringAsync(Ct));
        return (nurse, client.Id, started.Headers.Location!.OriginalString);
    }

    private static async Task<string> GiveCodeAsync(HttpClient nurse, string path)
    {
        using var given = await PolkuWebApp.PostFormAsync(nurse, path + "?handler=Code", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        var page = await nurse.GetStringAsync(path, Ct);
        return CodePattern().Match(page).Groups[1].Value;
    }

    [Fact]
    public async Task FullAssessment_CodeAtHome_ThenProfessional_ShowsTheResult_AndConfirmationIsStored()
    {
        var (nurse, clientId, path) = await StartAsync();
        var code = await GiveCodeAsync(nurse, path);
        Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}$", code);

        var home = app.Anonymous();
        var form = await home.GetStringAsync($"/Assessment?code={code}&culture=sv-FI", Ct);
        Assert.Contains("Vi har tillräckligt med krafter för vardagen.", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Laura", form, StringComparison.Ordinal);
        using (var sent = await PolkuWebApp.PostFormAsync(home, $"/Assessment?code={code}", new Dictionary<string, string>(Answers(8, 4)) { ["Code"] = code }))
        {
            Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync(Ct));
            Assert.Equal("/Assessment/Thanks", sent.Headers.Location!.OriginalString);
        }

        var reused = await home.GetStringAsync($"/Assessment?code={code}", Ct);
        Assert.Contains("Koodi ei kelpaa", reused, StringComparison.Ordinal);

        using (var professional = await PolkuWebApp.PostFormAsync(nurse, path + "/ProfessionalPart", Answers(3, 3)))
        {
            Assert.True(professional.StatusCode == HttpStatusCode.Redirect, await professional.Content.ReadAsStringAsync(Ct));
        }

        var result = await nurse.GetStringAsync(path, Ct);
        Assert.Contains("Tulos: Omatoimiasiakkuus", result, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", result, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/Services/\\d+\">", result);
        Assert.DoesNotContain("Tilanteeseen sopivia palveluja ei löytynyt", result, StringComparison.Ordinal);

        using (var noReason = await PolkuWebApp.PostFormAsync(nurse, path + "?handler=Confirm", new Dictionary<string, string> { ["Input.Outcome"] = "Network", ["Input.Reason"] = "" }))
        {
            Assert.Contains("Kirjoita perustelu", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var exit = await PolkuWebApp.PostFormAsync(nurse, path + "?handler=Confirm", new Dictionary<string, string> { ["Input.Outcome"] = "Exit", ["Input.Reason"] = "Pärjää" }))
        {
            Assert.Equal(HttpStatusCode.OK, exit.StatusCode);
        }

        using (var confirmed = await PolkuWebApp.PostFormAsync(nurse, path + "?handler=Confirm", new Dictionary<string, string> { ["Input.Outcome"] = "Cooperating", ["Input.Reason"] = "Tilanne muuttuu pian." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        await using var db = app.Database.CreateContext();
        var stored = await db.Assessments.AsNoTracking().SingleAsync(a => a.ClientId == clientId && a.Outcome != null, Ct);
        Assert.Equal((Customership.SelfActing, Customership.Cooperating, true, ClientPartChannel.Code, "Anna-Kaisa Rinne"),
            (stored.Computed, stored.Outcome, stored.IsOverride, stored.ClientPartVia, stored.ProfessionalPartBy));
        Assert.Null(stored.CodeHash);
        Assert.True((await db.Assessments.CountAsync(a => a.IsOverride, Ct)) >= 1);

        var history = await nurse.GetStringAsync($"/Clients/{clientId}/Assessments", Ct);
        Assert.Contains("Yhteistyöasiakkuus (muutettu)", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_AreOnlyForProfessionalsInACareRelationship_AndEveryViewIsAudited()
    {
        var (nurse, clientId, path) = await StartAsync("eetu-aaltola");
        var before = (await app.AuditEntriesAsync("eetu-aaltola")).Count(e => e.Resource == AuditResources.Assessment);

        using (var own = await nurse.GetAsync(path, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        var worker = await app.LogInAsAsync("vastuutyontekija");
        using (var stranger = await worker.GetAsync(path, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        }

        using (var history = await worker.GetAsync($"/Clients/{clientId}/Assessments", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
        }

        var manager = await app.LogInAsAsync("johto");
        using (var byRole = await manager.GetAsync(path, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, byRole.StatusCode);
        }

        var entries = await app.AuditEntriesAsync("eetu-aaltola");
        Assert.Equal(before + 2, entries.Count(e => e.Resource == AuditResources.Assessment));
        Assert.Contains(entries, e => e.Resource == AuditResources.Assessment && e.Action == AuditAction.Denied && e.ActorName == "Minna Karjalainen");
        Assert.Contains(entries, e => e.Resource == AuditResources.Assessment && e.Action == AuditAction.Read && e.ActorName == "Anna-Kaisa Rinne");
    }

    [Fact]
    public async Task TheCode_FillsOnlyTheClientPart_AndNeverOpensResultsOrTheProfessionalPart()
    {
        var (nurse, _, path) = await StartAsync();
        var code = await GiveCodeAsync(nurse, path);
        var home = app.Anonymous();

        foreach (var other in new[] { path, path + "/ProfessionalPart", path + "/ClientPart", $"{path}?code={code}" })
        {
            using var response = await home.GetAsync(other, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var wrong = await home.GetStringAsync("/Assessment?code=AAAAA-AAAAA", Ct);
        Assert.Contains("Koodi ei kelpaa", wrong, StringComparison.Ordinal);

        using var missing = await PolkuWebApp.PostFormAsync(home, $"/Assessment?code={code}", new Dictionary<string, string>(Answers(7, 2)) { ["Code"] = code });
        var html = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Valitse vastaus.", html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_Answers_7_\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Input_Answers_7_\"", html);
    }

    [Fact]
    public async Task Fhir_QuestionnaireIsPublic_ResponsesNeedACareRelationship_AndBothRoundTrip()
    {
        var anonymous = app.Anonymous();
        var metadata = new FhirJsonDeserializer().Deserialize<CapabilityStatement>(await anonymous.GetStringAsync("/fhir/r4/metadata", Ct))!;
        Assert.Contains(metadata.Rest[0].Resource, r => r.Type == "Questionnaire");
        Assert.Contains(metadata.Rest[0].Resource, r => r.Type == "QuestionnaireResponse");

        var questionnaire = new FhirJsonDeserializer().Deserialize<Questionnaire>(await anonymous.GetStringAsync("/fhir/r4/Questionnaire/polku-families-1", Ct))!;
        Assert.Equal(["client", "professional"], questionnaire.Item.Select(i => i.LinkId));
        Assert.Equal(8, questionnaire.Item[0].Item.Count);

        var (nurse, clientId, path) = await StartAsync();
        var id = path.Split('/')[^1];
        using (var c = await PolkuWebApp.PostFormAsync(nurse, path + "/ClientPart", Answers(8, 1)))
        {
            Assert.Equal(HttpStatusCode.Redirect, c.StatusCode);
        }

        using (var p = await PolkuWebApp.PostFormAsync(nurse, path + "/ProfessionalPart", Answers(3, 0)))
        {
            Assert.Equal(HttpStatusCode.Redirect, p.StatusCode);
        }

        using (var unauthenticated = await anonymous.GetAsync($"/fhir/r4/QuestionnaireResponse/{id}-client", Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        }

        using (var denied = await (await app.LogInAsAsync("yllapito")).GetAsync($"/fhir/r4/QuestionnaireResponse/{id}-client", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var client = new FhirJsonDeserializer().Deserialize<QuestionnaireResponse>(await nurse.GetStringAsync($"/fhir/r4/QuestionnaireResponse/{id}-client", Ct))!;
        var professional = new FhirJsonDeserializer().Deserialize<QuestionnaireResponse>(await nurse.GetStringAsync($"/fhir/r4/QuestionnaireResponse/{id}-professional", Ct))!;
        Assert.Equal("Patient/" + clientId, client.Author?.Reference);
        Assert.StartsWith("Practitioner/", professional.Author?.Reference ?? "", StringComparison.Ordinal);
        Assert.StartsWith("https://polku.example/fhir/Questionnaire/polku-families|", client.Questionnaire, StringComparison.Ordinal);
        Assert.Equal(8, client.Item[0].Item.Count);
        Assert.Equal("0", Assert.IsType<Coding>(professional.Item[0].Item[0].Answer[0].Value).Code);
        var entries = await app.AuditEntriesAsync("laura-aaltola");
        Assert.Contains(entries, e => e.Resource == AuditResources.Assessment && e.Action == AuditAction.Denied);
        Assert.True(entries.Count(e => e.Resource == AuditResources.Assessment && e.Action == AuditAction.Read && e.ActorName == "Anna-Kaisa Rinne") >= 2);
    }

    [Fact]
    public async Task Administrator_LoadsANewVersion_AnInvalidOneIsRejectedWithTheFieldNamed_AndOldAssessmentsKeepTheirs()
    {
        var (_, _, path) = await StartAsync();
        var assessmentId = Guid.Parse(path.Split('/')[^1]);
        var admin = await app.LogInAsAsync("yllapito");
        var broken = Instruments.ExampleJson().Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal).Replace("\"weight\": 1.5", "\"weight\": -1", StringComparison.Ordinal);

        using (var rejected = await PolkuWebApp.PostFormAsync(admin, "/Admin/Instruments", new Dictionary<string, string> { ["Input.Json"] = broken }))
        {
            var html = await rejected.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
            Assert.Contains("Kentän items[0].weight pitää olla suurempi kuin nolla.", html, StringComparison.Ordinal);
        }

        var good = Instruments.ExampleJson().Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);
        using (var loaded = await PolkuWebApp.PostFormAsync(admin, "/Admin/Instruments", new Dictionary<string, string> { ["Input.Json"] = good }))
        {
            Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
        }

        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.InstrumentVersion!.Version).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/fhir/r4/Questionnaire/polku-families-2", Ct)).StatusCode);
    }

    [GeneratedRegex("<strong data-code>([A-Z0-9-]+)</strong>")]
    private static partial Regex CodePattern();
}

public sealed class SegmentationOnSqliteTests(SqliteApp app) : SegmentationTests<SqliteApp>(app);

public sealed class SegmentationOnPostgresTests(PostgresApp app) : SegmentationTests<PostgresApp>(app);
