using Polku.Core.Participation.Budgeting;

namespace Polku.Core.Tests.Participation;

public class BallotRulesTests
{
    private static readonly Dictionary<string, decimal> Costs = new() { ["a"] = 600, ["b"] = 400, ["c"] = 250 };

    private static IReadOnlyList<BallotRuleViolation> Check(BallotRules rules, params string[] projects) =>
        rules.Check(projects, id => Costs[id]);

    [Fact]
    public void Approval_WithinMinAndMax_IsValid_AtBothEnds()
    {
        var rules = BallotRules.Approval(1, 2);

        Assert.Empty(Check(rules, "a"));
        Assert.Empty(Check(rules, "a", "b"));
    }

    [Fact]
    public void Approval_OutsideMinOrMax_NamesTheRuleBroken()
    {
        var rules = BallotRules.Approval(1, 2);

        Assert.Equal([new BallotRuleViolation(BallotRule.TooFewProjects, 1, 0)], Check(rules));
        Assert.Equal([new BallotRuleViolation(BallotRule.TooManyProjects, 2, 3)], Check(rules, "a", "b", "c"));
    }

    [Fact]
    public void Knapsack_ExactlyAtTheBudget_Fits_AndOneOverDoesNot()
    {
        var rules = BallotRules.Knapsack(budget: 1000, minSpendPercent: 0);

        Assert.Empty(Check(rules, "a", "b"));
        Assert.Equal([new BallotRuleViolation(BallotRule.CostsTooMuch, 1000, 1250)], Check(rules, "a", "b", "c"));
    }

    [Fact]
    public void Knapsack_MinimumSpend_IsAPercentOfTheBudget_ExactlyAtTheLimitIsEnough()
    {
        var rules = BallotRules.Knapsack(budget: 1000, minSpendPercent: 65);

        Assert.Equal(650m, rules.MinCost);
        Assert.Equal(1000m, rules.MaxCost);
        Assert.Empty(Check(rules, "a", "b"));
        Assert.Equal([new BallotRuleViolation(BallotRule.SpendsTooLittle, 650, 600)], Check(rules, "a"));
        Assert.Equal(
            [new BallotRuleViolation(BallotRule.TooFewProjects, 1, 0), new BallotRuleViolation(BallotRule.SpendsTooLittle, 650, 0)],
            Check(rules));
    }

    [Fact]
    public void Knapsack_SpendingExactlyTheMinimum_IsValid()
    {
        var rules = BallotRules.Knapsack(budget: 1000, minSpendPercent: 65);

        Assert.Empty(Check(rules, "b", "c"));
    }

    [Fact]
    public void MinimumProjects_HasNoUpperLimit()
    {
        var rules = BallotRules.MinimumProjects(2);

        Assert.Empty(Check(rules, "a", "b", "c"));
        Assert.Equal([new BallotRuleViolation(BallotRule.TooFewProjects, 2, 1)], Check(rules, "c"));
    }

    [Fact]
    public void Points_AreCheckedPerProjectAndInTotal()
    {
        var rules = new BallotRules(minPoints: 1, maxPoints: 5, maxTotalPoints: 8);

        Assert.Empty(rules.Check(["a", "b"], id => Costs[id], [5m, 3m]));
        Assert.Equal(
            [new BallotRuleViolation(BallotRule.TooFewPointsForAProject, 1, 0), new BallotRuleViolation(BallotRule.TooManyPointsForAProject, 5, 9), new BallotRuleViolation(BallotRule.TooManyPointsInTotal, 8, 9)],
            rules.Check(["a", "b"], id => Costs[id], [0m, 9m]));
    }

    [Fact]
    public void Rules_AreValues_EqualWhenTheirBoundsAre()
    {
        Assert.Equal(BallotRules.Approval(1, 3), new BallotRules(minProjects: 1, maxProjects: 3));
        Assert.NotEqual(BallotRules.Approval(1, 3), BallotRules.Approval(1, 4));
    }

    [Fact]
    public void InconsistentRules_CannotBeMade()
    {
        Assert.ThrowsAny<ArgumentException>(() => BallotRules.Approval(-1, 2));
        Assert.ThrowsAny<ArgumentException>(() => BallotRules.Approval(3, 2));
        Assert.ThrowsAny<ArgumentException>(() => BallotRules.Approval(0, 0));
        Assert.ThrowsAny<ArgumentException>(() => BallotRules.Knapsack(1000, 101));
        Assert.ThrowsAny<ArgumentException>(() => BallotRules.Knapsack(1000, -1));
        Assert.ThrowsAny<ArgumentException>(() => BallotRules.Knapsack(0, 50));
        Assert.ThrowsAny<ArgumentException>(() => new BallotRules(minCost: 500, maxCost: 400));
        Assert.ThrowsAny<ArgumentException>(() => new BallotRules(minPoints: 5, maxPoints: 4));
        Assert.ThrowsAny<ArgumentException>(() => new BallotRules(minTotalPoints: -1));
    }

    [Fact]
    public void TryCreate_NamesTheBadBound_WithoutThrowing()
    {
        Assert.Null(BallotRules.TryCreate(out var problem, minProjects: 3, maxProjects: 2));
        Assert.Equal("maxProjects", problem);
        Assert.NotNull(BallotRules.TryCreate(out problem, minProjects: 2, maxProjects: 2));
        Assert.Null(problem);
    }
}
