namespace Polku.Core.Participation.Budgeting;

/// <summary>The rule a ballot breaks; each has a text <c>Budget.Rule.{name}</c> in every language.</summary>
public enum BallotRule
{
    /// <summary>Fewer projects chosen than <see cref="BallotRules.MinProjects"/>.</summary>
    TooFewProjects,

    /// <summary>More projects chosen than <see cref="BallotRules.MaxProjects"/>.</summary>
    TooManyProjects,

    /// <summary>The chosen projects cost less than <see cref="BallotRules.MinCost"/> (the minimum spend).</summary>
    SpendsTooLittle,

    /// <summary>The chosen projects cost more than <see cref="BallotRules.MaxCost"/> (the knapsack does not fit).</summary>
    CostsTooMuch,

    /// <summary>A project was given fewer points than <see cref="BallotRules.MinPoints"/>.</summary>
    TooFewPointsForAProject,

    /// <summary>A project was given more points than <see cref="BallotRules.MaxPoints"/>.</summary>
    TooManyPointsForAProject,

    /// <summary>The points add up to less than <see cref="BallotRules.MinTotalPoints"/>.</summary>
    TooFewPointsInTotal,

    /// <summary>The points add up to more than <see cref="BallotRules.MaxTotalPoints"/>.</summary>
    TooManyPointsInTotal,
}

/// <summary>A broken ballot rule: which rule, its limit and what the ballot had (a count, a cost or points).</summary>
public sealed record BallotRuleViolation(BallotRule Rule, decimal Limit, decimal Actual);

/// <summary>
/// What a valid ballot looks like in a budgeting round. Every bound is inclusive; a <c>null</c> upper bound means
/// no limit. Costs are in the round's currency (the same unit as the budget and the project costs); points apply only
/// to cumulative and scoring ballots. The three rules a round can choose are built with <see cref="Approval"/>,
/// <see cref="Knapsack"/> and <see cref="MinimumProjects"/>; a Pabulib file may combine the bounds freely
/// (<c>min_length</c>, <c>max_length</c>, <c>min_sum_cost</c>, <c>max_sum_cost</c>, <c>min_points</c>,
/// <c>max_points</c>, <c>min_sum_points</c>, <c>max_sum_points</c>).
/// </summary>
public sealed record BallotRules
{
    /// <summary>No restriction at all: any set of projects, including none.</summary>
    public static BallotRules None { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">A bound is negative or a lower bound exceeds its upper bound.</exception>
    public BallotRules(
        int minProjects = 0,
        int? maxProjects = null,
        decimal minCost = 0,
        decimal? maxCost = null,
        decimal? minPoints = null,
        decimal? maxPoints = null,
        decimal? minTotalPoints = null,
        decimal? maxTotalPoints = null)
    {
        var problem = Problem(minProjects, maxProjects, minCost, maxCost, minPoints, maxPoints, minTotalPoints, maxTotalPoints);
        if (problem is not null)
        {
            throw new ArgumentOutOfRangeException(problem, "A ballot rule bound is negative or below its lower bound.");
        }

        MinProjects = minProjects;
        MaxProjects = maxProjects;
        MinCost = minCost;
        MaxCost = maxCost;
        MinPoints = minPoints;
        MaxPoints = maxPoints;
        MinTotalPoints = minTotalPoints;
        MaxTotalPoints = maxTotalPoints;
    }

    /// <summary>At least this many projects on a ballot (0 allows an empty ballot).</summary>
    public int MinProjects { get; }

    /// <summary>At most this many projects on a ballot; <c>null</c>: no limit.</summary>
    public int? MaxProjects { get; }

    /// <summary>The chosen projects together cost at least this much (a knapsack round's minimum spend).</summary>
    public decimal MinCost { get; }

    /// <summary>The chosen projects together cost at most this much (a knapsack round's budget); <c>null</c>: no limit.</summary>
    public decimal? MaxCost { get; }

    public decimal? MinPoints { get; }
    public decimal? MaxPoints { get; }
    public decimal? MinTotalPoints { get; }
    public decimal? MaxTotalPoints { get; }

    /// <summary>Approval voting: the voter approves at least <paramref name="min"/> and at most <paramref name="max"/> projects.</summary>
    public static BallotRules Approval(int min, int? max) => new(minProjects: min, maxProjects: max);

    /// <summary>
    /// Knapsack voting: the chosen projects must fit in <paramref name="budget"/> and spend at least
    /// <paramref name="minSpendPercent"/> % of it (0–100), with at least <paramref name="minProjects"/> projects.
    /// </summary>
    public static BallotRules Knapsack(decimal budget, decimal minSpendPercent, int minProjects = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        ArgumentOutOfRangeException.ThrowIfNegative(minSpendPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minSpendPercent, 100m);
        return new(minProjects: minProjects, minCost: budget * minSpendPercent / 100m, maxCost: budget);
    }

    /// <summary>The voter chooses at least <paramref name="min"/> projects, with no upper limit.</summary>
    public static BallotRules MinimumProjects(int min) => new(minProjects: min);

    /// <summary>Like the constructor, without an exception: <c>null</c> and the name of the offending bound when invalid.</summary>
    public static BallotRules? TryCreate(
        out string? problem,
        int minProjects = 0,
        int? maxProjects = null,
        decimal minCost = 0,
        decimal? maxCost = null,
        decimal? minPoints = null,
        decimal? maxPoints = null,
        decimal? minTotalPoints = null,
        decimal? maxTotalPoints = null)
    {
        problem = Problem(minProjects, maxProjects, minCost, maxCost, minPoints, maxPoints, minTotalPoints, maxTotalPoints);
        return problem is null
            ? new BallotRules(minProjects, maxProjects, minCost, maxCost, minPoints, maxPoints, minTotalPoints, maxTotalPoints)
            : null;
    }

    /// <summary>
    /// Checks one ballot. <paramref name="projects"/> are the chosen project ids, <paramref name="cost"/> gives a
    /// project's cost, and <paramref name="points"/> (for cumulative and scoring ballots) the points given to each
    /// chosen project in the same order. Returns every rule broken; empty when the ballot is valid.
    /// </summary>
    public IReadOnlyList<BallotRuleViolation> Check(
        IReadOnlyCollection<string> projects, Func<string, decimal> cost, IReadOnlyList<decimal>? points = null)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(cost);
        var violations = new List<BallotRuleViolation>();
        if (projects.Count < MinProjects)
        {
            violations.Add(new(BallotRule.TooFewProjects, MinProjects, projects.Count));
        }

        if (projects.Count > MaxProjects)
        {
            violations.Add(new(BallotRule.TooManyProjects, MaxProjects.Value, projects.Count));
        }

        var total = projects.Sum(cost);
        if (total < MinCost)
        {
            violations.Add(new(BallotRule.SpendsTooLittle, MinCost, total));
        }

        if (total > MaxCost)
        {
            violations.Add(new(BallotRule.CostsTooMuch, MaxCost.Value, total));
        }

        if (points is not null)
        {
            CheckPoints(points, violations);
        }

        return violations;
    }

    private void CheckPoints(IReadOnlyList<decimal> points, List<BallotRuleViolation> violations)
    {
        if (MinPoints is { } min && points.Count > 0 && points.Min() < min)
        {
            violations.Add(new(BallotRule.TooFewPointsForAProject, min, points.Min()));
        }

        if (MaxPoints is { } max && points.Count > 0 && points.Max() > max)
        {
            violations.Add(new(BallotRule.TooManyPointsForAProject, max, points.Max()));
        }

        var total = points.Sum();
        if (total < MinTotalPoints)
        {
            violations.Add(new(BallotRule.TooFewPointsInTotal, MinTotalPoints.Value, total));
        }

        if (total > MaxTotalPoints)
        {
            violations.Add(new(BallotRule.TooManyPointsInTotal, MaxTotalPoints.Value, total));
        }
    }

    private static string? Problem(
        int minProjects, int? maxProjects, decimal minCost, decimal? maxCost,
        decimal? minPoints, decimal? maxPoints, decimal? minTotalPoints, decimal? maxTotalPoints) =>
        minProjects < 0 ? nameof(minProjects)
        : maxProjects < minProjects || maxProjects < 1 ? nameof(maxProjects)
        : minCost < 0 ? nameof(minCost)
        : maxCost < minCost || maxCost <= 0 ? nameof(maxCost)
        : minPoints < 0 ? nameof(minPoints)
        : maxPoints < minPoints ? nameof(maxPoints)
        : minTotalPoints < 0 ? nameof(minTotalPoints)
        : maxTotalPoints < minTotalPoints ? nameof(maxTotalPoints)
        : null;
}
