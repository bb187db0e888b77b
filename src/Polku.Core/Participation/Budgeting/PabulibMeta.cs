using System.Globalization;

namespace Polku.Core.Participation.Budgeting;

/// <summary>The META keys Polku interprets, and how their text values are read.</summary>
public static class PabulibMeta
{
    public const string Budget = "budget";
    public const string NumProjects = "num_projects";
    public const string NumVotes = "num_votes";
    public const string VoteTypeKey = "vote_type";
    public const string MinLength = "min_length";
    public const string MaxLength = "max_length";
    public const string MinSumCost = "min_sum_cost";
    public const string MaxSumCost = "max_sum_cost";
    public const string MinPoints = "min_points";
    public const string MaxPoints = "max_points";
    public const string MinSumPoints = "min_sum_points";
    public const string MaxSumPoints = "max_sum_points";

    /// <summary>
    /// A number as Pabulib files write it: invariant digits with <c>.</c> or, as some cities export, <c>,</c> as the
    /// decimal point; no thousands separators. <c>null</c> when the text is not such a number.
    /// </summary>
    public static decimal? Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalised = text.Trim();
        if (normalised.Contains(',', StringComparison.Ordinal) && !normalised.Contains('.', StringComparison.Ordinal))
        {
            normalised = normalised.Replace(',', '.');
        }

        return decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A number written back in the invariant form <see cref="Number"/> reads.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Pabulib name of a vote type (<c>approval</c>, <c>choose-1</c>, …).</summary>
    public static string Name(PabulibVoteType voteType) => voteType switch
    {
        PabulibVoteType.Approval => "approval",
        PabulibVoteType.ChooseOne => "choose-1",
        PabulibVoteType.Ordinal => "ordinal",
        PabulibVoteType.Cumulative => "cumulative",
        PabulibVoteType.Scoring => "scoring",
        _ => throw new ArgumentOutOfRangeException(nameof(voteType)),
    };

    /// <summary>
    /// META entries for a new election (e.g. a Polku budgeting round being exported): <c>budget</c>,
    /// <c>vote_type</c>, <c>rule</c> (<paramref name="winnerRule"/> as Pabulib spells it) and the keys of every bound <paramref name="rules"/> sets,
    /// followed by <paramref name="other"/> (description, country, unit, instance, …) in the order given.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Entries(
        decimal budget, PabulibVoteType voteType, BallotRules rules, IEnumerable<KeyValuePair<string, string>>? other = null,
        WinnerRule winnerRule = WinnerRule.Greedy)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var entries = new List<KeyValuePair<string, string>>
        {
            new(Budget, Format(budget)),
            new(VoteTypeKey, Name(voteType)),
            new(WinnerRules.MetaKey, WinnerRules.PabulibName(winnerRule)),
        };
        void Add(string key, decimal? value)
        {
            if (value is { } v)
            {
                entries.Add(new(key, Format(v)));
            }
        }

        Add(MinLength, rules.MinProjects > 0 ? rules.MinProjects : null);
        Add(MaxLength, rules.MaxProjects);
        Add(MinSumCost, rules.MinCost > 0 ? rules.MinCost : null);
        Add(MaxSumCost, rules.MaxCost);
        Add(MinPoints, rules.MinPoints);
        Add(MaxPoints, rules.MaxPoints);
        Add(MinSumPoints, rules.MinTotalPoints);
        Add(MaxSumPoints, rules.MaxTotalPoints);
        entries.AddRange(other ?? []);
        return entries;
    }

    public static PabulibVoteType? VoteType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "approval" => PabulibVoteType.Approval,
        "choose-1" => PabulibVoteType.ChooseOne,
        "ordinal" => PabulibVoteType.Ordinal,
        "cumulative" => PabulibVoteType.Cumulative,
        "scoring" => PabulibVoteType.Scoring,
        _ => null,
    };

    /// <summary>
    /// The ballot rules in an election's META, or <c>null</c> with the key at fault in <paramref name="badKey"/>
    /// (a non-numeric value, or a lower bound above its upper bound). A <c>choose-1</c> election allows one project.
    /// </summary>
    public static BallotRules? Rules(PabulibElection election, out string? badKey)
    {
        ArgumentNullException.ThrowIfNull(election);
        return Rules(election.MetaValue, VoteType(election.MetaValue(VoteTypeKey)), out badKey);
    }

    internal static BallotRules? Rules(Func<string, string?> meta, PabulibVoteType? voteType, out string? badKey)
    {
        badKey = null;
        decimal? Read(string key, ref string? bad)
        {
            var text = meta(key);
            if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var value = Number(text);
            if (value is null)
            {
                bad ??= key;
            }

            return value;
        }

        var minLength = Read(MinLength, ref badKey);
        var maxLength = Read(MaxLength, ref badKey);
        var minCost = Read(MinSumCost, ref badKey);
        var maxCost = Read(MaxSumCost, ref badKey);
        var minPoints = Read(MinPoints, ref badKey);
        var maxPoints = Read(MaxPoints, ref badKey);
        var minSumPoints = Read(MinSumPoints, ref badKey);
        var maxSumPoints = Read(MaxSumPoints, ref badKey);
        if (minLength is { } min && (min % 1 != 0 || min > int.MaxValue))
        {
            badKey ??= MinLength;
        }

        if (maxLength is { } max && (max % 1 != 0 || max > int.MaxValue))
        {
            badKey ??= MaxLength;
        }

        if (badKey is not null)
        {
            return null;
        }

        if (voteType == PabulibVoteType.ChooseOne)
        {
            maxLength ??= 1;
        }

        var rules = BallotRules.TryCreate(
            out var problem,
            minProjects: (int)(minLength ?? 0),
            maxProjects: (int?)maxLength,
            minCost: minCost ?? 0,
            maxCost: maxCost,
            minPoints: minPoints,
            maxPoints: maxPoints,
            minTotalPoints: minSumPoints,
            maxTotalPoints: maxSumPoints);
        badKey = problem switch
        {
            null => null,
            "minProjects" => MinLength,
            "maxProjects" => MaxLength,
            "minCost" => MinSumCost,
            "maxCost" => MaxSumCost,
            "minPoints" => MinPoints,
            "maxPoints" => MaxPoints,
            "minTotalPoints" => MinSumPoints,
            _ => MaxSumPoints,
        };
        return rules;
    }
}
