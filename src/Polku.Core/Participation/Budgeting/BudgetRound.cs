namespace Polku.Core.Participation.Budgeting;

/// <summary>The phases of a budgeting round, in order; a round only moves forward.</summary>
public enum BudgetPhase
{
    /// <summary>Residents propose projects with their costs.</summary>
    Proposals,

    /// <summary>Staff accept or reject the proposals (a rejection needs a reason).</summary>
    Review,

    /// <summary>Residents vote on the accepted projects, one ballot each.</summary>
    Voting,

    /// <summary>Voting has closed and the winners are public.</summary>
    Published,
}

/// <summary>The voting rule a round chooses; each has a text <c>Budgeting.RuleKind.{name}</c>.</summary>
public enum BudgetRuleKind
{
    /// <summary>Knapsack: the chosen projects fit in the budget and spend at least a minimum share of it.</summary>
    Knapsack,

    /// <summary>At least a minimum number of projects, no upper limit.</summary>
    MinimumProjects,

    /// <summary>Approval with a minimum and an optional maximum number of projects.</summary>
    Approval,
}

public enum BudgetProjectStatus
{
    Proposed,
    Accepted,
    Rejected,
}

/// <summary>
/// A participatory-budgeting round: a budget for an area, the projects proposed for it and the ballots cast. The
/// ballot rules are stored as the bounds of <see cref="BallotRules"/> (inclusive); they cannot change once the first
/// ballot is cast (<see cref="RulesLockedAt"/>). Amounts are whole euros or cents in the round's currency, the same
/// unit for the budget and the project costs.
/// </summary>
public class BudgetRound
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Area { get; set; }
    public decimal Budget { get; set; }
    public BudgetPhase Phase { get; private set; }
    public BudgetRuleKind RuleKind { get; private set; }
    public int MinProjects { get; private set; }
    public int? MaxProjects { get; private set; }
    public decimal MinCost { get; private set; }
    public decimal? MaxCost { get; private set; }

    /// <summary>How the winners are chosen; set with the rules and locked with them.</summary>
    public WinnerRule WinnerRule { get; private set; }

    /// <summary>UTC instant of the first ballot; from then on the rules cannot change.</summary>
    public DateTime? RulesLockedAt { get; private set; }

    public DateTime CreatedAt { get; init; }
    public DateTime? PublishedAt { get; private set; }
    public List<BudgetProject> Projects { get; } = [];

    public bool RulesLocked => RulesLockedAt is not null;

    public BallotRules Rules => new(MinProjects, MaxProjects, MinCost, MaxCost);

    /// <summary>For a knapsack round, the minimum spend as a percentage of the ballot's cost limit.</summary>
    public decimal? MinSpendPercent => RuleKind == BudgetRuleKind.Knapsack && MaxCost is > 0 ? MinCost * 100m / MaxCost : null;

    /// <summary>
    /// Sets the ballot rules and, when given, the winner rule (otherwise it stays as it is); refused (false) once a
    /// ballot has been cast.
    /// </summary>
    public bool SetRules(BudgetRuleKind kind, BallotRules rules, WinnerRule? winnerRule = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (RulesLocked)
        {
            return false;
        }

        RuleKind = kind;
        WinnerRule = winnerRule ?? WinnerRule;
        MinProjects = rules.MinProjects;
        MaxProjects = rules.MaxProjects;
        MinCost = rules.MinCost;
        MaxCost = rules.MaxCost;
        return true;
    }

    internal void LockRules(DateTime utc) => RulesLockedAt ??= utc;

    /// <summary>Moves to the next phase; false when already published.</summary>
    public bool Advance(DateTime utc)
    {
        if (Phase == BudgetPhase.Published)
        {
            return false;
        }

        Phase++;
        if (Phase == BudgetPhase.Published)
        {
            PublishedAt = utc;
        }

        return true;
    }

    internal void Restore(BudgetPhase phase, DateTime? rulesLockedAt, DateTime? publishedAt)
    {
        Phase = phase;
        RulesLockedAt = rulesLockedAt;
        PublishedAt = publishedAt;
    }
}

/// <summary>A project proposed in a round. <see cref="Code"/> is its id in Pabulib exports, unique in the round.</summary>
public class BudgetProject
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public decimal Cost { get; set; }
    public BudgetProjectStatus Status { get; private set; }

    /// <summary>Why staff rejected the proposal; shown to residents.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>The user who proposed it; null for imported projects.</summary>
    public string? ProposedByUserId { get; init; }

    public void Accept()
    {
        Status = BudgetProjectStatus.Accepted;
        RejectionReason = null;
    }

    public void Reject(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = BudgetProjectStatus.Rejected;
        RejectionReason = reason.Trim();
    }
}

/// <summary>
/// One resident's ballot. <see cref="VoterId"/> is a pseudonymous id (the Pabulib <c>voter_id</c>); the user who cast
/// it is kept only to enforce one ballot per resident (a unique index) and is never exported.
/// </summary>
public class BudgetBallot
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string VoterId { get; init; }
    public string? UserId { get; init; }
    public DateTime CastAt { get; init; }
    public List<BudgetBallotChoice> Choices { get; } = [];
}

/// <summary>A project on a ballot, in the order the voter gave them.</summary>
public class BudgetBallotChoice
{
    public int BallotId { get; set; }
    public int ProjectId { get; set; }
    public int Position { get; set; }
}
