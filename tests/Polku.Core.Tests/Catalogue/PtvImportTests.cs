using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Segmentation;
using Polku.Testing;

namespace Polku.Core.Tests.Catalogue;

/// <summary>The PTV v11 import against a real database; the same tests run on SQLite and PostgreSQL.</summary>
public abstract class PtvImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string FamilyCentre = "5b0f6a2e-3c1d-4e8a-9f10-2a6b7c8d9e01";
    private static readonly string ServicesJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Ptv", "services.json"));
    private static readonly string ChannelsJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Ptv", "channels.json"));
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        (await _database.MigrateAsync()).Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Import_OfTheFixtures_AddsEveryServiceAndChannel_KeepingPtvIds()
    {
        var report = await ImportAsync(ServicesJson, ChannelsJson);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(2, report.Added.Count(l => l.Kind == "Service"));
        Assert.Equal(5, report.Added.Count(l => l.Kind == "ServiceChannel"));
        await using var db = _database.CreateContext();
        var service = await db.Services.Include(s => s.Channels).Include(s => s.Producers).Include(s => s.ResponsibleOrganisation)
            .SingleAsync(s => s.PtvId == Guid.Parse(FamilyCentre), Ct);
        Assert.Equal(FamilyCentre, service.Key);
        Assert.Equal("Perhekeskus Kaislaranta", service.Name.Fi);
        Assert.Equal("Familjecentret Vassstranden", service.Name.Sv);
        Assert.Equal(["KR1.2"], service.TargetGroups);
        Assert.Equal(["996"], service.Areas);
        Assert.Equal("Kaislaranta-kuntayhtymä", service.ResponsibleOrganisation!.Name.Fi);
        Assert.Equal(2, service.Producers.Count);
        Assert.Equal(3, service.Channels.Count);
        var location = await db.ServiceChannels.Include(c => c.OpeningHours).SingleAsync(c => c.Kind == ChannelKind.ServiceLocation, Ct);
        Assert.Equal("Rantakatu 12", location.Address!.Street.Fi);
        Assert.Equal("Strandgatan 12", location.Address.Street.Sv);
        Assert.Equal("+358 40 0000 5501", location.Phone);
        Assert.Equal(2, location.OpeningHours.Count);
        Assert.Contains(location.OpeningHours, h => h.Days == (Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday));
        var carer = await db.Services.SingleAsync(s => s.Name.Fi == "Omaishoidon tuki", Ct);
        Assert.Equal(["996", "993"], carer.Areas);
        Assert.Equal("https://kaislaranta.example/lomakkeet/oht-1.pdf", (await db.ServiceChannels.SingleAsync(c => c.Kind == ChannelKind.PrintableForm, Ct)).Url);
    }

    [Fact]
    public async Task ReImport_OfTheSameDocuments_ChangesNothing()
    {
        Assert.True((await ImportAsync(ServicesJson, ChannelsJson)).Succeeded);
        var before = await SnapshotAsync();

        var again = await ImportAsync(ServicesJson, ChannelsJson);

        Assert.True(again.Succeeded, string.Join("\n", again.Problems));
        Assert.Empty(again.Added);
        Assert.Empty(again.Changed);
        Assert.Equal(7, again.Unchanged);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ReImport_WithANewName_ChangesThatService_AndKeepsPolkusOwnAdditions()
    {
        Assert.True((await ImportAsync(ServicesJson, ChannelsJson)).Succeeded);
        await using (var db = _database.CreateContext())
        {
            var service = await db.Services.SingleAsync(s => s.Key == FamilyCentre, Ct);
            service.Level = ServiceLevel.Universal;
            service.Customerships = [Customership.SelfActing, Customership.Community];
            service.UnitCostEur = 60m;
            await db.SaveChangesAsync(Ct);
        }

        var report = await ImportAsync(ServicesJson.Replace("Perhekeskus Kaislaranta\" },", "Perhekeskus Kaislaranta ja Ruokoniemi\" },", StringComparison.Ordinal), ChannelsJson);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(FamilyCentre, Assert.Single(report.Changed).PtvId.ToString());
        await using var check = _database.CreateContext();
        var changed = await check.Services.SingleAsync(s => s.Key == FamilyCentre, Ct);
        Assert.Equal("Perhekeskus Kaislaranta ja Ruokoniemi", changed.Name.Fi);
        Assert.Equal(ServiceLevel.Universal, changed.Level);
        Assert.Equal([Customership.SelfActing, Customership.Community], changed.Customerships);
        Assert.Equal(60m, changed.UnitCostEur);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "malformed services JSON", "{ \"itemList\": [ {", "document" },
        { "a service without names", Edit(ServicesJson, s => s["itemList"]![0]!["serviceNames"] = new JsonArray()), "serviceNames" },
        { "a link to a missing channel", Edit(ServicesJson, s => s["itemList"]![0]!["serviceChannels"]![0]!["serviceChannel"]!["id"] = "00000000-0000-4000-8000-000000000099"), "serviceChannels" },
        { "an unknown target group", Edit(ServicesJson, s => s["itemList"]![0]!["targetGroups"]![0]!["code"] = "KR9.9"), "targetGroups" },
        { "an unknown service type", Edit(ServicesJson, s => s["itemList"]![1]!["type"] = "Miracle"), "type" },
        { "an unknown funding type", Edit(ServicesJson, s => s["itemList"]![1]!["fundingType"] = "Crowdfunded"), "fundingType" },
        { "a duplicate service", Edit(ServicesJson, s => s["itemList"]!.AsArray().Add(s["itemList"]![0]!.DeepClone())), "id" },
        { "a service without a responsible organisation", Edit(ServicesJson, s => s["itemList"]![1]!["organizations"] = new JsonArray()), "organizations" },
    };

    public static TheoryData<string, string, string> BadChannels => new()
    {
        { "malformed channels JSON", "[ { \"id\": ", "document" },
        { "an unknown channel kind", Edit(ChannelsJson, s => s["itemList"]![2]!["serviceChannelType"] = "Carrier pigeon"), "serviceChannelType" },
        { "a duplicate channel", Edit(ChannelsJson, s => s["itemList"]!.AsArray().Add(s["itemList"]![0]!.DeepClone())), "id" },
        { "a web page without an address", Edit(ChannelsJson, s => s["itemList"]![2]!["webPages"] = new JsonArray()), "url" },
        { "a channel of an unknown organisation", Edit(ChannelsJson, s => s["itemList"]![1]!["organizationId"] = "00000000-0000-4000-8000-000000000042"), "organizationId" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadServicesDocument_IsRefusedWithItsReason_AndNothingStoredChanges(string scenario, string services, string field)
    {
        Assert.True((await ImportAsync(ServicesJson, ChannelsJson)).Succeeded);
        var before = await SnapshotAsync();

        var report = await ImportAsync(services, ChannelsJson.Replace("Perhekeskuksen puhelinneuvonta", "Puhelinneuvonta", StringComparison.Ordinal));

        Assert.False(report.Succeeded, scenario);
        Assert.Contains(report.Problems, p => p.Field.StartsWith(field, StringComparison.Ordinal));
        Assert.All(report.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Describe())));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(BadChannels))]
    public async Task BadChannelsDocument_IsRefusedWithItsReason_AndNothingIsStored(string scenario, string channels, string field)
    {
        var report = await ImportAsync(ServicesJson, channels);

        Assert.False(report.Succeeded, scenario);
        Assert.Contains(report.Problems, p => p.Field.StartsWith(field, StringComparison.Ordinal));
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Services.CountAsync(Ct));
        Assert.Equal(0, await db.ServiceChannels.CountAsync(Ct));
        Assert.Equal(0, await db.Organisations.CountAsync(Ct));
    }

    private static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }

    private async Task<PtvImportReport> ImportAsync(string services, string channels)
    {
        await using var db = _database.CreateContext();
        return await new PtvImporter(db, TimeProvider.System, NullLogger<PtvImporter>.Instance).ImportAsync(services, channels, Ct);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = _database.CreateContext();
        var services = await db.Services.AsNoTracking().Include(s => s.Channels).Include(s => s.Producers).OrderBy(s => s.Key).ToListAsync(Ct);
        var channels = await db.ServiceChannels.AsNoTracking().Include(c => c.OpeningHours).OrderBy(c => c.Key).ToListAsync(Ct);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Key).Select(o => o.Key + o.Name.Fi).ToListAsync(Ct);
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            Services = services.Select(s => new { s.Key, s.Name, s.Summary, s.UpdatedAt, s.Areas, Channels = s.Channels.Select(c => c.Key).Order(), Producers = s.Producers.Select(p => p.Key).Order() }),
            Channels = channels.Select(c => new { c.Key, c.Name, c.Url, c.Phone, c.UpdatedAt, Hours = c.OpeningHours.Count }),
            organisations,
            Municipalities = await db.Municipalities.CountAsync(Ct),
        });
    }
}

public sealed class SqlitePtvImportTests() : PtvImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresPtvImportTests() : PtvImportTests(DatabaseProvider.Postgres);
