using System.Diagnostics;

namespace Polku.Core.Capacity;

/// <summary>
/// Runs a checked <see cref="SimulationModel"/>: independent replications in parallel across the cores, each with its
/// own random stream (seed, replication number), so the figures do not depend on how many cores ran them.
/// </summary>
public static class Simulator
{
    /// <summary>Time buckets of the pilot run from which MSER-5 picks the warm-up.</summary>
    public const int WarmupBuckets = 500;

    public static SimulationResult Run(SimulationModel model, int? maxDegreeOfParallelism = null)
    {
        var clock = Stopwatch.StartNew();
        var compiled = new CompiledModel(model);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        long events = 0;
        var warmup = model.WarmupDays;
        var atLimit = false;
        if (model.Warmup == WarmupMethod.Mser5)
        {
            var series = new double[model.Replications][];
            Parallel.For(0, model.Replications, parallel, r =>
            {
                var pilot = new Replication(compiled, 0, model.Seed, r, WarmupBuckets);
                pilot.Run();
                series[r] = pilot.Samples;
                Interlocked.Add(ref events, pilot.Events);
            });
            var width = model.Days / WarmupBuckets;
            var mean = new double[WarmupBuckets];
            for (var b = 0; b < WarmupBuckets; b++)
            {
                mean[b] = series.Average(s => s[b] - (b > 0 ? s[b - 1] : 0)) / width;
            }

            var cut = Mser5.Find(mean);
            warmup = cut.Observations * width;
            atLimit = cut.AtSearchLimit;
        }

        var figures = new StationFigures[model.Replications][];
        Parallel.For(0, model.Replications, parallel, r =>
        {
            var replication = new Replication(compiled, warmup, model.Seed, r);
            figures[r] = replication.Run();
            Interlocked.Add(ref events, replication.Events);
        });

        var stations = new List<StationResult>();
        for (var k = 0; k < model.Stations.Count; k++)
        {
            Estimate Of(Func<StationFigures, double> pick) => Estimate.Of([.. figures.Select(f => pick(f[k]))]);
            var wait = Of(f => f.MeanWaitDays);
            stations.Add(new StationResult(
                model.Stations[k].Id, wait, Of(f => f.MeanQueueLength), Of(f => f.MeanInStation), Of(f => f.Utilisation),
                Of(f => f.ArrivalsPerDay), Of(f => f.ThroughputPerDay), Of(f => f.AbandonedPerDay), Of(f => f.BlockedPerDay),
                Of(f => f.CostPerDay), model.TargetHalfWidthDays is { } target ? wait.ReplicationsFor(target) : null));
        }

        var cost = Estimate.Of([.. figures.Select(f => f.Sum(s => s.CostPerDay))]);
        return new SimulationResult(model.Replications, events, warmup, model.Warmup, atLimit, stations, cost, clock.Elapsed);
    }
}
