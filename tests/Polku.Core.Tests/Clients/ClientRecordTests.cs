using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Testing;

namespace Polku.Core.Tests.Clients;

public sealed class ClientRecordSqliteTests() : ClientRecordTests(DatabaseProvider.Sqlite);

public sealed class ClientRecordPostgresTests() : ClientRecordTests(DatabaseProvider.Postgres);

/// <summary>The client page's record: the care team is who cares for the client now; family members only as far as the reader may see them.</summary>
public abstract class ClientRecordTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;
    private Professional _nurse = null!;
    private Professional _tomorrow = null!;
    private Client _mother = null!;
    private Client _child = null!;
    private Client _father = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _db = await _database.MigrateAsync();
        var centre = new Organisation { Key = "fc", Kind = OrganisationKind.County, Name = new LocalisedText("Perhekeskus") };
        _nurse = new Professional { Key = "nurse", FirstName = "Nea", LastName = "Hoitaja", Title = new LocalisedText("terveydenhoitaja"), Organisation = centre };
        _tomorrow = new Professional { Key = "later", FirstName = "Tuuli", LastName = "Huominen", Title = new LocalisedText("sosiaaliohjaaja"), Organisation = centre };
        var family = new Family { Key = "f" };
        _mother = NewClient("mother", new DateOnly(1990, 5, 1), 902, family);
        _child = NewClient("child", new DateOnly(2020, 3, 3), 904, family);
        _father = NewClient("father", new DateOnly(1989, 1, 9), 905, family);
        _db.AddRange(centre, _nurse, _tomorrow, family, _mother, _child, _father);
        _db.Guardianships.Add(new Guardianship { GuardianId = _mother.Id, ChildId = _child.Id });
        await _db.SaveChangesAsync();
        _db.CareRelationships.AddRange(
            new CareRelationship { ProfessionalId = _nurse.Id, ClientId = _mother.Id, Basis = CareBasis.Touchpoint, Since = Now.UtcDateTime.AddDays(-10) },
            new CareRelationship { ProfessionalId = _nurse.Id, ClientId = _child.Id, Basis = CareBasis.Touchpoint, Since = Now.UtcDateTime.AddDays(-10) },
            new CareRelationship { ProfessionalId = _tomorrow.Id, ClientId = _mother.Id, Basis = CareBasis.Team, Since = Now.UtcDateTime.AddDays(1) });
        await _db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static Client NewClient(string key, DateOnly born, int individual, Family family) => new()
    {
        Key = key,
        PersonalIdentityCode = PersonalIdentityCode.Create(born, individual).Value,
        FirstName = key,
        LastName = "Testinen",
        BirthDate = born,
        Family = family,
    };

    private ClientRecord Record()
    {
        var audit = new AuditLog(_db, _clock);
        return new ClientRecord(_db, new ClientAccess(_db, audit, _clock), audit, _clock);
    }

    private static Actor As(Professional p) => new("u-" + p.Key, p.FullName, new HashSet<string> { Roles.Professional }, p.Id, p.OrganisationId);

    [Fact]
    public async Task CareTeam_LeavesOutARelationshipThatStartsTomorrow()
    {
        var (details, _) = await Record().DetailsAsync(As(_nurse), _mother.Id, Ct);
        var (own, _) = await Record().OwnAsync(new Actor("u-mother", "mother", new HashSet<string> { Roles.Client }, ClientId: _mother.Id), Ct);

        Assert.Equal(["Nea Hoitaja"], details!.CareTeam.Select(m => m.Name));
        Assert.Equal(["Nea Hoitaja"], own!.CareTeam.Select(m => m.Name));
        Assert.Equal([_child.Id], own.Children.Select(c => c.Id));
    }

    [Fact]
    public async Task FamilyMembers_AreOnlyThoseTheReaderMaySee_AndEachNameShownIsAudited()
    {
        var (details, _) = await Record().DetailsAsync(As(_nurse), _mother.Id, Ct);

        Assert.Equal([_child.Id], details!.FamilyMembers.Select(c => c.Id));
        var entries = await _db.AuditEntries.AsNoTracking().ToListAsync(Ct);
        Assert.Contains(entries, e => e.ClientId == _child.Id && e.Resource == AuditResources.ClientFamily && e.Purpose == AuditPurpose.CareRelationship);
        Assert.DoesNotContain(entries, e => e.ClientId == _father.Id);
    }
}
