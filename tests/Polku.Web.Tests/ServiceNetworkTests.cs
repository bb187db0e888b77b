using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Identity;
using Polku.Core.Networks;
using Polku.Core.Paths;
using Polku.Core.Segmentation;
using Polku.Testing;

namespace Polku.Web.Tests;

public sealed class ServiceNetworkOnSqliteTests(SqliteApp app) : ServiceNetworkTests<SqliteApp>(app);

public sealed class ServiceNetworkOnPostgresTests(PostgresApp app) : ServiceNetworkTests<PostgresApp>(app);

/// <summary>
/// Service networks and their owners (SPEC §3.10): the county names members, owner and thresholds; the owner and the
/// county see the network's figures and open alerts; other workers do not; bad input is refused by field with nothing
/// stored; the daily check tells the owner once per crossing.
/// </summary>
public abstract class ServiceNetworkTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private const string FamilyNetwork = "Järvilinnan perhekeskusverkosto";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ServiceNetwork> NetworkAsync(string nameFi)
    {
        await using var db = app.Database.CreateContext();
        return await db.ServiceNetworks.AsNoTracking().Include(n => n.Owner).SingleAsync(n => n.Name.Fi == nameFi, Ct);
    }

    [Fact]
    public async Task TheOwnerSeesTheNetworksFiguresThresholdsAndAlerts_OtherWorkersDoNot()
    {
        var network = await NetworkAsync(FamilyNetwork);
        var owner = await app.LogInAsAsync("johto");

        var list = WebUtility.HtmlDecode(await owner.GetStringAsync("/ServiceNetworks", Ct));
        var page = WebUtility.HtmlDecode(await owner.GetStringAsync($"/ServiceNetworks/{network.Id}", Ct));

        Assert.Contains(FamilyNetwork, list, StringComparison.Ordinal);
        Assert.Contains("Riitta Salmela", page, StringComparison.Ordinal);
        Assert.Contains("id=\"table-effectiveness\"", page, StringComparison.Ordinal);
        Assert.Contains("Kynnysarvot", page, StringComparison.Ordinal);
        Assert.Contains("Avoimet hälytykset", page, StringComparison.Ordinal);
        Assert.Contains("Järvilaakson Perhetuki ry", page, StringComparison.Ordinal);
        var csv = await owner.GetStringAsync($"/ServiceNetworks/{network.Id}?handler=Csv", Ct);
        Assert.StartsWith("measure,value,clients", csv, StringComparison.Ordinal);

        var nurse = await app.LogInAsAsync("ammattilainen");
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync($"/ServiceNetworks/{network.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync($"/ServiceNetworks/{network.Id}?handler=Csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync($"/ServiceNetworks/Edit/{network.Id}", Ct)).StatusCode);
        Assert.DoesNotContain(FamilyNetwork, WebUtility.HtmlDecode(await nurse.GetStringAsync("/ServiceNetworks", Ct)), StringComparison.Ordinal);
        var client = await app.LogInAsAsync("asiakas");
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/ServiceNetworks/{network.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheDemoCounty_ShowsEveryEffectivenessFigure_OnFirstStart()
    {
        var network = await NetworkAsync("Tervarannan ja Kaislahden perhekeskusverkosto");
        await using var scope = app.Services.CreateAsyncScope();
        var networks = scope.ServiceProvider.GetRequiredService<ServiceNetworks>();
        var manager = new Actor(null, "Johto", new HashSet<string> { Roles.Manager });

        var (report, _) = await networks.ReportAsync(manager, network.Id, Ct);

        // Every figure of the network has at least five clients behind it: none withheld, none missing.
        Assert.All(report!.Figures.Rows, row => Assert.False(row[1].Withheld || row[1].Number is null, row[0].Code));
        Assert.Contains(report.Thresholds, t => t.Crossed);
        Assert.Contains(report.Alerts, a => a.Count > 0);
    }

    [Fact]
    public async Task AnOwnerWhoIsNotAManager_SeesOnlyTheirOwnNetwork()
    {
        var ageing = await NetworkAsync("Ikääntyneiden kotona asumisen verkosto");
        var family = await NetworkAsync(FamilyNetwork);
        await using var scope = app.Services.CreateAsyncScope();
        var networks = scope.ServiceProvider.GetRequiredService<ServiceNetworks>();
        var owner = new Actor(null, "Henrik", new HashSet<string> { Roles.Professional }, ageing.OwnerProfessionalId);

        var (report, problem) = await networks.ReportAsync(owner, ageing.Id, Ct);
        var (_, other) = await networks.ReportAsync(owner, family.Id, Ct);
        var visible = await networks.VisibleAsync(owner, Ct);

        Assert.Null(problem);
        Assert.Equal(ageing.Id, report!.Network.Id);
        Assert.Equal(NetworkProblem.Denied, other);
        Assert.Equal([ageing.Id], visible.Select(n => n.Id));
        Assert.Equal(NetworkProblem.Denied, (await networks.SaveAsync(owner, ageing.Id, Draft("X", [1]), Ct)).Problem);
    }

    [Fact]
    public async Task BadInput_IsRefusedByField_AndNothingIsStored()
    {
        var admin = await app.LogInAsAsync("yllapito");
        var before = await CountAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.NameFi"] = "",
            ["Input.NameSv"] = "Nätverk utan finskt namn",
            ["Input.Thresholds[goals_attained]"] = "150",
            ["Input.Thresholds[first_help_days]"] = "kaksi viikkoa",
        };

        using var refused = await PolkuWebApp.PostFormAsync(admin, "/ServiceNetworks/Edit", form);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kirjoita teksti suomeksi", html, StringComparison.Ordinal);
        Assert.Contains("Valitse verkostoon vähintään yksi organisaatio.", html, StringComparison.Ordinal);
        Assert.Contains("Kynnys on luvun sallitun vaihteluvälin ulkopuolella.", html, StringComparison.Ordinal);
        Assert.Contains("Kirjoita kynnys numerona", html, StringComparison.Ordinal);
        var input = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*id=\"Input_Thresholds_goals_attained_\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", input, StringComparison.Ordinal);
        Assert.Contains("value=\"150\"", input, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        var nurse = await app.LogInAsAsync("ammattilainen");
        var ok = new Dictionary<string, string> { ["Input.NameFi"] = "Luvaton verkosto", ["Input.Members"] = (await app.OrganisationIdAsync("perhekeskus-jarvilinna")).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        using var denied = await PolkuWebApp.PostFormAsync(nurse, "/ServiceNetworks", "/ServiceNetworks/Edit", ok);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task TheCountyMakesANetwork_AndTheCheckTellsTheOwnerOncePerCrossing()
    {
        // A unit of its own with five network clients whose episodes have no owner.
        var unit = await PlantUnitWithUnownedEpisodesAsync(5);
        var ownerId = await ProfessionalIdAsync("jari-keranen");
        var admin = await app.LogInAsAsync("yllapito");
        var name = "Testiverkosto " + unit.Key;
        var form = new Dictionary<string, string>
        {
            ["Input.NameFi"] = name,
            ["Input.NameSv"] = "Testnätverk",
            ["Input.Owner"] = ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Members"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Thresholds[without_owner_now]"] = "2",
            ["Input.Thresholds[goals_attained]"] = "62,5",
        };
        using var saved = await PolkuWebApp.PostFormAsync(admin, "/ServiceNetworks/Edit", form);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Ct));
        var network = await NetworkAsync(name);
        Assert.Equal(ownerId, network.OwnerProfessionalId);
        Assert.Equal([unit.Id], network.MemberIds);
        Assert.Equal(62.5, network.Thresholds.Single(t => t.Measure == "goals_attained").Value);

        // Five clients without an owner, above the threshold of two: the owner is told once, however often it runs.
        // (The demo networks' own crossings are told on the first check too; only this network's messages are counted.)
        await CheckAsync();
        Assert.Equal(0, await CheckAsync());
        var messages = await MessagesAsync(network.Id);
        var message = Assert.Single(messages);
        Assert.Equal("jari.keranen@sammalvaara.example", message.Address);
        Assert.Contains(name, message.Arguments, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/ServiceNetworks/{network.Id}", Ct));
        Assert.Contains("Kynnys ylitetty", page, StringComparison.Ordinal);

        // The own-data dashboard narrowed to the network counts only its unit: the five planted clients.
        var manager = await app.LogInAsAsync("johto");
        var csv = await manager.GetStringAsync($"/Insight/Own?handler=Csv&table=effectiveness&Filter.Network={network.Id}", Ct);
        Assert.Contains("without_owner_now,5,5,\n", csv, StringComparison.Ordinal);
        Assert.Contains("bouncing_now,0,0,\n", csv, StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(await manager.GetStringAsync($"/api/insight/own?network={network.Id}", Ct)))
        {
            var row = json.RootElement.EnumerateArray().SelectMany(section => section.GetProperty("tables").EnumerateArray())
                .Single(t => t.GetProperty("id").GetString() == "effectiveness").GetProperty("rows").EnumerateArray()
                .Single(r => r.GetProperty("labels").GetProperty("measure").GetString() == "without_owner_now");
            Assert.Equal(5, row.GetProperty("values").GetProperty("value").GetDouble());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/insight/own?network=987654", Ct)).StatusCode);

        // No longer network clients: back on the good side, the crossing clears; a new crossing is told again.
        await SetCustomershipAsync(unit.Id, Customership.Cooperating);
        await CheckAsync();
        Assert.Single(await MessagesAsync(network.Id));
        Assert.Null((await NetworkAsyncWithThresholds(network.Id)).Thresholds.Single(t => t.Measure == "without_owner_now").CrossedSince);
        await SetCustomershipAsync(unit.Id, Customership.Network);
        Assert.Equal(1, await CheckAsync());
        Assert.Equal(2, (await MessagesAsync(network.Id)).Count);

        // A new owner has not been told: the next check tells them of the figure still past its threshold.
        form["Input.Owner"] = (await ProfessionalIdAsync("satu-kemppainen")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var moved = await PolkuWebApp.PostFormAsync(admin, $"/ServiceNetworks/Edit/{network.Id}", form);
        Assert.True(moved.StatusCode == HttpStatusCode.Redirect, await moved.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await CheckAsync());
        Assert.Equal("satu.kemppainen@jarvilaaksonhva.example", (await MessagesAsync(network.Id)).OrderBy(m => m.Id).Last().Address);
    }

    private static NetworkDraft Draft(string name, IReadOnlyList<int> members) =>
        new(name, null, null, null, null, null, null, members, new Dictionary<string, string?>());

    private async Task<int> CountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.ServiceNetworks.CountAsync(Ct);
    }

    private async Task<ServiceNetwork> NetworkAsyncWithThresholds(int id)
    {
        await using var db = app.Database.CreateContext();
        return await db.ServiceNetworks.AsNoTracking().SingleAsync(n => n.Id == id, Ct);
    }

    private async Task<int> CheckAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ServiceNetworks>().CheckAsync(Ct);
    }

    private async Task<List<Polku.Core.Notifications.Notification>> MessagesAsync(int networkId)
    {
        await using var db = app.Database.CreateContext();
        var prefix = $"network-threshold:{networkId}:";
        return await db.Notifications.AsNoTracking().Where(n => n.DeduplicationKey.StartsWith(prefix)).ToListAsync(Ct);
    }

    private async Task<int> ProfessionalIdAsync(string key)
    {
        await using var db = app.Database.CreateContext();
        return await db.Professionals.Where(p => p.Key == key).Select(p => p.Id).SingleAsync(Ct);
    }

    /// <summary>Moves the unit's episodes to another customership (which needs no owner) or back to the network customership.</summary>
    private async Task SetCustomershipAsync(int unitId, Customership customership)
    {
        await using var db = app.Database.CreateContext();
        foreach (var episode in await db.Episodes.Where(e => e.OrganisationId == unitId).ToListAsync(Ct))
        {
            episode.Customership = customership;
        }

        await db.SaveChangesAsync(Ct);
    }

    private async Task<Organisation> PlantUnitWithUnownedEpisodesAsync(int clients)
    {
        await using var db = app.Database.CreateContext();
        var key = "testiyksikko-" + Guid.NewGuid().ToString("N")[..8];
        var unit = new Organisation { Key = key, Kind = OrganisationKind.Ngo, Name = new LocalisedText("Testiyksikkö " + key) };
        db.Organisations.Add(unit);
        await db.SaveChangesAsync(Ct);
        var offset = Random.Shared.Next(0, 3000);
        for (var i = 0; i < clients; i++)
        {
            var born = new DateOnly(1961, 1, 1).AddDays(offset + i * 7);
            var client = new Client
            {
                Key = $"{key}-{i}",
                PersonalIdentityCode = PersonalIdentityCode.Create(born, 970 + i).Value,
                FirstName = "Testi",
                LastName = "Verkostolainen",
                BirthDate = born,
            };
            db.Clients.Add(client);
            db.Episodes.Add(new Episode
            {
                ClientId = client.Id,
                OrganisationId = unit.Id,
                Title = "Verkostojakso",
                Customership = Customership.Network,
                StartedAt = DateTime.UtcNow.AddDays(-10),
            });
        }

        await db.SaveChangesAsync(Ct);
        return unit;
    }
}
