using System.Text.Json;

namespace Polku.Core.Capacity;

/// <summary>
/// Writes a <see cref="SimulationResult"/> as the SPEC §5.3 object. The contract's fields come first and mean exactly
/// what §5.3 says; the rest are additions (warm-up used, queue and cost figures, give-ups and losses, CIs).
/// A figure that cannot be told (no client reached the station) is <c>null</c>.
/// </summary>
public static class SimulationJson
{
    public static void Write(SimulationResult result, Stream stream, IReadOnlyList<ModelIssue>? warnings = null)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("replications", result.Replications);
        json.WriteNumber("events", result.Events);
        json.WriteStartArray("stations");
        foreach (var s in result.Stations)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            Number(json, "mean_wait_days", s.MeanWaitDays.Mean);
            Interval(json, "mean_wait_ci95", s.MeanWaitDays);
            Number(json, "utilisation", s.Utilisation.Mean);
            Number(json, "throughput_per_day", s.ThroughputPerDay.Mean);
            Number(json, "mean_queue_length", s.MeanQueueLength.Mean);
            Interval(json, "mean_queue_length_ci95", s.MeanQueueLength);
            Interval(json, "utilisation_ci95", s.Utilisation);
            Number(json, "mean_in_station", s.MeanInStation.Mean);
            Number(json, "arrivals_per_day", s.ArrivalsPerDay.Mean);
            Number(json, "abandoned_per_day", s.AbandonedPerDay.Mean);
            Number(json, "blocked_per_day", s.BlockedPerDay.Mean);
            Number(json, "cost_per_day", s.CostPerDay.Mean);
            if (s.ReplicationsNeeded is { } needed)
            {
                json.WriteNumber("replications_needed", needed);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("warmup_days", result.WarmupDays);
        json.WriteString("warmup_method", result.WarmupMethod == WarmupMethod.Mser5 ? "mser5" : "fixed");
        Number(json, "cost_per_day", result.CostPerDay.Mean);
        Interval(json, "cost_per_day_ci95", result.CostPerDay);
        json.WriteNumber("events_per_second", result.Elapsed.TotalSeconds > 0 ? Math.Round(result.Events / result.Elapsed.TotalSeconds) : 0);
        json.WriteStartArray("warnings");
        foreach (var warning in warnings ?? [])
        {
            json.WriteStringValue(warning.Describe());
        }

        if (result.WarmupAtSearchLimit)
        {
            json.WriteStringValue(new ModelIssue("warmup_method", "WarmupAtLimit") { IsWarning = true }.Describe());
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Interval(Utf8JsonWriter json, string name, Estimate estimate)
    {
        json.WriteStartArray(name);
        foreach (var value in new[] { estimate.Low, estimate.High })
        {
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }
}
