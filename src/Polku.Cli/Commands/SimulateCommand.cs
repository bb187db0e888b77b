using System.CommandLine;
using System.Globalization;
using System.Text;
using Polku.Core.Capacity;
using Polku.Core.Localisation;

namespace Polku.Cli.Commands;

/// <summary>
/// <c>polku simulate MODEL.json [--json]</c>: the SPEC §5.3 simulation. A bad model stops it with exit code 2 and
/// every problem on standard error, each naming its field; nothing is printed on standard output then. Warnings
/// (an unstable station) go to standard error and the run goes on.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = TextsResource.Get("Cli.Simulate.Model") };
        var json = new Option<bool>("--json") { Description = TextsResource.Get("Cli.Simulate.Json") };
        var command = new Command("simulate", TextsResource.Get("Cli.Simulate.Description")) { model, json };
        command.SetAction(async (parseResult, ct) =>
        {
            var path = parseResult.GetValue(model)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, TextsResource.Get("Cli.Simulate.FileNotFound"), path));
                return 2;
            }

            var outcome = ModelReader.Read(await File.ReadAllTextAsync(path, ct));
            if (outcome.Model is null)
            {
                foreach (var error in outcome.Errors)
                {
                    await Console.Error.WriteLineAsync(error.Describe());
                }

                return 2;
            }

            foreach (var warning in outcome.Warnings)
            {
                await Console.Error.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, TextsResource.Get("Cli.Simulate.Warning"), warning.Describe()));
            }

            var result = Simulator.Run(outcome.Model);
            if (parseResult.GetValue(json))
            {
                await using var stdout = Console.OpenStandardOutput();
                SimulationJson.Write(result, stdout, outcome.Warnings);
                await stdout.WriteAsync("\n"u8.ToArray(), ct);
            }
            else
            {
                await Console.Out.WriteAsync(Text(result, CultureInfo.CurrentCulture));
            }

            return 0;
        });
        return command;
    }

    private static string Text(SimulationResult result, CultureInfo culture)
    {
        string N(double value, string format = "N3") => double.IsFinite(value) ? value.ToString(format, culture) : "–";
        var text = new StringBuilder();
        text.AppendLine(string.Format(culture, TextsResource.Get("Cli.Simulate.Header"), result.Replications, result.Events.ToString("N0", culture),
            N(result.WarmupDays, "N1"), result.WarmupMethod == WarmupMethod.Mser5 ? "MSER-5" : TextsResource.Get("Cli.Simulate.FixedWarmup")));
        text.AppendLine(TextsResource.Get("Cli.Simulate.Columns"));
        foreach (var s in result.Stations)
        {
            text.AppendLine(culture, $"{s.Id} | {N(s.MeanWaitDays.Mean)} ({N(s.MeanWaitDays.Low)} – {N(s.MeanWaitDays.High)}) | {N(s.MeanQueueLength.Mean, "N2")} | {N(s.Utilisation.Mean, "P1")} | {N(s.ThroughputPerDay.Mean, "N2")} | {N(s.CostPerDay.Mean, "N0")}");
        }

        text.AppendLine(string.Format(culture, TextsResource.Get("Cli.Simulate.Total"), N(result.CostPerDay.Mean, "N0"), N(result.CostPerDay.Low, "N0"), N(result.CostPerDay.High, "N0")));
        return text.ToString();
    }
}
