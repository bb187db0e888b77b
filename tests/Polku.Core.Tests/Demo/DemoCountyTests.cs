using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Demo;
using Polku.Core.Identity;
using Polku.Core.Paths;
using Polku.Testing;

namespace Polku.Core.Tests.Demo;

public class DemoCountyTests
{
    private static readonly DemoCountyData Data = DemoCountyData.Load();

    [Fact]
    public void DemoCounty_HasAtLeastThirtyOrganisations_OfEveryKind()
    {
        Assert.True(Data.Organisations.Count >= 30);
        foreach (var kind in Enum.GetValues<OrganisationKind>().Where(k => k != OrganisationKind.Other))
        {
            Assert.Contains(Data.Organisations, o => o.Kind == kind);
        }

        Assert.All(Data.Organisations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.NameSv));
            Assert.NotEqual(o.NameFi, o.NameSv);
        });
    }

    [Fact]
    public void DemoPeople_HaveValidFictionalIdentityCodes_MatchingBirthDateAndSex()
    {
        var members = Data.Families.SelectMany(f => f.Members).ToList();

        Assert.InRange(members.Count, 45, 80);
        Assert.Equal(members.Count, members.Select(m => m.PersonalIdentityCode).Distinct().Count());
        Assert.All(members, m =>
        {
            Assert.True(PersonalIdentityCode.TryParse(m.PersonalIdentityCode, out var code), m.Key);
            Assert.Equal(m.BirthDate, code.BirthDate);
            Assert.InRange(code.IndividualNumber, 900, 999);
            if (m.Sex is "F" or "M")
            {
                Assert.Equal(m.Sex == "M", code.IsOddIndividualNumber);
            }
        });
    }

    [Fact]
    public void DemoUsers_CoverEveryRole() =>
        Assert.Equal(Roles.All.Order(), Data.DemoUsers.Select(u => u.Role).Order());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Seeder_LoadsTheDemoCountyOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.MigrateAsync()).Dispose();
        await using var services = Services(database);

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoCountySeeder>().SeedAsync(ct));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoCountySeeder>().SeedAsync(ct));
            var db = scope.ServiceProvider.GetRequiredService<PolkuDb>();
            Assert.Equal(Data.Organisations.Count, await db.Organisations.CountAsync(ct));
            Assert.Equal(Data.Families.Sum(f => f.Members.Count) + DemoNetworkActivity.Clients, await db.Clients.CountAsync(ct));
            Assert.Equal(Data.DemoUsers.Count, await db.Users.CountAsync(ct));
            Assert.True(await db.Guardianships.AnyAsync(ct));
            var blended = await db.Clients.SingleAsync(c => c.Key == "veeti-laine", ct);
            Assert.Single(await db.Guardianships.Where(g => g.ChildId == blended.Id).ToListAsync(ct));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var alerts = await scope.ServiceProvider.GetRequiredService<PathAlerts>().AllAsync(ct);
            Assert.Equal(Enum.GetValues<AlertKind>(), alerts.Select(a => a.Kind).Distinct().Order());
            var db = scope.ServiceProvider.GetRequiredService<PolkuDb>();
            Assert.Equal(DemoPathsData.Load().Episodes.Count + DemoNetworkActivity.Clients, await db.Episodes.CountAsync(ct));
        }
    }

    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<PolkuDb>(o => o.UsePolkuDatabase(database.Provider, database.ConnectionString));
        services.AddIdentityCore<PolkuUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>().AddEntityFrameworkStores<PolkuDb>();
        services.AddScoped<DemoCountySeeder>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ClientAccess>();
        services.AddScoped<PathAlerts>();
        services.AddOptions<PathAlertOptions>();
        return services.BuildServiceProvider();
    }
}
