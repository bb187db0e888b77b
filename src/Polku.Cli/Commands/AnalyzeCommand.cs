using System.CommandLine;
using System.Globalization;
using Polku.Core.Insight;
using Polku.Core.Localisation;

namespace Polku.Cli.Commands;

/// <summary>
/// <c>polku analyze --persons P --events E [--json]</c>: the SPEC §5.2 analysis of a register extract. An invalid row
/// stops the run with exit code 2 and a message on standard error; nothing is printed on standard output then.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var persons = new Option<string>("--persons") { Description = TextsResource.Get("Cli.Analyze.Persons"), Required = true };
        var events = new Option<string>("--events") { Description = TextsResource.Get("Cli.Analyze.Events"), Required = true };
        var json = new Option<bool>("--json") { Description = TextsResource.Get("Cli.Analyze.Json") };
        var command = new Command("analyze", TextsResource.Get("Cli.Analyze.Description")) { persons, events, json };
        command.SetAction(async (parseResult, ct) =>
        {
            var loaded = RegisterExtractReader.Load(parseResult.GetValue(persons)!, parseResult.GetValue(events)!);
            if (loaded.Error is { } error)
            {
                await Console.Error.WriteLineAsync(Describe(error));
                return 2;
            }

            var report = ExtractAnalysis.Analyze(loaded.Extract!);
            if (parseResult.GetValue(json))
            {
                await using var stdout = Console.OpenStandardOutput();
                AnalysisJson.Write(report, stdout);
                await stdout.WriteAsync("\n"u8.ToArray(), ct);
            }
            else
            {
                await Console.Out.WriteAsync(AnalysisText.Format(report, CultureInfo.CurrentCulture));
            }

            return 0;
        });
        return command;
    }

    /// <summary>The error message: file, line and column, in the tool's language.</summary>
    public static string Describe(ExtractError error)
    {
        var problem = TextsResource.Get("Insight.Problem." + error.Problem);
        return error.Line == 0
            ? string.Format(CultureInfo.CurrentCulture, TextsResource.Get("Cli.Analyze.FileError"), error.File, problem)
            : string.Format(CultureInfo.CurrentCulture, TextsResource.Get("Cli.Analyze.Error"), error.File, error.Line, error.Column, problem);
    }
}
