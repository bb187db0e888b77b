using System.Globalization;
using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

/// <summary>Properties every analysis must have, checked on many small random extracts (seeded, so repeatable).</summary>
public class AnalysisPropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    private static AnalysisReport RandomExtract(int seed)
    {
        var random = new Random(seed);
        var extract = new Extracts();
        var persons = Enumerable.Range(0, random.Next(1, 40)).Select(i => "P" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        extract.Persons(persons);
        string[] levels = ["universal", "basic", "specialist", "institutional"];
        string[] channels = ["visit", "phone", "chat", "e_service", "home", "group"];
        var events = random.Next(0, 120);
        for (var i = 0; i < events; i++)
        {
            var cost = random.Next(4) == 0 ? 0 : Math.Round((decimal)Math.Exp(random.NextDouble() * 8), 2);
            var start = new DateTime(2025, 1, 1).AddMinutes(random.Next(0, 200_000)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            var referral = i > 0 && random.Next(3) == 0 ? "E" + random.Next(1, i + 1).ToString(CultureInfo.InvariantCulture) : "";
            extract.Event(persons[random.Next(persons.Length)], cost, levels[random.Next(4)], channels[random.Next(6)], "PR" + random.Next(4), start,
                referralFrom: referral);
        }

        return extract.Analyze();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TopShares_GrowWithP_AndGiniIsBetweenZeroAndOne(int seed)
    {
        var report = RandomExtract(seed);
        if (report.TotalCostEur == 0)
        {
            Assert.Null(report.Gini);
            return;
        }

        var shares = new[] { report.TopShare.P1!.Value, report.TopShare.P5!.Value, report.TopShare.P10!.Value, report.TopShare.P20!.Value };
        Assert.Equal(shares.Order(), shares);
        Assert.InRange(shares[3], 0, 1);
        Assert.InRange(report.Gini!.Value, 0, 1);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Lorenz_RunsFromOriginToOne_NonDecreasing_BelowTheDiagonal(int seed)
    {
        var report = RandomExtract(seed);
        if (report.TotalCostEur == 0)
        {
            return;
        }

        var lorenz = report.Lorenz;
        Assert.Equal(new LorenzPoint(0, 0), lorenz[0]);
        Assert.Equal(new LorenzPoint(1, 1), lorenz[100]);
        for (var i = 1; i <= 100; i++)
        {
            Assert.True(lorenz[i].Share >= lorenz[i - 1].Share);
            Assert.True(lorenz[i].Share <= lorenz[i].X + 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryWithheldFigure_IsNull_AndListed_AndNoOtherIsNull(int seed)
    {
        var report = RandomExtract(seed);
        var nulls = new List<string>();
        foreach (var level in report.ByLevel)
        {
            var name = level.Level.Name();
            Assert.True(level.Persons is null == level.Events is null && level.Events is null == level.CostEur is null);
            Assert.True(level.Persons is null or >= ExtractAnalysis.MinimumPersons);
            if (level.Persons is null)
            {
                nulls.AddRange([$"by_level[{name}].persons", $"by_level[{name}].events", $"by_level[{name}].cost_eur"]);
            }
        }

        foreach (var channel in report.ByChannel.Where(c => c.Events is null))
        {
            nulls.AddRange([$"by_channel[{channel.Channel.Name()}].events", $"by_channel[{channel.Channel.Name()}].share"]);
        }

        nulls.AddRange(report.Referrals.MedianWaitDays.Where(w => w.MedianDays is null).Select(w => $"referrals.median_wait_days.{w.Level.Name()}"));
        Assert.Equal(nulls, report.Suppressed);
        if (report.ByChannel.All(c => c.Events is not null))
        {
            Assert.Equal(report.Events, report.ByChannel.Sum(c => c.Events));
            Assert.Equal(report.Events == 0 ? 0 : 1, report.ByChannel.Sum(c => c.Share!.Value), 12);
        }
    }
}
