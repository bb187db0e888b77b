using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Polku.Testing;
using Task = System.Threading.Tasks.Task;

namespace Polku.Web.Tests.Fhir;

public sealed class FhirConformanceOnSqliteTests(SqliteApp app) : FhirConformanceTests<SqliteApp>(app);

public sealed class FhirConformanceOnPostgresTests(PostgresApp app) : FhirConformanceTests<PostgresApp>(app);

/// <summary>
/// Walks everything <c>/fhir/r4</c> serves on the demo county — the public resources, every client's Patient and
/// $everything as a signed-in professional who may see them, each resource by id, every declared search, and every
/// resource a reference points at — and checks each against the base R4 StructureDefinitions with Firely's validator.
/// </summary>
public abstract partial class FhirConformanceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : PolkuWebApp
{
    private const string Base = "/fhir/r4/";
    private static readonly FhirJsonDeserializer Parser = new();

    private static readonly string[] ServedTypes =
    [
        "Patient", "EpisodeOfCare", "CareTeam", "ServiceRequest", "Task", "Encounter", "Consent", "Practitioner", "PractitionerRole", "Organization",
        "HealthcareService", "Questionnaire", "QuestionnaireResponse", "StructureDefinition", "CodeSystem",
    ];

    private static readonly (string Type, string Parameter)[] Searches =
    [
        ("Questionnaire", "url"), ("Questionnaire", "status"), ("Patient", "identifier"), ("EpisodeOfCare", "patient"),
        ("ServiceRequest", "patient"), ("Task", "owner"), ("CodeSystem", "url"), ("StructureDefinition", "url"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_served_resource_validates_against_R4_and_every_reference_resolves()
    {
        var anonymous = app.Anonymous();
        var professionals = new[] { await app.LogInAsAsync("vastuutyontekija"), await app.LogInAsAsync("ammattilainen") };
        var validation = new FhirValidation(await PolkuConformanceAsync(anonymous));
        await RecordAssessmentAsync(professionals[1], "laura-aaltola");

        // Who reads what: public resources anonymously, a client's data as the first professional who may see them.
        var queue = new Queue<(HttpClient Reader, string Path)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Visit(HttpClient reader, string path)
        {
            if (seen.Add(path))
            {
                queue.Enqueue((reader, path));
            }
        }

        foreach (var path in new[] { "metadata", "Organization", "HealthcareService", "Questionnaire", "Questionnaire?status=active", "StructureDefinition", "CodeSystem" })
        {
            Visit(anonymous, path);
        }

        await using (var db = app.Database.CreateContext())
        {
            var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Key).Select(c => c.Id).ToListAsync(Ct);
            var assessments = await db.Assessments.AsNoTracking().ToListAsync(Ct);
            foreach (var client in clients)
            {
                var reader = await FirstAllowedAsync(professionals, $"{Base}Patient/{client}");
                if (reader is null)
                {
                    continue;
                }

                Visit(reader, $"Patient/{client}");
                Visit(reader, $"Patient/{client}/$everything");
                foreach (var a in assessments.Where(a => a.ClientId == client))
                {
                    if (a.HasClientPart)
                    {
                        Visit(reader, $"QuestionnaireResponse/{a.Id}-client");
                    }

                    if (a.HasProfessionalPart)
                    {
                        Visit(reader, $"QuestionnaireResponse/{a.Id}-professional");
                    }
                }
            }
        }

        var errors = new List<string>();
        var resources = new Dictionary<string, Resource>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var next))
        {
            using var response = await next.Reader.GetAsync(Base + next.Path, Ct);
            var json = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/fhir+json")
            {
                errors.Add($"{next.Path}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {Truncate(json)}");
                continue;
            }

            var resource = Parser.Deserialize<Resource>(json);
            errors.AddRange(validation.Errors(resource).Select(e => $"{next.Path}: {e}"));
            var contained = resource is Bundle bundle ? bundle.Entry.Select(e => e.Resource).OfType<Resource>().Prepend(bundle) : [resource];
            foreach (var r in contained.Where(r => r is not Bundle && !string.IsNullOrEmpty(r.Id)))
            {
                resources.TryAdd($"{r.TypeName}/{r.Id}", r);
                Visit(next.Reader, $"{r.TypeName}/{r.Id}");
                foreach (var search in SearchesFor(r))
                {
                    Visit(next.Reader, search);
                }
            }

            if (resource is Bundle b)
            {
                foreach (var fullUrl in b.Entry.Select(e => e.FullUrl).OfType<string>())
                {
                    Visit(next.Reader, Relative(fullUrl) ?? throw new InvalidOperationException($"{next.Path}: fullUrl {fullUrl} is not on this server"));
                }
            }

            foreach (var reference in References(JsonNode.Parse(json)))
            {
                if (Relative(reference) is { } relative)
                {
                    Visit(next.Reader, relative);
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{seen.Count} requests, {resources.Count} distinct resources, {errors.Count} problems, {validation.Warnings.Count} validator warnings ({string.Join("; ", validation.Warnings.Distinct())}): "
            + string.Join(", ", resources.Keys.GroupBy(k => k.Split('/')[0]).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(errors.Count == 0, $"{errors.Count} problems in {seen.Count} requests:\n" + string.Join("\n", errors.Take(80)));
        Assert.All(ServedTypes, type => Assert.Contains(resources.Keys, k => k.StartsWith(type + "/", StringComparison.Ordinal)));

        // Everything served is declared, with the searches a client needs.
        var metadata = Parser.Deserialize<CapabilityStatement>(await anonymous.GetStringAsync(Base + "metadata", Ct));
        var declared = metadata.Rest.Single().Resource.ToDictionary(r => r.Type!, r => r.SearchParam.Select(p => p.Name).ToList());
        Assert.All(resources.Keys.Select(k => k.Split('/')[0]).Distinct(), type => Assert.True(declared.ContainsKey(type), $"{type} is served but not in /metadata"));
        Assert.All(Searches, s => Assert.True(declared[s.Type].Contains(s.Parameter), $"{s.Type}?{s.Parameter} is not in /metadata"));
    }

    /// <summary>A two-part segmentation assessment, through the pages, so that QuestionnaireResponses are served too.</summary>
    private async Task RecordAssessmentAsync(HttpClient nurse, string clientKey)
    {
        var client = await app.ClientAsync(clientKey);
        using var started = await PolkuWebApp.PostFormAsync(nurse, $"/Clients/{client.Id}/Assessments", new Dictionary<string, string>());
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, await started.Content.ReadAsStringAsync(Ct));
        var path = started.Headers.Location!.OriginalString;
        foreach (var (part, count, value) in new[] { ("ClientPart", 8, 3), ("ProfessionalPart", 3, 1) })
        {
            var answers = Enumerable.Range(0, count).ToDictionary(i => $"Input.Answers[{i}]", _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var answered = await PolkuWebApp.PostFormAsync(nurse, $"{path}/{part}", answers);
            Assert.True(answered.StatusCode == HttpStatusCode.Redirect, await answered.Content.ReadAsStringAsync(Ct));
        }
    }

    private static IEnumerable<string> SearchesFor(Resource r) => r switch
    {
        Patient p => [$"EpisodeOfCare?patient=Patient/{p.Id}", $"ServiceRequest?patient={p.Id}",
            .. p.Identifier.Select(i => $"Patient?identifier={Uri.EscapeDataString(i.System + "|" + i.Value)}")],
        Hl7.Fhir.Model.Task t when t.Owner?.Reference is { } owner => [$"Task?owner={owner}"],
        Practitioner p => [$"PractitionerRole/{p.Id}"],
        Questionnaire { Url: { } url } => [$"Questionnaire?url={Uri.EscapeDataString(url)}"],
        _ => [],
    };

    /// <summary>The first of the readers who may read the path, or none.</summary>
    private static async Task<HttpClient?> FirstAllowedAsync(IEnumerable<HttpClient> readers, string path)
    {
        foreach (var reader in readers)
        {
            using var response = await reader.GetAsync(path, Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return reader;
            }
        }

        return null;
    }

    /// <summary>Polku's own StructureDefinitions and CodeSystems, as any client would read them from the server.</summary>
    private static async Task<List<Resource>> PolkuConformanceAsync(HttpClient anonymous)
    {
        var result = new List<Resource>();
        foreach (var type in new[] { "StructureDefinition", "CodeSystem" })
        {
            using var response = await anonymous.GetAsync(Base + type, Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                result.AddRange(Parser.Deserialize<Bundle>(await response.Content.ReadAsStringAsync(Ct)).Entry.Select(e => e.Resource).OfType<Resource>());
            }
        }

        return result;
    }

    /// <summary>Every <c>reference</c> string anywhere in the JSON.</summary>
    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "reference" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    /// <summary>A relative <c>Type/id</c> (or an absolute URL on this server) as a path under the base; null for anything else.</summary>
    private static string? Relative(string reference)
    {
        var path = reference.StartsWith("http://localhost" + Base, StringComparison.Ordinal) ? reference[("http://localhost" + Base).Length..] : reference;
        return RelativeReference().IsMatch(path) ? path : null;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex("^[A-Z][A-Za-z]+/[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex RelativeReference();
}
