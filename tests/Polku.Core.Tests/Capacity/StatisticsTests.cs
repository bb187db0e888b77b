using Polku.Core.Capacity;

namespace Polku.Core.Tests.Capacity;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData(1, 12.706204736174698)]
    [InlineData(4, 2.7764451051977987)]
    [InlineData(9, 2.2621571627409915)]
    [InlineData(29, 2.0452296421327034)]
    [InlineData(1000, 1.9623390808264074)]
    public void StudentT_QuantileMatchesTables(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, degreesOfFreedom), 9);

    [Fact]
    public void Estimate_IsTheStudentTIntervalOfTheMeans()
    {
        var estimate = Estimate.Of([1.0, 2, 3, 4, 5]);

        Assert.Equal(3, estimate.Mean);
        Assert.Equal(2.7764451051977987 * Math.Sqrt(2.5) / Math.Sqrt(5), estimate.HalfWidth, 12);
    }

    [Fact]
    public void Estimate_ReplicationsFor_IsTheFewestThatReachTheHalfWidth()
    {
        var estimate = Estimate.Of([1.0, 2, 3, 4, 5]);

        var n = estimate.ReplicationsFor(0.5)!.Value;

        Assert.True(StudentT.Quantile(0.975, n - 1) * estimate.StandardDeviation / Math.Sqrt(n) <= 0.5);
        Assert.True(StudentT.Quantile(0.975, n - 2) * estimate.StandardDeviation / Math.Sqrt(n - 1) > 0.5);
    }

    [Fact]
    public void Mser5_CutsALevelShiftAtTheStart()
    {
        var random = new Random(4);
        var series = Enumerable.Range(0, 1000).Select(i => (i < 100 ? 10.0 : 0.0) + random.NextDouble()).ToArray();

        var cut = Mser5.Find(series);

        Assert.InRange(cut.Observations, 100, 200);
        Assert.False(cut.AtSearchLimit);
    }

    [Theory]
    [InlineData(ServiceDistribution.Gamma, 0.5)]
    [InlineData(ServiceDistribution.Gamma, 2.0)]
    [InlineData(ServiceDistribution.Lognormal, 0.8)]
    [InlineData(ServiceDistribution.Exponential, 1.0)]
    public void ServiceTimes_HaveTheirMeanAndCoefficientOfVariation(ServiceDistribution distribution, double cv)
    {
        var sampler = new ServiceSampler(new ServiceModel(distribution, 0.6) { Cv = cv });
        var random = new Xoshiro(11, 0);
        const int n = 400_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < n; i++)
        {
            var x = sampler.Next(ref random);
            sum += x;
            squares += x * x;
        }

        var mean = sum / n;
        var sd = Math.Sqrt(squares / n - mean * mean);
        Assert.Equal(0.6, mean, 0.6 * cv * 5 / Math.Sqrt(n) + 1e-9);
        Assert.Equal(cv, sd / mean, 0.03 * cv);
    }

    [Fact]
    public void Empirical_DrawsEachSampleEquallyOften()
    {
        var sampler = new ServiceSampler(new ServiceModel(ServiceDistribution.Empirical, 2) { SamplesDays = [1, 2, 3] });
        var random = new Xoshiro(3, 0);

        var counts = Enumerable.Range(0, 30_000).Select(_ => sampler.Next(ref random)).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([1.0, 2, 3], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 9_500, 10_500));
    }
}
