using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Polku.Testing;
using Task = System.Threading.Tasks.Task;

namespace Polku.Web.Tests;

/// <summary>The catalogue through HTTP: public pages, REST, OpenAPI, FHIR and the administrator's import; on SQLite and PostgreSQL.</summary>
public abstract class CatalogueTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private const string FamilyCentre = "5b0f6a2e-3c1d-4e8a-9f10-2a6b7c8d9e01";
    private static readonly string ServicesJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ptv", "services.json"));
    private static readonly string ChannelsJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ptv", "channels.json"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Services_AreBrowsableWithoutSigningIn_AndFinnishSearchStems()
    {
        var client = app.Anonymous();
        var all = await client.GetStringAsync("/Services", Ct);
        Assert.Contains("Lastenneuvola, Järvilinna", all, StringComparison.Ordinal);

        foreach (var query in new[] { "perhekeskus", "perhekeskuksessa", "perhekeskukseen" })
        {
            var found = await client.GetStringAsync("/Services?Q=" + query, Ct);
            Assert.Contains("Perhekeskuksen avoin kohtaamispaikka", found, StringComparison.Ordinal);
            Assert.DoesNotContain("Äitiysneuvola, Järvilinna", found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SwedishSearch_FindsSwedishNames_AndTheDetailShowsChannels()
    {
        var client = app.Anonymous();
        var html = await client.GetStringAsync("/Services?Q=familjecentret&culture=sv-FI", Ct);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("Familjecentrets öppna mötesplats", html, StringComparison.Ordinal);

        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/Services/\\d+)\"").Groups[1].Value;
        var detail = await client.GetStringAsync(link + "?culture=sv-FI", Ct);
        Assert.Contains("Servicekanaler", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_NarrowTheList()
    {
        var client = app.Anonymous();
        var older = await client.GetStringAsync("/Services?TargetGroup=KR1.1", Ct);
        var children = await client.GetStringAsync("/Services?TargetGroup=KR1.2&Channel=Phone", Ct);
        Assert.DoesNotContain("Lastenneuvola, Järvilinna", older, StringComparison.Ordinal);
        Assert.Contains("Lastenneuvola, Järvilinna", children, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestApi_SearchesAndReads_WithProblemDetailsForErrors()
    {
        var client = app.Anonymous();
        using var search = await client.GetAsync("/api/catalogue/services?q=perhekeskus&targetGroup=KR1.2", Ct);
        var json = await search.Content.ReadAsStringAsync(Ct);
        Assert.True(search.StatusCode == HttpStatusCode.OK, json);
        using var document = JsonDocument.Parse(json);
        var first = document.RootElement[0];
        Assert.Contains("KR1.2", first.GetProperty("targetGroups").EnumerateArray().Select(e => e.GetString()));
        var id = first.GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/catalogue/services/{id}", Ct)).StatusCode);
        using var missing = await client.GetAsync("/api/catalogue/services/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        using var bad = await client.GetAsync("/api/catalogue/services?channel=Pigeon", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("channel", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var openApi = await client.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/catalogue/services", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorsPtvUpload_IsIdempotent_AndFhirFindsTheServiceByItsPtvId()
    {
        var admin = await app.LogInAsAsync("yllapito");
        using var first = await PolkuWebApp.UploadPtvAsync(admin, ServicesJson, ChannelsJson);
        var firstHtml = await first.Content.ReadAsStringAsync(Ct);
        Assert.True(first.StatusCode == HttpStatusCode.OK, firstHtml);
        using var again = await PolkuWebApp.UploadPtvAsync(admin, ServicesJson, ChannelsJson);
        Assert.Contains("0 lisätty, 0 muuttunut, 7 ennallaan", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var refused = await PolkuWebApp.UploadPtvAsync(admin, ServicesJson.Replace("\"KR1.2\"", "\"KR7\"", StringComparison.Ordinal), ChannelsJson);
        var refusedHtml = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Mitään ei muutettu", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("tuntematon koodi (KR7)", refusedHtml, StringComparison.Ordinal);

        var client = app.Anonymous();
        using var response = await client.GetAsync($"/fhir/r4/HealthcareService?identifier={FamilyCentre}", Ct);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await response.Content.ReadAsStringAsync(Ct));
        var service = Assert.IsType<HealthcareService>(Assert.Single(bundle.Entry).Resource);
        Assert.Equal("Perhekeskus Kaislaranta", service.Name);
        Assert.Contains(service.Identifier, i => i.Value == FamilyCentre && i.System == "https://api.palvelutietovaranto.suomi.fi/api/v11/Service");

        var read = new FhirJsonDeserializer().Deserialize<HealthcareService>(await client.GetStringAsync($"/fhir/r4/HealthcareService/{service.Id}", Ct));
        Assert.Equal(service.Name, read.Name);
        var organisation = new FhirJsonDeserializer().Deserialize<Organization>(await client.GetStringAsync("/fhir/r4/" + read.ProvidedBy!.Reference, Ct));
        Assert.Equal("Kaislaranta-kuntayhtymä", organisation.Name);
        Assert.Empty(new FhirJsonDeserializer().Deserialize<Bundle>(await client.GetStringAsync("/fhir/r4/HealthcareService?identifier=urn:other:system|" + FamilyCentre, Ct)).Entry);
        using var unknown = await client.GetAsync("/fhir/r4/Organization/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task FhirMetadata_ListsOrganizationAndHealthcareService()
    {
        var statement = new FhirJsonDeserializer().Deserialize<CapabilityStatement>(await app.Anonymous().GetStringAsync("/fhir/r4/metadata", Ct));
        var types = statement.Rest.Single().Resource.Select(r => r.Type).ToList();
        Assert.Contains("Organization", types);
        Assert.Contains("HealthcareService", types);
    }

    [Fact]
    public async Task AdministratorEditing_ValidatesCodes_AndOthersCannotEdit()
    {
        var admin = await app.LogInAsAsync("yllapito");
        var list = await admin.GetStringAsync("/Admin/Services", Ct);
        var edit = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/Admin/Services/Edit/\\d+)\"").Groups[1].Value;

        using var invalid = await PolkuWebApp.PostFormAsync(admin, edit, new Dictionary<string, string>
        {
            ["Input.NameFi"] = "Testipalvelu",
            ["Input.SummaryFi"] = "Tiivistelmä",
            ["Input.TargetGroups"] = "KR1.2, KR99",
            ["Input.Level"] = "Basic",
        });
        var html = await invalid.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("tuntematon koodi (KR99)", html, StringComparison.Ordinal);

        using var exit = await PolkuWebApp.PostFormAsync(admin, edit, new Dictionary<string, string>
        {
            ["Input.NameFi"] = "Testipalvelu",
            ["Input.SummaryFi"] = "Tiivistelmä",
            ["Input.Customerships"] = "Network, Exit",
            ["Input.Level"] = "Basic",
        });
        Assert.Equal(HttpStatusCode.OK, exit.StatusCode);
        Assert.Contains("(Exit)", await exit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var valid = await PolkuWebApp.PostFormAsync(admin, edit, new Dictionary<string, string>
        {
            ["Input.NameFi"] = "Testipalvelu Lumikoskella",
            ["Input.SummaryFi"] = "Tiivistelmä",
            ["Input.TargetGroups"] = "KR1.2",
            ["Input.Customerships"] = "Network",
            ["Input.Level"] = "Specialist",
            ["Input.UnitCostEur"] = "120",
        });
        Assert.Equal(HttpStatusCode.Redirect, valid.StatusCode);
        Assert.Contains("Testipalvelu Lumikoskella", await app.Anonymous().GetStringAsync("/Services?Customership=Network", Ct), StringComparison.Ordinal);

        var nurse = await app.LogInAsAsync("ammattilainen");
        using var denied = await nurse.GetAsync(edit, Ct);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task AdministratorEditsNeedProfile_ItDrivesTheRanking_AndAnOutOfRangeValueIsRefusedByName()
    {
        var admin = await app.LogInAsAsync("yllapito");
        var list = await admin.GetStringAsync("/Admin/Services", Ct);
        var edit = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/Admin/Services/Edit/(\\d+))\"");
        var id = int.Parse(edit.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var form = await admin.GetStringAsync(edit.Groups[1].Value, Ct);
        Assert.Contains("Tarveprofiili (0–10)", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Need[6]\"", form, StringComparison.Ordinal);

        Dictionary<string, string> Fields(string finances, string family = "2")
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.NameFi"] = "Talousneuvonta testi",
                ["Input.SummaryFi"] = "Tiivistelmä",
                ["Input.Level"] = "Basic",
            };
            for (var i = 0; i < 10; i++)
            {
                fields[$"Input.Need[{i}]"] = i switch { 1 => family, 6 => finances, _ => "" };
            }

            return fields;
        }

        foreach (var wrong in new[] { "11", "-1", "paljon" })
        {
            using var invalid = await PolkuWebApp.PostFormAsync(admin, edit.Groups[1].Value, Fields(wrong));
            var html = await invalid.Content.ReadAsStringAsync(Ct);
            Assert.True(invalid.StatusCode == HttpStatusCode.OK, $"{wrong}: {invalid.StatusCode} {html}");
            Assert.Contains("Talous: anna kokonaisluku 0–10.", html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        }

        var before = await StoredServiceAsync(id);
        Assert.NotEqual("Talousneuvonta testi", before.Name.Fi);

        using var valid = await PolkuWebApp.PostFormAsync(admin, edit.Groups[1].Value, Fields("10"));
        Assert.True(valid.StatusCode == HttpStatusCode.Redirect, await valid.Content.ReadAsStringAsync(Ct));
        var saved = await StoredServiceAsync(id);
        Assert.Equal("0,2,0,0,0,0,10,0,0,0", saved.NeedProfile);
        Assert.Equal("0,2,0,0,0,0,10,0,0,0", Polku.Core.Assistant.NeedProfiles.For(saved).ToString());

        var worriedAboutMoney = new Polku.Core.Assistant.LifeVector([10, 10, 10, 10, 10, 10, 0, 10, 10, 10]);
        await using (var db = app.Database.CreateContext())
        {
            var services = await db.Services.AsNoTracking().Include(s => s.Channels).ToListAsync(Ct);
            var ranked = Polku.Core.Assistant.LifeSituationRanking.Rank(
                worriedAboutMoney, services.Select(Polku.Core.Assistant.NeedProfiles.Rankable), new Polku.Core.Assistant.RankingFilter());
            Assert.Equal(id, ranked[0].Service.Id);
        }

        using var demo = await PolkuWebApp.PostFormAsync(admin, edit.Groups[1].Value, Fields("", family: ""));
        Assert.Equal(HttpStatusCode.Redirect, demo.StatusCode);
        Assert.Null((await StoredServiceAsync(id)).NeedProfile);
    }

    private async Task<Polku.Core.Catalogue.Service> StoredServiceAsync(int id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Services.AsNoTracking().SingleAsync(s => s.Id == id, Ct);
    }
}

public sealed class SqliteCatalogueTests(SqliteApp app) : CatalogueTests<SqliteApp>(app);

public sealed class PostgresCatalogueTests(PostgresApp app) : CatalogueTests<PostgresApp>(app);
