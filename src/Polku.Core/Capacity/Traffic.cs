namespace Polku.Core.Capacity;

/// <summary>
/// The traffic equations of an open network, λᵢ = γᵢ + Σⱼ λⱼ·pⱼᵢ (γ the mean external arrivals a day, p the routing
/// probabilities), solved by Gaussian elimination, and the offered load ρᵢ = λᵢ·E[Sᵢ] / cᵢ. They ignore losses to a
/// full station and give-ups, so for such stations they are an upper bound.
/// </summary>
public static class Traffic
{
    /// <summary>The arrival rate a day at each station (in the model's order), or null when some clients can never leave.</summary>
    public static double[]? ArrivalRates(SimulationModel model)
    {
        var n = model.Stations.Count;
        var a = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            a[i, i] = 1;
        }

        foreach (var arrival in model.Arrivals)
        {
            a[model.StationIndex(arrival.Station), n] += arrival.MeanPerDay;
        }

        foreach (var route in model.Routing)
        {
            a[model.StationIndex(route.To), model.StationIndex(route.From)] -= route.Probability;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                return null;
            }

            for (var j = 0; j <= n; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (var row = 0; row < n; row++)
            {
                if (row == col || a[row, col] == 0)
                {
                    continue;
                }

                var factor = a[row, col] / a[col, col];
                for (var j = col; j <= n; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }
            }
        }

        var rates = new double[n];
        for (var i = 0; i < n; i++)
        {
            rates[i] = a[i, n] / a[i, i];
            if (rates[i] < -1e-9 || !double.IsFinite(rates[i]))
            {
                return null;
            }

            rates[i] = Math.Max(rates[i], 0);
        }

        return rates;
    }

    /// <summary>ρ per station: the arrival rate times the mean service time over the mean servers available.</summary>
    public static double[]? Loads(SimulationModel model) =>
        ArrivalRates(model) is { } rates
            ? [.. model.Stations.Select((s, i) => rates[i] * s.Service.MeanDays / s.MeanServers)]
            : null;

    internal static void Check(SimulationModel model, List<ModelIssue> errors, List<ModelIssue> warnings)
    {
        var loads = Loads(model);
        if (loads is null)
        {
            var closed = model.Stations.FirstOrDefault(s => model.Routing.Where(r => r.From == s.Id).Sum(r => r.Probability) >= 1 - 1e-12);
            errors.Add(new ModelIssue("routing", "NoExit", closed?.Id ?? model.Stations[0].Id));
            return;
        }

        for (var i = 0; i < loads.Length; i++)
        {
            var station = model.Stations[i];
            if (loads[i] >= 1 && station.Capacity is null && station.PatienceDays is null)
            {
                warnings.Add(new ModelIssue($"stations[{i}]", "Unstable", station.Id, Math.Round(loads[i], 3)) { IsWarning = true });
            }
        }
    }
}
