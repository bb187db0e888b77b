using Microsoft.EntityFrameworkCore;
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
}
