using Polku.Core.Insight;

namespace Polku.Core.Capacity;

/// <summary>
/// Estimates of the chain's arrivals and routing from a register extract (SPEC §5.1): over the span from the first to
/// the last event, per level the new clients a day (events nobody referred), the events a day in all, the share of a
/// level's events referred to each other level, and the median days from a referral to the referred event. The extract
/// has no durations, so service times cannot be estimated from it; they stay the manager's input.
/// </summary>
public sealed record ChainCalibration(double SpanDays, IReadOnlyList<LevelEstimate> Levels)
{
    public static readonly ServiceLevel[] ChainLevels = [ServiceLevel.Universal, ServiceLevel.Basic, ServiceLevel.Specialist];

    /// <summary>The share referred from <paramref name="from"/> to <paramref name="to"/> (0 when the level has no events).</summary>
    public double Share(ServiceLevel from, ServiceLevel to) =>
        Levels.First(l => l.Level == from) is { Events: > 0 } f ? (double)f.ReferredTo[(int)to] / f.Events : 0;

    public static ChainCalibration FromExtract(RegisterExtract extract)
    {
        var levels = Enum.GetValues<ServiceLevel>().Length;
        var events = new long[levels];
        var fresh = new long[levels];
        var referred = new long[levels, levels];
        var waits = new List<double>[levels];
        for (var l = 0; l < levels; l++)
        {
            waits[l] = [];
        }

        long first = long.MaxValue, last = long.MinValue;
        for (var e = 0; e < extract.EventCount; e++)
        {
            var level = extract.Level[e];
            events[level]++;
            first = Math.Min(first, extract.Start[e]);
            last = Math.Max(last, extract.Start[e]);
            var from = extract.ReferralFrom[e];
            if (from < 0)
            {
                fresh[level]++;
            }
            else
            {
                referred[extract.Level[from], level]++;
                waits[level].Add((extract.Start[e] - extract.Start[from]) / (double)ExtractDates.TicksPerDay);
            }
        }

        var span = extract.EventCount == 0 ? 1 : Math.Max(1, (last - first) / (double)ExtractDates.TicksPerDay);
        var estimates = new List<LevelEstimate>();
        for (var l = 0; l < levels; l++)
        {
            var to = new long[levels];
            for (var m = 0; m < levels; m++)
            {
                to[m] = referred[l, m];
            }

            estimates.Add(new LevelEstimate((ServiceLevel)l, events[l], events[l] / span, fresh[l] / span, to, Median(waits[l])));
        }

        return new ChainCalibration(span, estimates);
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

/// <summary>One level's estimates: events in all and a day, new clients a day, referrals to each level (by <see cref="ServiceLevel"/>), the median referral wait in days.</summary>
public sealed record LevelEstimate(ServiceLevel Level, long Events, double EventsPerDay, double NewPerDay, long[] ReferredTo, double? MedianWaitDays);
