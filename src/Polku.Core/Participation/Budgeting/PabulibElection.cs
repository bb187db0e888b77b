using System.Globalization;

namespace Polku.Core.Participation.Budgeting;

/// <summary>How voters fill in their ballots (Pabulib <c>vote_type</c>).</summary>
public enum PabulibVoteType
{
    /// <summary><c>approval</c>: a set of approved projects.</summary>
    Approval,

    /// <summary><c>choose-1</c>: a single approved project.</summary>
    ChooseOne,

    /// <summary><c>ordinal</c>: projects ranked, best first.</summary>
    Ordinal,

    /// <summary><c>cumulative</c>: points spread over projects (the <c>points</c> column).</summary>
    Cumulative,

    /// <summary><c>scoring</c>: a score per project (the <c>points</c> column).</summary>
    Scoring,
}

/// <summary>
/// One participatory-budgeting election in the Pabulib universal format (<c>.pb</c>): the META key–value pairs in
/// file order, the PROJECTS and VOTES sections with their columns in file order. Columns the model does not interpret
/// (name, category, votes, selected, age, sex, voting_method, …) are kept as text in each row's
/// <see cref="PabulibProject.Fields"/> and <see cref="PabulibBallot.Fields"/>, so writing the election back keeps
/// every column. Two elections are equal when all of this is equal.
/// </summary>
public sealed class PabulibElection : IEquatable<PabulibElection>
{
    public const string ProjectIdColumn = "project_id";
    public const string CostColumn = "cost";
    public const string VoterIdColumn = "voter_id";
    public const string VoteColumn = "vote";
    public const string PointsColumn = "points";

    /// <exception cref="ArgumentException">
    /// The META section lacks a numeric <c>budget</c> or a known <c>vote_type</c>, its ballot rules are inconsistent,
    /// the column lists lack a required column, project ids repeat or a ballot names an unknown project.
    /// <see cref="PabulibReader"/> reports these as errors instead. Build META for new elections with
    /// <see cref="PabulibMeta.Entries"/>.
    /// </exception>
    public PabulibElection(
        IReadOnlyList<KeyValuePair<string, string>> meta,
        IReadOnlyList<string> projectColumns,
        IReadOnlyList<PabulibProject> projects,
        IReadOnlyList<string> voteColumns,
        IReadOnlyList<PabulibBallot> ballots)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(projectColumns);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(voteColumns);
        ArgumentNullException.ThrowIfNull(ballots);
        Meta = [.. meta];
        ProjectColumns = [.. projectColumns];
        Projects = [.. projects];
        VoteColumns = [.. voteColumns];
        Ballots = [.. ballots];

        if (!ProjectColumns.Contains(ProjectIdColumn) || !ProjectColumns.Contains(CostColumn))
        {
            throw new ArgumentException("PROJECTS needs the columns project_id and cost.", nameof(projectColumns));
        }

        if (!VoteColumns.Contains(VoterIdColumn) || !VoteColumns.Contains(VoteColumn))
        {
            throw new ArgumentException("VOTES needs the columns voter_id and vote.", nameof(voteColumns));
        }

        var ids = Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.Count != Projects.Count)
        {
            throw new ArgumentException("Project ids must be unique.", nameof(projects));
        }

        if (Ballots.Any(b => b.Projects.Any(id => !ids.Contains(id))))
        {
            throw new ArgumentException("A ballot names a project that is not in the election.", nameof(ballots));
        }

        Budget = PabulibMeta.Number(MetaValue(PabulibMeta.Budget))
            ?? throw new ArgumentException("META needs a numeric budget.", nameof(meta));
        VoteType = PabulibMeta.VoteType(MetaValue(PabulibMeta.VoteTypeKey))
            ?? throw new ArgumentException("META needs a known vote_type.", nameof(meta));
        Rules = PabulibMeta.Rules(this, out var problem)
            ?? throw new ArgumentException($"META has an invalid ballot rule ({problem}).", nameof(meta));
    }

    public IReadOnlyList<KeyValuePair<string, string>> Meta { get; }
    public IReadOnlyList<string> ProjectColumns { get; }
    public IReadOnlyList<PabulibProject> Projects { get; }
    public IReadOnlyList<string> VoteColumns { get; }
    public IReadOnlyList<PabulibBallot> Ballots { get; }

    /// <summary>The money to distribute (META <c>budget</c>), in the same unit as the project costs.</summary>
    public decimal Budget { get; }

    public PabulibVoteType VoteType { get; }

    /// <summary>The ballot rules from META (<c>min_length</c>, <c>max_length</c>, <c>min_sum_cost</c>, …).</summary>
    public BallotRules Rules { get; }

    /// <summary>The value of a META key, or <c>null</c> when the file does not have it.</summary>
    public string? MetaValue(string key)
    {
        foreach (var (k, v) in Meta)
        {
            if (k == key)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>
    /// Each project's support counted from the ballots (never from the <c>votes</c> column): the number of ballots
    /// that name it, or for cumulative and scoring ballots the sum of the points it was given.
    /// </summary>
    public IReadOnlyList<ProjectSupport> Support()
    {
        var support = Projects.ToDictionary(p => p.Id, _ => 0m, StringComparer.Ordinal);
        var usePoints = VoteType is PabulibVoteType.Cumulative or PabulibVoteType.Scoring;
        foreach (var ballot in Ballots)
        {
            for (var i = 0; i < ballot.Projects.Count; i++)
            {
                support[ballot.Projects[i]] += usePoints && ballot.Points is { } points ? points[i] : 1m;
            }
        }

        return [.. Projects.Select(p => new ProjectSupport(p.Id, p.Cost, support[p.Id]))];
    }

    /// <summary>The projects to fund by <see cref="GreedyWinners"/> from the counted <see cref="Support"/>.</summary>
    public IReadOnlyList<string> Winners() => GreedyWinners.Select(Support(), Budget);

    /// <summary>
    /// The rule the META <c>rule</c> field names, or <c>null</c> when it names none (missing or <c>unknown</c>) or
    /// names one Polku does not implement (<see cref="PabulibReader"/> refuses such a file).
    /// </summary>
    public WinnerRule? Rule => WinnerRules.FromPabulib(MetaValue(WinnerRules.MetaKey), out _);

    /// <summary>
    /// The winners by <paramref name="rule"/> with their explanation, counted from the ballots of an approval or
    /// choose-1 election (<see cref="Winners"/> also counts points).
    /// </summary>
    /// <exception cref="InvalidOperationException">Ordinal, cumulative or scoring ballots.</exception>
    public WinnerOutcome Outcome(WinnerRule rule, bool skipEqualRuns = true)
    {
        if (VoteType is not (PabulibVoteType.Approval or PabulibVoteType.ChooseOne))
        {
            throw new InvalidOperationException("Explained outcomes are counted from approval ballots only.");
        }

        return EqualShares.Choose([.. Projects.Select(p => new ElectionProject(p.Id, p.Cost))], Ballots.Select(b => b.Projects), Budget, rule, skipEqualRuns);
    }

    public bool Equals(PabulibElection? other) =>
        other is not null
        && Meta.SequenceEqual(other.Meta)
        && ProjectColumns.SequenceEqual(other.ProjectColumns)
        && Projects.SequenceEqual(other.Projects)
        && VoteColumns.SequenceEqual(other.VoteColumns)
        && Ballots.SequenceEqual(other.Ballots);

    public override bool Equals(object? obj) => Equals(obj as PabulibElection);

    public override int GetHashCode() => HashCode.Combine(Meta.Count, Projects.Count, Ballots.Count, Budget);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Pabulib election: {Projects.Count} projects, {Ballots.Count} ballots, budget {Budget}");
}

/// <summary>
/// A project row. <paramref name="Fields"/> holds every other column of the row by column name, as text
/// (an empty cell is an empty string).
/// </summary>
public sealed record PabulibProject(string Id, decimal Cost, IReadOnlyDictionary<string, string> Fields)
{
    public string? Name => Fields.GetValueOrDefault("name");

    /// <summary>The <c>selected</c> column: <c>true</c> for 1, <c>false</c> for 0, <c>null</c> when absent or other.</summary>
    public bool? Selected => Fields.GetValueOrDefault("selected")?.Trim() switch
    {
        "1" => true,
        "0" => false,
        _ => null,
    };

    public bool Equals(PabulibProject? other) =>
        other is not null && Id == other.Id && Cost == other.Cost && PabulibFields.Equal(Fields, other.Fields);

    public override int GetHashCode() => HashCode.Combine(Id, Cost);
}

/// <summary>
/// A ballot row: the voter, the chosen projects in the order written (the ranking for ordinal ballots), the points
/// per chosen project for cumulative and scoring ballots (<c>null</c> when the file has no <c>points</c> column),
/// and every other column by name as text.
/// </summary>
public sealed record PabulibBallot(
    string VoterId,
    IReadOnlyList<string> Projects,
    IReadOnlyList<decimal>? Points,
    IReadOnlyDictionary<string, string> Fields)
{
    public bool Equals(PabulibBallot? other) =>
        other is not null
        && VoterId == other.VoterId
        && Projects.SequenceEqual(other.Projects)
        && (Points is null ? other.Points is null : other.Points is not null && Points.SequenceEqual(other.Points))
        && PabulibFields.Equal(Fields, other.Fields);

    public override int GetHashCode() => HashCode.Combine(VoterId, Projects.Count);
}

internal static class PabulibFields
{
    public static bool Equal(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
