using Polku.Core.Participation.Budgeting;

namespace Polku.Core.Tests.Participation;

public class EqualSharesTests
{
    private static readonly ElectionProject[] ThreeProjects = [new("A", 200), new("B", 100), new("C", 150)];
    private static readonly string[][] ThreeVoters = [["A"], ["A", "B"], ["C"]];

    [Fact]
    public void EqualShares_WithoutCompletion_FundsWhatTheSharesPayFor()
    {
        var outcome = EqualShares.Choose(ThreeProjects, ThreeVoters, 300, WinnerRule.EqualShares);

        Assert.Equal(["A"], outcome.Winners);
        Assert.Equal(Fraction.FromInteger(100), outcome.VoterShare);
        var a = outcome.Funded.Single();
        Assert.Equal(FundedBy.EqualShares, a.By);
        Assert.Equal(Fraction.FromInteger(100), a.MaxPayment);
        Assert.Equal([new SharePayment(2, Fraction.FromInteger(100))], a.Payments);
        var b = outcome.Unfunded.Single(u => u.Id == "B");
        Assert.Equal(UnfundedReason.SupportersCannotAfford, b.Reason);
        Assert.Equal(Fraction.Zero, b.SupportersMoney);
        Assert.Equal(100m, b.BudgetLeft);
        Assert.Equal(Fraction.FromInteger(100), outcome.Unfunded.Single(u => u.Id == "C").SupportersMoney);
    }

    [Fact]
    public void Add1_RaisesTheShareUntilTheNextStepWouldOverspend_AndKeepsTheLastOutcomeThatFits()
    {
        var outcome = EqualShares.Choose(ThreeProjects, ThreeVoters, 300, WinnerRule.EqualSharesAdd1);

        // At a share of 150 the third voter alone pays for C and A + C costs 350: the outcome at 149 is kept.
        Assert.Equal(["A"], outcome.Winners);
        Assert.Equal(49, outcome.Add1Steps);
        Assert.Equal(Fraction.FromInteger(149), outcome.VoterShare);
        var second = outcome.SharesOf(["A", "B"]);
        Assert.Equal([new KeyValuePair<string, Fraction>("A", Fraction.FromInteger(100))], second.Paid);
        Assert.Equal(Fraction.FromInteger(49), second.Left);
        Assert.True(outcome.Runs < 10, $"{outcome.Runs} runs");
    }

    [Fact]
    public void Add1WithGreedyCompletion_GivesWhatIsLeftToTheMostApprovedProjectThatFits()
    {
        var outcome = EqualShares.Choose(ThreeProjects, ThreeVoters, 300, WinnerRule.EqualSharesAdd1Greedy);

        Assert.Equal(["A", "B"], outcome.Winners);
        Assert.Equal(FundedBy.GreedyCompletion, outcome.Funded[1].By);
        Assert.Equal(UnfundedReason.NoBudgetLeft, outcome.Unfunded.Single().Reason);
        Assert.Equal(0m, outcome.Unfunded.Single().BudgetLeft);
    }

    [Fact]
    public void ATie_IsBrokenByApprovalsThenCostThenId_AndReportedAsDecisive()
    {
        ElectionProject[] projects = [new("Y", 100), new("X", 100)];
        string[][] ballots = [["X", "Y"], ["Y", "X"]];

        var outcome = EqualShares.Choose(projects, ballots, 100, WinnerRule.EqualShares);

        Assert.Equal(["X"], outcome.Winners);
        var tie = Assert.Single(outcome.Ties);
        Assert.Equal(["X", "Y"], tie.Tied);
        Assert.Equal("X", tie.Chosen);
        Assert.Equal(TieBreak.ProjectId, tie.By);
        Assert.True(tie.Decisive);
    }

    [Fact]
    public void ATie_OnPricePerUtility_GoesToTheCheaperProject_AndIsNotDecisiveWhenBothAreFunded()
    {
        // Both are paid by the same two voters: each pays half of either project, 1/2 per unit of utility.
        ElectionProject[] projects = [new("big", 100), new("small", 50)];
        string[][] ballots = [["big", "small"], ["small", "big"]];

        var outcome = EqualShares.Choose(projects, ballots, 150, WinnerRule.EqualShares);

        Assert.Equal(["small", "big"], outcome.Winners);
        var tie = Assert.Single(outcome.Ties);
        Assert.Equal(TieBreak.LowerCost, tie.By);
        Assert.False(tie.Decisive);
    }

    [Fact]
    public void APoorSupporter_PaysAllTheyHave_AndTheOthersShareTheRestEqually()
    {
        // Six voters with 100 each. "a" (360) is shared by four, 90 each; "b" (130) is then paid 10 by the first
        // voter, all they have left, and 60 by each of the two others.
        ElectionProject[] projects = [new("a", 360), new("b", 130)];
        string[][] ballots = [["a", "b"], ["a"], ["a"], ["a"], ["b"], ["b"]];

        var outcome = EqualShares.Choose(projects, ballots, 600, WinnerRule.EqualShares);

        Assert.Equal(["a", "b"], outcome.Winners);
        var b = outcome.Funded[1];
        Assert.Equal(Fraction.FromInteger(60), b.MaxPayment);
        Assert.Equal([new SharePayment(2, Fraction.FromInteger(60)), new SharePayment(1, Fraction.FromInteger(10))], b.Payments);
        Assert.Equal(Fraction.FromInteger(130), b.Payments.Aggregate(Fraction.Zero, (s, p) => s + p.Total));
        var first = outcome.SharesOf(["a", "b"]);
        Assert.Equal([Fraction.FromInteger(90), Fraction.FromInteger(10)], first.Paid.Select(p => p.Value));
        Assert.Equal(Fraction.Zero, first.Left);
    }

    [Fact]
    public void RealElection_Wieliczka2023_EqualSharesAdd1_FundsExactlyTheProjectsTheCityFunded()
    {
        var election = PabulibReader.ReadFile(PabulibFiles.PathOf("mes/poland_wieliczka_2023.pb")).Election!;
        Assert.Equal(WinnerRule.EqualSharesAdd1, election.Rule);

        var outcome = election.Outcome(WinnerRule.EqualSharesAdd1);

        var selected = election.Projects.Where(p => p.Selected == true).Select(p => p.Id).Order(StringComparer.Ordinal);
        Assert.Equal(selected, outcome.Winners.Order(StringComparer.Ordinal));
        Assert.True(outcome.FundedCost <= election.Budget);
        Assert.NotEqual(selected, election.Winners().Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> Small()
    {
        var files = PabulibFiles.All();
        foreach (var file in PabulibFiles.Mes())
        {
            files.Add(file.Data);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(Small))]
    [MemberData(nameof(PabulibFiles.Large), MemberType = typeof(PabulibFiles))]
    public void Add1_SkippingStepsThatCannotChange_GivesTheSameOutcomeAsRunningEveryStep(string file)
    {
        var election = PabulibReader.ReadFile(PabulibFiles.PathOf(file)).Election!;

        var skipping = election.Outcome(WinnerRule.EqualSharesAdd1);
        var everyStep = election.Outcome(WinnerRule.EqualSharesAdd1, skipEqualRuns: false);

        Assert.Equal(everyStep.Winners, skipping.Winners);
        Assert.Equal(everyStep.Add1Steps, skipping.Add1Steps);
        Assert.Equal(everyStep.VoterShare, skipping.VoterShare);
        Assert.Equal(everyStep.Funded, skipping.Funded, new FundedComparer());
        Assert.True(skipping.Runs <= everyStep.Runs);
    }

    [Theory]
    [MemberData(nameof(Small))]
    public void EqualShares_AgreesWithAPlainOneVoterAtATimeImplementation(string file)
    {
        var election = PabulibReader.ReadFile(PabulibFiles.PathOf(file)).Election!;
        var projects = election.Projects.Select(p => new ElectionProject(p.Id, p.Cost)).ToList();
        var ballots = election.Ballots.Select(b => b.Projects).ToList();

        var outcome = election.Outcome(WinnerRule.EqualSharesAdd1);
        var reference = ReferenceEqualShares.Run(projects, ballots, outcome.VoterShare!.Value);

        Assert.Equal(reference, outcome.Winners);
        var plain = election.Outcome(WinnerRule.EqualShares);
        Assert.Equal(ReferenceEqualShares.Run(projects, ballots, Fraction.FromDecimal(election.Budget) / ballots.Count), plain.Winners);
    }

    [Theory]
    [MemberData(nameof(Small))]
    public void RealElection_EqualSharesAdd1Greedy_ExplainsEveryProject_AndEveryVotersShare(string file)
    {
        var election = PabulibReader.ReadFile(PabulibFiles.PathOf(file)).Election!;

        var outcome = election.Outcome(WinnerRule.EqualSharesAdd1Greedy);

        Assert.True(outcome.FundedCost <= election.Budget);
        Assert.Equal(election.Projects.Count, outcome.Funded.Count + outcome.Unfunded.Count);
        var share = outcome.VoterShare!.Value;
        foreach (var funded in outcome.Funded.Where(f => f.By == FundedBy.EqualShares))
        {
            Assert.Equal(Fraction.FromDecimal(funded.Cost), funded.Payments.Aggregate(Fraction.Zero, (s, p) => s + p.Total));
            Assert.All(funded.Payments, p => Assert.True(p.Payment <= funded.MaxPayment!.Value));
            Assert.Equal(funded.Approvals, funded.Payments.Sum(p => p.Voters) + VotersWhoPaidNothing(election, outcome, funded.Id));
        }

        foreach (var ballot in election.Ballots.Take(500))
        {
            var shares = outcome.SharesOf(ballot.Projects);
            Assert.Equal(share, shares.Paid.Aggregate(shares.Left, (s, p) => s + p.Value));
            Assert.True(shares.Left.Sign >= 0);
        }
    }

    private static long VotersWhoPaidNothing(PabulibElection election, WinnerOutcome outcome, string id) =>
        election.Ballots.Count(b => b.Projects.Contains(id) && outcome.SharesOf(b.Projects).Paid.Single(p => p.Key == id).Value.IsZero);

    private sealed class FundedComparer : IEqualityComparer<FundedProject>
    {
        public bool Equals(FundedProject? x, FundedProject? y) =>
            x is not null && y is not null && x.Id == y.Id && x.By == y.By && x.MaxPayment == y.MaxPayment && x.Payments.SequenceEqual(y.Payments);

        public int GetHashCode(FundedProject obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>
    /// Equal Shares written as plainly as possible, for comparison: one budget per voter, every remaining project's
    /// price computed afresh in every round by sorting its supporters, the same tie-break chain.
    /// </summary>
    private static class ReferenceEqualShares
    {
        public static List<string> Run(List<ElectionProject> projects, List<IReadOnlyList<string>> ballots, Fraction share)
        {
            var money = ballots.Select(_ => share).ToArray();
            var supporters = projects.ToDictionary(p => p.Id, p => Enumerable.Range(0, ballots.Count).Where(i => ballots[i].Contains(p.Id)).ToList());
            var remaining = projects.Where(p => supporters[p.Id].Count > 0 && p.Cost > 0).ToList();
            var winners = projects.Where(p => supporters[p.Id].Count > 0 && p.Cost == 0).Select(p => p.Id).ToList();
            while (true)
            {
                (ElectionProject Project, Fraction Rho, Fraction Afford)? best = null;
                foreach (var project in remaining.ToList())
                {
                    var cost = Fraction.FromDecimal(project.Cost);
                    var backers = supporters[project.Id].OrderBy(i => money[i]).ToList();
                    if (backers.Aggregate(Fraction.Zero, (s, i) => s + money[i]) < cost)
                    {
                        remaining.Remove(project);
                        continue;
                    }

                    var paid = Fraction.Zero;
                    var rho = Fraction.Zero;
                    for (var k = 0; k < backers.Count; k++)
                    {
                        rho = (cost - paid) / (backers.Count - k);
                        if (rho <= money[backers[k]])
                        {
                            break;
                        }

                        paid += money[backers[k]];
                    }

                    var afford = rho / cost;
                    if (best is null || afford < best.Value.Afford || (afford == best.Value.Afford && Before(project, best.Value.Project, supporters)))
                    {
                        best = (project, rho, afford);
                    }
                }

                if (best is not { } chosen)
                {
                    return winners;
                }

                winners.Add(chosen.Project.Id);
                remaining.Remove(chosen.Project);
                foreach (var i in supporters[chosen.Project.Id])
                {
                    money[i] -= Fraction.Min(money[i], chosen.Rho);
                }
            }
        }

        private static bool Before(ElectionProject a, ElectionProject b, Dictionary<string, List<int>> supporters) =>
            supporters[a.Id].Count != supporters[b.Id].Count ? supporters[a.Id].Count > supporters[b.Id].Count
            : a.Cost != b.Cost ? a.Cost < b.Cost
            : string.CompareOrdinal(a.Id, b.Id) < 0;
    }
}
