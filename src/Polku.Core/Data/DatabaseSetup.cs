using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Polku.Core.Data;

/// <summary>Chooses the provider and the migrations assembly from configuration.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Polku.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Polku.Migrations.Postgres";

    public static DbContextOptionsBuilder UsePolkuDatabase(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    public static IServiceCollection AddPolkuDb(this IServiceCollection services, DatabaseOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        services.AddDbContext<PolkuDb>(b => b.UsePolkuDatabase(options.Provider, connectionString));
        return services;
    }
}
