using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

public class ExtractAnalysisTests
{
    /// <summary>
    /// Seven persons, costs 0 (no events), 10, 20, 30, 40, 100, 800 = 1000 in all.
    /// </summary>
    private static AnalysisReport SevenPersons() => new Extracts()
        .Persons("P1", "P2", "P3", "P4", "P5", "P6", "P7")
        .Event("P2", 10).Event("P3", 20).Event("P4", 30).Event("P5", 15).Event("P5", 25.00m)
        .Event("P6", 100).Event("P7", 800, level: "specialist")
        .Analyze();

    [Fact]
    public void TopShares_UseTheCeilingOfPTimesN_InIntegers()
    {
        var report = SevenPersons();

        // ⌈0.01·7⌉ = ⌈0.05·7⌉ = ⌈0.1·7⌉ = 1 → 800/1000; ⌈0.2·7⌉ = 2 → (800 + 100)/1000.
        Assert.Equal(new TopShares(0.8, 0.8, 0.8, 0.9), report.TopShare);
        Assert.Equal(7, report.Persons);
        Assert.Equal(7, report.Events);
        Assert.Equal(1000, report.TotalCostEur);
        Assert.Equal(1, ExtractAnalysis.TopCount(1, 100));
        Assert.Equal(2, ExtractAnalysis.TopCount(1, 101));
        Assert.Equal(20, ExtractAnalysis.TopCount(20, 100));
        Assert.Equal(0, ExtractAnalysis.TopCount(10, 0));
    }

    [Fact]
    public void Gini_CountsPersonsWithoutEventsAsZeros()
    {
        // Σ (2i − 8)·xᵢ = −4·10 − 2·20 + 0·30 + 2·40 + 4·100 + 6·800 = 5200; 5200 / (7·1000) = 26/35.
        Assert.Equal(26.0 / 35.0, SevenPersons().Gini!.Value, 15);
    }

    [Fact]
    public void Lorenz_Has101Points_WithTheFloorOfITimesNOverHundredPersons()
    {
        var lorenz = SevenPersons().Lorenz;

        Assert.Equal(101, lorenz.Count);
        Assert.Equal(new LorenzPoint(0, 0), lorenz[0]);
        Assert.Equal(new LorenzPoint(0.14, 0), lorenz[14]);      // ⌊0.98⌋ = 0 persons
        Assert.Equal(new LorenzPoint(0.29, 0.01), lorenz[29]);   // ⌊2.03⌋ = 2 persons: 0 + 10
        Assert.Equal(new LorenzPoint(0.5, 0.03), lorenz[50]);    // ⌊3.5⌋ = 3 persons: 0 + 10 + 20
        Assert.Equal(new LorenzPoint(0.86, 0.2), lorenz[86]);    // ⌊6.02⌋ = 6 persons: 200
        Assert.Equal(new LorenzPoint(1, 1), lorenz[100]);
    }

    [Fact]
    public void TotalCostZero_MakesEveryShareAndGiniNull()
    {
        var report = new Extracts().Persons("A", "B").Event("A", 0).Analyze();

        Assert.Equal(new TopShares(null, null, null, null), report.TopShare);
        Assert.Null(report.Gini);
        Assert.All(report.Lorenz, point => Assert.Null(point.Share));
        Assert.Equal(0.5, report.Lorenz[50].X);
        Assert.Equal(0, report.TotalCostEur);
    }

    [Fact]
    public void NoPersonsAtAll_GivesAnEmptyButWellFormedReport()
    {
        var report = new Extracts().Analyze();

        Assert.Equal(0, report.Persons);
        Assert.Null(report.Gini);
        Assert.Equal(0, report.HeavyUsers.Count);
        Assert.Null(report.HeavyUsers.MeanDistinctLevels);
        Assert.Null(report.HeavyUsers.RestMeanDistinctLevels);
    }

    [Fact]
    public void ByLevelAndChannel_CountDistinctPersons_AndWithholdFiguresAboutFewerThanFive()
    {
        var extract = new Extracts().Persons("A", "B", "C", "D", "E");
        foreach (var person in new[] { "A", "B", "C", "D", "E" })
        {
            extract.Event(person, 10, channel: "visit").Event(person, 5, channel: "visit");
        }

        // Four persons at the specialist level and in chat: withheld. Five by phone: shown.
        foreach (var person in new[] { "A", "B", "C", "D" })
        {
            extract.Event(person, 100, level: "specialist", channel: "chat").Event(person, 1, level: "specialist", channel: "phone");
        }

        extract.Event("E", 3, channel: "phone");
        var report = extract.Analyze();

        Assert.Equal(
            [new LevelFigures(ServiceLevel.Basic, 5, 11, 78), new LevelFigures(ServiceLevel.Specialist, null, null, null)],
            report.ByLevel);
        Assert.Equal(
            [new ChannelFigures(Channel.Visit, 10, 10 / 19.0), new ChannelFigures(Channel.Phone, 5, 5 / 19.0), new ChannelFigures(Channel.Chat, null, null)],
            report.ByChannel);
        Assert.Equal(
            ["by_level[specialist].persons", "by_level[specialist].events", "by_level[specialist].cost_eur", "by_channel[chat].events", "by_channel[chat].share"],
            report.Suppressed);

        // Population-wide figures are never withheld.
        Assert.Equal(19, report.Events);
        Assert.Equal(482, report.TotalCostEur);
    }

    private static Extracts ReferralCounty(string returnStart, string returnProvider = "X")
    {
        var extract = new Extracts().Persons("A", "B", "C", "D", "E");
        extract.Event("A", 1, provider: "X", start: "2025-01-01T00:00", id: "R")
            .Event("A", 1, level: "specialist", provider: "Y", start: "2025-01-11T12:00", id: "S", referralFrom: "R")
            .Event("A", 1, provider: returnProvider, start: returnStart, id: "F", referralFrom: "S");
        return extract;
    }

    [Fact]
    public void ReturnedReferral_AtExactlyNinetyDays_Counts()
    {
        // 2025-01-01 → 2025-04-01 is 31 + 28 + 31 = 90 days.
        var report = ReferralCounty("2025-04-01T00:00").Analyze();

        Assert.Equal(2, report.Referrals.Count);           // (R, S) and (S, F)
        Assert.Equal(1, report.Referrals.Returned);        // (R, S): F goes back to X
        Assert.Equal(1, report.Referrals.PersonsWithReturned);
    }

    [Fact]
    public void ReturnedReferral_OneTenMillionthOfASecondOverNinetyDays_DoesNotCount()
    {
        var exact = ReferralCounty("2025-04-01 00:00:00.0000000").Analyze();
        var over = ReferralCounty("2025-04-01 00:00:00.0000001").Analyze();

        Assert.Equal(1, exact.Referrals.Returned);
        Assert.Equal(0, over.Referrals.Returned);
    }

    [Fact]
    public void ReturnedReferral_OneSecondOverNinetyDays_DoesNotCount()
    {
        var report = ReferralCounty("2025-04-01T00:00:01").Analyze();

        Assert.Equal(2, report.Referrals.Count);
        Assert.Equal(0, report.Referrals.Returned);
    }

    [Fact]
    public void ReturnedReferral_HasNoLowerBound_ButNeedsTheReferringProvider()
    {
        Assert.Equal(1, ReferralCounty("2024-06-01").Analyze().Referrals.Returned);
        Assert.Equal(0, ReferralCounty("2025-01-20", returnProvider: "Z").Analyze().Referrals.Returned);
    }

    [Fact]
    public void ReturnedPair_IsCountedOnce_EvenWhenSeveralEventsComeBack()
    {
        var report = ReferralCounty("2025-01-20")
            .Event("A", 1, provider: "X", start: "2025-01-21", referralFrom: "S")
            .Analyze();

        Assert.Equal(3, report.Referrals.Count);
        Assert.Equal(1, report.Referrals.Returned);
    }

    [Fact]
    public void ReferralFrom_MayNameALaterEvent()
    {
        var report = new Extracts().Persons("A")
            .Event("A", 1, id: "E2", start: "2025-01-05", referralFrom: "E1")
            .Event("A", 1, id: "E1", start: "2025-01-01")
            .Analyze();

        Assert.Equal(1, report.Referrals.Count);
    }

    [Fact]
    public void MedianWait_IsKeyedByTheReferredToLevel_KeepsNegativeWaits_AndAveragesTheMiddleTwo()
    {
        var extract = new Extracts().Persons("A", "B", "C", "D", "E", "F");
        var waits = new[] { ("A", "2024-12-30"), ("B", "2025-01-02"), ("C", "2025-01-05"), ("D", "2025-01-11T12:00"), ("E", "2025-01-11") };
        foreach (var (person, start) in waits)
        {
            extract.Event(person, 1, start: "2025-01-01", id: "R" + person)
                .Event(person, 1, level: "specialist", start: start, referralFrom: "R" + person);
        }

        // Waits −2, 1, 4, 10.5, 10 days → sorted −2, 1, 4, 10, 10.5 → median 4. A sixth (F, 6 days) makes it (4 + 6)/2.
        Assert.Equal(4, Assert.Single(extract.Analyze().Referrals.MedianWaitDays).MedianDays);

        extract.Event("F", 1, start: "2025-01-01T06:00", id: "RF").Event("F", 1, level: "specialist", start: "2025-01-07T06:00", referralFrom: "RF");
        var wait = Assert.Single(extract.Analyze().Referrals.MedianWaitDays);
        Assert.Equal(new LevelWait(ServiceLevel.Specialist, 5), wait);
        Assert.Equal(0.25, ExtractAnalysis.MedianDays([0, TimeSpan.TicksPerHour * 12]));
        Assert.Equal(-1, ExtractAnalysis.MedianDays([-TimeSpan.TicksPerDay]));
    }

    [Fact]
    public void MedianWait_ForFewerThanFiveReferredPersons_IsWithheld()
    {
        var extract = new Extracts().Persons("A", "B", "C", "D");
        foreach (var person in new[] { "A", "B", "C", "D" })
        {
            extract.Event(person, 1, id: "R" + person).Event(person, 1, level: "institutional", referralFrom: "R" + person)
                .Event(person, 1, level: "institutional", referralFrom: "R" + person);
        }

        var report = extract.Analyze();

        Assert.Equal(new LevelWait(ServiceLevel.Institutional, null), Assert.Single(report.Referrals.MedianWaitDays));
        Assert.Contains("referrals.median_wait_days.institutional", report.Suppressed);
        Assert.Equal(8, report.Referrals.Count);
    }

    [Fact]
    public void HeavyUsers_BreakTiesByOrdinalPersonId_AndCountPersonsWithoutEventsInTheRest()
    {
        // Ten persons, all cost 5: ⌈0.1·10⌉ = 1 heavy user, the ordinally smallest id "B" (before "a").
        var extract = new Extracts().Persons("a", "b", "c", "d", "e", "f", "g", "h", "B", "i");
        foreach (var person in new[] { "a", "b", "c", "d", "e", "f", "g" })
        {
            extract.Event(person, 5, provider: "P" + person);
        }

        extract.Event("B", 2, level: "universal", provider: "Q1").Event("B", 3, level: "specialist", provider: "Q2");
        extract.Event("h", 5, provider: "Q1");
        var heavy = extract.Analyze().HeavyUsers;

        Assert.Equal(1, heavy.Count);
        Assert.Equal(0.1, heavy.ShareOfPersons);
        Assert.Equal(2, heavy.MeanDistinctLevels);
        Assert.Equal(2, heavy.MeanDistinctProviders);
        Assert.Equal(8 / 9.0, heavy.RestMeanDistinctLevels);      // "i" has no events
        Assert.Equal(8 / 9.0, heavy.RestMeanDistinctProviders);
    }

    [Fact]
    public void HeavyUsers_AreTheTopByCost_WithDistinctProvidersCountedOnce()
    {
        var extract = new Extracts().Persons("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K");
        foreach (var person in new[] { "A", "B", "C", "D", "E", "F", "G", "H", "I" })
        {
            extract.Event(person, 1);
        }

        // ⌈0.1·11⌉ = 2: K (900) and J (800).
        extract.Event("K", 400, provider: "X").Event("K", 500, provider: "X", level: "specialist");
        extract.Event("J", 800, provider: "Y");
        var heavy = extract.Analyze().HeavyUsers;

        Assert.Equal(2, heavy.Count);
        Assert.Equal(1.5, heavy.MeanDistinctLevels);
        Assert.Equal(1, heavy.MeanDistinctProviders);
        Assert.Equal(1, heavy.RestMeanDistinctLevels);
    }
}
