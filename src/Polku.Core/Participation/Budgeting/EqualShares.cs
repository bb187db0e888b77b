namespace Polku.Core.Participation.Budgeting;

/// <summary>
/// The Method of Equal Shares for approval ballots with cost utilities (Peters, Pierczyński &amp; Skowron; the
/// variant of equalshares.net and pabutools' <c>method_of_equal_shares</c> with <c>Cost_Sat</c>), in exact rational
/// arithmetic.
/// <para>
/// Every voter gets an equal share of the money. A project is affordable when its supporters' remaining money covers
/// its cost. Its price per supporter ρ is the equal payment that covers the cost when supporters who have less than ρ
/// pay all they have. With cost utilities each supporter's utility is the project's cost, so the project chosen in
/// each step is the affordable one with the least ρ / cost (the least paid per unit of utility). Ties are broken by
/// more approvals, then lower cost, then project id in ordinal order, and reported. Equal Shares stops when no
/// project is affordable.
/// </para>
/// <para>
/// With add1 the share of each voter is raised by one currency unit at a time (the budget plus the number of voters)
/// as long as the outcome still fits the real budget, and the last outcome that fits is kept (as the cities that use
/// add1 compute it, and as reproduces Wieliczka 2023). The search does not stop early at an outcome that leaves no
/// room for another project, as pabutools' <c>voter_budget_increment</c> does: a larger share can still change which
/// projects win (in Wieliczka it does). It stops when every approved project is funded.
/// </para>
/// </summary>
public static class EqualShares
{
    /// <summary>The winners of an election by <paramref name="rule"/>, with explanations.</summary>
    /// <param name="projects">The projects (ids unique, costs not negative).</param>
    /// <param name="ballots">Each voter's approved project ids (each must name a project).</param>
    /// <param name="budget">The money to distribute, in the unit of the costs.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="skipEqualRuns">
    /// With add1, skip the share values where the outcome provably cannot change (see <see cref="EqualSharesRun"/>);
    /// <c>false</c> runs Equal Shares for every step, as the reference implementations do.
    /// </param>
    /// <exception cref="ArgumentException">Project ids repeat, a cost or the budget is negative, or a ballot names an unknown project.</exception>
    public static WinnerOutcome Choose(
        IReadOnlyList<ElectionProject> projects, IEnumerable<IReadOnlyList<string>> ballots, decimal budget, WinnerRule rule,
        bool skipEqualRuns = true)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        var election = ElectionData.From(projects, ballots);
        return rule == WinnerRule.Greedy ? GreedyOutcome(election, budget) : MesOutcome(election, budget, rule, skipEqualRuns);
    }

    private static WinnerOutcome GreedyOutcome(ElectionData e, decimal budget)
    {
        var winners = GreedyWinners.Select(
            Enumerable.Range(0, e.Count).Select(p => new ProjectSupport(e.Ids[p], e.Costs[p], e.Approvals[p])), budget);
        var funded = winners.Select(id => e.Index[id]).ToList();
        var left = budget - funded.Sum(p => e.Costs[p]);
        var fundedSet = funded.ToHashSet();
        return new WinnerOutcome(
            WinnerRule.Greedy, budget, e.Voters,
            [.. funded.Select(p => new FundedProject(e.Ids[p], e.Costs[p], e.Approvals[p], FundedBy.Greedy, null, []))],
            Unfunded(e, fundedSet, left, null),
            [], null, 0, 1);
    }

    private static WinnerOutcome MesOutcome(ElectionData e, decimal budget, WinnerRule rule, bool skipEqualRuns)
    {
        if (e.Voters == 0)
        {
            return new WinnerOutcome(rule, budget, 0, [], Unfunded(e, [], budget, null), [], null, 0, 0);
        }

        var baseShare = Fraction.FromDecimal(budget) / e.Voters;
        var units = MoneyUnits.Of(e, budget);
        var add1 = rule is WinnerRule.EqualSharesAdd1 or WinnerRule.EqualSharesAdd1Greedy;
        var track = add1 && skipEqualRuns;
        var runs = 0;
        long step = 0;
        EqualSharesRun? previous = null;
        long previousStep = 0;
        long nextTracked = 0;
        long backOff = 1;
        EqualSharesRun chosen;
        while (true)
        {
            var tracked = track && step >= nextTracked;
            var run = EqualSharesRun.Run(e, units, baseShare, step, tracked);
            runs++;
            if (!add1)
            {
                chosen = run;
                break;
            }

            var spent = e.CostOf(run.Winners);
            if (spent > budget)
            {
                // Equal Shares at the real share never spends more than the budget, so a previous run exists.
                chosen = previous ?? throw new InvalidOperationException("Equal Shares overspent at the real share.");
                if (previousStep != chosen.Step)
                {
                    // The same decisions as the run kept, at the last step it stands for: its payments at that share.
                    chosen = EqualSharesRun.Run(e, units, baseShare, previousStep, false);
                    runs++;
                }

                break;
            }

            if (run.Winners.Count == e.Fundable)
            {
                // Every approved project is funded: a larger share cannot change the outcome.
                chosen = run;
                break;
            }

            if (tracked)
            {
                // Tracking costs about four plain runs; where the decisions change at nearly every step (Wieliczka)
                // it is tried again only after a growing number of plain steps. Plain steps are never wrong.
                if (run.StableUpTo - step < 4)
                {
                    nextTracked = step + backOff;
                    backOff *= 2;
                }
                else
                {
                    backOff = 1;
                }
            }

            previous = run;
            previousStep = run.StableUpTo;
            step = previousStep + 1;
        }

        var fundedList = new List<FundedProject>();
        var fundedSet = new HashSet<int>();
        foreach (var (p, rho, payments) in chosen.Funded())
        {
            fundedSet.Add(p);
            fundedList.Add(new FundedProject(e.Ids[p], e.Costs[p], e.Approvals[p],
                e.Costs[p] == 0 ? FundedBy.NoCost : FundedBy.EqualShares, e.Costs[p] == 0 ? null : rho, payments));
        }

        var left = budget - fundedList.Sum(f => f.Cost);
        if (rule == WinnerRule.EqualSharesAdd1Greedy)
        {
            foreach (var p in Enumerable.Range(0, e.Count)
                         .Where(p => !fundedSet.Contains(p) && e.Approvals[p] > 0)
                         .OrderByDescending(p => e.Approvals[p]).ThenBy(p => e.Costs[p]).ThenBy(p => e.Ids[p], StringComparer.Ordinal))
            {
                if (e.Costs[p] <= left)
                {
                    fundedSet.Add(p);
                    left -= e.Costs[p];
                    fundedList.Add(new FundedProject(e.Ids[p], e.Costs[p], e.Approvals[p], FundedBy.GreedyCompletion, null, []));
                }
            }
        }

        var money = chosen.SupportersMoney();
        var ties = chosen.Ties.Select(t => t with { Decisive = t.Tied.Any(id => !fundedSet.Contains(e.Index[id])) }).ToList();
        return new WinnerOutcome(rule, budget, e.Voters, fundedList, Unfunded(e, fundedSet, left, money), ties,
            chosen.Share, (int)chosen.Step, runs);
    }

    private static List<UnfundedProject> Unfunded(ElectionData e, HashSet<int> funded, decimal left, Fraction[]? money) =>
        [.. Enumerable.Range(0, e.Count)
            .Where(p => !funded.Contains(p))
            .OrderByDescending(p => e.Approvals[p]).ThenBy(p => e.Costs[p]).ThenBy(p => e.Ids[p], StringComparer.Ordinal)
            .Select(p => new UnfundedProject(e.Ids[p], e.Costs[p], e.Approvals[p],
                e.Approvals[p] == 0 ? UnfundedReason.NoSupport
                : e.Costs[p] > left ? UnfundedReason.NoBudgetLeft
                : UnfundedReason.SupportersCannotAfford,
                money?[p], left))];
}
