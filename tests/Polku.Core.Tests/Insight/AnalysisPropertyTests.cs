using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

/// <summary>
/// Properties every analysis must have, checked with FsCheck on random small extracts (inside <c>[Fact]</c>s: the
/// FsCheck xUnit runner does not work with the Testing Platform runner used here). FsCheck shrinks a failing extract
/// and prints it.
/// </summary>
public class AnalysisPropertyTests
{
    private static readonly string[] Levels = ["universal", "basic", "specialist", "institutional"];
    private static readonly string[] Channels = ["visit", "phone", "chat", "e_service", "home", "group"];
    private static readonly string[] LevelFields = ["persons", "events", "cost_eur"];
    private static readonly string[] ChannelFields = ["events", "share"];
    private static readonly int[] Percents = [1, 5, 10, 20];

    /// <summary>One event: indexes into the persons, levels, channels and three providers; cost in cents; the referring event's index or -1.</summary>
    public sealed record EventSpec(int Person, int Level, int Channel, int Provider, int CostCents, int Minute, int ReferralFrom);

    public sealed record ExtractSpec(int Persons, EventSpec[] Events)
    {
        public override string ToString() => $"{Persons} persons; " + string.Join(" ", Events.Select(e => e.ToString()));
    }

    private static readonly Gen<ExtractSpec> Specs =
        from persons in Gen.Choose(1, 45)
        from count in Gen.Choose(0, 160)
        from events in Gen.ArrayOf(EventOf(persons), count)
        select new ExtractSpec(persons, [.. events.Select((e, i) => e with { ReferralFrom = e.ReferralFrom < 0 || i == 0 ? -1 : e.ReferralFrom % i })]);

    private static Gen<EventSpec> EventOf(int persons) =>
        from person in Gen.Choose(0, persons - 1)
        from level in Gen.Frequency((6, Gen.Choose(0, 1)), (1, Gen.Choose(2, 3)))
        from channel in Gen.Choose(0, 5)
        from provider in Gen.Choose(0, 2)
        from cost in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1250)), (3, Gen.Choose(1, 5_000_000)))
        from minute in Gen.Choose(0, 400_000)
        from referral in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, 10_000)))
        select new EventSpec(person, level, channel, provider, cost, minute, referral);

    private static void Holds(Func<ExtractSpec, bool> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Specs.ToArbitrary(), property));

    private static string PersonId(int index) => "P" + index.ToString(CultureInfo.InvariantCulture);

    private static (string Persons, string Events) Csv(ExtractSpec spec)
    {
        var persons = new StringBuilder(Extracts.PersonsHeader + "\n");
        for (var p = 0; p < spec.Persons; p++)
        {
            persons.Append(CultureInfo.InvariantCulture, $"{PersonId(p)},1980,F,993,,fi\n");
        }

        var events = new StringBuilder(Extracts.EventsHeader + "\n");
        for (var i = 0; i < spec.Events.Length; i++)
        {
            var e = spec.Events[i];
            var start = new DateTime(2025, 1, 1).AddMinutes(e.Minute).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            var referral = e.ReferralFrom < 0 ? "" : "E" + e.ReferralFrom.ToString(CultureInfo.InvariantCulture);
            events.Append(CultureInfo.InvariantCulture,
                $"E{i},{PersonId(e.Person)},{start},S1,{Levels[e.Level]},PR{e.Provider},public,{Channels[e.Channel]},{e.CostCents / 100m},{referral},\n");
        }

        return (persons.ToString(), events.ToString());
    }

    private static AnalysisReport Analyze(ExtractSpec spec)
    {
        var (persons, events) = Csv(spec);
        var loaded = Extracts.LoadText(persons, events);
        return ExtractAnalysis.Analyze(loaded.Extract ?? throw new InvalidOperationException(loaded.Error?.ToString()));
    }

    [Fact]
    public void TopShares_GrowWithP_AndAreAtLeastTheirShareOfPersons() => Holds(spec =>
    {
        var report = Analyze(spec);
        if (report.TotalCostEur == 0)
        {
            return report.TopShare is { P1: null, P5: null, P10: null, P20: null };
        }

        var shares = new[] { report.TopShare.P1!.Value, report.TopShare.P5!.Value, report.TopShare.P10!.Value, report.TopShare.P20!.Value };
        var n = report.Persons;
        return shares.Zip(shares.Skip(1)).All(pair => pair.First <= pair.Second)
            && shares[3] <= 1 + 1e-12
            && shares.Zip(Percents).All(s => s.First >= ((double)ExtractAnalysis.TopCount(s.Second, n) / n) - 1e-12);
    });

    [Fact]
    public void Gini_IsBetweenZeroAndOne_AndNullExactlyWhenNothingCosts() => Holds(spec =>
    {
        var report = Analyze(spec);
        return report.TotalCostEur == 0 ? report.Gini is null : report.Gini is >= 0 and <= 1;
    });

    /// <summary>
    /// The Lorenz curve is drawn at x = i/100 but its share is that of the lowest ⌊i·N/100⌋ persons, so convexity and
    /// the diagonal hold against the real fraction of persons ⌊i·N/100⌋/N.
    /// </summary>
    [Fact]
    public void Lorenz_RunsFromOriginToOne_NonDecreasing_Convex_BelowTheDiagonal() => Holds(spec =>
    {
        var report = Analyze(spec);
        var lorenz = report.Lorenz;
        if (lorenz.Count != 101 || lorenz.Select((p, i) => p.X != i / 100.0).Any(x => x))
        {
            return false;
        }

        if (report.TotalCostEur == 0)
        {
            return lorenz.All(p => p.Share is null);
        }

        var n = report.Persons;
        var points = lorenz.Select((p, i) => (X: (double)(i * n / 100) / n, Y: p.Share!.Value)).DistinctBy(p => p.X).ToArray();
        var slopes = points.Zip(points.Skip(1)).Select(s => (s.Second.Y - s.First.Y) / (s.Second.X - s.First.X)).ToArray();
        return lorenz[0] == new LorenzPoint(0, 0) && lorenz[100] == new LorenzPoint(1, 1)
            && lorenz.Zip(lorenz.Skip(1)).All(pair => pair.Second.Share >= pair.First.Share)
            && slopes.Zip(slopes.Skip(1)).All(pair => pair.Second >= pair.First - 1e-9)
            && points.All(p => p.Y <= p.X + 1e-12);
    });

    /// <summary>
    /// Counts the persons behind every group from the spec itself and checks every output — the report, its JSON, the
    /// readable text, the dashboard tables and their CSV — shows no figure about 1–4 persons and withholds nothing else.
    /// </summary>
    [Fact]
    public void GroupsOfFewerThanFivePersons_AreWithheld_OnEveryOutput() => Holds(spec =>
    {
        var report = Analyze(spec);
        var expected = new List<string>();
        for (var level = 0; level < 4; level++)
        {
            var persons = spec.Events.Where(e => e.Level == level).Select(e => e.Person).Distinct().Count();
            if (persons is > 0 and < ExtractAnalysis.MinimumPersons)
            {
                expected.AddRange(LevelFields.Select(f => $"by_level[{Levels[level]}].{f}"));
            }
        }

        for (var channel = 0; channel < 6; channel++)
        {
            var persons = spec.Events.Where(e => e.Channel == channel).Select(e => e.Person).Distinct().Count();
            if (persons is > 0 and < ExtractAnalysis.MinimumPersons)
            {
                expected.AddRange(ChannelFields.Select(f => $"by_channel[{Channels[channel]}].{f}"));
            }
        }

        for (var level = 0; level < 4; level++)
        {
            var persons = spec.Events.Where(e => e.ReferralFrom >= 0 && e.Level == level).Select(e => e.Person).Distinct().Count();
            if (persons is > 0 and < ExtractAnalysis.MinimumPersons)
            {
                expected.Add($"referrals.median_wait_days.{Levels[level]}");
            }
        }

        using var json = new MemoryStream();
        AnalysisJson.Write(report, json);
        var figures = Polku.Reference.AnalysisFigures.FromJson(Encoding.UTF8.GetString(json.ToArray()));
        var nullInJson = figures.Where(f => f.Value is null && (f.Key.StartsWith("by_", StringComparison.Ordinal) || f.Key.StartsWith("referrals.median", StringComparison.Ordinal)))
            .Select(f => f.Key);

        var tables = DashboardTables.Build(report);
        var smallGroupsVisible = tables.Any(t => t.Id is DashboardTables.Levels or DashboardTables.Channels or DashboardTables.Waits
            && t.Rows.Any(row => row.Skip(1).Any(c => !c.Withheld) && expected.Any(path => path.Contains($"[{row[0].Code}]", StringComparison.Ordinal)
                || (t.Id == DashboardTables.Waits && path == $"referrals.median_wait_days.{row[0].Code}"))));
        var heavy = tables.Single(t => t.Id == DashboardTables.HeavyUsers);
        var heavyOk = heavy.Rows.All(row => (row[1].Withheld || row[1].Number >= ExtractAnalysis.MinimumPersons) && row.Skip(1).All(c => c.Withheld == row[1].Withheld));
        var csvOk = tables.All(t => DashboardTables.ToCsv(t).Split('\n').Skip(1).Where(line => line.Length > 0)
            .Zip(t.Rows).All(pair => pair.Second.Select((c, i) => !c.Withheld || pair.First.Split(',')[i].Length == 0).All(ok => ok)));
        var text = AnalysisText.Format(report, CultureInfo.InvariantCulture);
        var withheldLines = report.ByLevel.Count(l => l.Persons is null) + report.ByChannel.Count(c => c.Events is null);

        return report.Suppressed.SequenceEqual(expected)
            && nullInJson.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal))
            && !smallGroupsVisible && heavyOk && csvOk
            && CountOccurrences(text, WithheldMarker()) >= withheldLines;
    });

    private static string WithheldMarker()
    {
        var line = Polku.Core.Localisation.TextsResource.Get("Insight.Report.WithheldLine");
        return line[(line.IndexOf('}', StringComparison.Ordinal) + 1)..];
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
