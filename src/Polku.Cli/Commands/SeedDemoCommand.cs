using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Data;
using Polku.Core.Demo;
using Polku.Core.Localisation;

namespace Polku.Cli.Commands;

/// <summary><c>polku seed-demo</c>: loads the fictional demo county into an empty database.</summary>
internal static class SeedDemoCommand
{
    public static Command Create()
    {
        var command = new Command("seed-demo", TextsResource.Get("Cli.SeedDemo.Description"));
        command.SetAction(async (_, ct) =>
        {
            await using var services = CliServices.Build();
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PolkuDb>().Database.MigrateAsync(ct);
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoCountySeeder>().SeedAsync(ct);
            Console.WriteLine(TextsResource.Get(seeded ? "Cli.SeedDemo.Done" : "Cli.SeedDemo.AlreadyThere"));
            return 0;
        });
        return command;
    }
}
