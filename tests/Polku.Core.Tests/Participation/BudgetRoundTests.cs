using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Data;
using Polku.Core.Participation.Budgeting;
using Polku.Testing;

namespace Polku.Core.Tests.Participation;

public abstract class BudgetRoundTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _db = await _database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private BudgetRounds Rounds() => new(_db, _clock);

    /// <summary>A round in the voting phase with accepted projects of the given costs (codes 1, 2, …).</summary>
    private async Task<(BudgetRound Round, List<int> Ids)> VotingRoundAsync(decimal budget, BudgetRuleKind kind, BallotRules rules, params decimal[] costs)
    {
        var rounds = Rounds();
        var round = await rounds.CreateAsync("Kierros", "Järvilinna", budget, kind, rules, ct: Ct);
        foreach (var (cost, i) in costs.Select((c, i) => (c, i)))
        {
            Assert.True((await rounds.ProposeAsync(round.Id, "proposer", $"Hanke {i + 1}", "", cost, Ct)).Succeeded);
        }

        Assert.True((await rounds.AdvanceAsync(round.Id, Ct)).Succeeded);
        foreach (var project in round.Projects)
        {
            Assert.True((await rounds.ReviewAsync(round.Id, project.Id, accept: true, null, Ct)).Succeeded);
        }

        Assert.True((await rounds.AdvanceAsync(round.Id, Ct)).Succeeded);
        return (round, round.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToList());
    }

    [Fact]
    public async Task Knapsack_ballot_exactly_at_the_budget_and_at_the_minimum_spend_is_accepted()
    {
        var (round, ids) = await VotingRoundAsync(1000m, BudgetRuleKind.Knapsack, BallotRules.Knapsack(1000m, 60m), 600m, 400m, 300m);

        Assert.True((await Rounds().CastBallotAsync(round.Id, "u1", [ids[0], ids[1]], Ct)).Succeeded);
        Assert.True((await Rounds().CastBallotAsync(round.Id, "u2", [ids[0]], Ct)).Succeeded);
        var over = await Rounds().CastBallotAsync(round.Id, "u3", [ids[0], ids[1], ids[2]], Ct);
        var under = await Rounds().CastBallotAsync(round.Id, "u4", [ids[2]], Ct);

        Assert.Equal(BudgetProblem.BreaksRules, over.Problem);
        Assert.Equal(BallotRule.CostsTooMuch, Assert.Single(over.Violations).Rule);
        Assert.Equal(BudgetProblem.BreaksRules, under.Problem);
        Assert.Equal(new BallotRuleViolation(BallotRule.SpendsTooLittle, 600m, 300m), Assert.Single(under.Violations));
        Assert.Equal(2, await _db.BudgetBallots.CountAsync(Ct));
    }

    [Fact]
    public async Task Minimum_projects_rule_refuses_a_ballot_with_too_few()
    {
        var (round, ids) = await VotingRoundAsync(500m, BudgetRuleKind.MinimumProjects, BallotRules.MinimumProjects(2), 100m, 200m, 300m);

        var one = await Rounds().CastBallotAsync(round.Id, "u1", [ids[0]], Ct);
        var three = await Rounds().CastBallotAsync(round.Id, "u2", [ids[0], ids[1], ids[2]], Ct);

        Assert.Equal(new BallotRuleViolation(BallotRule.TooFewProjects, 2, 1), Assert.Single(one.Violations));
        Assert.True(three.Succeeded);
    }

    [Fact]
    public async Task Approval_rule_accepts_the_minimum_and_maximum_count_and_refuses_beyond()
    {
        var (round, ids) = await VotingRoundAsync(500m, BudgetRuleKind.Approval, BallotRules.Approval(1, 2), 100m, 200m, 300m);

        Assert.Equal(BudgetProblem.BreaksRules, (await Rounds().CastBallotAsync(round.Id, "u0", [], Ct)).Problem);
        Assert.True((await Rounds().CastBallotAsync(round.Id, "u1", [ids[0]], Ct)).Succeeded);
        Assert.True((await Rounds().CastBallotAsync(round.Id, "u2", [ids[0], ids[1]], Ct)).Succeeded);
        var three = await Rounds().CastBallotAsync(round.Id, "u3", [.. ids], Ct);
        Assert.Equal(new BallotRuleViolation(BallotRule.TooManyProjects, 2, 3), Assert.Single(three.Violations));
    }

    [Fact]
    public async Task Rules_are_locked_once_the_first_vote_is_cast()
    {
        var (round, ids) = await VotingRoundAsync(500m, BudgetRuleKind.Approval, BallotRules.Approval(1, 3), 100m, 200m);
        Assert.True((await Rounds().SetRulesAsync(round.Id, BudgetRuleKind.Approval, null, 1, 2, ct: Ct)).Succeeded);

        Assert.True((await Rounds().CastBallotAsync(round.Id, "u1", [ids[0]], Ct)).Succeeded);
        var change = await Rounds().SetRulesAsync(round.Id, BudgetRuleKind.MinimumProjects, null, 2, null, ct: Ct);

        Assert.Equal(BudgetProblem.RulesLocked, change.Problem);
        _db.ChangeTracker.Clear();
        var stored = await _db.BudgetRounds.SingleAsync(r => r.Id == round.Id, Ct);
        Assert.Equal(BallotRules.Approval(1, 2), stored.Rules);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, stored.RulesLockedAt);
    }

    [Fact]
    public async Task A_resident_can_vote_once_and_the_database_refuses_a_second_ballot()
    {
        var (round, ids) = await VotingRoundAsync(500m, BudgetRuleKind.Approval, BallotRules.Approval(1, 2), 100m, 200m);

        Assert.True((await Rounds().CastBallotAsync(round.Id, "u1", [ids[0]], Ct)).Succeeded);
        Assert.Equal(BudgetProblem.AlreadyVoted, (await Rounds().CastBallotAsync(round.Id, "u1", [ids[1]], Ct)).Problem);

        _db.BudgetBallots.Add(new BudgetBallot { RoundId = round.Id, VoterId = "other", UserId = "u1", CastAt = DateTime.UtcNow });
        await Assert.ThrowsAsync<DbUpdateException>(() => _db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task Ties_go_to_the_cheaper_project_and_winners_stay_within_the_budget()
    {
        var (round, ids) = await VotingRoundAsync(1000m, BudgetRuleKind.Approval, BallotRules.Approval(1, 3), 700m, 600m, 300m);
        await Rounds().CastBallotAsync(round.Id, "u1", [ids[0], ids[1]], Ct);
        await Rounds().CastBallotAsync(round.Id, "u2", [ids[0], ids[1], ids[2]], Ct);
        await Rounds().AdvanceAsync(round.Id, Ct);

        var results = (await Rounds().ResultsAsync(round.Id, Ct))!;

        Assert.Equal(["Hanke 2", "Hanke 3"], results.Winners.Select(w => w.Name));
        Assert.Equal(900m, results.FundedCost);
        Assert.Equal(2, results.Ballots);
        Assert.Equal(BudgetPhase.Published, results.Round.Phase);
    }

    [Fact]
    public async Task Phases_guard_proposals_reviews_and_votes()
    {
        var rounds = Rounds();
        var round = await rounds.CreateAsync("Kierros", "Alue", 1000m, BudgetRuleKind.Approval, BallotRules.Approval(1, 1), ct: Ct);
        await rounds.ProposeAsync(round.Id, "p", "Penkit", "", 200m, Ct);
        Assert.Equal(BudgetProblem.InvalidCost, (await rounds.ProposeAsync(round.Id, "p", "Liian kallis", "", 1001m, Ct)).Problem);
        var project = round.Projects.Single();
        Assert.Equal(BudgetProblem.WrongPhase, (await rounds.CastBallotAsync(round.Id, "u", [project.Id], Ct)).Problem);
        Assert.Equal(BudgetProblem.ReasonRequired, (await rounds.ReviewAsync(round.Id, project.Id, accept: false, " ", Ct)).Problem);
        Assert.True((await rounds.ReviewAsync(round.Id, project.Id, accept: false, "Ei kunnan maalla", Ct)).Succeeded);
        await rounds.AdvanceAsync(round.Id, Ct);

        Assert.Equal(BudgetProblem.WrongPhase, (await rounds.ProposeAsync(round.Id, "p", "Myöhässä", "", 100m, Ct)).Problem);
        Assert.Equal(BudgetProblem.NoAcceptedProjects, (await rounds.AdvanceAsync(round.Id, Ct)).Problem);
        Assert.Equal("Ei kunnan maalla", project.RejectionReason);
    }

    [Fact]
    public async Task Exported_round_imported_again_is_the_same_round()
    {
        var (round, ids) = await VotingRoundAsync(1000m, BudgetRuleKind.Knapsack, BallotRules.Knapsack(1000m, 50m, 1), 600m, 400m, 300m);
        round.Projects[1].Description = "Kuvaus; jossa \"lainaus\"\nja rivinvaihto";
        await _db.SaveChangesAsync(Ct);
        await Rounds().CastBallotAsync(round.Id, "u1", [ids[1], ids[0]], Ct);
        await Rounds().CastBallotAsync(round.Id, "u2", [ids[2], ids[1]], Ct);
        var exported = PabulibWriter.Write((await Rounds().ExportAsync(round.Id, Ct))!);

        var import = await Rounds().ImportAsync(exported, Ct);

        Assert.Empty(import.Errors);
        var copy = import.Round!;
        Assert.Equal((round.Name, round.Area, round.Budget, round.RuleKind, round.Rules), (copy.Name, copy.Area, copy.Budget, copy.RuleKind, copy.Rules));
        Assert.Equal(
            round.Projects.Select(p => (p.Code, p.Name, p.Description, p.Cost, p.Status)),
            copy.Projects.Select(p => (p.Code, p.Name, p.Description, p.Cost, p.Status)));
        Assert.Equal(exported, PabulibWriter.Write((await Rounds().ExportAsync(copy.Id, Ct))!));
        Assert.Equal(
            (await Rounds().ResultsAsync(round.Id, Ct))!.Winners.Select(w => w.Code),
            (await Rounds().ResultsAsync(copy.Id, Ct))!.Winners.Select(w => w.Code));
    }

    [Fact]
    public async Task Import_is_all_or_nothing_and_names_the_line_and_field()
    {
        const string broken = "META\nkey;value\nbudget;1000\nvote_type;approval\nmax_length;1\nPROJECTS\nproject_id;cost\n1;500\n2;abc\nVOTES\nvoter_id;vote\nv1;1\n";
        const string breaksRules = "META\nkey;value\nbudget;1000\nvote_type;approval\nmax_length;1\nPROJECTS\nproject_id;cost\n1;500\n2;300\nVOTES\nvoter_id;vote\nv1;1\nv2;1,2\n";
        const string cumulative = "META\nkey;value\nbudget;1000\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;500\nVOTES\nvoter_id;vote;points\nv1;1;3\n";

        var notANumber = await Rounds().ImportAsync(broken, Ct);
        var ruleBroken = await Rounds().ImportAsync(breaksRules, Ct);
        var points = await Rounds().ImportAsync(cumulative, Ct);

        var error = Assert.Single(notANumber.Errors);
        Assert.Equal((PabulibProblem.NotANumber, 9, "cost"), (error.Problem, error.Line, error.ColumnName));
        Assert.Equal((PabulibProblem.BallotBreaksRule, 13), (Assert.Single(ruleBroken.Errors).Problem, ruleBroken.Errors[0].Line));
        Assert.Equal((PabulibProblem.VoteTypeNotSupported, 4), (Assert.Single(points.Errors).Problem, points.Errors[0].Line));
        Assert.Null(notANumber.Round);
        Assert.Equal(0, await _db.BudgetRounds.CountAsync(Ct));
        Assert.Equal(0, await _db.BudgetBallots.CountAsync(Ct));
    }

    [Fact]
    public async Task Real_elections_imported_as_rounds_reproduce_the_recorded_winners()
    {
        foreach (var file in Directory.GetFiles(PabulibFiles.Folder, "*.pb").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(file, Ct);
            var election = PabulibReader.Read(text).Election!;

            var import = await Rounds().ImportAsync(text, Ct);

            Assert.True(import.Errors.Count == 0, file + ": " + string.Join("; ", import.Errors));
            var results = (await Rounds().ResultsAsync(import.Round!.Id, Ct))!;
            var recorded = election.Projects.Where(p => p.Selected == true).Select(p => p.Id).Order(StringComparer.Ordinal);
            Assert.Equal(recorded, results.Winners.Select(w => w.Code).Order(StringComparer.Ordinal));
            Assert.Equal(BudgetPhase.Published, import.Round.Phase);
        }
    }

    [Fact]
    public async Task Wieliczka_imported_as_a_round_keeps_its_Equal_Shares_rule_reproduces_its_winners_and_exports_the_rule()
    {
        var text = await File.ReadAllTextAsync(PabulibFiles.PathOf("mes/poland_wieliczka_2023.pb"), Ct);
        var election = PabulibReader.Read(text).Election!;

        var import = await Rounds().ImportAsync(text, Ct);

        Assert.True(import.Errors.Count == 0, string.Join("; ", import.Errors));
        _db.ChangeTracker.Clear();
        Assert.Equal(WinnerRule.EqualSharesAdd1, (await _db.BudgetRounds.SingleAsync(r => r.Id == import.Round!.Id, Ct)).WinnerRule);
        var results = (await Rounds().ResultsAsync(import.Round!.Id, Ct))!;
        var recorded = election.Projects.Where(p => p.Selected == true).Select(p => p.Id).Order(StringComparer.Ordinal);
        Assert.Equal(recorded, results.Winners.Select(w => w.Code).Order(StringComparer.Ordinal));
        Assert.All(results.Outcome.Funded, f => Assert.Equal(FundedBy.EqualShares, f.By));
        var exported = (await Rounds().ExportAsync(import.Round.Id, Ct))!;
        Assert.Equal("equalshares/add1", exported.MetaValue("rule"));
    }

    [Fact]
    public async Task The_winner_rule_is_chosen_before_voting_and_locked_with_the_rules()
    {
        var (round, ids) = await VotingRoundAsync(300m, BudgetRuleKind.MinimumProjects, BallotRules.MinimumProjects(1), 200m, 100m, 150m);
        Assert.True((await Rounds().SetRulesAsync(round.Id, BudgetRuleKind.MinimumProjects, null, 1, null, WinnerRule.EqualShares, Ct)).Succeeded);

        Assert.True((await Rounds().CastBallotAsync(round.Id, "u1", [ids[0]], Ct)).Succeeded);
        Assert.True((await Rounds().CastBallotAsync(round.Id, "u2", [ids[0], ids[1]], Ct)).Succeeded);
        Assert.True((await Rounds().CastBallotAsync(round.Id, "u3", [ids[2]], Ct)).Succeeded);
        var change = await Rounds().SetRulesAsync(round.Id, BudgetRuleKind.MinimumProjects, null, 1, null, WinnerRule.Greedy, Ct);

        Assert.Equal(BudgetProblem.RulesLocked, change.Problem);
        var results = (await Rounds().ResultsAsync(round.Id, Ct))!;
        // Greedy would fund 1 and 2 (300); each voter's share of 100 pays only for project 1.
        Assert.Equal(["1"], results.Winners.Select(w => w.Code));
        Assert.Equal(UnfundedReason.SupportersCannotAfford, results.Outcome.Unfunded.Single(u => u.Id == "2").Reason);
        Assert.Equal([new KeyValuePair<string, Fraction>("1", Fraction.FromInteger(100))],
            results.Outcome.SharesOf((await Rounds().BallotOfAsync(round.Id, "u2", Ct))!).Paid);
        Assert.Equal("equalshares", (await Rounds().ExportAsync(round.Id, Ct))!.MetaValue("rule"));
    }
}

public sealed class SqliteBudgetRoundTests() : BudgetRoundTests(DatabaseProvider.Sqlite);

public sealed class PostgresBudgetRoundTests() : BudgetRoundTests(DatabaseProvider.Postgres);
