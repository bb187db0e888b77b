using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Audit;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Testing;

namespace Polku.Core.Tests.Data;

public class AuditLogTests
{
    private static readonly Actor Nurse = new("user-1", "Nea Nurse", new HashSet<string> { Roles.Professional }, ProfessionalId: 1, OrganisationId: 1);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AuditEntry_ChangedThroughEf_IsRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigrateAsync();
        var clientId = Guid.NewGuid();
        var entry = new AuditLog(db, new FakeTimeProvider(DateTimeOffset.Parse("2026-11-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)))
            .Add(Nurse, clientId, AuditAction.Read, AuditPurpose.CareRelationship, AuditResources.ClientDetails);
        await db.SaveChangesAsync(ct);

        db.Entry(entry).Property(e => e.ActorName).CurrentValue = "Someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
        db.ChangeTracker.Clear();

        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AuditEntry_ChangedWithRawSql_IsRefusedByTheDatabase(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigrateAsync();
        await new AuditLog(db, TimeProvider.System).RecordAsync(Nurse, Guid.NewGuid(), AuditAction.Read, AuditPurpose.Consent, AuditResources.ClientDetails, ct);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'x'", ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", ct));

        Assert.Equal("Nea Nurse", (await db.AuditEntries.AsNoTracking().SingleAsync(ct)).ActorName);
    }

    [Fact]
    public async Task ForClient_ReturnsOnlyThatClientsEntries_NewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.MigrateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        var log = new AuditLog(db, clock);
        var mine = Guid.NewGuid();
        await log.RecordAsync(Nurse, mine, AuditAction.Read, AuditPurpose.CareRelationship, AuditResources.ClientDetails, ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await log.RecordAsync(Nurse, Guid.NewGuid(), AuditAction.Read, AuditPurpose.CareRelationship, AuditResources.ClientDetails, ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await log.RecordAsync(Nurse, mine, AuditAction.Change, AuditPurpose.CareRelationship, AuditResources.ClientContact, ct);

        var entries = await log.ForClientAsync(mine, ct: ct);

        Assert.Equal([AuditAction.Change, AuditAction.Read], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(DateTimeKind.Utc, e.At.Kind));
        Assert.Equal(new DateTime(2026, 11, 1, 8, 10, 0, DateTimeKind.Utc), entries[0].At);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListViews_AreOneEntryPerViewerClientListAndDay_OpeningsStayOneEach(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigrateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        var log = new AuditLog(db, clock);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var other = Nurse with { UserId = "user-2", DisplayName = "Olli Other" };

        for (var refresh = 0; refresh < 30; refresh++)
        {
            await log.AddListViewsAsync(Nurse, [(a, AuditPurpose.CareRelationship), (b, AuditPurpose.Consent)], AuditResources.Alerts, ct);
            await db.SaveChangesAsync(ct);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await log.AddListViewsAsync(Nurse, [(a, AuditPurpose.CareRelationship)], AuditResources.ClientList, ct);
        await log.AddListViewsAsync(other, [(a, AuditPurpose.CareRelationship)], AuditResources.Alerts, ct);
        await log.RecordAsync(Nurse, a, AuditAction.Read, AuditPurpose.CareRelationship, AuditResources.Path, ct);
        await log.RecordAsync(Nurse, a, AuditAction.Read, AuditPurpose.CareRelationship, AuditResources.Path, ct);
        clock.Advance(TimeSpan.FromDays(1));
        await log.AddListViewsAsync(Nurse, [(a, AuditPurpose.CareRelationship)], AuditResources.Alerts, ct);
        await db.SaveChangesAsync(ct);

        var forA = await log.ForClientAsync(a, ct: ct);
        Assert.Equal(2, forA.Count(e => e.Resource == AuditResources.Alerts && e.ActorUserId == Nurse.UserId));
        Assert.Single(forA, e => e.Resource == AuditResources.Alerts && e.ActorUserId == other.UserId);
        Assert.Single(forA, e => e.Resource == AuditResources.ClientList);
        Assert.Equal(2, forA.Count(e => e.Resource == AuditResources.Path));
        Assert.Single(await log.ForClientAsync(b, ct: ct));
    }

    [Fact]
    public async Task PageForClient_ReachesEveryEntry_NewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.MigrateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        var log = new AuditLog(db, clock);
        var mine = Guid.NewGuid();
        for (var i = 0; i < 23; i++)
        {
            log.Add(Nurse, mine, AuditAction.Read, AuditPurpose.CareRelationship, AuditResources.Path);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        await db.SaveChangesAsync(ct);

        var pages = new List<AuditPage>();
        for (var p = 1; p <= 3; p++)
        {
            pages.Add(await log.PageForClientAsync(mine, p, pageSize: 10, ct));
        }

        Assert.Equal([10, 10, 3], pages.Select(p => p.Entries.Count));
        Assert.All(pages, p => Assert.Equal((3, 23), (p.Pages, p.Total)));
        var all = pages.SelectMany(p => p.Entries).ToList();
        Assert.Equal(23, all.Select(e => e.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(e => e.At).Select(e => e.Id), all.Select(e => e.Id));
        Assert.Equal(3, (await log.PageForClientAsync(mine, 99, pageSize: 10, ct)).Page);
    }
}
