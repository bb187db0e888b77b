namespace Polku.Core.Participation.Budgeting;

/// <summary>Converts between a stored budgeting round and a Pabulib election (pure: no database).</summary>
public static class BudgetPabulib
{
    public const string DescriptionKey = "description";
    public const string UnitKey = "unit";
    public const string NameColumn = "name";
    public const string DescriptionColumn = "description";

    /// <summary>A ballot read from a file, by project code in the voter's order.</summary>
    public sealed record ImportedBallot(string VoterId, IReadOnlyList<string> Projects);

    public sealed record Conversion(BudgetRound? Round, IReadOnlyList<ImportedBallot> Ballots, IReadOnlyList<PabulibError> Errors);

    /// <summary>
    /// The round as an approval election: META <c>description</c> (the name), <c>unit</c> (the area), the budget,
    /// the winner rule as Pabulib spells it and the ballot bounds; the accepted projects with name and description; every ballot in the order cast.
    /// </summary>
    public static PabulibElection ToElection(BudgetRound round, IReadOnlyList<BudgetBallot> ballots)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(ballots);
        var accepted = round.Projects.Where(p => p.Status == BudgetProjectStatus.Accepted).ToList();
        var codes = accepted.ToDictionary(p => p.Id, p => p.Code);
        var meta = PabulibMeta.Entries(round.Budget, PabulibVoteType.Approval, round.Rules,
            [new(DescriptionKey, round.Name), new(UnitKey, round.Area)], round.WinnerRule);
        var projects = accepted.Select(p => new PabulibProject(p.Code, p.Cost, new Dictionary<string, string>
        {
            [NameColumn] = p.Name,
            [DescriptionColumn] = p.Description,
        })).ToList();
        var votes = ballots.Select(b => new PabulibBallot(
            b.VoterId,
            [.. b.Choices.OrderBy(c => c.Position).Select(c => codes[c.ProjectId])],
            null,
            new Dictionary<string, string>())).ToList();
        return new PabulibElection(
            meta,
            [PabulibElection.ProjectIdColumn, PabulibElection.CostColumn, NameColumn, DescriptionColumn],
            projects,
            [PabulibElection.VoterIdColumn, PabulibElection.VoteColumn],
            votes);
    }

    /// <summary>
    /// A new round from an approval or choose-1 election: every project accepted, the file's ballot bounds as the
    /// rules (a cost limit makes it a knapsack round, a count limit an approval round), the file's <c>rule</c> as the
    /// winner rule (greedy when it names none). With ballots the round is
    /// published and its rules locked; without, it is open for voting. <paramref name="text"/> locates errors.
    /// </summary>
    public static Conversion FromElection(PabulibElection election, string text, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(text);
        if (election.VoteType is not (PabulibVoteType.Approval or PabulibVoteType.ChooseOne))
        {
            return new(null, [], [new PabulibError(PabulibProblem.VoteTypeNotSupported, "META", LineOf(text, PabulibMeta.VoteTypeKey),
                2, "value", PabulibMeta.Name(election.VoteType))]);
        }

        var rules = election.Rules;
        var kind = rules.MaxCost is not null ? BudgetRuleKind.Knapsack
            : rules.MaxProjects is not null ? BudgetRuleKind.Approval
            : BudgetRuleKind.MinimumProjects;
        var round = new BudgetRound
        {
            Name = Clip(election.MetaValue(DescriptionKey) ?? election.MetaValue("instance") ?? "Pabulib", 200),
            Area = Clip(election.MetaValue(UnitKey) ?? election.MetaValue("district") ?? "", 200),
            Budget = election.Budget,
            CreatedAt = utcNow,
        };
        round.SetRules(kind, new BallotRules(rules.MinProjects, rules.MaxProjects, rules.MinCost, rules.MaxCost),
            election.Rule ?? WinnerRule.Greedy);
        foreach (var p in election.Projects)
        {
            var project = new BudgetProject
            {
                Code = p.Id,
                Name = Clip(string.IsNullOrWhiteSpace(p.Name) ? p.Id : p.Name, 200),
                Description = Clip(p.Fields.GetValueOrDefault(DescriptionColumn, ""), 4000),
                Cost = p.Cost,
            };
            project.Accept();
            round.Projects.Add(project);
        }

        if (election.Ballots.Count > 0)
        {
            round.Restore(BudgetPhase.Published, utcNow, utcNow);
        }
        else
        {
            round.Restore(BudgetPhase.Voting, null, null);
        }

        return new(round, [.. election.Ballots.Select(b => new ImportedBallot(b.VoterId, b.Projects))], []);
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];

    private static int LineOf(string text, string key)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart('\uFEFF', ' ', '"').StartsWith(key, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }
}
