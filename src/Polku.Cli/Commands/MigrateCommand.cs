using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Cli.Commands;

/// <summary><c>polku migrate</c>: brings the database schema up to date.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", TextsResource.Get("Cli.Migrate.Description"));
        command.SetAction(async (_, ct) =>
        {
            await using var services = CliServices.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PolkuDb>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            Console.WriteLine(TextsResource.Get("Cli.Migrate.Done"), pending.Count);
            return 0;
        });
        return command;
    }
}
