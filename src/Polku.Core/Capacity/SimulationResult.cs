namespace Polku.Core.Capacity;

/// <summary>A mean over replications with its 95 % Student t interval from the replication means.</summary>
public readonly record struct Estimate(double Mean, double Low, double High, double StandardDeviation, int Count)
{
    public double HalfWidth => (High - Low) / 2;

    public static Estimate Of(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n == 0 || values.Any(double.IsNaN))
        {
            return new Estimate(double.NaN, double.NaN, double.NaN, double.NaN, n);
        }

        var mean = values.Average();
        if (n < 2)
        {
            return new Estimate(mean, double.NaN, double.NaN, double.NaN, n);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var sd = Math.Sqrt(variance);
        var half = StudentT.Quantile(0.975, n - 1) * sd / Math.Sqrt(n);
        return new Estimate(mean, mean - half, mean + half, sd, n);
    }

    /// <summary>
    /// The fewest replications n with t(0.975, n−1)·s/√n ≤ <paramref name="targetHalfWidth"/>, s being this sample's
    /// standard deviation; null when it cannot be told (no spread measured, or no target).
    /// </summary>
    public int? ReplicationsFor(double targetHalfWidth)
    {
        if (double.IsNaN(StandardDeviation) || targetHalfWidth <= 0)
        {
            return null;
        }

        if (StandardDeviation == 0)
        {
            return 2;
        }

        for (var n = 2; n <= 1_000_000; n++)
        {
            if (StudentT.Quantile(0.975, n - 1) * StandardDeviation / Math.Sqrt(n) <= targetHalfWidth)
            {
                return n;
            }
        }

        return null;
    }
}

public sealed record StationResult(
    string Id,
    Estimate MeanWaitDays,
    Estimate MeanQueueLength,
    Estimate MeanInStation,
    Estimate Utilisation,
    Estimate ArrivalsPerDay,
    Estimate ThroughputPerDay,
    Estimate AbandonedPerDay,
    Estimate BlockedPerDay,
    Estimate CostPerDay,
    int? ReplicationsNeeded);

/// <summary>
/// The SPEC §5.3 result: per station the means over replications; <see cref="Events"/> counts the simulation events
/// of every replication (arrivals, service completions, give-ups and schedule changes, warm-up included).
/// </summary>
public sealed record SimulationResult(
    int Replications,
    long Events,
    double WarmupDays,
    WarmupMethod WarmupMethod,
    bool WarmupAtSearchLimit,
    IReadOnlyList<StationResult> Stations,
    Estimate CostPerDay,
    TimeSpan Elapsed);
