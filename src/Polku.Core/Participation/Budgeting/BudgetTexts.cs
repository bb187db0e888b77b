using System.Globalization;
using Polku.Core.Localisation;

namespace Polku.Core.Participation.Budgeting;

/// <summary>Texts for budgeting values shown to people.</summary>
public static class BudgetTexts
{
    /// <summary>A number for people: thousands grouped, at most two decimals.</summary>
    public static string Amount(decimal value, CultureInfo culture) => value.ToString("#,0.##", culture);

    /// <summary>A broken rule as a sentence: the rule, its limit and what the ballot had.</summary>
    public static string Violation(BallotRuleViolation violation, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(violation);
        culture ??= CultureInfo.CurrentUICulture;
        return string.Format(culture, TextsResource.Get("Budget.Rule." + violation.Rule, culture),
            Amount(violation.Limit, culture), Amount(violation.Actual, culture));
    }

    /// <summary>The rules of a round as a list of short phrases ("1–3 projects", "cost at most 1 000", …).</summary>
    public static IReadOnlyList<string> Describe(BallotRules rules, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        culture ??= CultureInfo.CurrentUICulture;
        string Text(string key, params object?[] values) =>
            string.Format(culture, TextsResource.Get("Budget.Rules." + key, culture), values);

        var parts = new List<string>();
        if (rules.MinProjects > 0 && rules.MaxProjects is { } bothMax)
        {
            parts.Add(Text("ProjectsBetween", rules.MinProjects, bothMax));
        }
        else if (rules.MinProjects > 0)
        {
            parts.Add(Text("MinProjects", rules.MinProjects));
        }
        else if (rules.MaxProjects is { } max)
        {
            parts.Add(Text("MaxProjects", max));
        }

        if (rules.MinCost > 0)
        {
            parts.Add(Text("MinCost", Amount(rules.MinCost, culture)));
        }

        if (rules.MaxCost is { } maxCost)
        {
            parts.Add(Text("MaxCost", Amount(maxCost, culture)));
        }

        if (rules.MinPoints is { } minPoints)
        {
            parts.Add(Text("MinPoints", Amount(minPoints, culture)));
        }

        if (rules.MaxPoints is { } maxPoints)
        {
            parts.Add(Text("MaxPoints", Amount(maxPoints, culture)));
        }

        if (rules.MinTotalPoints is { } minTotal)
        {
            parts.Add(Text("MinTotalPoints", Amount(minTotal, culture)));
        }

        if (rules.MaxTotalPoints is { } maxTotal)
        {
            parts.Add(Text("MaxTotalPoints", Amount(maxTotal, culture)));
        }

        if (parts.Count == 0)
        {
            parts.Add(Text("None"));
        }

        return parts;
    }

    /// <summary>A winner rule's name for people.</summary>
    public static string RuleName(WinnerRule rule, CultureInfo? culture = null) =>
        TextsResource.Get("Budget.WinnerRule." + rule, culture ?? CultureInfo.CurrentUICulture);

    /// <summary>An exact amount for people, rounded to cents.</summary>
    public static string Amount(Fraction value, CultureInfo culture) => Amount(value.ToDecimal(2), culture);

    /// <summary>
    /// An outcome explained line by line: the rule and the share per voter; each funded project with how its cost was
    /// shared; each unfunded project with why; the ties and which were decisive.
    /// </summary>
    public static IReadOnlyList<string> Explain(WinnerOutcome outcome, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        culture ??= CultureInfo.CurrentUICulture;
        string Text(string key, params object?[] values) =>
            string.Format(culture, TextsResource.Get("Budget.Explain." + key, culture), values);

        var lines = new List<string> { Text("Rule", RuleName(outcome.Rule, culture), Amount(outcome.Budget, culture), outcome.Voters) };
        if (outcome.VoterShare is { } share)
        {
            lines.Add(Text("Share", Amount(share, culture), outcome.Add1Steps));
        }

        lines.Add(Text("Funded", outcome.Funded.Count, Amount(outcome.FundedCost, culture)));
        foreach (var project in outcome.Funded)
        {
            var how = project.By == FundedBy.EqualShares
                ? string.Join(" + ", project.Payments.Select(p => Text("Payment", p.Voters, Amount(p.Payment, culture))))
                : TextsResource.Get("Budget.FundedBy." + project.By, culture);
            lines.Add("  " + Text("FundedProject", project.Id, Amount(project.Cost, culture), project.Approvals, how));
        }

        lines.Add(Text("Unfunded", outcome.Unfunded.Count));
        foreach (var project in outcome.Unfunded)
        {
            var why = string.Format(culture, TextsResource.Get("Budget.Unfunded." + project.Reason, culture),
                project.SupportersMoney is { } money ? Amount(money, culture) : "", Amount(project.BudgetLeft, culture));
            lines.Add("  " + Text("UnfundedProject", project.Id, Amount(project.Cost, culture), project.Approvals, why));
        }

        foreach (var tie in outcome.Ties)
        {
            lines.Add(Text(tie.Decisive ? "DecisiveTie" : "Tie", string.Join(", ", tie.Tied), tie.Chosen,
                TextsResource.Get("Budget.TieBreak." + tie.By, culture)));
        }

        return lines;
    }
}
