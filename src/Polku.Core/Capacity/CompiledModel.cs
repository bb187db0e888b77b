using System.Runtime.CompilerServices;

namespace Polku.Core.Capacity;

/// <summary>A checked <see cref="SimulationModel"/> turned into flat arrays for the event loop.</summary>
internal sealed class CompiledModel
{
    public readonly struct Stream(int station, int priority, double maxRate, ArrivalModel? varying)
    {
        public int Station { get; } = station;

        public int Priority { get; } = priority;

        public double MaxRate { get; } = maxRate;

        /// <summary>The arrival model when its rate changes in time (then arrivals are thinned from <see cref="MaxRate"/>).</summary>
        public ArrivalModel? Varying { get; } = varying;
    }

    public double Days { get; }

    public int StationCount { get; }

    public int PriorityCount { get; }

    public int[] Servers { get; }

    public int[] Capacity { get; }

    public double[] Patience { get; }

    public double[] CostPerServerDay { get; }

    public double[] CostPerWaitingDay { get; }

    public Calendar?[] Schedules { get; }

    public ServiceSampler[] Service { get; }

    public Stream[] Streams { get; }

    private readonly double[][] _routeCumulative;
    private readonly int[][] _routeTo;

    public CompiledModel(SimulationModel model)
    {
        Days = model.Days;
        StationCount = model.Stations.Count;
        var priorities = model.Arrivals.Select(a => a.Priority).Distinct().Order().ToArray();
        PriorityCount = priorities.Length == 0 ? 1 : priorities.Length;
        Servers = [.. model.Stations.Select(s => s.Servers)];
        Capacity = [.. model.Stations.Select(s => s.Capacity ?? int.MaxValue)];
        Patience = [.. model.Stations.Select(s => s.PatienceDays ?? 0)];
        CostPerServerDay = [.. model.Stations.Select(s => s.CostPerServerDay)];
        CostPerWaitingDay = [.. model.Stations.Select(s => s.CostPerWaitingDay)];
        Schedules = [.. model.Stations.Select(s => s.Schedule)];
        Service = [.. model.Stations.Select(s => new ServiceSampler(s.Service))];
        Streams = [.. model.Arrivals.Select(a => new Stream(
            model.StationIndex(a.Station),
            Array.IndexOf(priorities, a.Priority),
            a.MaxPerDay,
            a.Calendar is null && a.ByWeekday is null ? null : a))];
        _routeCumulative = new double[StationCount][];
        _routeTo = new int[StationCount][];
        for (var k = 0; k < StationCount; k++)
        {
            var id = model.Stations[k].Id;
            var routes = model.Routing.Where(r => r.From == id).ToArray();
            _routeTo[k] = [.. routes.Select(r => model.StationIndex(r.To))];
            _routeCumulative[k] = new double[routes.Length];
            var sum = 0.0;
            for (var r = 0; r < routes.Length; r++)
            {
                sum += routes[r].Probability;
                _routeCumulative[k][r] = sum;
            }
        }
    }

    /// <summary>Where a client leaving station <paramref name="k"/> goes for the uniform draw <paramref name="u"/>: a station, or −1 for out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Route(int k, double u)
    {
        var cumulative = _routeCumulative[k];
        for (var r = 0; r < cumulative.Length; r++)
        {
            if (u <= cumulative[r])
            {
                return _routeTo[k][r];
            }
        }

        return -1;
    }
}
