using Polku.Core.Participation.Panels;

namespace Polku.Core.Tests.Participation;

public class StratifiedDrawTests
{
    private static readonly StratumQuota[] Quotas = [new("18–29", 2), new("30–64", 3), new("65+", 2)];

    private static List<DrawCandidate> Candidates()
    {
        var list = new List<DrawCandidate>();
        var n = 1;
        foreach (var (stratum, count) in new[] { ("18–29", 6), ("30–64", 12), ("65+", 5), ("alle 18", 4) })
        {
            for (var i = 0; i < count; i++)
            {
                list.Add(new DrawCandidate($"K{n++:000}", stratum));
            }
        }

        return list;
    }

    [Fact]
    public void SplitMix64_matches_the_published_reference_values()
    {
        // The first outputs for seed 1234567 in the reference implementation (Vigna, prng.di.unimi.it/splitmix64.c).
        var random = new SplitMix64(1234567);

        Assert.Equal(6457827717110365317UL, random.Next());
        Assert.Equal(3203168211198807973UL, random.Next());
        Assert.Equal(9817491932198370423UL, random.Next());
    }

    [Fact]
    public void Every_quota_is_met_from_its_own_stratum()
    {
        var candidates = Candidates();
        var result = StratifiedDraw.Draw(candidates, Quotas, seed: 20261124);

        Assert.True(result.Succeeded);
        var strata = candidates.ToDictionary(c => c.Number, c => c.Stratum);
        foreach (var quota in Quotas)
        {
            Assert.Equal(quota.Seats, result.Chosen.Count(n => strata[n] == quota.Stratum));
        }

        Assert.Equal(7, result.Chosen.Distinct().Count());
        Assert.DoesNotContain(result.Chosen, n => strata[n] == "alle 18");
    }

    [Fact]
    public void The_same_seed_gives_the_same_panel_whatever_the_list_order()
    {
        var candidates = Candidates();
        var reversed = Enumerable.Reverse(candidates).ToList();

        var first = StratifiedDraw.Draw(candidates, Quotas, 42);
        var again = StratifiedDraw.Draw(reversed, [.. Quotas.Reverse()], 42);

        Assert.Equal(first.Chosen, again.Chosen);
        Assert.Equal(first.Protocol.Select(p => p.Shuffled), again.Protocol.Select(p => p.Shuffled));
    }

    [Fact]
    public void Different_seeds_usually_give_different_panels()
    {
        var candidates = Candidates();
        var panels = Enumerable.Range(1, 20)
            .Select(seed => string.Join(",", StratifiedDraw.Draw(candidates, Quotas, (ulong)seed).Chosen.Order(StringComparer.Ordinal)))
            .ToHashSet();

        Assert.True(panels.Count >= 15, $"only {panels.Count} different panels from 20 seeds");
    }

    [Fact]
    public void Too_few_candidates_in_a_stratum_is_reported_and_nobody_is_drawn()
    {
        var result = StratifiedDraw.Draw(Candidates(), [new("65+", 6), new("18–29", 2), new("yli 100", 1)], 1);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Chosen);
        Assert.Equal([new StratumShortfall("65+", 6, 5), new StratumShortfall("yli 100", 1, 0)], result.Shortfalls);
    }

    [Fact]
    public void Every_candidate_of_a_stratum_has_an_equal_chance()
    {
        var candidates = Enumerable.Range(1, 4).Select(i => new DrawCandidate($"K{i}", "s")).ToList();
        var counts = new Dictionary<string, int>();
        for (ulong seed = 0; seed < 4000; seed++)
        {
            foreach (var n in StratifiedDraw.Draw(candidates, [new("s", 1)], seed).Chosen)
            {
                counts[n] = counts.GetValueOrDefault(n) + 1;
            }
        }

        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
    }
}
