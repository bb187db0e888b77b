using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Polku.Testing;
using Task = System.Threading.Tasks.Task;

namespace Polku.Web.Tests;

public sealed class FhirReadOnSqliteTests(SqliteApp app) : FhirReadTests<SqliteApp>(app);

public sealed class FhirReadOnPostgresTests(PostgresApp app) : FhirReadTests<PostgresApp>(app);

/// <summary>Each resource of a client's path read on its own by id: the same content as in $everything, the same access rule.</summary>
public abstract class FhirReadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_resource_of_everything_reads_alone_the_same_and_a_stranger_is_refused()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var stranger = await app.LogInAsAsync("ammattilainen");
        var parser = new FhirJsonDeserializer();
        using var all = await worker.GetAsync($"/fhir/r4/Patient/{laura.Id}/$everything", Ct);
        var bundle = parser.Deserialize<Bundle>(await all.Content.ReadAsStringAsync(Ct));
        var readable = new[] { "EpisodeOfCare", "CareTeam", "ServiceRequest", "Task", "Encounter", "Consent" };
        var resources = bundle.Entry.Select(e => e.Resource).OfType<Resource>().Where(r => readable.Contains(r.TypeName)).ToList();
        Assert.Equal(readable.Order(), resources.Select(r => r.TypeName).Distinct().Order());

        foreach (var resource in resources)
        {
            using var one = await worker.GetAsync($"/fhir/r4/{resource.TypeName}/{resource.Id}", Ct);
            var json = await one.Content.ReadAsStringAsync(Ct);
            Assert.True(one.StatusCode == HttpStatusCode.OK, $"{resource.TypeName}/{resource.Id}: {(int)one.StatusCode} {json}");
            Assert.True(resource.IsExactly(parser.Deserialize<Resource>(json)), $"{resource.TypeName}/{resource.Id} differs from $everything");
        }

        var episode = resources.OfType<EpisodeOfCare>().First();
        var einosEpisode = (await app.EpisodesAsync("eino-lehtinen")).First();
        using var refused = await stranger.GetAsync($"/fhir/r4/EpisodeOfCare/{einosEpisode.Id}", Ct);
        using var anonymous = await app.Anonymous().GetAsync($"/fhir/r4/Task/{resources.OfType<Hl7.Fhir.Model.Task>().First().Id}", Ct);
        using var missing = await worker.GetAsync($"/fhir/r4/Encounter/{Guid.NewGuid()}", Ct);
        using var wrongType = await worker.GetAsync($"/fhir/r4/Encounter/{episode.Id}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongType.StatusCode);
        Assert.Equal("OperationOutcome", parser.Deserialize<Resource>(await refused.Content.ReadAsStringAsync(Ct)).TypeName);
    }
}
