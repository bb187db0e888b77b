using Polku.Core.Capacity;

namespace Polku.Core.Tests.Capacity;

internal static class Models
{
    public static StationModel Exponential(string id, int servers, double meanDays) =>
        new(id, servers, new ServiceModel(ServiceDistribution.Exponential, meanDays));

    public static SimulationModel Single(StationModel station, double perDay, double days, double warmup, int replications, ulong seed) =>
        new(days, warmup, replications, seed, [station], [new ArrivalModel(station.Id, perDay)], []);

    /// <summary>The three-level chain of the issue: λ = 40/day; 6, 9, 6 servers; 0.12, 0.6, 2.0 days; 30 % and 20 % onward.</summary>
    public static SimulationModel Chain(double days = 2000, double warmup = 200, int replications = 20, ulong seed = 42) =>
        new(days, warmup, replications, seed,
            [Exponential("universal", 6, 0.12), Exponential("basic", 9, 0.6), Exponential("specialist", 6, 2.0)],
            [new ArrivalModel("universal", 40)],
            [new RouteModel("universal", "basic", 0.3), new RouteModel("basic", "specialist", 0.2)]);
}
