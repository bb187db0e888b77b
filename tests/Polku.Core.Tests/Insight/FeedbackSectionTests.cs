using Polku.Core.Insight;
using Polku.Core.Participation.Feedback;

namespace Polku.Core.Tests.Insight;

public sealed class FeedbackSectionTests
{
    [Fact]
    public void A_small_group_is_withheld_whole_and_a_large_one_shows_its_figures()
    {
        var large = FeedbackFigures.Compute("7", [.. Enumerable.Range(0, 6).Select(i => new FeedbackScores(i < 3 ? 10 : 5, 4, 5, i % 2 == 0 ? 3 : 5))]);
        var small = FeedbackFigures.Compute("8", [new FeedbackScores(10, 5, 5, 5), new FeedbackScores(9, 5, 5, 5)]);

        var table = FeedbackSection.Table("t", "T", "unit", "U", [large, small], g => "unit " + g);

        var shown = table.Rows[0];
        Assert.Equal("unit 7", shown[0].LabelKey);
        Assert.Equal(6, shown[1].Number);
        Assert.Equal(0.0, shown[2].Number); // three promoters, three detractors
        Assert.Equal(4.0, shown[3].Number);
        Assert.Equal(4.0, shown[5].Number);

        var hidden = table.Rows[1];
        Assert.All(hidden.Skip(1), c => Assert.True(c.Withheld));
        Assert.All(hidden.Skip(1), c => Assert.Null(c.Number));
        Assert.True(table.HasWithheld);
    }
}
