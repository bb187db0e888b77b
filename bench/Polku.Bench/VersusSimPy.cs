using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Polku.Core.Capacity;

namespace Polku.Bench;

/// <summary>
/// The issue #19 chain (λ = 40/day; 6, 9, 6 servers; mean service 0.12, 0.6, 2.0 days; 30 % and 20 % onward) in Polku's
/// simulator and in SimPy in the same run: events a second on both cores, and each level's wait interval against
/// Erlang C. Usage: <c>Polku.Bench versus-simpy [--days 2000] [--replications 100] [--simpy-replications 4]
/// [--python /usr/bin/python3]</c>. Exits non-zero when a Polku interval misses Erlang C.
/// </summary>
internal static class VersusSimPy
{
    public static int Run(string[] args)
    {
        var days = double.Parse(Option(args, "--days", "2000"), CultureInfo.InvariantCulture);
        var replications = int.Parse(Option(args, "--replications", "100"), CultureInfo.InvariantCulture);
        var simpyReplications = int.Parse(Option(args, "--simpy-replications", "4"), CultureInfo.InvariantCulture);
        var python = Option(args, "--python", "/usr/bin/python3");
        var warmup = days / 10;
        var model = Chain(days, warmup, replications);
        var rates = Traffic.ArrivalRates(model)!;
        var theory = model.Stations.Select((s, k) => ErlangCWait(rates[k], s.Service.MeanDays, s.Servers)).ToArray();

        Simulator.Run(Chain(200, 20, Environment.ProcessorCount * 2));
        var runs = Enumerable.Range(0, 3).Select(_ => Simulator.Run(model)).ToList();
        var polku = runs.OrderBy(r => r.Elapsed).ElementAt(1);
        var polkuRate = polku.Events / polku.Elapsed.TotalSeconds;

        var script = Path.Combine(AppContext.BaseDirectory, "simpy", "chain.py");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { script, "--days", Invariant(days), "--warmup", Invariant(warmup), "--replications", Invariant(simpyReplications), "--workers", Invariant(Environment.ProcessorCount) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        using var simpy = JsonDocument.Parse(output);
        var simpyEvents = simpy.RootElement.GetProperty("events").GetInt64();
        var simpySeconds = simpy.RootElement.GetProperty("seconds").GetDouble();
        var simpyRate = simpyEvents / simpySeconds;
        var simpyWaits = simpy.RootElement.GetProperty("waits").EnumerateArray().Select(r => r.EnumerateArray().Select(w => w.GetDouble()).ToArray()).ToArray();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cores: {Environment.ProcessorCount}; run: {days} days, warm-up {warmup} days"));
        Console.WriteLine("| Engine | Replications | Events | Wall clock | Events/s | Ratio |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| SimPy {simpy.RootElement.GetProperty("simpy").GetString()} (reference) | {simpyReplications} | {simpyEvents:N0} | {simpySeconds:0.00} s | {simpyRate:N0} | 1 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Polku (median of 3) | {replications} | {polku.Events:N0} | {polku.Elapsed.TotalSeconds:0.00} s | {polkuRate:N0} | {polkuRate / simpyRate:0.0} |"));
        Console.WriteLine();
        Console.WriteLine("| Level | Erlang C wait (days) | Polku mean (95 % CI) | SimPy mean (95 % CI) |");
        Console.WriteLine("|---|---|---|---|");
        var allCovered = true;
        for (var k = 0; k < model.Stations.Count; k++)
        {
            var p = polku.Stations[k].MeanWaitDays;
            var s = Estimate.Of([.. simpyWaits.Select(w => w[k])]);
            var pOk = p.Low <= theory[k] && theory[k] <= p.High;
            var sOk = s.Low <= theory[k] && theory[k] <= s.High;
            allCovered &= pOk;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {model.Stations[k].Id} | {theory[k]:0.00000} | {p.Mean:0.00000} ({p.Low:0.00000}–{p.High:0.00000}) {(pOk ? "covers" : "MISSES")} | {s.Mean:0.00000} ({s.Low:0.00000}–{s.High:0.00000}) {(sOk ? "covers" : "misses")} |"));
        }

        return allCovered ? 0 : 1;
    }

    public static SimulationModel Chain(double days, double warmup, int replications) =>
        new(days, warmup, replications, 42,
            [Station("universal", 6, 0.12), Station("basic", 9, 0.6), Station("specialist", 6, 2.0)],
            [new ArrivalModel("universal", 40)],
            [new RouteModel("universal", "basic", 0.3), new RouteModel("basic", "specialist", 0.2)]);

    private static StationModel Station(string id, int servers, double mean) => new(id, servers, new ServiceModel(ServiceDistribution.Exponential, mean));

    /// <summary>Mean wait in queue of M/M/c by Erlang C.</summary>
    private static double ErlangCWait(double lambda, double meanService, int c)
    {
        var a = lambda * meanService;
        double term = 1, sum = 1;
        for (var k = 1; k < c; k++)
        {
            term *= a / k;
            sum += term;
        }

        var last = term * a / c * c / (c - a);
        return last / (sum + last) / (c / meanService - lambda);
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
