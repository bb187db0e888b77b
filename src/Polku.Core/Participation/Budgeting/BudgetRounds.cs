using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;

namespace Polku.Core.Participation.Budgeting;

/// <summary>Why a budgeting action was refused; each has a text <c>Budgeting.Problem.{name}</c>.</summary>
public enum BudgetProblem
{
    NotFound,

    /// <summary>The action does not belong to the round's current phase.</summary>
    WrongPhase,

    /// <summary>A ballot has been cast, so the rules can no longer change.</summary>
    RulesLocked,
    InvalidRules,
    AlreadyVoted,

    /// <summary>The ballot breaks the round's rules; the violations say which.</summary>
    BreaksRules,

    /// <summary>The ballot names a project that is not an accepted project of the round, or names one twice.</summary>
    NotAVotableProject,
    ReasonRequired,
    InvalidCost,
    NoAcceptedProjects,
}

/// <summary>The outcome of a budgeting action: success, or a problem with the ballot rules it broke.</summary>
public sealed record BudgetOutcome(BudgetProblem? Problem, IReadOnlyList<BallotRuleViolation> Violations)
{
    public static BudgetOutcome Ok { get; } = new(null, []);

    public bool Succeeded => Problem is null;

    public static BudgetOutcome Refused(BudgetProblem problem) => new(problem, []);
}

/// <summary>A project's counted votes and whether the round's winner rule funded it.</summary>
public sealed record BudgetProjectResult(BudgetProject Project, int Votes, bool Funded);

/// <summary>
/// The count of a round: every accepted project with its votes, most votes first, the winners in the order chosen,
/// and the <see cref="Outcome"/> of the round's winner rule that explains each project (by project code).
/// </summary>
public sealed record BudgetResults(
    BudgetRound Round, int Ballots, IReadOnlyList<BudgetProjectResult> Projects, IReadOnlyList<BudgetProject> Winners,
    WinnerOutcome Outcome)
{
    public decimal FundedCost => Winners.Sum(w => w.Cost);
}

/// <summary>The outcome of importing a Pabulib file: the new round, or every error found (nothing is stored then).</summary>
public sealed record BudgetImport(BudgetRound? Round, IReadOnlyList<PabulibError> Errors);

/// <summary>
/// Runs participatory-budgeting rounds (SPEC §3.4): proposals, review, voting with a chosen rule, one ballot per
/// resident, and results by <see cref="GreedyWinners"/>; imports and exports rounds as Pabulib elections.
/// </summary>
public sealed class BudgetRounds(PolkuDb db, TimeProvider clock)
{
    /// <summary>
    /// The ballot rules for a rule kind: knapsack (<paramref name="minSpendPercent"/> of the budget, at least
    /// <paramref name="minProjects"/>), a minimum number of projects, or approval between
    /// <paramref name="minProjects"/> and <paramref name="maxProjects"/>. Null when a value is out of range.
    /// </summary>
    public static BallotRules? BuildRules(BudgetRuleKind kind, decimal budget, decimal? minSpendPercent, int minProjects, int? maxProjects) =>
        kind switch
        {
            BudgetRuleKind.Knapsack when budget > 0 && minSpendPercent is >= 0 and <= 100 && minProjects >= 0 =>
                BallotRules.Knapsack(budget, minSpendPercent.Value, minProjects),
            BudgetRuleKind.MinimumProjects when minProjects >= 1 => BallotRules.MinimumProjects(minProjects),
            BudgetRuleKind.Approval => BallotRules.TryCreate(out _, minProjects: minProjects, maxProjects: maxProjects),
            _ => null,
        };

    public Task<List<BudgetRound>> AllAsync(CancellationToken ct = default) =>
        db.BudgetRounds.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToListAsync(ct);

    /// <summary>The round with its projects in proposal order, or null.</summary>
    public Task<BudgetRound?> FindAsync(int id, CancellationToken ct = default) =>
        db.BudgetRounds.Include(r => r.Projects.OrderBy(p => p.Id)).SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task<BudgetRound> CreateAsync(
        string name, string area, decimal budget, BudgetRuleKind kind, BallotRules rules, WinnerRule winnerRule = WinnerRule.Greedy,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        var round = new BudgetRound { Name = name.Trim(), Area = area.Trim(), Budget = budget, CreatedAt = Now };
        round.SetRules(kind, rules, winnerRule);
        db.BudgetRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>Sets the ballot rules and, when given, the winner rule; refused once a ballot is cast.</summary>
    public async Task<BudgetOutcome> SetRulesAsync(
        int roundId, BudgetRuleKind kind, decimal? minSpendPercent, int minProjects, int? maxProjects, WinnerRule? winnerRule = null,
        CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct);
        if (round is null)
        {
            return BudgetOutcome.Refused(BudgetProblem.NotFound);
        }

        if (round.RulesLocked || round.Phase == BudgetPhase.Published || await db.BudgetBallots.AnyAsync(b => b.RoundId == roundId, ct))
        {
            return BudgetOutcome.Refused(BudgetProblem.RulesLocked);
        }

        var rules = BuildRules(kind, round.Budget, minSpendPercent, minProjects, maxProjects);
        if (rules is null)
        {
            return BudgetOutcome.Refused(BudgetProblem.InvalidRules);
        }

        round.SetRules(kind, rules, winnerRule);
        await db.SaveChangesAsync(ct);
        return BudgetOutcome.Ok;
    }

    public async Task<BudgetOutcome> ProposeAsync(int roundId, string? userId, string name, string description, decimal cost, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct);
        if (round is null)
        {
            return BudgetOutcome.Refused(BudgetProblem.NotFound);
        }

        if (round.Phase != BudgetPhase.Proposals)
        {
            return BudgetOutcome.Refused(BudgetProblem.WrongPhase);
        }

        if (cost <= 0 || cost > round.Budget)
        {
            return BudgetOutcome.Refused(BudgetProblem.InvalidCost);
        }

        var code = (round.Projects.Count + 1).ToString(CultureInfo.InvariantCulture);
        while (round.Projects.Any(p => p.Code == code))
        {
            code = (int.Parse(code, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        }

        round.Projects.Add(new BudgetProject
        {
            Code = code,
            Name = name.Trim(),
            Description = description.Trim(),
            Cost = cost,
            ProposedByUserId = userId,
        });
        await db.SaveChangesAsync(ct);
        return BudgetOutcome.Ok;
    }

    /// <summary>Accepts or rejects a proposal (a rejection needs a reason); allowed while proposing and reviewing.</summary>
    public async Task<BudgetOutcome> ReviewAsync(int roundId, int projectId, bool accept, string? reason, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct);
        var project = round?.Projects.SingleOrDefault(p => p.Id == projectId);
        if (round is null || project is null)
        {
            return BudgetOutcome.Refused(BudgetProblem.NotFound);
        }

        if (round.Phase is not (BudgetPhase.Proposals or BudgetPhase.Review))
        {
            return BudgetOutcome.Refused(BudgetProblem.WrongPhase);
        }

        if (accept)
        {
            project.Accept();
        }
        else if (string.IsNullOrWhiteSpace(reason))
        {
            return BudgetOutcome.Refused(BudgetProblem.ReasonRequired);
        }
        else
        {
            project.Reject(reason);
        }

        await db.SaveChangesAsync(ct);
        return BudgetOutcome.Ok;
    }

    /// <summary>Moves the round to its next phase. Voting needs at least one accepted project.</summary>
    public async Task<BudgetOutcome> AdvanceAsync(int roundId, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct);
        if (round is null)
        {
            return BudgetOutcome.Refused(BudgetProblem.NotFound);
        }

        if (round.Phase == BudgetPhase.Review && !round.Projects.Any(p => p.Status == BudgetProjectStatus.Accepted))
        {
            return BudgetOutcome.Refused(BudgetProblem.NoAcceptedProjects);
        }

        if (!round.Advance(Now))
        {
            return BudgetOutcome.Refused(BudgetProblem.WrongPhase);
        }

        await db.SaveChangesAsync(ct);
        return BudgetOutcome.Ok;
    }

    /// <summary>The codes of the projects on a resident's ballot in the round, or null when they have not voted.</summary>
    public async Task<IReadOnlyList<string>?> BallotOfAsync(int roundId, string userId, CancellationToken ct = default)
    {
        var ballot = await db.BudgetBallots.AsNoTracking().Include(b => b.Choices)
            .SingleOrDefaultAsync(b => b.RoundId == roundId && b.UserId == userId, ct);
        if (ballot is null)
        {
            return null;
        }

        var codes = await db.BudgetProjects.Where(p => p.RoundId == roundId).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        return [.. ballot.Choices.OrderBy(c => c.Position).Select(c => codes[c.ProjectId])];
    }

    public Task<bool> HasVotedAsync(int roundId, string userId, CancellationToken ct = default) =>
        db.BudgetBallots.AnyAsync(b => b.RoundId == roundId && b.UserId == userId, ct);

    /// <summary>
    /// Casts a resident's ballot for accepted projects (by <see cref="BudgetProject.Id"/>). Refused outside the voting
    /// phase, for a second ballot (also enforced by a unique index) and when the ballot breaks the rules. The first
    /// ballot locks the rules.
    /// </summary>
    public async Task<BudgetOutcome> CastBallotAsync(int roundId, string userId, IReadOnlyCollection<int> projectIds, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(projectIds);
        var round = await FindAsync(roundId, ct);
        if (round is null)
        {
            return BudgetOutcome.Refused(BudgetProblem.NotFound);
        }

        if (round.Phase != BudgetPhase.Voting)
        {
            return BudgetOutcome.Refused(BudgetProblem.WrongPhase);
        }

        if (await HasVotedAsync(roundId, userId, ct))
        {
            return BudgetOutcome.Refused(BudgetProblem.AlreadyVoted);
        }

        var accepted = round.Projects.Where(p => p.Status == BudgetProjectStatus.Accepted).ToDictionary(p => p.Id);
        if (projectIds.Distinct().Count() != projectIds.Count || projectIds.Any(id => !accepted.ContainsKey(id)))
        {
            return BudgetOutcome.Refused(BudgetProblem.NotAVotableProject);
        }

        var codes = projectIds.Select(id => accepted[id].Code).ToList();
        var costs = accepted.Values.ToDictionary(p => p.Code, p => p.Cost, StringComparer.Ordinal);
        var violations = round.Rules.Check(codes, code => costs[code]);
        if (violations.Count > 0)
        {
            return new BudgetOutcome(BudgetProblem.BreaksRules, violations);
        }

        var ballot = new BudgetBallot { RoundId = roundId, VoterId = Guid.NewGuid().ToString("N")[..16], UserId = userId, CastAt = Now };
        ballot.Choices.AddRange(projectIds.Select((id, i) => new BudgetBallotChoice { ProjectId = id, Position = i }));
        db.BudgetBallots.Add(ballot);
        round.LockRules(Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return BudgetOutcome.Refused(BudgetProblem.AlreadyVoted);
        }

        return BudgetOutcome.Ok;
    }

    /// <summary>
    /// The count: votes per accepted project from the ballots and the winners by the round's
    /// <see cref="BudgetRound.WinnerRule"/> (<see cref="GreedyWinners"/> or <see cref="EqualShares"/>), explained.
    /// </summary>
    public async Task<BudgetResults?> ResultsAsync(int roundId, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct);
        if (round is null)
        {
            return null;
        }

        var accepted = round.Projects.Where(p => p.Status == BudgetProjectStatus.Accepted).ToList();
        var codeOf = accepted.ToDictionary(p => p.Id, p => p.Code);
        var choices = await db.BudgetBallotChoices
            .Where(c => db.BudgetBallots.Any(b => b.Id == c.BallotId && b.RoundId == roundId))
            .Select(c => new { c.BallotId, c.ProjectId })
            .ToListAsync(ct);
        var ballotIds = await db.BudgetBallots.Where(b => b.RoundId == roundId).Select(b => b.Id).ToListAsync(ct);
        var byBallot = choices.Where(c => codeOf.ContainsKey(c.ProjectId)).ToLookup(c => c.BallotId, c => codeOf[c.ProjectId]);
        var ballots = ballotIds.Select(id => (IReadOnlyList<string>)[.. byBallot[id]]).ToList();
        var outcome = EqualShares.Choose(
            [.. accepted.Select(p => new ElectionProject(p.Code, p.Cost))], ballots, round.Budget, round.WinnerRule);
        var votes = accepted.ToDictionary(p => p.Code, p => ballots.Count(b => b.Contains(p.Code)), StringComparer.Ordinal);
        var byCode = accepted.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var funded = outcome.Winners.ToHashSet(StringComparer.Ordinal);
        var projects = accepted
            .Select(p => new BudgetProjectResult(p, votes[p.Code], funded.Contains(p.Code)))
            .OrderByDescending(r => r.Votes).ThenBy(r => r.Project.Cost).ThenBy(r => r.Project.Code, StringComparer.Ordinal)
            .ToList();
        return new BudgetResults(round, ballots.Count, projects, [.. outcome.Winners.Select(code => byCode[code])], outcome);
    }

    /// <summary>The round as a Pabulib approval election: its accepted projects and every ballot, voters pseudonymous.</summary>
    public async Task<PabulibElection?> ExportAsync(int roundId, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct);
        if (round is null)
        {
            return null;
        }

        var ballots = await db.BudgetBallots.AsNoTracking().Include(b => b.Choices)
            .Where(b => b.RoundId == roundId).OrderBy(b => b.Id).ToListAsync(ct);
        return BudgetPabulib.ToElection(round, ballots);
    }

    /// <summary>
    /// Imports a Pabulib approval (or choose-1) election as a new round, all or nothing: any error in the file,
    /// including a ballot that breaks the file's own rules, stores nothing and is returned with its line and column.
    /// </summary>
    public async Task<BudgetImport> ImportAsync(string text, CancellationToken ct = default)
    {
        var read = PabulibReader.Read(text);
        if (!read.Succeeded)
        {
            return new BudgetImport(null, read.Errors);
        }

        var converted = BudgetPabulib.FromElection(read.Election!, text, Now);
        if (converted.Round is not { } round)
        {
            return new BudgetImport(null, converted.Errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.BudgetRounds.Add(round);
        await db.SaveChangesAsync(ct);
        var ids = round.Projects.ToDictionary(p => p.Code, p => p.Id, StringComparer.Ordinal);
        foreach (var ballot in converted.Ballots)
        {
            var stored = new BudgetBallot { RoundId = round.Id, VoterId = ballot.VoterId, CastAt = round.CreatedAt };
            stored.Choices.AddRange(ballot.Projects.Select((code, i) => new BudgetBallotChoice { ProjectId = ids[code], Position = i }));
            db.BudgetBallots.Add(stored);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BudgetImport(round, []);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
