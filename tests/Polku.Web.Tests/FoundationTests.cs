using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Polku.Testing;
using Task = System.Threading.Tasks.Task;

namespace Polku.Web.Tests;

/// <summary>The foundation through HTTP: the same tests run on SQLite and on PostgreSQL.</summary>
public abstract class FoundationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/Network")]
    [InlineData("/Accessibility")]
    [InlineData("/Privacy")]
    [InlineData("/Account/Login")]
    public async Task PublicPage_IsReadableWithoutSigningIn_InFinnishByDefault(string path)
    {
        using var response = await app.Anonymous().GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("<html lang=\"fi\">", html, StringComparison.Ordinal);
        Assert.Contains("Siirry sisältöön", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_ListsTheDemoOrganisations_InSwedish()
    {
        var client = app.Anonymous();
        using var switched = await PolkuWebApp.PostFormAsync(client, "/Language", new Dictionary<string, string> { ["language"] = "sv", ["returnUrl"] = "/Network" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Network", switched.Headers.Location?.OriginalString);

        var html = await client.GetStringAsync("/Network", Ct);

        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("Servicenätverkets organisationer", html, StringComparison.Ordinal);
        Assert.Contains("Församlingar", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_ToAnUnknownLanguage_KeepsFinnish_AndNeverRedirectsOffSite()
    {
        var client = app.Anonymous();
        using var switched = await PolkuWebApp.PostFormAsync(client, "/Language", new Dictionary<string, string> { ["language"] = "de", ["returnUrl"] = "https://evil.example/" });

        Assert.Equal("/", switched.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"fi\">", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryString_ChoosesEnglish()
    {
        var html = await app.Anonymous().GetStringAsync("/?culture=en-GB", Ct);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Skip to content", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv", "sv")]
    [InlineData("sv-FI", "sv")]
    [InlineData("SV-se", "sv")]
    [InlineData("en", "en")]
    [InlineData("en-US", "en")]
    [InlineData("fi", "fi")]
    [InlineData("de-DE", "fi")]
    public async Task QueryString_TakesALanguageWithOrWithoutItsRegion(string culture, string language)
    {
        var html = await app.Anonymous().GetStringAsync($"/?culture={culture}", Ct);

        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv-FI,sv;q=0.9,en;q=0.8", "sv")]
    [InlineData("sv", "sv")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("de-DE,de;q=0.9,sv;q=0.5", "sv")]
    [InlineData("de-DE,fr;q=0.8", "fi")]
    [InlineData("fi-FI,sv;q=0.5", "fi")]
    public async Task FirstVisit_FollowsTheBrowsersPreferredLanguage(string acceptLanguage, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await app.Anonymous().SendAsync(request, Ct);

        Assert.Contains($"<html lang=\"{language}\">", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplicitChoice_WinsOverTheBrowsersLanguage()
    {
        var client = app.Anonymous();
        using var switched = await PolkuWebApp.PostFormAsync(client, "/Language", new Dictionary<string, string> { ["language"] = "fi", ["returnUrl"] = "/" });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", "sv-FI,sv;q=0.9");
        using var response = await client.SendAsync(request, Ct);

        Assert.Contains("<html lang=\"fi\">", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsHealthy()
    {
        Assert.Equal("Healthy", await app.Anonymous().GetStringAsync("/health", Ct));
    }

    [Fact]
    public async Task FhirMetadata_IsAnR4CapabilityStatement_ReadableWithTheFirelySdk()
    {
        using var response = await app.Anonymous().GetAsync("/fhir/r4/metadata", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var statement = new FhirJsonDeserializer().Deserialize<CapabilityStatement>(json);
        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        Assert.Equal(CapabilityStatement.RestfulCapabilityMode.Server, statement.Rest.Single().Mode);
    }

    [Theory]
    [InlineData("/Clients")]
    [InlineData("/Me")]
    [InlineData("/Me/AccessLog")]
    [InlineData("/Me/Export")]
    [InlineData("/Admin/Users")]
    public async Task ProtectedPage_WithoutSigningIn_RedirectsToSignIn(string path)
    {
        using var response = await app.Anonymous().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, bool> RolePages() => new()
    {
        { "asiakas", "/Me", true }, { "asiakas", "/Clients", false }, { "asiakas", "/Admin/Users", false },
        { "ammattilainen", "/Clients", true }, { "ammattilainen", "/Me", false }, { "ammattilainen", "/Admin/Users", false },
        { "vastuutyontekija", "/Clients", true }, { "vastuutyontekija", "/Me", false }, { "vastuutyontekija", "/Admin/Users", false },
        { "johto", "/Clients", false }, { "johto", "/Me", false }, { "johto", "/Admin/Users", false },
        { "muotoilija", "/Clients", false }, { "muotoilija", "/Me", false }, { "muotoilija", "/Admin/Users", false },
        { "yllapito", "/Admin/Users", true }, { "yllapito", "/Clients", false }, { "yllapito", "/Me", false },
    };

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task EveryRole_GetsExactlyItsOwnPages(string user, string path, bool allowed)
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

    public static TheoryData<string, string, HttpStatusCode> ClientPages() => new()
    {
        { "ammattilainen", "eetu-aaltola", HttpStatusCode.OK },
        { "ammattilainen", "laura-aaltola", HttpStatusCode.OK },
        { "ammattilainen", "aili-lehtinen", HttpStatusCode.Forbidden },
        { "ammattilainen", "jussi-aaltola", HttpStatusCode.Forbidden },
        { "vastuutyontekija", "laura-aaltola", HttpStatusCode.OK },
        { "vastuutyontekija", "eetu-aaltola", HttpStatusCode.Forbidden },
        { "asiakas", "laura-aaltola", HttpStatusCode.Redirect },
        { "johto", "laura-aaltola", HttpStatusCode.Redirect },
        { "muotoilija", "laura-aaltola", HttpStatusCode.Redirect },
        { "yllapito", "laura-aaltola", HttpStatusCode.Redirect },
    };

    [Theory]
    [MemberData(nameof(ClientPages))]
    public async Task ClientRecord_IsOpenOnlyThroughACareRelationship(string user, string clientKey, HttpStatusCode expected)
    {
        var target = await app.ClientAsync(clientKey);
        var client = await app.LogInAsAsync(user);

        foreach (var path in new[] { $"/Clients/{target.Id}", $"/Clients/{target.Id}/Contact" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(expected == response.StatusCode, $"{user} {path}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    [Fact]
    public async Task ProfessionalReadingAClient_AppearsInTheClientsOwnAccessLog_InTheClientsLanguage()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");
        using (var read = await nurse.GetAsync($"/Clients/{laura.Id}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var entries = await app.AuditEntriesAsync("laura-aaltola");
        Assert.Contains(entries, e => e.ActorName == "Anna-Kaisa Rinne" && e.Resource == "client.details" && e.Purpose == Core.Audit.AuditPurpose.CareRelationship);

        var self = await app.LogInAsAsync("asiakas");
        var finnish = await self.GetStringAsync("/Me/AccessLog", Ct);
        Assert.Contains("Anna-Kaisa Rinne", finnish, StringComparison.Ordinal);
        Assert.Contains("hoitosuhde", finnish, StringComparison.Ordinal);

        var swedish = await self.GetStringAsync("/Me/AccessLog?culture=sv-FI", Ct);
        Assert.Contains("vårdrelation", swedish, StringComparison.Ordinal);
        Assert.Contains("Familjecentret", swedish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedAttempt_IsLogged_AndShownToTheClient()
    {
        var aili = await app.ClientAsync("aili-lehtinen");
        var nurse = await app.LogInAsAsync("ammattilainen");
        using var response = await nurse.GetAsync($"/Clients/{aili.Id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await app.AuditEntriesAsync("aili-lehtinen"), e => e.Action == Core.Audit.AuditAction.Denied && e.ActorName == "Anna-Kaisa Rinne");
    }

    [Fact]
    public async Task Guardian_SeesWhoHasLookedAtTheirChild_ButNotAStrangersLog()
    {
        var eetu = await app.ClientAsync("eetu-aaltola");
        var aili = await app.ClientAsync("aili-lehtinen");
        var guardian = await app.LogInAsAsync("asiakas");

        using var child = await guardian.GetAsync($"/Me/AccessLog?client={eetu.Id}", Ct);
        using var stranger = await guardian.GetAsync($"/Me/AccessLog?client={aili.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, child.StatusCode);
        Assert.Contains("Eetu Aaltola", await child.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains(await app.AuditEntriesAsync("eetu-aaltola"), e => e.Purpose == Core.Audit.AuditPurpose.Guardian);
    }

    [Fact]
    public async Task Export_GivesTheClientTheirDataAndLog_AsJson_AndIsAudited()
    {
        var client = await app.LogInAsAsync("asiakas");
        var panelName = "Vientiraati " + Guid.NewGuid().ToString("N")[..6];
        await using (var db = app.Database.CreateContext())
        {
            var userId = await db.Users.Where(u => u.UserName == "asiakas").Select(u => u.Id).SingleAsync(Ct);
            var unit = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct);
            var panel = new Core.Participation.Panels.Panel { Name = panelName, OrganisationId = unit, Purpose = "Testi", Size = 1, CreatedAt = DateTime.UtcNow };
            panel.Volunteers.Add(new Core.Participation.Panels.PanelVolunteer { UserId = userId, AgeGroup = "30-44", RegisteredAt = DateTime.UtcNow });
            db.Panels.Add(panel);
            await db.SaveChangesAsync(Ct);
        }

        using var response = await client.GetAsync("/Me/Export", Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = json.RootElement;
        Assert.Equal("Laura", root.GetProperty("person").GetProperty("firstName").GetString());
        Assert.True(root.GetProperty("accessLog").GetArrayLength() > 0);
        var episodes = root.GetProperty("episodes").EnumerateArray().ToList();
        Assert.Equal((await app.EpisodesAsync("laura-aaltola")).Count, episodes.Count);
        Assert.NotEmpty(episodes);
        Assert.True(root.GetProperty("touchpoints").GetArrayLength() > 0);
        Assert.True(root.GetProperty("assessments").ValueKind == JsonValueKind.Array);
        var plan = Assert.Single(root.GetProperty("plans").EnumerateArray());
        Assert.Contains(plan.GetProperty("versions").EnumerateArray(), v => v.GetProperty("goals").EnumerateArray()
            .Any(g => g.GetProperty("clientWords").GetString() == "Haluan jaksaa leikkiä vauvan kanssa ja nauttia siitä."));
        Assert.True(plan.GetProperty("followUps").GetArrayLength() > 0);
        var volunteered = Assert.Single(root.GetProperty("resident").GetProperty("panels").EnumerateArray(), p => p.GetProperty("panel").GetString() == panelName);
        Assert.Equal("30-44", volunteered.GetProperty("ageGroup").GetString());
        Assert.Contains(await app.AuditEntriesAsync("laura-aaltola"), e => e.Action == Core.Audit.AuditAction.Export);
    }

    [Theory]
    [InlineData("not-an-email", "040 123 4567", "Input.Email", "Kirjoita sähköpostiosoite")]
    [InlineData("laura@example.fi", "040-ABC", "Input.Phone", "Puhelinnumerossa voi olla vain")]
    [InlineData("laura@example.fi", "040 123 4567", "Input.Language", "Valitse jokin vaihtoehdoista")]
    public async Task ContactForm_WithBadInput_NamesTheField_AndStoresNothing(string email, string phone, string field, string message)
    {
        var before = await app.ClientAsync("eetu-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");

        using var response = await PolkuWebApp.PostFormAsync(nurse, $"/Clients/{before.Id}/Contact", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Phone"] = phone,
            ["Input.Language"] = field == "Input.Language" ? "de" : "sv",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        var id = field.Replace('.', '_');
        Assert.Matches($"id=\"{id}\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"{id}\"", html);
        Assert.Contains($"href=\"#{id}\"", html, StringComparison.Ordinal);
        var after = await app.ClientAsync("eetu-aaltola");
        Assert.Equal((before.Email, before.Phone, before.Language), (after.Email, after.Phone, after.Language));
    }

    [Fact]
    public async Task ExpectedChild_DueDateOutOfRange_NamesTheField_ThenAGoodOneIsSavedAndAudited_AndAStrangerIsRefused()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");
        var path = $"/Clients/{laura.Id}/Expecting";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        using (var wrong = await PolkuWebApp.PostFormAsync(nurse, path, new Dictionary<string, string> { ["Input.DueDate"] = today.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }))
        {
            var html = await wrong.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Laskettu aika voi olla enintään 300 päivän päässä", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#Input_DueDate\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(laura.ExpectedChildOn, (await app.ClientAsync("laura-aaltola")).ExpectedChildOn);
        var due = today.AddDays(120);
        using (var saved = await PolkuWebApp.PostFormAsync(nurse, path, new Dictionary<string, string> { ["Input.DueDate"] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(due, (await app.ClientAsync("laura-aaltola")).ExpectedChildOn);
        Assert.Contains(await app.AuditEntriesAsync("laura-aaltola"), e => e.Action == Core.Audit.AuditAction.Change && e.Resource == Core.Audit.AuditResources.ClientExpecting);
        using var stranger = await nurse.GetAsync($"/Clients/{(await app.ClientAsync("aili-lehtinen")).Id}/Expecting", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
    }

    [Fact]
    public async Task ContactForm_WithGoodInput_SavesTheChange_AndAuditsIt()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var worker = await app.LogInAsAsync("vastuutyontekija");

        using var response = await PolkuWebApp.PostFormAsync(worker, $"/Clients/{laura.Id}/Contact", new Dictionary<string, string>
        {
            ["Input.Email"] = "laura.uusi@polku.example",
            ["Input.Phone"] = "+358 40 000 9999",
            ["Input.Language"] = "sv",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.ClientAsync("laura-aaltola");
        Assert.Equal(("laura.uusi@polku.example", "+358 40 000 9999", "sv"), (after.Email, after.Phone, after.Language));
        Assert.Contains(await app.AuditEntriesAsync("laura-aaltola"), e => e.Action == Core.Audit.AuditAction.Change && e.ActorName == "Minna Karjalainen");
    }

    [Fact]
    public async Task Dates_AreShownInTheReadersCulture()
    {
        var eetu = await app.ClientAsync("eetu-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");

        var finnish = await nurse.GetStringAsync($"/Clients/{eetu.Id}", Ct);
        var english = await nurse.GetStringAsync($"/Clients/{eetu.Id}?culture=en-GB", Ct);

        Assert.Contains(">23.9.2019 ", finnish, StringComparison.Ordinal);
        Assert.Contains(">23/09/2019 ", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_InSwedish_AreWrittenTheFinlandSwedishWay()
    {
        var eetu = await app.ClientAsync("eetu-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");

        var swedish = await nurse.GetStringAsync($"/Clients/{eetu.Id}?culture=sv", Ct);

        Assert.Contains("<html lang=\"sv\">", swedish, StringComparison.Ordinal);
        Assert.Contains(">23.9.2019 ", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("2019-09-23", swedish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var response = await app.Anonymous().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "yllapito",
            ["Input.Password"] = PolkuWebApp.DemoPassword,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class FoundationOnSqliteTests(SqliteApp app) : FoundationTests<SqliteApp>(app);

public sealed class FoundationOnPostgresTests(PostgresApp app) : FoundationTests<PostgresApp>(app);
