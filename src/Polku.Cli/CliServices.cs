using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polku.Core.Data;
using Polku.Core.Demo;
using Polku.Core.Identity;

namespace Polku.Cli;

/// <summary>
/// The services the commands need, configured like the web app: the "Database" section from environment variables
/// (Database__Provider, Database__ConnectionString, Database__DataDirectory), defaulting to the same SQLite file.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddPolkuDb(database);
        services.AddIdentityCore<PolkuUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PolkuDb>();
        services.AddScoped<DemoCountySeeder>();
        services.AddScoped<Polku.Core.Catalogue.PtvImporter>();
        services.AddScoped<Polku.Core.Notifications.NotificationOutbox>();
        services.AddScoped<Polku.Core.Assistant.ProactiveRules>();
        return services.BuildServiceProvider();
    }
}
