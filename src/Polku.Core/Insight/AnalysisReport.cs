namespace Polku.Core.Insight;

/// <summary>
/// The analysis of a register extract, SPEC §5.2. Money in euros; shares are fractions 0–1. A null share means the
/// total cost is 0; a null figure in a by-level, by-channel or wait entry means it was withheld (small-cell
/// protection, listed in <see cref="Suppressed"/>).
/// </summary>
public sealed record AnalysisReport(
    int Persons,
    int Events,
    double TotalCostEur,
    TopShares TopShare,
    double? Gini,
    IReadOnlyList<LorenzPoint> Lorenz,
    IReadOnlyList<LevelFigures> ByLevel,
    IReadOnlyList<ChannelFigures> ByChannel,
    ReferralFigures Referrals,
    HeavyUserFigures HeavyUsers,
    IReadOnlyList<string> Suppressed);

/// <summary>The cost share of the top ⌈p·N⌉ persons for p = 1 %, 5 %, 10 %, 20 %.</summary>
public sealed record TopShares(double? P1, double? P5, double? P10, double? P20);

/// <summary>A point of the Lorenz curve: the lowest-cost fraction <see cref="X"/> of persons caused <see cref="Share"/> of costs.</summary>
public sealed record LorenzPoint(double X, double? Share);

public sealed record LevelFigures(ServiceLevel Level, int? Persons, long? Events, double? CostEur);

public sealed record ChannelFigures(Channel Channel, long? Events, double? Share);

/// <summary>Median of (referred-to event start − referring event start) in days, keyed by the referred-to event's level.</summary>
public sealed record LevelWait(ServiceLevel Level, double? MedianDays);

public sealed record ReferralFigures(long Count, long Returned, int PersonsWithReturned, IReadOnlyList<LevelWait> MedianWaitDays);

/// <summary>
/// The top ⌈0.1·N⌉ persons by total cost (<see cref="Count"/> of them) compared with the rest. A mean is null when
/// its group is empty.
/// </summary>
public sealed record HeavyUserFigures(
    int Count,
    double ShareOfPersons,
    double? MeanDistinctLevels,
    double? MeanDistinctProviders,
    double? RestMeanDistinctLevels,
    double? RestMeanDistinctProviders);
