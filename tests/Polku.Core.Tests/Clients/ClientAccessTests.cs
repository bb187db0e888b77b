using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Testing;

namespace Polku.Core.Tests.Clients;

public sealed class ClientAccessTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;
    private Organisation _familyCentre = null!;
    private Organisation _ngo = null!;
    private Professional _nurse = null!;
    private Professional _ngoWorker = null!;
    private Client _mother = null!;
    private Client _child = null!;
    private Client _adultSon = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _db = await _database.MigrateAsync();
        _familyCentre = new Organisation { Key = "fc", Kind = OrganisationKind.County, Name = new LocalisedText("Perhekeskus", "Familjecentret") };
        _ngo = new Organisation { Key = "ngo", Kind = OrganisationKind.Ngo, Name = new LocalisedText("Perhetuki ry") };
        _nurse = new Professional { Key = "nurse", FirstName = "Nea", LastName = "Hoitaja", Title = new LocalisedText("terveydenhoitaja"), Organisation = _familyCentre };
        _ngoWorker = new Professional { Key = "ngo-worker", FirstName = "Olli", LastName = "Ohjaaja", Title = new LocalisedText("perhetyöntekijä"), Organisation = _ngo };
        _mother = NewClient("mother", new DateOnly(1990, 5, 1), 902);
        _child = NewClient("child", new DateOnly(2018, 3, 3), 904);
        _adultSon = NewClient("son", new DateOnly(2006, 1, 9), 905);
        _db.AddRange(_familyCentre, _ngo, _nurse, _ngoWorker, _mother, _child, _adultSon);
        _db.Guardianships.AddRange(
            new Guardianship { GuardianId = _mother.Id, ChildId = _child.Id },
            new Guardianship { GuardianId = _mother.Id, ChildId = _adultSon.Id });
        await _db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static Client NewClient(string key, DateOnly born, int individual) => new()
    {
        Key = key,
        PersonalIdentityCode = PersonalIdentityCode.Create(born, individual).Value,
        FirstName = key,
        LastName = "Testinen",
        BirthDate = born,
    };

    private ClientAccess Access() => new(_db, new AuditLog(_db, _clock), _clock);

    private static Actor AsProfessional(Professional p, params string[] roles) =>
        new("u-" + p.Key, p.FullName, roles.Length == 0 ? new HashSet<string> { Roles.Professional } : roles.ToHashSet(), p.Id, p.OrganisationId);

    private static Actor AsClient(Client c) => new("u-" + c.Key, c.FullName, new HashSet<string> { Roles.Client }, ClientId: c.Id);

    private async Task AddCare(Professional p, Client c, DateTimeOffset since, DateTimeOffset? until = null)
    {
        _db.CareRelationships.Add(new CareRelationship
        {
            ProfessionalId = p.Id,
            ClientId = c.Id,
            Basis = CareBasis.Touchpoint,
            Since = since.UtcDateTime,
            Until = until?.UtcDateTime,
        });
        await _db.SaveChangesAsync();
    }

    [Fact]
    public async Task Professional_WithActiveCareRelationship_SeesClient()
    {
        await AddCare(_nurse, _mother, Now.AddDays(-30));

        var decision = await Access().DecideAsync(AsProfessional(_nurse), _mother.Id, TestContext.Current.CancellationToken);

        Assert.Equal(new AccessDecision(true, AuditPurpose.CareRelationship), decision);
    }

    [Fact]
    public async Task Professional_WhoseCareRelationshipEnded_IsRefused()
    {
        await AddCare(_nurse, _mother, Now.AddDays(-30), Now.AddDays(-1));

        Assert.False((await Access().DecideAsync(AsProfessional(_nurse), _mother.Id, TestContext.Current.CancellationToken)).Allowed);
    }

    [Fact]
    public async Task Professional_WithCareRelationshipStartingTomorrow_IsRefused()
    {
        await AddCare(_nurse, _mother, Now.AddDays(1));

        Assert.False((await Access().DecideAsync(AsProfessional(_nurse), _mother.Id, TestContext.Current.CancellationToken)).Allowed);
    }

    [Fact]
    public async Task Professional_WithoutRelationshipOrConsent_IsRefused_AndTheAttemptIsAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        var opening = await Access().OpenAsync(AsProfessional(_ngoWorker), _mother.Id, AuditAction.Read, AuditResources.ClientDetails, ct);

        Assert.True(opening.IsDenied);
        Assert.Null(opening.Client);
        var entry = Assert.Single(await _db.AuditEntries.ToListAsync(ct));
        Assert.Equal((AuditAction.Denied, _mother.Id, "Olli Ohjaaja"), (entry.Action, entry.ClientId, entry.ActorName));
    }

    [Fact]
    public async Task OrganisationWithValidConsent_SeesClient_UntilTheConsentIsRevoked()
    {
        var ct = TestContext.Current.CancellationToken;
        var consent = new Consent
        {
            ClientId = _mother.Id,
            OrganisationId = _ngo.Id,
            Purpose = new LocalisedText("perhetyö"),
            GivenAt = Now.AddDays(-10).UtcDateTime,
            ValidUntil = new DateOnly(2026, 11, 20),
        };
        _db.Consents.Add(consent);
        await _db.SaveChangesAsync(ct);

        Assert.Equal(AuditPurpose.Consent, (await Access().DecideAsync(AsProfessional(_ngoWorker), _mother.Id, ct)).Purpose);

        consent.Revoke(Now.AddMinutes(-1).UtcDateTime);
        await _db.SaveChangesAsync(ct);
        Assert.False((await Access().DecideAsync(AsProfessional(_ngoWorker), _mother.Id, ct)).Allowed);
    }

    [Fact]
    public async Task Consent_IsValidThroughItsLastFinnishDay_AndNotAfter()
    {
        var ct = TestContext.Current.CancellationToken;
        _db.Consents.Add(new Consent
        {
            ClientId = _mother.Id,
            OrganisationId = _ngo.Id,
            Purpose = new LocalisedText("perhetyö"),
            GivenAt = Now.AddDays(-10).UtcDateTime,
            ValidUntil = new DateOnly(2026, 11, 20),
        });
        await _db.SaveChangesAsync(ct);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 21, 59, 0, TimeSpan.Zero));
        Assert.True((await Access().DecideAsync(AsProfessional(_ngoWorker), _mother.Id, ct)).Allowed);
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero));
        Assert.False((await Access().DecideAsync(AsProfessional(_ngoWorker), _mother.Id, ct)).Allowed);
    }

    [Fact]
    public async Task ConsentToAnotherOrganisation_DoesNotOpenTheData()
    {
        var ct = TestContext.Current.CancellationToken;
        _db.Consents.Add(new Consent { ClientId = _mother.Id, OrganisationId = _familyCentre.Id, Purpose = new LocalisedText("x"), GivenAt = Now.AddDays(-1).UtcDateTime });
        await _db.SaveChangesAsync(ct);

        Assert.False((await Access().DecideAsync(AsProfessional(_ngoWorker), _mother.Id, ct)).Allowed);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.ServiceDesigner)]
    [InlineData(Roles.Administrator)]
    public async Task RoleAlone_NeverOpensClientData(string role)
    {
        await AddCare(_nurse, _mother, Now.AddDays(-30));

        var decision = await Access().DecideAsync(AsProfessional(_nurse, role), _mother.Id, TestContext.Current.CancellationToken);

        Assert.False(decision.Allowed);
    }

    [Fact]
    public async Task Client_SeesOwnData_ButNotAnotherClients()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(AuditPurpose.OwnData, (await Access().DecideAsync(AsClient(_child), _child.Id, ct)).Purpose);
        Assert.False((await Access().DecideAsync(AsClient(_child), _mother.Id, ct)).Allowed);
    }

    [Fact]
    public async Task Guardian_SeesMinorChild_ButNotAnAdultChild()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(AuditPurpose.Guardian, (await Access().DecideAsync(AsClient(_mother), _child.Id, ct)).Purpose);
        Assert.False((await Access().DecideAsync(AsClient(_mother), _adultSon.Id, ct)).Allowed);
    }

    [Fact]
    public async Task VisibleTo_ListsClientsInCareOrByConsent_AndAuditsEachName()
    {
        var ct = TestContext.Current.CancellationToken;
        await AddCare(_ngoWorker, _child, Now.AddDays(-3));
        _db.Consents.Add(new Consent { ClientId = _mother.Id, OrganisationId = _ngo.Id, Purpose = new LocalisedText("x"), GivenAt = Now.AddDays(-1).UtcDateTime });
        await _db.SaveChangesAsync(ct);

        var visible = await Access().VisibleToAsync(AsProfessional(_ngoWorker), ct);

        Assert.Equal(
            [(_child.Id, AuditPurpose.CareRelationship), (_mother.Id, AuditPurpose.Consent)],
            visible.Select(v => (v.Client.Id, v.Purpose)).OrderBy(v => v.Item2));
        Assert.Equal(2, await _db.AuditEntries.CountAsync(e => e.Resource == AuditResources.ClientList, ct));
    }
}
