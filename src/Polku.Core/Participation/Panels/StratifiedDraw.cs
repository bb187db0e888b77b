using System.Globalization;

namespace Polku.Core.Participation.Panels;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the generator
/// of Java's <c>SplittableRandom</c>): a fully specified 64-bit generator, so a published seed reproduces a draw on
/// any platform and in any language, unlike <see cref="Random"/>, whose algorithm .NET does not specify.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), by rejection sampling (no modulo bias).</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var b = (ulong)bound;
        var limit = ulong.MaxValue - (ulong.MaxValue % b);
        ulong value;
        do
        {
            value = Next();
        }
        while (value >= limit);

        return (int)(value % b);
    }
}

/// <summary>A volunteer in the draw: a public candidate number and the stratum their background puts them in.</summary>
public sealed record DrawCandidate(string Number, string Stratum);

/// <summary>How many seats a stratum gets.</summary>
public sealed record StratumQuota(string Stratum, int Seats);

/// <summary>A stratum with fewer volunteers than seats; the draw cannot be made until the quota or the list changes.</summary>
public sealed record StratumShortfall(string Stratum, int Seats, int Candidates);

/// <summary>One stratum's part of the protocol: its candidates in list order, the shuffled order and who was chosen.</summary>
public sealed record StratumProtocol(string Stratum, int Seats, IReadOnlyList<string> Candidates, IReadOnlyList<string> Shuffled, IReadOnlyList<string> Chosen);

public sealed record DrawResult(IReadOnlyList<string> Chosen, IReadOnlyList<StratumProtocol> Protocol, IReadOnlyList<StratumShortfall> Shortfalls)
{
    public bool Succeeded => Shortfalls.Count == 0;
}

/// <summary>
/// A stratified random draw of panel members. Every stratum gets exactly its quota. The procedure is public and
/// reproducible: strata are taken in ordinal order of their names; within a stratum the candidates are sorted by
/// number (ordinal), shuffled with a Fisher–Yates shuffle driven by one <see cref="SplitMix64"/> stream started from
/// the published seed (continuing from stratum to stratum), and the first <c>Seats</c> are chosen. Anyone can repeat
/// it from the published candidate list, quotas and seed.
/// </summary>
public static class StratifiedDraw
{
    public static DrawResult Draw(IReadOnlyCollection<DrawCandidate> candidates, IReadOnlyCollection<StratumQuota> quotas, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(quotas);
        if (candidates.Select(c => c.Number).Distinct(StringComparer.Ordinal).Count() != candidates.Count)
        {
            throw new ArgumentException("Candidate numbers must be unique.", nameof(candidates));
        }

        if (quotas.Select(q => q.Stratum).Distinct(StringComparer.Ordinal).Count() != quotas.Count || quotas.Any(q => q.Seats < 0))
        {
            throw new ArgumentException("Each stratum has one quota of zero or more seats.", nameof(quotas));
        }

        var byStratum = candidates.GroupBy(c => c.Stratum, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Number).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var ordered = quotas.OrderBy(q => q.Stratum, StringComparer.Ordinal).ToList();
        var shortfalls = ordered
            .Select(q => new StratumShortfall(q.Stratum, q.Seats, byStratum.GetValueOrDefault(q.Stratum)?.Count ?? 0))
            .Where(s => s.Candidates < s.Seats)
            .ToList();
        if (shortfalls.Count > 0)
        {
            return new DrawResult([], [], shortfalls);
        }

        var random = new SplitMix64(seed);
        var protocol = new List<StratumProtocol>();
        foreach (var quota in ordered)
        {
            var list = byStratum.GetValueOrDefault(quota.Stratum) ?? [];
            var shuffled = list.ToArray();
            for (var i = shuffled.Length - 1; i > 0; i--)
            {
                var j = random.NextBelow(i + 1);
                (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
            }

            protocol.Add(new StratumProtocol(quota.Stratum, quota.Seats, list, shuffled, shuffled[..quota.Seats]));
        }

        return new DrawResult([.. protocol.SelectMany(p => p.Chosen)], protocol, []);
    }

    /// <summary>A seed written as people publish it: decimal digits (0 – 18446744073709551615).</summary>
    public static ulong? ParseSeed(string? text) =>
        ulong.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : null;
}
