using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Cli.Commands;

/// <summary><c>polku info</c>: which database is in use and what it holds. Prints no personal data.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", TextsResource.Get("Cli.Info.Description"));
        command.SetAction(async (_, ct) =>
        {
            await using var services = CliServices.Build();
            await using var scope = services.CreateAsyncScope();
            var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
            var db = scope.ServiceProvider.GetRequiredService<PolkuDb>();
            Console.WriteLine(TextsResource.Get("Cli.Info.Provider"), options.Provider);
            if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                Console.WriteLine(TextsResource.Get("Cli.Info.File"), Path.Combine(Path.GetFullPath(options.DataDirectory), "polku.db"));
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            Console.WriteLine(TextsResource.Get("Cli.Info.Pending"), pending);
            if (pending == 0)
            {
                Console.WriteLine(TextsResource.Get("Cli.Info.Counts"),
                    (await db.Organisations.CountAsync(ct)).ToString(CultureInfo.CurrentCulture),
                    (await db.Clients.CountAsync(ct)).ToString(CultureInfo.CurrentCulture),
                    (await db.Users.CountAsync(ct)).ToString(CultureInfo.CurrentCulture));
            }

            return 0;
        });
        return command;
    }
}
