using System.Globalization;
using System.Numerics;

namespace Polku.Core.Insight;

/// <summary>
/// Computes the SPEC §5.2 figures from a validated <see cref="RegisterExtract"/>. Costs are summed in exact decimal
/// arithmetic and turned into doubles only at the end; waits are whole seconds until the final division.
/// </summary>
public static class ExtractAnalysis
{
    /// <summary>Figures about fewer persons than this are withheld.</summary>
    public const int MinimumPersons = 5;

    /// <summary>A returned referral comes back to the referring provider within this many days of the referral.</summary>
    public const int ReturnWindowDays = 90;

    public static AnalysisReport Analyze(RegisterExtract extract)
    {
        var n = extract.PersonCount;
        var suppressed = new List<string>();

        var sorted = (decimal[])extract.PersonCost.Clone();
        Array.Sort(sorted);
        var prefix = new decimal[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + sorted[i];
        }

        var total = prefix[n];
        double? Share(decimal part) => total == 0 ? null : ToDouble(part / total);
        double? TopShare(int percent) => Share(total - prefix[n - TopCount(percent, n)]);

        var topShares = new TopShares(TopShare(1), TopShare(5), TopShare(10), TopShare(20));

        double? gini = null;
        if (total != 0)
        {
            var weighted = 0m;
            for (var i = 1; i <= n; i++)
            {
                weighted += ((2m * i) - n - 1) * sorted[i - 1];
            }

            gini = ToDouble(weighted / (n * total));
        }

        var lorenz = new LorenzPoint[101];
        for (var i = 0; i <= 100; i++)
        {
            lorenz[i] = new LorenzPoint(i / 100.0, Share(prefix[(int)((long)i * n / 100)]));
        }

        var byLevel = new List<LevelFigures>();
        for (var level = 0; level < 4; level++)
        {
            if (extract.LevelEvents[level] == 0)
            {
                continue;
            }

            var persons = CountPersons(extract.PersonMask, 1 << level);
            var name = ((ServiceLevel)level).Name();
            if (persons < MinimumPersons)
            {
                byLevel.Add(new LevelFigures((ServiceLevel)level, null, null, null));
                suppressed.Add($"by_level[{name}].persons");
                suppressed.Add($"by_level[{name}].events");
                suppressed.Add($"by_level[{name}].cost_eur");
            }
            else
            {
                byLevel.Add(new LevelFigures((ServiceLevel)level, persons, extract.LevelEvents[level], ToDouble(extract.LevelCost[level])));
            }
        }

        var byChannel = new List<ChannelFigures>();
        for (var channel = 0; channel < 6; channel++)
        {
            if (extract.ChannelEvents[channel] == 0)
            {
                continue;
            }

            var name = ((Channel)channel).Name();
            if (CountPersons(extract.PersonMask, 1 << (4 + channel)) < MinimumPersons)
            {
                byChannel.Add(new ChannelFigures((Channel)channel, null, null));
                suppressed.Add($"by_channel[{name}].events");
                suppressed.Add($"by_channel[{name}].share");
            }
            else
            {
                byChannel.Add(new ChannelFigures((Channel)channel, extract.ChannelEvents[channel], (double)extract.ChannelEvents[channel] / extract.EventCount));
            }
        }

        var referrals = Referrals(extract, suppressed);
        var heavyUsers = HeavyUsers(extract, sorted);
        return new AnalysisReport(n, extract.EventCount, ToDouble(total), topShares, gini, lorenz, byLevel, byChannel, referrals, heavyUsers, suppressed);
    }

    /// <summary>⌈percent·n/100⌉ in integer arithmetic.</summary>
    public static int TopCount(int percent, int n) => (int)((((long)percent * n) + 99) / 100);

    private static int CountPersons(ushort[] masks, int bit)
    {
        var count = 0;
        foreach (var mask in masks)
        {
            if ((mask & bit) != 0)
            {
                count++;
            }
        }

        return count;
    }

    private static ReferralFigures Referrals(RegisterExtract extract, List<string> suppressed)
    {
        var events = extract.EventCount;
        var referral = extract.ReferralFrom;
        var level = extract.Level;
        var start = extract.Start;
        var waitCounts = new int[4];
        long count = 0;
        for (var e = 0; e < events; e++)
        {
            if (referral[e] >= 0)
            {
                count++;
                waitCounts[level[e]]++;
            }
        }

        var waits = waitCounts.Select(c => new long[c]).ToArray();
        var filled = new int[4];
        var referredLevels = new byte[extract.PersonCount];
        for (var e = 0; e < events; e++)
        {
            var r = referral[e];
            if (r >= 0)
            {
                waits[level[e]][filled[level[e]]++] = start[e] - start[r];
                referredLevels[extract.Person[e]] |= (byte)(1 << level[e]);
            }
        }

        // A pair (r, e) is returned when some f referred from e goes back to r's provider within 90 days of r.
        var returned = new bool[events];
        const long window = ReturnWindowDays * ExtractDates.TicksPerDay;
        for (var f = 0; f < events; f++)
        {
            var e = referral[f];
            if (e < 0)
            {
                continue;
            }

            var r = referral[e];
            if (r >= 0 && extract.Provider[f] == extract.Provider[r] && start[f] - start[r] <= window)
            {
                returned[e] = true;
            }
        }

        long returnedCount = 0;
        var personReturned = new bool[extract.PersonCount];
        for (var e = 0; e < events; e++)
        {
            if (returned[e])
            {
                returnedCount++;
                personReturned[extract.Person[e]] = true;
            }
        }

        var medians = new List<LevelWait>();
        for (var l = 0; l < 4; l++)
        {
            if (waits[l].Length == 0)
            {
                continue;
            }

            var persons = 0;
            foreach (var mask in referredLevels)
            {
                if ((mask & (1 << l)) != 0)
                {
                    persons++;
                }
            }

            if (persons < MinimumPersons)
            {
                medians.Add(new LevelWait((ServiceLevel)l, null));
                suppressed.Add($"referrals.median_wait_days.{((ServiceLevel)l).Name()}");
            }
            else
            {
                medians.Add(new LevelWait((ServiceLevel)l, MedianDays(waits[l])));
            }
        }

        return new ReferralFigures(count, returnedCount, personReturned.Count(x => x), medians);
    }

    /// <summary>The median of waits in ticks, in days; the mean of the two middle values for an even count.</summary>
    internal static double MedianDays(long[] waits)
    {
        Array.Sort(waits);
        var middle = waits.Length / 2;
        return waits.Length % 2 == 1
            ? waits[middle] / (double)ExtractDates.TicksPerDay
            : (waits[middle - 1] + waits[middle]) / (2.0 * ExtractDates.TicksPerDay);
    }

    private static HeavyUserFigures HeavyUsers(RegisterExtract extract, decimal[] sortedCosts)
    {
        var n = extract.PersonCount;
        var k = TopCount(10, n);
        var heavy = new bool[n];
        if (k > 0)
        {
            var threshold = sortedCosts[n - k];
            var ties = new List<int>();
            var above = 0;
            for (var p = 0; p < n; p++)
            {
                if (extract.PersonCost[p] > threshold)
                {
                    heavy[p] = true;
                    above++;
                }
                else if (extract.PersonCost[p] == threshold)
                {
                    ties.Add(p);
                }
            }

            var needed = k - above;
            if (needed < ties.Count)
            {
                var names = ties.Select(extract.PersonIds.GetString).ToArray();
                var order = ties.ToArray();
                Array.Sort(names, order, StringComparer.Ordinal);
                ties = [.. order];
            }

            for (var i = 0; i < needed; i++)
            {
                heavy[ties[i]] = true;
            }
        }

        var providers = DistinctProviders(extract);
        long heavyLevels = 0, heavyProviders = 0, restLevels = 0, restProviders = 0;
        for (var p = 0; p < n; p++)
        {
            var levels = BitOperations.PopCount((uint)(extract.PersonMask[p] & 0xF));
            if (heavy[p])
            {
                heavyLevels += levels;
                heavyProviders += providers[p];
            }
            else
            {
                restLevels += levels;
                restProviders += providers[p];
            }
        }

        double? Mean(long sum, int count) => count == 0 ? null : (double)sum / count;
        return new HeavyUserFigures(k, 0.1, Mean(heavyLevels, k), Mean(heavyProviders, k), Mean(restLevels, n - k), Mean(restProviders, n - k));
    }

    /// <summary>Per person, the number of distinct providers: events grouped by person (a counting sort), then stamped.</summary>
    private static int[] DistinctProviders(RegisterExtract extract)
    {
        var n = extract.PersonCount;
        var offsets = new int[n + 1];
        for (var p = 0; p < n; p++)
        {
            offsets[p + 1] = offsets[p] + extract.PersonEventCount[p];
        }

        var next = offsets[..n];
        var order = new int[extract.EventCount];
        for (var e = 0; e < extract.EventCount; e++)
        {
            order[next[extract.Person[e]]++] = e;
        }

        var stamp = new int[extract.ProviderCount];
        Array.Fill(stamp, -1);
        var distinct = new int[n];
        for (var p = 0; p < n; p++)
        {
            for (var i = offsets[p]; i < offsets[p + 1]; i++)
            {
                var provider = extract.Provider[order[i]];
                if (stamp[provider] != p)
                {
                    stamp[provider] = p;
                    distinct[p]++;
                }
            }
        }

        return distinct;
    }

    /// <summary>The double nearest to an exact decimal (through its shortest text, which parses correctly rounded).</summary>
    private static double ToDouble(decimal value) => double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
