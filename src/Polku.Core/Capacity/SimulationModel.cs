namespace Polku.Core.Capacity;

/// <summary>
/// A queueing network of competence levels (SPEC §3.7, §5.3). Times are in days from the start of the run (day 0 is a
/// Monday). Statistics count only what happens after <see cref="WarmupDays"/>, or after the warm-up that MSER-5 finds
/// when <see cref="Warmup"/> is <see cref="WarmupMethod.Mser5"/>.
/// </summary>
public sealed record SimulationModel(
    double Days,
    double WarmupDays,
    int Replications,
    ulong Seed,
    IReadOnlyList<StationModel> Stations,
    IReadOnlyList<ArrivalModel> Arrivals,
    IReadOnlyList<RouteModel> Routing)
{
    public WarmupMethod Warmup { get; init; } = WarmupMethod.Fixed;

    /// <summary>When set, the result says per station how many replications would give a wait CI this narrow (days, half-width).</summary>
    public double? TargetHalfWidthDays { get; init; }

    public int StationIndex(string id)
    {
        for (var i = 0; i < Stations.Count; i++)
        {
            if (Stations[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}

public enum WarmupMethod
{
    Fixed,
    Mser5,
}

/// <summary>
/// One level of competence. <see cref="Capacity"/> is the most clients the station holds (in service and waiting);
/// a client arriving to a full station is lost. <see cref="PatienceDays"/> is the mean of an exponential patience:
/// a waiting client gives up when it runs out. Costs are euros per server-day available and per client-day waiting.
/// A <see cref="Schedule"/> replaces <see cref="Servers"/> by a cyclic calendar of server counts.
/// </summary>
public sealed record StationModel(string Id, int Servers, ServiceModel Service)
{
    public int? Capacity { get; init; }

    public double? PatienceDays { get; init; }

    public double CostPerServerDay { get; init; }

    public double CostPerWaitingDay { get; init; }

    public Calendar? Schedule { get; init; }

    /// <summary>Mean servers available over the run's cycle: the schedule's time average, or <see cref="Servers"/>.</summary>
    public double MeanServers => Schedule?.Mean ?? Servers;

    public int MaxServers => Schedule is { } s ? (int)s.Max : Servers;
}

public enum ServiceDistribution
{
    Exponential,
    Deterministic,
    Lognormal,
    Gamma,
    Empirical,
}

/// <summary>
/// A service-time distribution by its mean and coefficient of variation (standard deviation ÷ mean); an empirical one
/// draws uniformly from <see cref="SamplesDays"/> (and its mean is theirs).
/// </summary>
public sealed record ServiceModel(ServiceDistribution Distribution, double MeanDays)
{
    public double Cv { get; init; } = 1;

    public IReadOnlyList<double>? SamplesDays { get; init; }

    /// <summary>E[S²], which the Pollaczek–Khinchine formula needs.</summary>
    public double SecondMoment => Distribution switch
    {
        ServiceDistribution.Exponential => 2 * MeanDays * MeanDays,
        ServiceDistribution.Deterministic => MeanDays * MeanDays,
        ServiceDistribution.Empirical => SamplesDays!.Average(x => x * x),
        _ => MeanDays * MeanDays * (1 + Cv * Cv),
    };
}

/// <summary>
/// A stream of new clients to <see cref="Station"/>: a Poisson process of <see cref="PerDay"/> a day, or of a rate that
/// changes by <see cref="Calendar"/> and by weekday multipliers (index 0 = Monday). Lower <see cref="Priority"/> is
/// served first; the client keeps it along the chain.
/// </summary>
public sealed record ArrivalModel(string Station, double PerDay)
{
    public int Priority { get; init; }

    public Calendar? Calendar { get; init; }

    public IReadOnlyList<double>? ByWeekday { get; init; }

    /// <summary>The long-run mean rate a day.</summary>
    public double MeanPerDay => (Calendar?.Mean ?? PerDay) * (ByWeekday is { } w ? w.Average() : 1);

    public double MaxPerDay => (Calendar?.Max ?? PerDay) * (ByWeekday is { } w ? w.Max() : 1);

    /// <summary>The rate at day <paramref name="t"/>.</summary>
    public double RateAt(double t)
    {
        var rate = Calendar is { } c ? c.ValueAt(t) : PerDay;
        if (ByWeekday is { } w)
        {
            rate *= w[(int)(Math.Floor(t) % 7)];
        }

        return rate;
    }
}

public sealed record RouteModel(string From, string To, double Probability);

/// <summary>
/// A piecewise-constant value in time (PathSimR-style): each step holds from its <c>FromDay</c> until the next step.
/// With <see cref="CycleDays"/> the steps repeat (a day of opening hours, a week, a year of seasons); without it the last
/// step holds to the end. The first step starts at day 0.
/// </summary>
public sealed record Calendar(IReadOnlyList<CalendarStep> Steps, double? CycleDays)
{
    public double Max => Steps.Max(s => s.Value);

    /// <summary>The long-run time average: over one cycle, or the last step's value when the steps do not repeat.</summary>
    public double Mean
    {
        get
        {
            if (CycleDays is not { } cycle)
            {
                return Steps[^1].Value;
            }

            var sum = 0.0;
            for (var i = 0; i < Steps.Count; i++)
            {
                var to = i + 1 < Steps.Count ? Steps[i + 1].FromDay : cycle;
                sum += Steps[i].Value * (to - Steps[i].FromDay);
            }

            return sum / cycle;
        }
    }

    public double ValueAt(double t) => Steps[IndexAt(t)].Value;

    public int IndexAt(double t)
    {
        var local = CycleDays is { } c ? t - Math.Floor(t / c) * c : t;
        var index = 0;
        while (index + 1 < Steps.Count && Steps[index + 1].FromDay <= local)
        {
            index++;
        }

        return index;
    }

    /// <summary>The first time after <paramref name="t"/> at which a step starts, and that step's index; +∞ when none does.</summary>
    public (double At, int Index) NextChangeAfter(double t)
    {
        var cycle = CycleDays ?? double.PositiveInfinity;
        var start = double.IsInfinity(cycle) ? 0 : Math.Floor(t / cycle) * cycle;
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < Steps.Count; i++)
            {
                var at = start + Steps[i].FromDay;
                if (at > t)
                {
                    return (at, i);
                }
            }

            if (double.IsInfinity(cycle))
            {
                break;
            }

            start += cycle;
        }

        return (double.PositiveInfinity, -1);
    }
}

public sealed record CalendarStep(double FromDay, double Value);
