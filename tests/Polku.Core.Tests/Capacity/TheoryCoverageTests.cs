using Polku.Core.Capacity;

namespace Polku.Core.Tests.Capacity;

/// <summary>
/// The simulator against queueing theory by coverage: 100 independent runs (seeds 1…100, so the test is deterministic
/// and cannot flake), each a 95 % Student t interval from 10 replication means; the share of intervals holding the
/// analytic value must be a share a true 95 % interval gives. Accepted: 89 to 99 of 100. For a correct interval the
/// count is Binomial(100, 0.95), and P(X ≤ 88) = 0.0043, P(X = 100) = 0.0059: a correct simulator fails a given check
/// about once in a hundred seed sets, while a biased one (a wrong wait, a missed warm-up) or a mis-sized interval
/// (z instead of t, a standard deviation where the standard error belongs) lands far outside.
/// </summary>
public sealed class TheoryCoverageTests
{
    private const int Runs = 100;
    private const int Replications = 10;

    private static int Covered(Func<ulong, SimulationModel> model, int station, double expected)
    {
        var covered = 0;
        for (var seed = 1UL; seed <= Runs; seed++)
        {
            var wait = Simulator.Run(model(seed)).Stations[station].MeanWaitDays;
            if (wait.Low <= expected && expected <= wait.High)
            {
                covered++;
            }
        }

        return covered;
    }

    private static void AssertCoverage(int covered, double expected) =>
        Assert.True(covered is >= 89 and <= 99, $"{covered} of {Runs} intervals held the analytic wait {expected}; a 95 % interval holds 89–99.");

    [Fact]
    public void MM1_WaitIntervalCoversTheAnalyticWait()
    {
        var expected = QueueingTheory.MmcWait(0.6, 1, 1);
        var covered = Covered(seed => Models.Single(Models.Exponential("s", 1, 1), 0.6, 3000, 100, Replications, seed), 0, expected);
        AssertCoverage(covered, expected);
    }

    [Fact]
    public void MMc_WaitIntervalCoversErlangC()
    {
        var expected = QueueingTheory.MmcWait(2.1, 1, 3);
        var covered = Covered(seed => Models.Single(Models.Exponential("s", 3, 1), 2.1, 2000, 100, Replications, seed), 0, expected);
        AssertCoverage(covered, expected);
    }

    [Fact]
    public void MMcK_WaitIntervalCoversTheFiniteQueueWait()
    {
        var (expected, _, _) = QueueingTheory.MmcK(1.8, 1, 2, 5);
        var station = Models.Exponential("s", 2, 1) with { Capacity = 5 };
        var covered = Covered(seed => Models.Single(station, 1.8, 1500, 50, Replications, seed), 0, expected);
        AssertCoverage(covered, expected);
    }

    [Fact]
    public void MG1_Gamma_WaitIntervalCoversPollaczekKhinchine()
    {
        var service = new ServiceModel(ServiceDistribution.Gamma, 1) { Cv = 0.5 };
        var expected = QueueingTheory.Mg1Wait(0.6, 1, service.SecondMoment);
        var covered = Covered(seed => Models.Single(new StationModel("s", 1, service), 0.6, 3000, 100, Replications, seed), 0, expected);
        AssertCoverage(covered, expected);
    }

    [Fact]
    public void MG1_Lognormal_WaitIntervalCoversPollaczekKhinchine()
    {
        var service = new ServiceModel(ServiceDistribution.Lognormal, 0.5) { Cv = 0.8 };
        var expected = QueueingTheory.Mg1Wait(1.2, 0.5, service.SecondMoment);
        var covered = Covered(seed => Models.Single(new StationModel("s", 1, service), 1.2, 2000, 100, Replications, seed), 0, expected);
        AssertCoverage(covered, expected);
    }

    [Fact]
    public void MM1WithPatience_WaitIntervalCoversTheBirthDeathChain()
    {
        var (queue, _) = QueueingTheory.Mm1Impatient(1, 1, 2);
        var expected = queue / 1;
        var station = Models.Exponential("s", 1, 1) with { PatienceDays = 2 };
        var covered = Covered(seed => Models.Single(station, 1, 1500, 50, Replications, seed), 0, expected);
        AssertCoverage(covered, expected);
    }

    /// <summary>
    /// An open Jackson network with feedback: a → b with 0.5, b → a with 0.3, a → a with 0.1. The traffic equations give
    /// each station's arrival rate, and Erlang C at that rate its wait (product form).
    /// </summary>
    [Fact]
    public void JacksonNetworkWithFeedback_EachStationsIntervalCoversErlangCAtTheTrafficRate()
    {
        SimulationModel Network(ulong seed) => new(2000, 100, Replications, seed,
            [Models.Exponential("a", 2, 1), Models.Exponential("b", 1, 0.5)],
            [new ArrivalModel("a", 0.9)],
            [new RouteModel("a", "b", 0.5), new RouteModel("a", "a", 0.1), new RouteModel("b", "a", 0.3)]);
        var rates = Traffic.ArrivalRates(Network(0))!;
        var lambdaA = 0.9 / (1 - 0.1 - 0.5 * 0.3);
        Assert.Equal(lambdaA, rates[0], 12);
        Assert.Equal(0.5 * lambdaA, rates[1], 12);
        var expectedA = QueueingTheory.MmcWait(rates[0], 1, 2);
        var expectedB = QueueingTheory.MmcWait(rates[1], 0.5, 1);

        int coveredA = 0, coveredB = 0;
        for (var seed = 1UL; seed <= Runs; seed++)
        {
            var result = Simulator.Run(Network(seed));
            coveredA += result.Stations[0].MeanWaitDays is var a && a.Low <= expectedA && expectedA <= a.High ? 1 : 0;
            coveredB += result.Stations[1].MeanWaitDays is var b && b.Low <= expectedB && expectedB <= b.High ? 1 : 0;
        }

        AssertCoverage(coveredA, expectedA);
        AssertCoverage(coveredB, expectedB);
    }
}
