using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Assistant;
using Polku.Core.Localisation;

namespace Polku.Cli.Commands;

/// <summary><c>polku proactive run</c>: runs the life-event rules for today once. Safe to repeat: nothing is queued twice.</summary>
internal static class ProactiveCommand
{
    public static Command Create()
    {
        var run = new Command("run", TextsResource.Get("Cli.Proactive.Run.Description"));
        run.SetAction(async (_, ct) =>
        {
            await using var services = CliServices.Build();
            await using var scope = services.CreateAsyncScope();
            var queued = await scope.ServiceProvider.GetRequiredService<ProactiveRules>().RunAsync(ct: ct);
            Console.WriteLine(TextsResource.Get("Cli.Proactive.Queued"), queued.ToString(CultureInfo.CurrentCulture));
            return 0;
        });
        var command = new Command("proactive", TextsResource.Get("Cli.Proactive.Description"));
        command.Subcommands.Add(run);
        return command;
    }
}
