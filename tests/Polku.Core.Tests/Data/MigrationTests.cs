using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Testing;

namespace Polku.Core.Tests.Data;

public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AllMigrations_ApplyToAnEmptyDatabase_AndLeaveNothingPending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var pendingBefore = (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(pendingBefore);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(pendingBefore, await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Organisations.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_HasNoChangesMissingFromTheMigrations(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<PolkuDb>();
        options.UsePolkuDatabase(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost");
        using var db = new PolkuDb(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changed since the last {provider} migration: run dotnet ef migrations add.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NoteVersions_TurnsEveryEarlierNoteIntoItsFirstVersion_WithTheClientsAnswer(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_NoteVersions", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before, ct);

        var centre = new Organisation { Key = "fc", Kind = OrganisationKind.County, Name = new LocalisedText("Perhekeskus") };
        var nurse = new Professional { Key = "nurse", FirstName = "Nea", LastName = "Hoitaja", Title = new LocalisedText("terveydenhoitaja"), Organisation = centre };
        var client = new Client { Key = "c", PersonalIdentityCode = PersonalIdentityCode.Create(new DateOnly(1990, 5, 1), 902).Value, FirstName = "Sanni", LastName = "Testinen", BirthDate = new DateOnly(1990, 5, 1) };
        db.AddRange(centre, nurse, client);
        await db.SaveChangesAsync(ct);
        var noteId = Guid.NewGuid();
        var written = new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);
        var answered = written.AddDays(1);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CoWrittenNotes" ("Id", "ClientId", "ProfessionalId", "ProfessionalName", "WrittenAt", "ProfessionalText", "ChangedAt", "ClientComment", "ClientAgrees", "ClientAnsweredAt")
            VALUES ({noteId}, {client.Id}, {nurse.Id}, {"Nea Hoitaja"}, {written}, {"Sovimme kotikäynnistä."}, {written}, {"Hyvä niin."}, {true}, {answered})
            """, ct);

        await migrator.MigrateAsync(null, ct);

        db.ChangeTracker.Clear();
        var note = await db.CoWrittenNotes.AsNoTracking().SingleAsync(n => n.Id == noteId, ct);
        var version = Assert.Single(note.Versions);
        Assert.Equal((1, nurse.Id, "Nea Hoitaja", "Sovimme kotikäynnistä."), (version.Number, version.AuthorId, version.AuthorName, version.Text));
        Assert.Equal(written, version.WrittenAt);
        Assert.Equal(("Hyvä niin.", true, (DateTime?)answered), (version.ClientComment, version.ClientAgrees, version.ClientAnsweredAt));
    }
}
