using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Polku.Core.Data;

namespace Polku.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without starting the web app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PolkuDb>
{
    public PolkuDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PolkuDb>();
        options.UsePolkuDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=polku_design");
        return new PolkuDb(options.Options);
    }
}
