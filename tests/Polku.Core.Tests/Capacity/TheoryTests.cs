using Polku.Core.Capacity;

namespace Polku.Core.Tests.Capacity;

/// <summary>Little's law, the traffic equations and the other figures of one long run against theory.</summary>
public sealed class TheoryTests
{
    [Fact]
    public void Chain_LittlesLawHoldsAtEveryStation()
    {
        var result = Simulator.Run(Models.Chain(days: 4000, replications: 8));

        foreach (var s in result.Stations)
        {
            var lq = s.ArrivalsPerDay.Mean * s.MeanWaitDays.Mean;
            Assert.True(Math.Abs(lq - s.MeanQueueLength.Mean) < 0.02 * s.MeanQueueLength.Mean, $"{s.Id}: λW = {lq}, Lq = {s.MeanQueueLength.Mean}");
        }
    }

    [Fact]
    public void Chain_UtilisationAndThroughputMatchTheTrafficEquations()
    {
        var model = Models.Chain(days: 4000, replications: 8);
        var rates = Traffic.ArrivalRates(model)!;
        var loads = Traffic.Loads(model)!;
        Assert.Equal([40, 12, 2.4], rates.Select(r => Math.Round(r, 9)));

        var result = Simulator.Run(model);

        for (var k = 0; k < 3; k++)
        {
            var s = result.Stations[k];
            Assert.True(s.Utilisation.Low - 0.005 <= loads[k] && loads[k] <= s.Utilisation.High + 0.005, $"{s.Id}: ρ = {loads[k]}, {s.Utilisation}");
            Assert.True(Math.Abs(s.ThroughputPerDay.Mean - rates[k]) < 0.02 * rates[k], $"{s.Id}: λ = {rates[k]}, {s.ThroughputPerDay}");
            var erlang = QueueingTheory.MmcWait(rates[k], model.Stations[k].Service.MeanDays, model.Stations[k].Servers);
            Assert.True(Math.Abs(s.MeanWaitDays.Mean - erlang) < 0.1 * erlang, $"{s.Id}: Erlang C {erlang}, {s.MeanWaitDays}");
        }
    }

    [Fact]
    public void FiniteQueue_BlocksTheShareTheStationaryDistributionGives()
    {
        var (_, blocking, lq) = QueueingTheory.MmcK(1.8, 1, 2, 5);
        var model = Models.Single(Models.Exponential("s", 2, 1) with { Capacity = 5 }, 1.8, 20_000, 100, 4, 7);

        var s = Simulator.Run(model).Stations[0];

        Assert.Equal(blocking, s.BlockedPerDay.Mean / s.ArrivalsPerDay.Mean, 0.01);
        Assert.Equal(lq, s.MeanQueueLength.Mean, 0.03);
    }

    [Fact]
    public void Patience_GivesUpTheShareTheBirthDeathChainGives()
    {
        var (_, abandon) = QueueingTheory.Mm1Impatient(1, 1, 2);
        var model = Models.Single(Models.Exponential("s", 1, 1) with { PatienceDays = 2 }, 1, 20_000, 100, 4, 7);

        var s = Simulator.Run(model).Stations[0];

        Assert.Equal(abandon, s.AbandonedPerDay.Mean / s.ArrivalsPerDay.Mean, 0.01);
    }

    [Fact]
    public void Priorities_KeepTheConservationLawOfTheSingleServer()
    {
        var model = new SimulationModel(20_000, 100, 4, 3, [Models.Exponential("s", 1, 1)],
            [new ArrivalModel("s", 0.3) { Priority = 1 }, new ArrivalModel("s", 0.3) { Priority = 2 }], []);

        var s = Simulator.Run(model).Stations[0];

        Assert.Equal(QueueingTheory.MmcWait(0.6, 1, 1), s.MeanWaitDays.Mean, 0.1);
    }

    [Fact]
    public void Schedule_ServersCountOnlyWhileOnDuty()
    {
        var schedule = new Calendar([new CalendarStep(0, 3), new CalendarStep(1.0 / 3, 0)], 1);
        var station = Models.Exponential("s", 3, 0.05) with { Schedule = schedule, CostPerServerDay = 1 };
        var model = Models.Single(station, 10, 1000, 10, 4, 5);

        var s = Simulator.Run(model).Stations[0];

        Assert.Equal(1.0, s.CostPerDay.Mean, 0.01);
        Assert.Equal(10, s.ThroughputPerDay.Mean, 0.3);
        Assert.True(s.MeanWaitDays.Mean > 0.2, $"clients arriving while closed wait for the morning: {s.MeanWaitDays}");
    }

    [Fact]
    public void CalendarAndWeekdays_ThinArrivalsToTheirMeanRate()
    {
        var arrival = new ArrivalModel("s", 0)
        {
            Calendar = new Calendar([new CalendarStep(0, 60), new CalendarStep(0.5, 0)], 1),
            ByWeekday = [1, 1, 1, 1, 1, 0, 0],
        };
        var model = new SimulationModel(7000, 0, 2, 9, [Models.Exponential("s", 200, 0.01)], [arrival], []);

        var s = Simulator.Run(model).Stations[0];

        Assert.Equal(30.0 * 5 / 7, arrival.MeanPerDay, 12);
        Assert.Equal(arrival.MeanPerDay, s.ArrivalsPerDay.Mean, 0.3);
    }

    [Fact]
    public void Replications_SameSeedSameFiguresWhateverTheCores()
    {
        var model = Models.Chain(days: 300, warmup: 30, replications: 6);

        var one = Simulator.Run(model, maxDegreeOfParallelism: 1);
        var two = Simulator.Run(model, maxDegreeOfParallelism: 2);

        Assert.Equal(one.Events, two.Events);
        Assert.Equal(one.Stations.Select(s => s.MeanWaitDays), two.Stations.Select(s => s.MeanWaitDays));
    }

    /// <summary>
    /// The specialist level is short of two servers for the first 50 days (ρ = 1.2), so a queue of about 20 builds and
    /// drains in about 33 days more; MSER-5 must cut at least the shortage and not most of the run.
    /// </summary>
    [Fact]
    public void Mser5_CutsAnInitialShortage()
    {
        var chain = Models.Chain(days: 1000, warmup: 0, replications: 10);
        var shortage = chain.Stations[2] with { Schedule = new Calendar([new CalendarStep(0, 4), new CalendarStep(50, 6)], null) };
        var model = chain with { Warmup = WarmupMethod.Mser5, Stations = [chain.Stations[0], chain.Stations[1], shortage] };

        var result = Simulator.Run(model);

        Assert.InRange(result.WarmupDays, 50, 300);
        Assert.False(result.WarmupAtSearchLimit);
    }
}
