using Polku.Core.Segmentation;

namespace Polku.Core.Tests.Segmentation;

public class SummaryTests
{
    [Fact]
    public void Summary_CountsCurrentCustomerships_TransitionsAndOverrides()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var day = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        ConfirmedOutcome[] outcomes =
        [
            new(a, day.AddDays(30), Customership.Cooperating, false),
            new(a, day, Customership.Network, false),
            new(a, day.AddDays(90), Customership.Exit, true),
            new(b, day, Customership.Network, false),
            new(b, day.AddDays(60), Customership.Cooperating, true),
        ];

        var summary = SegmentationStatistics.Summarise(outcomes);

        Assert.Equal(1, summary.Current[Customership.Exit]);
        Assert.Equal(1, summary.Current[Customership.Cooperating]);
        Assert.Equal(0, summary.Current[Customership.Network]);
        Assert.Equal([new Transition(Customership.Cooperating, Customership.Exit, 1), new Transition(Customership.Network, Customership.Cooperating, 2)], summary.Transitions);
        Assert.Equal((5, 2), (summary.Confirmed, summary.Overrides));
    }
}
