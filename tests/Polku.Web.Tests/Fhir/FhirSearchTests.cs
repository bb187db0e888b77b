using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Polku.Core.Audit;
using Polku.Testing;
using Task = System.Threading.Tasks.Task;

namespace Polku.Web.Tests.Fhir;

public sealed class FhirSearchOnSqliteTests(SqliteApp app) : FhirSearchTests<SqliteApp>(app);

public sealed class FhirSearchOnPostgresTests(PostgresApp app) : FhirSearchTests<PostgresApp>(app);

/// <summary>The searches a FHIR client needs, the reads added for them, who may do what, and errors as OperationOutcomes.</summary>
public abstract class FhirSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : PolkuWebApp
{
    private const string IdentityCodeSystem = "urn:oid:1.2.246.21";
    private static readonly FhirJsonDeserializer Parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Patient_by_personal_identity_code_is_access_checked_and_audited()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var stranger = await app.LogInAsAsync("ammattilainen");
        var eino = await app.ClientAsync("eino-lehtinen");
        var query = "/fhir/r4/Patient?identifier=" + Uri.EscapeDataString($"{IdentityCodeSystem}|{laura.PersonalIdentityCode}");
        var exportsBefore = (await app.AuditEntriesAsync("laura-aaltola")).Count(e => e.Action == AuditAction.Export);

        var found = await SearchAsync(worker, query);
        Assert.Equal("Patient/" + laura.Id, Assert.Single(found).TypeName + "/" + found[0].Id);
        Assert.Single(await SearchAsync(worker, "/fhir/r4/Patient?identifier=" + laura.PersonalIdentityCode.ToLowerInvariant()));
        Assert.Empty(await SearchAsync(worker, "/fhir/r4/Patient?identifier=" + Uri.EscapeDataString("urn:other|" + laura.PersonalIdentityCode)));
        var exportsAfter = (await app.AuditEntriesAsync("laura-aaltola")).Count(e => e.Action == AuditAction.Export);
        Assert.Equal(exportsBefore + 2, exportsAfter);

        // Someone without a care relationship learns nothing, and the attempt is in the client's access log.
        var deniedBefore = (await app.AuditEntriesAsync("eino-lehtinen")).Count(e => e.Action == AuditAction.Denied);
        Assert.Empty(await SearchAsync(stranger, "/fhir/r4/Patient?identifier=" + Uri.EscapeDataString($"{IdentityCodeSystem}|{eino.PersonalIdentityCode}")));
        Assert.Equal(deniedBefore + 1, (await app.AuditEntriesAsync("eino-lehtinen")).Count(e => e.Action == AuditAction.Denied));

        await AssertOutcomeAsync(app.Anonymous(), query, HttpStatusCode.Unauthorized);
        await AssertOutcomeAsync(worker, "/fhir/r4/Patient", HttpStatusCode.BadRequest);
        await AssertOutcomeAsync(worker, "/fhir/r4/Patient?identifier=" + Uri.EscapeDataString(IdentityCodeSystem + "|not-a-code"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Episodes_and_requests_by_patient_follow_the_read_rule()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var stranger = await app.LogInAsAsync("ammattilainen");
        var episodes = await app.EpisodesAsync("laura-aaltola");
        var referrals = await app.ReferralsAsync("laura-aaltola");

        var found = await SearchAsync(worker, $"/fhir/r4/EpisodeOfCare?patient=Patient/{laura.Id}");
        Assert.Equal(episodes.Select(e => e.Id.ToString()).Order(), found.Select(r => r.Id).Order());
        Assert.All(found, r => Assert.IsType<EpisodeOfCare>(r));
        var requests = await SearchAsync(worker, $"/fhir/r4/ServiceRequest?patient={laura.Id}");
        Assert.Equal(referrals.Select(r => r.Id.ToString()).Order(), requests.Select(r => r.Id).Order());
        Assert.Empty(await SearchAsync(worker, $"/fhir/r4/ServiceRequest?patient=Patient/{Guid.NewGuid()}"));

        var eino = await app.ClientAsync("eino-lehtinen");
        await AssertOutcomeAsync(stranger, $"/fhir/r4/EpisodeOfCare?patient=Patient/{eino.Id}", HttpStatusCode.Forbidden);
        await AssertOutcomeAsync(app.Anonymous(), $"/fhir/r4/ServiceRequest?patient={laura.Id}", HttpStatusCode.Unauthorized);
        await AssertOutcomeAsync(worker, "/fhir/r4/EpisodeOfCare", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Tasks_by_owner_hold_only_clients_the_reader_may_see()
    {
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var stranger = await app.LogInAsAsync("ammattilainen");
        var bundle = Parser.Deserialize<Bundle>(await worker.GetStringAsync($"/fhir/r4/Patient/{(await app.ClientAsync("laura-aaltola")).Id}/$everything", Ct));
        var owner = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Task>().First().Owner!.Reference!;

        var tasks = (await SearchAsync(worker, "/fhir/r4/Task?owner=" + owner)).Cast<Hl7.Fhir.Model.Task>().ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.Equal(owner, t.Owner?.Reference));
        foreach (var task in tasks)
        {
            var patient = task.For!.Reference!;
            using var read = await worker.GetAsync("/fhir/r4/" + patient, Ct);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // The stranger sees only the tasks of clients they may see — each of them readable to them too.
        foreach (var task in (await SearchAsync(stranger, "/fhir/r4/Task?owner=" + owner)).Cast<Hl7.Fhir.Model.Task>())
        {
            using var read = await stranger.GetAsync("/fhir/r4/" + task.For!.Reference, Ct);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // A signed-in user who does no client work finds none of them, and nothing was opened on their behalf.
        var administrator = await app.LogInAsAsync("yllapito");
        var auditBefore = (await app.AuditEntriesAsync("laura-aaltola")).Count;
        Assert.Empty(await SearchAsync(administrator, "/fhir/r4/Task?owner=" + owner));
        Assert.Equal(auditBefore, (await app.AuditEntriesAsync("laura-aaltola")).Count);
        await AssertOutcomeAsync(worker, "/fhir/r4/Task", HttpStatusCode.BadRequest);
        await AssertOutcomeAsync(worker, "/fhir/r4/Task?owner=Patient/1", HttpStatusCode.BadRequest);
        await AssertOutcomeAsync(app.Anonymous(), "/fhir/r4/Task?owner=" + owner, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Consent_reads_by_id_like_the_rest_of_the_path_and_names_its_policy()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var bundle = Parser.Deserialize<Bundle>(await worker.GetStringAsync($"/fhir/r4/Patient/{laura.Id}/$everything", Ct));
        var consent = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Consent>().First();

        var read = Parser.Deserialize<Hl7.Fhir.Model.Consent>(await worker.GetStringAsync($"/fhir/r4/Consent/{consent.Id}", Ct));
        Assert.True(consent.IsExactly(read));
        Assert.Equal("OPTIN", read.PolicyRule?.Coding.Single().Code);
        await AssertOutcomeAsync(await app.LogInAsAsync("yllapito"), $"/fhir/r4/Consent/{consent.Id}", HttpStatusCode.Forbidden);
        await AssertOutcomeAsync(app.Anonymous(), $"/fhir/r4/Consent/{consent.Id}", HttpStatusCode.Unauthorized);
        await AssertOutcomeAsync(worker, "/fhir/r4/Consent/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Practitioners_are_for_signed_in_users_and_name_their_organisation()
    {
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var client = await app.LogInAsAsync("asiakas");
        var bundle = Parser.Deserialize<Bundle>(await client.GetStringAsync($"/fhir/r4/Patient/{(await app.ClientAsync("laura-aaltola")).Id}/$everything", Ct));
        var manager = bundle.Entry.Select(e => e.Resource).OfType<EpisodeOfCare>().First(e => e.CareManager is not null).CareManager!;

        var practitioner = Parser.Deserialize<Practitioner>(await client.GetStringAsync("/fhir/r4/" + manager.Reference, Ct));
        Assert.Equal(manager.Display, $"{practitioner.Name[0].Given.Single()} {practitioner.Name[0].Family}");
        Assert.Empty(practitioner.Telecom);
        var role = Parser.Deserialize<PractitionerRole>(await worker.GetStringAsync($"/fhir/r4/PractitionerRole/{practitioner.Id}", Ct));
        Assert.Equal(manager.Reference, role.Practitioner?.Reference);
        using var organisation = await app.Anonymous().GetAsync("/fhir/r4/" + role.Organization!.Reference, Ct);
        Assert.Equal(HttpStatusCode.OK, organisation.StatusCode);

        await AssertOutcomeAsync(app.Anonymous(), "/fhir/r4/" + manager.Reference, HttpStatusCode.Unauthorized);
        await AssertOutcomeAsync(worker, "/fhir/r4/Practitioner/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Questionnaires_resolve_by_canonical_url_and_status()
    {
        var anonymous = app.Anonymous();
        var all = (await SearchAsync(anonymous, "/fhir/r4/Questionnaire")).Cast<Questionnaire>().ToList();
        var current = Assert.Single(all, q => q.Status == PublicationStatus.Active);

        var byUrl = await SearchAsync(anonymous, "/fhir/r4/Questionnaire?url=" + Uri.EscapeDataString(current.Url!));
        Assert.Contains(byUrl, q => q.Id == current.Id);
        Assert.Equal(current.Id, Assert.Single(await SearchAsync(anonymous, $"/fhir/r4/Questionnaire?url={Uri.EscapeDataString(current.Url + "|" + current.Version)}&status=active")).Id);
        Assert.Empty(await SearchAsync(anonymous, "/fhir/r4/Questionnaire?url=" + Uri.EscapeDataString("https://polku.example/fhir/Questionnaire/nothing")));
        Assert.Equal(all.Count(q => q.Status == PublicationStatus.Retired), (await SearchAsync(anonymous, "/fhir/r4/Questionnaire?status=retired")).Count);
        await AssertOutcomeAsync(anonymous, "/fhir/r4/Questionnaire?status=sideways", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Polku_code_systems_and_extensions_read_by_their_canonical_url()
    {
        var anonymous = app.Anonymous();
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var everything = await worker.GetStringAsync($"/fhir/r4/Patient/{(await app.ClientAsync("laura-aaltola")).Id}/$everything", Ct);
        var used = System.Text.RegularExpressions.Regex.Matches(everything, "\"system\":\"(https://polku\\.example/[^\"]+)\"")
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(used);
        foreach (var system in used)
        {
            var codeSystem = Assert.IsType<CodeSystem>(Assert.Single(await SearchAsync(anonymous, "/fhir/r4/CodeSystem?url=" + Uri.EscapeDataString(system))));
            Assert.Equal(system, codeSystem.Url);
            using var byId = await anonymous.GetAsync($"/fhir/r4/CodeSystem/{codeSystem.Id}", Ct);
            Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        }

        var channel = Parser.Deserialize<CodeSystem>(await anonymous.GetStringAsync("/fhir/r4/CodeSystem/channel", Ct));
        Assert.Equal("puhelin", channel.Concept.Single(c => c.Code == "Phone").Display);
        Assert.Equal("telefon", channel.Concept.Single(c => c.Code == "Phone").Designation.Single(d => d.Language == "sv").Value);

        const string Rating = "https://polku.example/fhir/StructureDefinition/experience-rating";
        var extension = Assert.IsType<StructureDefinition>(Assert.Single(await SearchAsync(anonymous, "/fhir/r4/StructureDefinition?url=" + Uri.EscapeDataString(Rating))));
        Assert.Equal("Extension", extension.Type);
        Assert.Empty(await SearchAsync(anonymous, "/fhir/r4/CodeSystem?url=" + Uri.EscapeDataString("https://polku.example/fhir/CodeSystem/nothing")));
        await AssertOutcomeAsync(anonymous, "/fhir/r4/CodeSystem/nothing", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_error_under_the_base_is_an_OperationOutcome_never_a_page()
    {
        var anonymous = app.Anonymous();
        var worker = await app.LogInAsAsync("vastuutyontekija");
        await AssertOutcomeAsync(anonymous, "/fhir/r4/Observation/1", HttpStatusCode.NotFound);
        await AssertOutcomeAsync(anonymous, "/fhir/r4/NoSuchType", HttpStatusCode.NotFound);
        await AssertOutcomeAsync(anonymous, "/fhir/r4/Organization/not-a-number", HttpStatusCode.NotFound);
        await AssertOutcomeAsync(worker, "/fhir/r4/Patient/not-a-guid", HttpStatusCode.NotFound);
        await AssertOutcomeAsync(worker, "/fhir/r4/EpisodeOfCare/not-a-guid", HttpStatusCode.NotFound);
        await AssertOutcomeAsync(worker, $"/fhir/r4/Patient/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await AssertOutcomeAsync(anonymous, "/fhir/r4/Questionnaire/nothing-1", HttpStatusCode.NotFound);
        await AssertOutcomeAsync(anonymous, "/fhir/r4/metadata?_format=xml", HttpStatusCode.NotAcceptable);
        await AssertOutcomeAsync(anonymous, "/fhir/r4/Organization", HttpStatusCode.NotAcceptable, "application/fhir+xml");
        await AssertOutcomeAsync(anonymous, "/fhir/r4/Nothing/1", HttpStatusCode.NotAcceptable, "text/html");

        using var post = await anonymous.PostAsync("/fhir/r4/Patient", new StringContent("{}", System.Text.Encoding.UTF8, "application/fhir+json"), Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("OperationOutcome", Parser.Deserialize<Resource>(await post.Content.ReadAsStringAsync(Ct)).TypeName);

        // A browser's Accept header (HTML first, anything after) still gets JSON.
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/fhir/r4/metadata");
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var metadata = await anonymous.SendAsync(browser, Ct);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal("application/fhir+json", metadata.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<List<Resource>> SearchAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {json}");
        var bundle = Parser.Deserialize<Bundle>(json);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(bundle.Entry.Count, bundle.Total);
        return [.. bundle.Entry.Select(e => e.Resource).OfType<Resource>()];
    }

    private static async Task AssertOutcomeAsync(HttpClient client, string path, HttpStatusCode status, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{path}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/fhir+json", $"{path}: {response.Content.Headers.ContentType} {body}");
        Assert.Equal("OperationOutcome", Parser.Deserialize<Resource>(body).TypeName);
    }
}
