using Polku.Core.Insight;
using Polku.Core.Networks;

namespace Polku.Core.Tests.Networks;

/// <summary>The thresholds' pure rules: parsing what a person types, the bad side of each measure, withheld figures.</summary>
public sealed class NetworkMeasureTests
{
    private static DashboardTable Figures(params (string Code, DashboardCell Value)[] rows) =>
        new(EffectivenessSection.Figures, "t", [new("measure", "m"), new("value", "v"), new("clients", "c")],
            [.. rows.Select(r => (IReadOnlyList<DashboardCell>)[DashboardCell.Label(r.Code, ""), r.Value, DashboardCell.Of(CellFormat.Count, 9)])]);

    [Theory]
    [InlineData("75", 75)]
    [InlineData(" 7,5 ", 7.5)]
    [InlineData("62.5 %", 62.5)]
    [InlineData("62,5%", 62.5)]
    [InlineData("-1", -1)]
    public void ParseNumber_TakesACommaOrAPointAndAPerCentSign(string text, double expected) =>
        Assert.Equal(expected, ServiceNetworks.ParseNumber(text));

    [Theory]
    [InlineData("kaksi")]
    [InlineData("1,2,3")]
    [InlineData("NaN")]
    [InlineData("1e5")]
    [InlineData("")]
    public void ParseNumber_RefusesWhatIsNotAPlainNumber(string text) => Assert.Null(ServiceNetworks.ParseNumber(text));

    [Fact]
    public void EveryMeasure_IsARowOfTheEffectivenessTable_WithARangeThatHoldsItsFigures()
    {
        var tables = EffectivenessSection.Tables(new OwnDataFilter(), [], [], [], [], new Polku.Core.Paths.PathAlertOptions(), DateTime.UtcNow);
        var codes = tables.Single(t => t.Id == EffectivenessSection.Figures).Rows.Select(r => r[0].Code).ToHashSet();

        Assert.All(NetworkMeasure.All, m => Assert.Contains(m.Code, codes));
        Assert.All(NetworkMeasure.All.Where(m => m.Format == CellFormat.Share), m => Assert.Equal((0, 100), (m.Min, m.Max)));
    }

    [Fact]
    public void AShare_IsComparedInPerCent_AndFallingBelowIsBad()
    {
        var measure = NetworkMeasure.Find("goals_attained")!;
        var threshold = new NetworkThreshold { Measure = measure.Code, Value = 60 };

        var below = ServiceNetworks.State(measure, threshold, Figures(("goals_attained", DashboardCell.Of(CellFormat.Share, 0.55))));
        var at = ServiceNetworks.State(measure, threshold, Figures(("goals_attained", DashboardCell.Of(CellFormat.Share, 0.60))));

        Assert.Equal(55, below.Current!.Value, 10);
        Assert.True(below.Crossed);
        Assert.False(at.Crossed); // reaching the threshold is not crossing it
    }

    [Fact]
    public void ACount_RisingAboveIsBad_AndAWithheldFigureIsNeverCompared()
    {
        var measure = NetworkMeasure.Find("without_owner_now")!;
        var threshold = new NetworkThreshold { Measure = measure.Code, Value = 2 };

        var above = ServiceNetworks.State(measure, threshold, Figures(("without_owner_now", DashboardCell.Of(CellFormat.Count, 6))));
        var withheld = ServiceNetworks.State(measure, threshold, Figures(("without_owner_now", DashboardCell.Hidden(CellFormat.Count))));
        var none = ServiceNetworks.State(measure, null, Figures(("without_owner_now", DashboardCell.Of(CellFormat.Count, 6))));

        Assert.True(above.Crossed);
        Assert.True(withheld.Withheld);
        Assert.False(withheld.Crossed);
        Assert.Null(withheld.Current);
        Assert.False(none.Crossed);
    }
}
