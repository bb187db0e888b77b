using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Polku.Reference;

namespace Polku.Bench;

/// <summary>
/// <c>polku analyze --json</c> against DuckDB running <c>analysis.sql</c> on the same generated files, each as its own
/// process so that wall-clock time and peak resident memory are measured the same way, and a check that both give the
/// same figures. Usage: <c>Polku.Bench versus-duckdb --persons N [--seed S] [--runs R] [--polku path/to/polku.dll]</c>.
/// </summary>
internal static class VersusDuckDb
{
    public static int Run(string[] args)
    {
        var persons = int.Parse(Option(args, "--persons", "100000"), CultureInfo.InvariantCulture);
        var seed = Option(args, "--seed", "1");
        var runs = int.Parse(Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var polku = Path.GetFullPath(Option(args, "--polku", FindPolku()));
        var folder = Path.Combine(Path.GetTempPath(), $"polku-versus-{persons}-{seed}");
        var personsCsv = Path.Combine(folder, "persons.csv");
        var eventsCsv = Path.Combine(folder, "events.csv");
        if (!File.Exists(Path.Combine(folder, "done")))
        {
            var generated = Measure("dotnet", [polku, "generate", "--persons", persons.ToString(CultureInfo.InvariantCulture), "--seed", seed, "--out", folder]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate: {generated.Seconds:0.0} s, {generated.PeakMegabytes:0} MB peak"));
            File.WriteAllText(Path.Combine(folder, "done"), "");
        }

        var self = typeof(VersusDuckDb).Assembly.Location;
        var megabytes = (new FileInfo(personsCsv).Length + new FileInfo(eventsCsv).Length) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extract: {persons} persons, {File.ReadLines(eventsCsv).LongCount() - 1} events, {megabytes:0} MB"));

        var polkuRuns = new List<Measurement>();
        var duckRuns = new List<Measurement>();
        for (var run = 0; run < runs; run++)
        {
            polkuRuns.Add(Measure("dotnet", [polku, "analyze", "--persons", personsCsv, "--events", eventsCsv, "--json"]));
            duckRuns.Add(Measure("dotnet", [self, "duckdb-run", personsCsv, eventsCsv]));
        }

        var differences = AnalysisFigures.Compare(AnalysisFigures.FromJson(polkuRuns[0].Output), Deserialize(duckRuns[0].Output));
        var suppressed = AnalysisFigures.Suppressed(polkuRuns[0].Output).Order(StringComparer.Ordinal).ToArray();
        var expected = AnalysisFigures.ExpectedSuppressed(Deserialize(duckRuns[0].Output));
        foreach (var difference in differences)
        {
            Console.WriteLine("DIFFERENT " + difference);
        }

        if (!suppressed.SequenceEqual(expected))
        {
            Console.WriteLine("DIFFERENT suppressed: polku [" + string.Join(", ", suppressed) + "], duckdb [" + string.Join(", ", expected) + "]");
        }

        var same = differences.Count == 0 && suppressed.SequenceEqual(expected);
        Console.WriteLine(same ? "figures: the same (every §5.2 figure, relative tolerance 1e-9)" : "figures: DIFFERENT");
        var p = Median(polkuRuns);
        var d = Median(duckRuns);
        Console.WriteLine();
        Console.WriteLine("| Run | Wall clock (median of " + runs.ToString(CultureInfo.InvariantCulture) + ") | Peak resident memory | Ratio time | Ratio memory |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| DuckDB 1.5.6, analysis.sql (reference) | {d.Seconds:0.00} s | {d.PeakMegabytes:0} MB | 1.00 | 1.00 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| polku analyze --json | {p.Seconds:0.00} s | {p.PeakMegabytes:0} MB | {p.Seconds / d.Seconds:0.00} | {p.PeakMegabytes / d.PeakMegabytes:0.00} |"));
        return same ? 0 : 1;
    }

    /// <summary>The child process of a DuckDB run: the figures as a JSON object on standard output.</summary>
    public static int RunDuckDb(string personsCsv, string eventsCsv)
    {
        var figures = DuckDbAnalysis.Run(personsCsv, eventsCsv, timings: Environment.GetEnvironmentVariable("POLKU_DUCKDB_TIMINGS") is null ? null : Console.Error);
        using var stdout = Console.OpenStandardOutput();
        JsonSerializer.Serialize(stdout, figures);
        return 0;
    }

    private static Dictionary<string, double?> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, double?>>(json) ?? throw new InvalidOperationException("No figures from DuckDB.");

    private sealed record Measurement(double Seconds, double PeakMegabytes, string Output);

    private static Measurement Median(List<Measurement> runs) =>
        new(runs.Select(r => r.Seconds).Order().ElementAt(runs.Count / 2), runs.Select(r => r.PeakMegabytes).Order().ElementAt(runs.Count / 2), "");

    /// <summary>Runs a process to its end, polling its peak resident set (VmHWM) every 10 ms.</summary>
    private static Measurement Measure(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException(file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(10))
        {
            peak = Math.Max(peak, PeakResident(process.Id));
        }

        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed: {error.Result}");
        }

        return new Measurement(clock.Elapsed.TotalSeconds, peak / 1e6, output.Result);
    }

    private static long PeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the poll and the read.
        }

        return 0;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static string FindPolku()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Polku.Cli", "bin", "Release", "net10.0", "polku.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Build src/Polku.Cli in Release first, or pass --polku path/to/polku.dll.");
    }
}
