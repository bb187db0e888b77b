using System.Globalization;
using Polku.Core.Capacity;

namespace Polku.Core.Tests.Capacity;

public sealed class ModelReaderTests
{
    private const string Chain = """
        { "days": 2000, "warmup_days": 200, "replications": 20, "seed": 42,
          "stations": [ { "id": "universal", "servers": 6, "service": { "distribution": "exponential", "mean_days": 0.12 } },
                        { "id": "basic", "servers": 9, "service": { "distribution": "exponential", "mean_days": 0.6 } } ],
          "arrivals": [ { "station": "universal", "per_day": 40 } ],
          "routing":  [ { "from": "universal", "to": "basic", "probability": 0.3 } ] }
        """;

    private static IEnumerable<string> Fields(string json) => ModelReader.Read(json).Errors.Select(e => e.Field);

    [Fact]
    public void Section53Model_IsReadAsWritten()
    {
        var outcome = ModelReader.Read(Chain);

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Warnings);
        var model = outcome.Model!;
        Assert.Equal((2000.0, 200.0, 20, 42UL), (model.Days, model.WarmupDays, model.Replications, model.Seed));
        Assert.Equal(["universal", "basic"], model.Stations.Select(s => s.Id));
        Assert.Equal(new RouteModel("universal", "basic", 0.3), model.Routing[0]);
        Assert.Equal(ServiceDistribution.Exponential, model.Stations[1].Service.Distribution);
    }

    [Fact]
    public void UnknownStationInRouting_NamesTheField()
    {
        var outcome = ModelReader.Read(Chain.Replace("\"to\": \"basic\"", "\"to\": \"specialist\"", StringComparison.Ordinal));

        var error = Assert.Single(outcome.Errors);
        Assert.Null(outcome.Model);
        Assert.Equal("routing[0].to: no station has the id \"specialist\".", error.Describe(CultureInfo.GetCultureInfo("en")));
        Assert.Equal("routing[0].to: ingen station har id:t \"specialist\".", error.Describe(CultureInfo.GetCultureInfo("sv")));
    }

    [Fact]
    public void ProbabilitiesOverOne_AreRefusedForTheirStation()
    {
        var json = Chain.Replace("\"probability\": 0.3 }", "\"probability\": 0.7 }, { \"from\": \"universal\", \"to\": \"universal\", \"probability\": 0.4 }", StringComparison.Ordinal);

        var error = Assert.Single(ModelReader.Read(json).Errors);

        Assert.Equal("routing", error.Field);
        Assert.Equal("ProbabilitySum", error.Code);
        Assert.Contains("universal", error.Describe(CultureInfo.GetCultureInfo("fi")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"mean_days\": 0.12", "\"mean_days\": -0.12", "stations[0].service.mean_days")]
    [InlineData("\"warmup_days\": 200", "\"warmup_days\": -1", "warmup_days")]
    [InlineData("\"warmup_days\": 200", "\"warmup_days\": 2000", "warmup_days")]
    [InlineData("\"days\": 2000", "\"days\": \"long\"", "days")]
    [InlineData("\"servers\": 6", "\"servers\": 6.5", "stations[0].servers")]
    [InlineData("\"servers\": 6", "\"servrs\": 6", "stations[0].servrs")]
    [InlineData("\"per_day\": 40", "\"per_day\": -40", "arrivals[0].per_day")]
    [InlineData("\"replications\": 20", "\"replications\": 1", "replications")]
    [InlineData("\"exponential\", \"mean_days\": 0.6", "\"weibull\", \"mean_days\": 0.6", "stations[1].service.distribution")]
    [InlineData("\"station\": \"universal\"", "\"station\": \"front\"", "arrivals[0].station")]
    [InlineData("\"probability\": 0.3", "\"probability\": 1.3", "routing[0].probability")]
    public void BadField_IsNamed(string from, string to, string field) =>
        Assert.Contains(field, Fields(Chain.Replace(from, to, StringComparison.Ordinal)));

    [Fact]
    public void LoadOfOneOrMore_IsWarnedAsUnstableButRuns()
    {
        var outcome = ModelReader.Read(Chain.Replace("\"per_day\": 40", "\"per_day\": 55", StringComparison.Ordinal));

        Assert.NotNull(outcome.Model);
        Assert.Equal(["stations[0]", "stations[1]"], outcome.Warnings.Select(w => w.Field));
        Assert.Equal("stations[0]: station \"universal\": load ρ = 1.1 ≥ 1 – unstable: the queue grows without bound and the figures depend on the run length.",
            outcome.Warnings[0].Describe(CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void LoopWithNoWayOut_IsRefused()
    {
        var json = Chain.Replace("\"probability\": 0.3 }", "\"probability\": 1 }, { \"from\": \"basic\", \"to\": \"universal\", \"probability\": 1 }", StringComparison.Ordinal);

        var error = Assert.Single(ModelReader.Read(json).Errors);

        Assert.Equal("NoExit", error.Code);
    }

    [Fact]
    public void Extensions_AreRead()
    {
        var json = """
            { "days": 100, "replications": 2, "seed": 1, "warmup_method": "mser5", "target_half_width_days": 0.01,
              "stations": [ { "id": "a", "capacity": 10, "patience_days": 3, "cost_per_server_day": 400, "cost_per_waiting_day": 50,
                              "schedule": { "cycle_days": 7, "steps": [ { "from_day": 0, "servers": 2 }, { "from_day": 5, "servers": 0 } ] },
                              "service": { "distribution": "empirical", "samples_days": [0.1, 0.2, 0.6] } } ],
              "arrivals": [ { "station": "a", "priority": 1, "by_weekday": [1, 1, 1, 1, 1, 0, 0],
                              "calendar": { "steps": [ { "from_day": 0, "per_day": 2 }, { "from_day": 50, "per_day": 4 } ] } } ] }
            """;

        var outcome = ModelReader.Read(json);

        Assert.Empty(outcome.Errors);
        var model = outcome.Model!;
        var station = model.Stations[0];
        Assert.Equal((WarmupMethod.Mser5, 0.01), (model.Warmup, model.TargetHalfWidthDays));
        Assert.Equal((10, 3.0, 400.0, 50.0), (station.Capacity!.Value, station.PatienceDays!.Value, station.CostPerServerDay, station.CostPerWaitingDay));
        Assert.Equal(2 * 5 / 7.0, station.MeanServers, 12);
        Assert.Equal(0.3, station.Service.MeanDays, 12);
        Assert.Equal(4 * 5 / 7.0, model.Arrivals[0].MeanPerDay, 12);
        Assert.Equal(4, model.Arrivals[0].RateAt(51));
        Assert.Equal(0, model.Arrivals[0].RateAt(54.5));
        Assert.NotNull(Simulator.Run(model));
    }

    [Fact]
    public void NotJson_SaysWhere() =>
        Assert.Equal("$", Assert.Single(ModelReader.Read("{ \"days\": ").Errors).Field);
}
