using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Cli.Commands;

/// <summary><c>polku import-ptv --services FILE --channels FILE</c>: imports PTV open API v11 list documents, all or nothing.</summary>
internal static class ImportPtvCommand
{
    public static Command Create()
    {
        var services = new Option<FileInfo>("--services") { Description = TextsResource.Get("Cli.ImportPtv.Services"), Required = true };
        var channels = new Option<FileInfo>("--channels") { Description = TextsResource.Get("Cli.ImportPtv.Channels"), Required = true };
        var command = new Command("import-ptv", TextsResource.Get("Cli.ImportPtv.Description")) { services, channels };
        command.SetAction(async (parse, ct) =>
        {
            var servicesFile = parse.GetValue(services)!;
            var channelsFile = parse.GetValue(channels)!;
            foreach (var file in new[] { servicesFile, channelsFile }.Where(f => !f.Exists))
            {
                await Console.Error.WriteLineAsync(string.Format(System.Globalization.CultureInfo.CurrentCulture, TextsResource.Get("Cli.ImportPtv.NoFile"), file.FullName));
                return 2;
            }

            await using var provider = CliServices.Build();
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PolkuDb>().Database.MigrateAsync(ct);
            var report = await scope.ServiceProvider.GetRequiredService<PtvImporter>().ImportAsync(
                await File.ReadAllTextAsync(servicesFile.FullName, ct), await File.ReadAllTextAsync(channelsFile.FullName, ct), ct);
            if (!report.Succeeded)
            {
                await Console.Error.WriteLineAsync(TextsResource.Get("AdminServices.Refused"));
                foreach (var problem in report.Problems)
                {
                    await Console.Error.WriteLineAsync("  " + problem.Describe());
                }

                return 1;
            }

            Console.WriteLine(string.Format(System.Globalization.CultureInfo.CurrentCulture, TextsResource.Get("AdminServices.Imported"), report.Added.Count, report.Changed.Count, report.Unchanged));
            foreach (var line in report.Added)
            {
                Console.WriteLine($"  + {line.Kind} {line.PtvId} {line.Name}");
            }

            foreach (var line in report.Changed)
            {
                Console.WriteLine($"  ~ {line.Kind} {line.PtvId} {line.Name}");
            }

            return 0;
        });
        return command;
    }
}
