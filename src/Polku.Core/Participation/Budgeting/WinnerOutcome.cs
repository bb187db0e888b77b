namespace Polku.Core.Participation.Budgeting;

/// <summary>A project as the winner rules see it: its id and cost, in the same unit as the budget.</summary>
public sealed record ElectionProject(string Id, decimal Cost);

/// <summary>How a funded project got its money; each has a text <c>Budget.FundedBy.{name}</c>.</summary>
public enum FundedBy
{
    /// <summary>By the greedy rule, in order of approvals.</summary>
    Greedy,

    /// <summary>By Equal Shares: its supporters paid for it from their shares.</summary>
    EqualShares,

    /// <summary>By the greedy completion of what Equal Shares left of the budget.</summary>
    GreedyCompletion,

    /// <summary>It costs nothing and someone approved it.</summary>
    NoCost,
}

/// <summary>Why an accepted project was not funded; each has a text <c>Budget.Unfunded.{name}</c>.</summary>
public enum UnfundedReason
{
    /// <summary>No ballot approved it.</summary>
    NoSupport,

    /// <summary>
    /// Equal Shares: what its supporters had left of their shares did not cover its cost (see
    /// <see cref="UnfundedProject.SupportersMoney"/>), although the budget had room for it.
    /// </summary>
    SupportersCannotAfford,

    /// <summary>Its cost was more than what was left of the budget.</summary>
    NoBudgetLeft,
}

/// <summary>The tie-break chain, in order; each has a text <c>Budget.TieBreak.{name}</c>.</summary>
public enum TieBreak
{
    MoreApprovals,
    LowerCost,
    ProjectId,
}

/// <summary><paramref name="Voters"/> supporters who each paid <paramref name="Payment"/> towards a project.</summary>
public sealed record SharePayment(long Voters, Fraction Payment)
{
    public Fraction Total => Payment * Voters;
}

/// <summary>
/// A funded project: its cost, approvals and how it was funded. For Equal Shares <see cref="MaxPayment"/> is the
/// most any supporter paid (ρ) and <see cref="Payments"/> how the cost was shared, largest payment first; the
/// payments add up to the cost exactly.
/// </summary>
public sealed record FundedProject(
    string Id, decimal Cost, long Approvals, FundedBy By, Fraction? MaxPayment, IReadOnlyList<SharePayment> Payments);

/// <summary>
/// A project not funded. <see cref="SupportersMoney"/> is what its supporters had left of their shares when Equal
/// Shares ended (null for greedy); <see cref="BudgetLeft"/> what was left of the real budget at the end.
/// </summary>
public sealed record UnfundedProject(
    string Id, decimal Cost, long Approvals, UnfundedReason Reason, Fraction? SupportersMoney, decimal BudgetLeft);

/// <summary>
/// Projects equally good when one had to be chosen; <see cref="Chosen"/> won by <see cref="By"/>. A tie is
/// <see cref="Decisive"/> when a tied project that lost it ended unfunded.
/// </summary>
public sealed record WinnerTie(IReadOnlyList<string> Tied, string Chosen, TieBreak By, bool Decisive);

/// <summary>
/// The winners of an election by a <see cref="WinnerRule"/>, with an explanation of every project. For Equal Shares
/// <see cref="VoterShare"/> is each voter's share of the money in the run that decided (the budget divided by the
/// voters, plus <see cref="Add1Steps"/> currency units with add1).
/// </summary>
public sealed record WinnerOutcome(
    WinnerRule Rule,
    decimal Budget,
    long Voters,
    IReadOnlyList<FundedProject> Funded,
    IReadOnlyList<UnfundedProject> Unfunded,
    IReadOnlyList<WinnerTie> Ties,
    Fraction? VoterShare,
    int Add1Steps,
    int Runs)
{
    /// <summary>The funded project ids in the order chosen.</summary>
    public IReadOnlyList<string> Winners => [.. Funded.Select(f => f.Id)];

    public decimal FundedCost => Funded.Sum(f => f.Cost);

    /// <summary>
    /// Where one voter's share went: for each Equal Shares project they approved, in the order funded, what they
    /// paid; and what they had left. Empty (and the whole share left) for a voter who approved none of them.
    /// </summary>
    public VoterShares SharesOf(IEnumerable<string> ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var approved = ballot.ToHashSet(StringComparer.Ordinal);
        var left = VoterShare ?? Fraction.Zero;
        var paid = new List<KeyValuePair<string, Fraction>>();
        foreach (var project in Funded)
        {
            if (project.By == FundedBy.EqualShares && project.MaxPayment is { } rho && approved.Contains(project.Id))
            {
                var payment = Fraction.Min(left, rho);
                paid.Add(new(project.Id, payment));
                left -= payment;
            }
        }

        return new VoterShares(VoterShare ?? Fraction.Zero, paid, left);
    }
}

/// <summary>One voter's share, what they paid to which project in the order funded, and what was left.</summary>
public sealed record VoterShares(Fraction Share, IReadOnlyList<KeyValuePair<string, Fraction>> Paid, Fraction Left);
