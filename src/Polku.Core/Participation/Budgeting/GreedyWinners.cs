namespace Polku.Core.Participation.Budgeting;

/// <summary>A project's cost and its support (approvals, or points for cumulative ballots).</summary>
public sealed record ProjectSupport(string Id, decimal Cost, decimal Votes);

/// <summary>The greedy rule used by most participatory-budgeting cities, Pabulib's <c>greedy</c>.</summary>
public static class GreedyWinners
{
    /// <summary>
    /// The projects funded by the greedy rule, in the order they were chosen. Projects are taken in descending order
    /// of <see cref="ProjectSupport.Votes"/>; ties are broken by the lower cost first, then by the project id in
    /// ordinal (culture-independent, case-sensitive) order. Each project is funded when its cost fits in what is left
    /// of <paramref name="budget"/> (a project costing exactly the remainder fits); a project that does not fit is
    /// skipped and cheaper, less supported projects after it may still be funded. Projects with no support are never
    /// funded.
    /// </summary>
    /// <exception cref="ArgumentException">Two projects share an id, or a cost or the budget is negative.</exception>
    public static IReadOnlyList<string> Select(IEnumerable<ProjectSupport> projects, decimal budget)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        var list = projects.ToList();
        if (list.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new ArgumentException("Project ids must be unique.", nameof(projects));
        }

        if (list.Any(p => p.Cost < 0))
        {
            throw new ArgumentException("Project costs must not be negative.", nameof(projects));
        }

        var remaining = budget;
        var winners = new List<string>();
        foreach (var project in list
                     .Where(p => p.Votes > 0)
                     .OrderByDescending(p => p.Votes)
                     .ThenBy(p => p.Cost)
                     .ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            if (project.Cost <= remaining)
            {
                winners.Add(project.Id);
                remaining -= project.Cost;
            }
        }

        return winners;
    }
}
