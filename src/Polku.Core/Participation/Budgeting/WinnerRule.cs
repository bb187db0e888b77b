namespace Polku.Core.Participation.Budgeting;

/// <summary>
/// How a round's winners are chosen from the ballots; chosen before voting starts and locked with the ballot rules.
/// Each has a text <c>Budget.WinnerRule.{name}</c>.
/// </summary>
public enum WinnerRule
{
    /// <summary>Most approvals first while the budget lasts (Pabulib <c>greedy</c>).</summary>
    Greedy,

    /// <summary>The Method of Equal Shares with cost utilities, no completion (Pabulib <c>equalshares</c>).</summary>
    EqualShares,

    /// <summary>
    /// Equal Shares completed by raising each voter's share by one currency unit at a time and keeping the last
    /// outcome that fits the real budget (Pabulib <c>equalshares/add1</c>; Wieliczka 2023, Aarau 2023).
    /// </summary>
    EqualSharesAdd1,

    /// <summary>
    /// <see cref="EqualSharesAdd1"/>, then what is left of the budget goes to the most approved remaining projects
    /// that fit. Pabulib has no name for it; Polku writes <c>equalshares/add1/greedy</c>.
    /// </summary>
    EqualSharesAdd1Greedy,
}

/// <summary>The Pabulib spelling of each <see cref="WinnerRule"/> (the META <c>rule</c> field).</summary>
public static class WinnerRules
{
    public const string MetaKey = "rule";

    public static string PabulibName(WinnerRule rule) => rule switch
    {
        WinnerRule.Greedy => "greedy",
        WinnerRule.EqualShares => "equalshares",
        WinnerRule.EqualSharesAdd1 => "equalshares/add1",
        WinnerRule.EqualSharesAdd1Greedy => "equalshares/add1/greedy",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>
    /// The rule a META <c>rule</c> value names. A missing or empty value and Pabulib's <c>unknown</c> name no rule
    /// (<paramref name="named"/> is false, the result <c>null</c>); any other value Polku does not implement is
    /// <c>null</c> with <paramref name="named"/> true.
    /// </summary>
    public static WinnerRule? FromPabulib(string? text, out bool named)
    {
        var value = text?.Trim().ToLowerInvariant();
        named = !string.IsNullOrEmpty(value) && value != "unknown";
        return value switch
        {
            "greedy" => WinnerRule.Greedy,
            "equalshares" => WinnerRule.EqualShares,
            "equalshares/add1" => WinnerRule.EqualSharesAdd1,
            "equalshares/add1/greedy" => WinnerRule.EqualSharesAdd1Greedy,
            _ => null,
        };
    }

    /// <summary>The rule a command-line value names: a Pabulib name, or <c>mes</c> (= add1) and <c>mes-greedy</c>.</summary>
    public static WinnerRule? FromOption(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "mes" => WinnerRule.EqualSharesAdd1,
        "mes-greedy" => WinnerRule.EqualSharesAdd1Greedy,
        "mes-plain" => WinnerRule.EqualShares,
        var other => FromPabulib(other, out _),
    };
}
