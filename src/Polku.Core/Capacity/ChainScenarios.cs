namespace Polku.Core.Capacity;

/// <summary>
/// The three-level chain a manager compares (universal → basic → specialist) and the scenarios of the family-centre
/// argument built from it: more capacity, production optimised (fewer servers, longer queues), resources moved to the
/// front with a stronger basic level, a stronger basic level without moving anyone, and seasonal demand met by a fixed
/// or by a flexible capacity. Every scenario keeps the same seed, so differences are the scenario's, not the dice's.
/// </summary>
public static class ChainScenarios
{
    public const string Baseline = "baseline";
    public const string MoreCapacity = "more-capacity";
    public const string ProductionOptimised = "production-optimised";
    public const string ResourcesToFront = "resources-to-front";
    public const string StrongerBasicOnly = "stronger-basic-only";
    public const string SeasonalFixed = "seasonal-fixed";
    public const string SeasonalFlexible = "seasonal-flexible";

    public static readonly string[] Levels = ["universal", "basic", "specialist"];

    /// <summary>How much longer a stronger basic-level visit takes, and what share of its onward referrals it saves.</summary>
    public const double StrongerBasicTime = 1.2;
    public const double StrongerBasicReferrals = 0.6;

    /// <summary>Seasonal demand: ±25 % for half of a 91-day cycle each.</summary>
    public const double SeasonSwing = 0.25;
    public const double SeasonDays = 91;

    public sealed record Scenario(string Key, SimulationModel Model);

    /// <summary>Servers moved from the quiet half of the season to the busy half (the mean stays, at least one stays on duty).</summary>
    private static int Shift(int servers) => Math.Min(servers - 1, (int)Math.Round(servers * SeasonSwing, MidpointRounding.AwayFromZero));

    public static IReadOnlyList<Scenario> Build(ChainInput input, double days = 1000, int replications = 10, ulong seed = 19)
    {
        SimulationModel Model(int[] servers, double[] means, double toSpecialist, ArrivalModel? arrival = null, Calendar?[]? schedules = null) =>
            new(days, days / 10, replications, seed,
                [.. Levels.Select((id, k) => new StationModel(id, servers[k], new ServiceModel(ServiceDistribution.Exponential, means[k]))
                {
                    CostPerServerDay = input.ServerCostPerDay[k],
                    CostPerWaitingDay = input.WaitingCostPerDay,
                    Schedule = schedules?[k],
                })],
                [arrival ?? new ArrivalModel(Levels[0], input.PerDay)],
                [new RouteModel(Levels[0], Levels[1], input.ToBasic), new RouteModel(Levels[1], Levels[2], toSpecialist)]);

        var s = input.Servers;
        var m = input.MeanDays;
        var stronger = new[] { m[0], m[1] * StrongerBasicTime, m[2] };
        var season = new Calendar([new CalendarStep(0, input.PerDay * (1 + SeasonSwing)), new CalendarStep(SeasonDays / 2, input.PerDay * (1 - SeasonSwing))], SeasonDays);
        var seasonal = new ArrivalModel(Levels[0], 0) { Calendar = season };
        var flexible = s.Select(n => (Calendar?)new Calendar(
            [new CalendarStep(0, n + Shift(n)), new CalendarStep(SeasonDays / 2, n - Shift(n))], SeasonDays)).ToArray();
        return
        [
            new(Baseline, Model(s, m, input.ToSpecialist)),
            new(MoreCapacity, Model([.. s.Select(n => n + 1)], m, input.ToSpecialist)),
            new(ProductionOptimised, Model([.. s.Select(n => Math.Max(1, n - 1))], m, input.ToSpecialist)),
            new(ResourcesToFront, Model([s[0], s[1] + 1, Math.Max(1, s[2] - 1)], stronger, input.ToSpecialist * StrongerBasicReferrals)),
            new(StrongerBasicOnly, Model(s, stronger, input.ToSpecialist * StrongerBasicReferrals)),
            new(SeasonalFixed, Model(s, m, input.ToSpecialist, seasonal)),
            new(SeasonalFlexible, Model(s, m, input.ToSpecialist, seasonal, flexible)),
        ];
    }
}

/// <summary>
/// The chain's figures: new clients a day at the universal level, servers and mean service days per level, the shares
/// referred onward (universal → basic, basic → specialist), euros per server-day per level and per client-day waiting.
/// </summary>
public sealed record ChainInput(
    double PerDay,
    int[] Servers,
    double[] MeanDays,
    double ToBasic,
    double ToSpecialist,
    double[] ServerCostPerDay,
    double WaitingCostPerDay)
{
    /// <summary>The chain of issue #19 with fictional costs.</summary>
    public static ChainInput Default { get; } = new(40, [6, 9, 6], [0.12, 0.6, 2.0], 0.3, 0.2, [300, 400, 600], 60);
}

/// <summary>
/// One scenario's outcome: per level the wait and utilisation; euros a day for servers and for waiting
/// (<see cref="ChainInput.WaitingCostPerDay"/> × mean queue length), the total with its 95 % interval, and the mean
/// total wait of one new client along the chain (Σ λₖ·Wₖ / λ₀). <see cref="Loads"/> are the traffic equations' ρ; a
/// scenario with some ρ ≥ 1 is not simulated (<see cref="Result"/> is null), its queue growing without bound.
/// </summary>
public sealed record ScenarioOutcome(string Key, double[] Loads, SimulationResult? Result, double ServerCostPerDay, double WaitingCostPerDay, double WaitPerClientDays)
{
    public bool Unstable => Result is null;

    public static IReadOnlyList<ScenarioOutcome> Compare(ChainInput input, double days = 1000, int replications = 10)
    {
        var outcomes = new List<ScenarioOutcome>();
        foreach (var scenario in ChainScenarios.Build(input, days, replications))
        {
            var loads = Traffic.Loads(scenario.Model)!;
            if (loads.Any(l => l >= 1))
            {
                outcomes.Add(new ScenarioOutcome(scenario.Key, loads, null, double.NaN, double.NaN, double.NaN));
                continue;
            }

            var result = Simulator.Run(scenario.Model);
            var waiting = result.Stations.Sum(s => s.MeanQueueLength.Mean) * input.WaitingCostPerDay;
            var perClient = result.Stations.Sum(s => s.ArrivalsPerDay.Mean * s.MeanWaitDays.Mean) / result.Stations[0].ArrivalsPerDay.Mean;
            outcomes.Add(new ScenarioOutcome(scenario.Key, loads, result, result.CostPerDay.Mean - waiting, waiting, perClient));
        }

        return outcomes;
    }

    /// <summary>The outcomes as CSV: UTF-8, comma-separated, a header row, culture-invariant numbers, empty where not simulated.</summary>
    public static string Csv(IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var csv = new System.Text.StringBuilder("scenario,server_cost_per_day,waiting_cost_per_day,total_cost_per_day,total_cost_ci95_low,total_cost_ci95_high,wait_per_client_days");
        foreach (var level in ChainScenarios.Levels)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $",{level}_load,{level}_wait_days,{level}_wait_ci95_low,{level}_wait_ci95_high,{level}_utilisation");
        }

        csv.Append('\n');
        foreach (var o in outcomes)
        {
            csv.AppendJoin(',', o.Key, N(o.ServerCostPerDay), N(o.WaitingCostPerDay), N(o.Result?.CostPerDay.Mean), N(o.Result?.CostPerDay.Low), N(o.Result?.CostPerDay.High), N(o.WaitPerClientDays));
            for (var k = 0; k < ChainScenarios.Levels.Length; k++)
            {
                var s = o.Result?.Stations[k];
                csv.AppendJoin(',', "", N(o.Loads[k]), N(s?.MeanWaitDays.Mean), N(s?.MeanWaitDays.Low), N(s?.MeanWaitDays.High), N(s?.Utilisation.Mean));
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static string N(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "";
}
