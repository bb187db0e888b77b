using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

public class StandardCostModelTests
{
    [Fact]
    public void WorkedExampleOfSpec35_FiveHoursAndTwoEurosTimesHundredThousandApplications()
    {
        var application = new BurdenItem("Toimeentulotukihakemus", hoursPerEvent: 5, eurosPerEvent: 2, eventsPerYear: 100_000);

        var totals = StandardCostModel.Totals([application]);

        Assert.Equal(500_000m, application.Hours);
        Assert.Equal(200_000m, application.Euros);
        Assert.Equal(500_000m, totals.Hours);
        Assert.Equal(200_000m, totals.Euros);
    }

    [Fact]
    public void Totals_SumOverServices()
    {
        var totals = StandardCostModel.Totals(
        [
            new BurdenItem("Hakemus", 5, 2, 100_000),
            new BurdenItem("Liite", 0.25m, 0, 40_000),
            new BurdenItem("Käynti", 1.5m, 8.40m, 1_000),
        ]);

        Assert.Equal(500_000m + 10_000m + 1_500m, totals.Hours);
        Assert.Equal(200_000m + 8_400m, totals.Euros);
    }

    [Fact]
    public void MovingTheApplicationOnline_IsComparedServiceByService()
    {
        var before = new[] { new BurdenItem("Hakemus", 5, 2, 100_000), new BurdenItem("Liite", 0.25m, 0, 40_000) };
        var after = new[] { new BurdenItem("Hakemus", 1.5m, 0, 100_000), new BurdenItem("Sähköinen tunnistus", 0.1m, 0, 100_000) };

        var comparison = StandardCostModel.Compare(before, after);

        Assert.Equal(510_000m, comparison.Before.Hours);
        Assert.Equal(160_000m, comparison.After.Hours);
        Assert.Equal(-350_000m, comparison.HoursChange);
        Assert.Equal(-200_000m, comparison.EurosChange);
        Assert.Equal(["Hakemus", "Liite", "Sähköinen tunnistus"], comparison.Services.Select(s => s.Service));
        Assert.Equal(-350_000m, comparison.Services[0].HoursChange);
        Assert.Null(comparison.Services[1].After);
        Assert.Equal(-10_000m, comparison.Services[1].HoursChange);
        Assert.Null(comparison.Services[2].Before);
        Assert.Equal(10_000m, comparison.Services[2].HoursChange);
    }

    [Fact]
    public void NegativeTimeMoneyOrEvents_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurdenItem("Hakemus", -1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurdenItem("Hakemus", 1, -0.01m, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurdenItem("Hakemus", 1, 0, -1));
        Assert.Throws<ArgumentException>(() => new BurdenItem(" ", 1, 0, 1));
    }
}
