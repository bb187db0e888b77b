using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Segmentation;
using Polku.Testing;
using static Polku.Core.Tests.Catalogue.PtvFixtures;

namespace Polku.Core.Tests.Catalogue;

/// <summary>The PTV v11 import against a real database; the same tests run on SQLite and PostgreSQL.</summary>
public abstract class PtvImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string ServicesJson = Services;
    private static readonly string ChannelsJson = Channels;
    private TestDatabase _database = null!;

    /// <summary>Noon in Finland on <see cref="PtvFixtures.Today"/>.</summary>
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

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
    public async Task Import_OfRealShapedLists_AddsEveryServiceAndChannel_KeepingPtvIds()
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
        Assert.Equal("+358 400005501", location.Phone);
        Assert.Equal(2, location.OpeningHours.Count);
        Assert.Contains(location.OpeningHours, h => h.Days == (Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday)
            && h.Opens == new TimeOnly(8, 0) && h.Closes == new TimeOnly(16, 0));
        var phone = await db.ServiceChannels.Include(c => c.OpeningHours).SingleAsync(c => c.Kind == ChannelKind.Phone, Ct);
        Assert.Contains(phone.OpeningHours, h => h.Days == Weekdays.Saturday && h.Opens == TimeOnly.MinValue && h.Closes == new TimeOnly(2, 0));
        var carer = await db.Services.SingleAsync(s => s.Name.Fi == "Omaishoidon tuki", Ct);
        Assert.Equal(["996", "993"], carer.Areas);
        Assert.Equal("https://kaislaranta.example/lomakkeet/oht-1.pdf", (await db.ServiceChannels.SingleAsync(c => c.Kind == ChannelKind.PrintableForm, Ct)).Url);
        Assert.Equal(["993", "996"], await db.Municipalities.Select(m => m.Code).OrderBy(c => c).ToListAsync(Ct));
        Assert.Equal(3, await db.Organisations.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_OfAPagedDocument_IsTheSameAsOfTheBareList()
    {
        var report = await ImportAsync(Paged(ServicesJson), Paged(ChannelsJson));

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(7, report.Added.Count);
        Assert.Equal(7, (await ImportAsync(ServicesJson, ChannelsJson)).Unchanged);
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

        var renamed = Edit(ServicesJson, s => s.Item(FamilyCentre)["serviceNames"]![1]!["value"] = "Perhekeskus Kaislaranta ja Ruokoniemi");
        var report = await ImportAsync(renamed, ChannelsJson);

        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        Assert.Equal(FamilyCentre, Assert.Single(report.Changed).PtvId.ToString());
        await using var check = _database.CreateContext();
        var changed = await check.Services.SingleAsync(s => s.Key == FamilyCentre, Ct);
        Assert.Equal("Perhekeskus Kaislaranta ja Ruokoniemi", changed.Name.Fi);
        Assert.Equal(ServiceLevel.Universal, changed.Level);
        Assert.Equal([Customership.SelfActing, Customership.Community], changed.Customerships);
        Assert.Equal(60m, changed.UnitCostEur);
    }

    [Fact]
    public async Task ReImport_WhenADatedPeriodOfHoursHasStarted_ChangesOnlyThatChannelsHours()
    {
        Assert.True((await ImportAsync(ServicesJson, ChannelsJson)).Succeeded);

        var summer = await ImportAsync(ServicesJson, ChannelsJson, new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)));

        Assert.True(summer.Succeeded, string.Join("\n", summer.Problems));
        Assert.Equal(Location, Assert.Single(summer.Changed).PtvId.ToString());
        Assert.Equal(6, summer.Unchanged);
        await using var db = _database.CreateContext();
        var hours = Assert.Single((await db.ServiceChannels.Include(c => c.OpeningHours).SingleAsync(c => c.Key == Location, Ct)).OpeningHours);
        Assert.Equal((Weekdays.Monday | Weekdays.Wednesday, new TimeOnly(9, 0), new TimeOnly(13, 0)), (hours.Days, hours.Opens, hours.Closes));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "malformed services JSON", "[ {", "document" },
        { "not a list", "{ \"id\": \"x\" }", "document" },
        { "a service without names", Edit(ServicesJson, s => s.Item(FamilyCentre)["serviceNames"] = new JsonArray()), "serviceNames" },
        { "only value-less names", Edit(ServicesJson, s => s.Item(FamilyCentre)["serviceNames"]!.AsArray().ToList().ForEach(n => n!["value"] = null)), "serviceNames" },
        { "a link to a channel not in the set", Edit(ServicesJson, s => s.Item(FamilyCentre)["serviceChannels"]![0]!["serviceChannel"]!["id"] = "00000000-0000-4000-8000-000000000099"), "serviceChannels" },
        { "an unknown target group", Edit(ServicesJson, s => s.Item(FamilyCentre)["targetGroups"]![0]!["code"] = "KR9.9"), "targetGroups" },
        { "an unknown service type", Edit(ServicesJson, s => s.Item(CarerSupport)["type"] = "Miracle"), "type" },
        { "a type by PTV's internal name", Edit(ServicesJson, s => s.Item(CarerSupport)["type"] = "PermissionAndObligation"), "type" },
        { "an unknown funding type", Edit(ServicesJson, s => s.Item(CarerSupport)["fundingType"] = "Crowdfunded"), "fundingType" },
        { "an area type v11 does not have", Edit(ServicesJson, s => s.Item(CarerSupport)["areas"]![1]!["type"] = "HospitalRegions"), "areas.type" },
        { "an area type value v11 does not have", Edit(ServicesJson, s => s.Item(CarerSupport)["areaType"] = "AreaType"), "areaType" },
        { "a municipality code of two digits", Edit(ServicesJson, s => s.Item(CarerSupport)["areas"]![2]!["municipalities"]![0]!["code"] = "93"), "areas" },
        { "an unknown role", Edit(ServicesJson, s => s.Item(FamilyCentre)["organizations"]![1]!["roleType"] = "Owner"), "organizations.roleType" },
        { "a provision type by PTV's internal name", Edit(ServicesJson, s => s.Item(FamilyCentre)["organizations"]![2]!["provisionType"] = "PurchaseServices"), "organizations.provisionType" },
        { "a duplicate service", Edit(ServicesJson, s => s.Add(s.Item(FamilyCentre).DeepClone())), "id" },
        { "a service without a responsible organisation", Edit(ServicesJson, s => s.Item(CarerSupport)["organizations"] = new JsonArray()), "organizations" },
        { "a missing key", Edit(ServicesJson, s => s.Item(CarerSupport).AsObject().Remove("organizations")), "organizations" },
        { "a list where v11 has an object", Edit(ServicesJson, s => s.Item(CarerSupport)["serviceNames"] = "Omaishoidon tuki"), "serviceNames" },
    };

    public static TheoryData<string, string, string> BadChannels => new()
    {
        { "malformed channels JSON", "[ { \"id\": ", "document" },
        { "an unknown channel kind", Edit(ChannelsJson, c => c.Item(WebPage)["serviceChannelType"] = "Carrier pigeon"), "serviceChannelType" },
        { "a duplicate channel", Edit(ChannelsJson, c => c.Add(c.Item(Location).DeepClone())), "id" },
        { "a web page without an address", Edit(ChannelsJson, c => c.Item(WebPage)["webPages"] = new JsonArray()), "url" },
        { "a channel of an unknown organisation", Edit(ChannelsJson, c => c.Item(Phone)["organizationId"] = "00000000-0000-4000-8000-000000000042"), "organizationId" },
        { "a service hour type v11 does not have", Edit(ChannelsJson, c => c.Item(Phone)["serviceHours"]![0]!["serviceHourType"] = "Standard"), "serviceHours.serviceHourType" },
        { "a day v11 does not have", Edit(ChannelsJson, c => c.Item(Phone)["serviceHours"]![0]!["openingHour"]![0]!["dayFrom"] = "Mon"), "serviceHours.openingHour" },
        { "a time v11 does not write", Edit(ChannelsJson, c => c.Item(Phone)["serviceHours"]![0]!["openingHour"]![0]!["to"] = "12.00"), "serviceHours.openingHour" },
        { "an exceptional hour on no day", Edit(ChannelsJson, c => c.Item(Location)["serviceHours"]![3]!["openingHour"]![0]!["dayFrom"] = "Holiday"), "serviceHours.openingHour" },
        { "a charge type by PTV's internal name", Edit(ChannelsJson, c => c.Item(Phone)["phoneNumbers"]![1]!["serviceChargeType"] = "Free"), "phoneNumbers.serviceChargeType" },
        { "a phone type v11 does not have", Edit(ChannelsJson, c => c.Item(Phone)["phoneNumbers"]![2]!["type"] = "Telex"), "phoneNumbers.type" },
        { "an address type by PTV's internal name", Edit(ChannelsJson, c => c.Item(Location)["addresses"]![1]!["type"] = "Visiting"), "addresses.type" },
        { "a street address without a postal code", Edit(ChannelsJson, c => c.Item(Location)["addresses"]![1]!["streetAddress"]!["postalCode"] = null), "addresses.streetAddress" },
        { "a missing key", Edit(ChannelsJson, c => c.Item(EChannel).AsObject().Remove("serviceChannelType")), "serviceChannelType" },
        { "a number where v11 writes a string", Edit(ChannelsJson, c => c.Item(Location)["addresses"]![1]!["streetAddress"]!["latitude"] = 7001234.5), "addresses[1].streetAddress.latitude" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadServicesDocument_IsRefusedWithItsReason_AndNothingStoredChanges(string scenario, string services, string field)
    {
        Assert.True((await ImportAsync(ServicesJson, ChannelsJson)).Succeeded);
        var before = await SnapshotAsync();

        var report = await ImportAsync(services, ChannelsJson.Replace("Perhekeskuksen puhelinneuvonta", "Puhelinneuvonta", StringComparison.Ordinal));

        Assert.False(report.Succeeded, scenario);
        Assert.Contains(report.Problems, p => p.Field.StartsWith(field, StringComparison.Ordinal) && p.Item.StartsWith("Service", StringComparison.Ordinal));
        Assert.All(report.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Describe())));
        Assert.All(report.Problems, p => Assert.True(p.Field == "document" || p.Item.Contains('-', StringComparison.Ordinal), p.ToString()));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(BadChannels))]
    public async Task BadChannelsDocument_IsRefusedWithItsReason_AndNothingIsStored(string scenario, string channels, string field)
    {
        var report = await ImportAsync(ServicesJson, channels);

        Assert.False(report.Succeeded, scenario);
        Assert.Contains(report.Problems, p => p.Field.StartsWith(field, StringComparison.Ordinal) && p.Item.StartsWith("ServiceChannel", StringComparison.Ordinal));
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Services.CountAsync(Ct));
        Assert.Equal(0, await db.ServiceChannels.CountAsync(Ct));
        Assert.Equal(0, await db.Organisations.CountAsync(Ct));
    }

    private async Task<PtvImportReport> ImportAsync(string services, string channels, TimeProvider? clock = null)
    {
        await using var db = _database.CreateContext();
        return await new PtvImporter(db, clock ?? Clock, NullLogger<PtvImporter>.Instance).ImportAsync(services, channels, Ct);
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
