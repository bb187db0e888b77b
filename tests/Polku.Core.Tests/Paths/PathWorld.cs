using Microsoft.Extensions.Time.Testing;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Paths;
using Polku.Testing;

namespace Polku.Core.Tests.Paths;

/// <summary>A small network for path tests: a family centre and an NGO, four professionals and one client.</summary>
public sealed class PathWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private PathWorld(TestDatabase database, PolkuDb db)
    {
        Database = database;
        Db = db;
    }

    public TestDatabase Database { get; }
    public PolkuDb Db { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public Organisation FamilyCentre { get; private set; } = null!;
    public Organisation Ngo { get; private set; } = null!;
    public Organisation Parish { get; private set; } = null!;
    public Professional Nurse { get; private set; } = null!;
    public Professional SocialWorker { get; private set; } = null!;
    public Professional FamilyWorker { get; private set; } = null!;
    public Professional NgoColleague { get; private set; } = null!;
    public Professional Deacon { get; private set; } = null!;
    public Client Mother { get; private set; } = null!;

    public static async Task<PathWorld> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var world = new PathWorld(database, await database.MigrateAsync());
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        FamilyCentre = new Organisation { Key = "fc", Kind = OrganisationKind.County, Name = new LocalisedText("Perhekeskus", "Familjecentret") };
        Ngo = new Organisation { Key = "ngo", Kind = OrganisationKind.Ngo, Name = new LocalisedText("Perhetuki ry") };
        Parish = new Organisation { Key = "parish", Kind = OrganisationKind.Parish, Name = new LocalisedText("Seurakunta") };
        Nurse = Pro("nurse", "Nea", FamilyCentre);
        SocialWorker = Pro("sw", "Sanna", FamilyCentre);
        FamilyWorker = Pro("fw", "Olli", Ngo);
        NgoColleague = Pro("fw2", "Pia", Ngo);
        Deacon = Pro("deacon", "Daniel", Parish);
        var born = new DateOnly(1990, 5, 1);
        Mother = new Client { Key = "mother", PersonalIdentityCode = PersonalIdentityCode.Create(born, 902).Value, FirstName = "Maija", LastName = "Testinen", BirthDate = born };
        Db.AddRange(FamilyCentre, Ngo, Parish, Nurse, SocialWorker, FamilyWorker, NgoColleague, Deacon, Mother);
        await Db.SaveChangesAsync();
        Db.CareRelationships.Add(new CareRelationship { ProfessionalId = Nurse.Id, ClientId = Mother.Id, Basis = CareBasis.Touchpoint, Since = Start.UtcDateTime.AddDays(-30) });
        await Db.SaveChangesAsync();
    }

    private static Professional Pro(string key, string first, Organisation organisation) =>
        new() { Key = key, FirstName = first, LastName = "Ammattilainen", Title = new LocalisedText("ammattilainen"), Organisation = organisation };

    public static Actor As(Professional p) =>
        new("u-" + p.Key, p.FullName, new HashSet<string> { Roles.Professional }, p.Id, p.OrganisationId);

    public Actor AsMother() => new("u-mother", Mother.FullName, new HashSet<string> { Roles.Client }, ClientId: Mother.Id);

    /// <summary>The path commands over a given unit of work (a second context plays a second professional).</summary>
    public ClientPaths Paths(PolkuDb? db = null)
    {
        db ??= Db;
        return new ClientPaths(db, new ClientAccess(db, new AuditLog(db, Clock), Clock), new AuditLog(db, Clock), Clock);
    }

    public ClientAccess Access() => new(Db, new AuditLog(Db, Clock), Clock);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await Database.DisposeAsync();
    }
}
