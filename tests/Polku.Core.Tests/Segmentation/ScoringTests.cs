using FsCheck;
using FsCheck.Fluent;
using Polku.Core.Segmentation;

namespace Polku.Core.Tests.Segmentation;

public class ScoringTests
{
    private static readonly Instrument Example = InstrumentParser.Parse(Instruments.ExampleJson()).Instrument!;
    private static readonly List<InstrumentItem> ClientItems = [.. Example.ItemsOf(AssessmentPart.Client)];
    private static readonly List<InstrumentItem> ProfessionalItems = [.. Example.ItemsOf(AssessmentPart.Professional)];

    private static Dictionary<string, int> Answers(IEnumerable<InstrumentItem> items, Func<InstrumentItem, int, int> pick) =>
        items.Select((item, i) => (item, i)).ToDictionary(x => x.item.Key, x => pick(x.item, x.i));

    private static Dictionary<string, int> FromSeeds(IReadOnlyList<InstrumentItem> items, int[] seeds) =>
        Answers(items, (item, i) => Example.ScaleOf(item).Options[Math.Abs(seeds[i % seeds.Length] % Example.ScaleOf(item).Options.Count)].Value);

    private static void Holds<T1, T2>(int maxTest, Func<T1, T2, bool> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), Prop.ForAll(property));

    [Fact]
    public void RaisingAClientAnswer_NeverLowersTheClientAxisScore() =>
        Holds<NonEmptyArray<int>, NonNegativeInt>(300, RaisingNeverLowers);

    private static bool RaisingNeverLowers(NonEmptyArray<int> seeds, NonNegativeInt which)
    {
        var answers = FromSeeds(ClientItems, seeds.Get);
        var item = ClientItems[which.Get % ClientItems.Count];
        var scale = Example.ScaleOf(item);
        var before = SegmentationScoring.ScoreAxis(Example, AssessmentPart.Client, answers).Axis.Score;
        foreach (var higher in scale.Options.Where(o => o.Value > answers[item.Key]))
        {
            var raised = new Dictionary<string, int>(answers) { [item.Key] = higher.Value };
            if (SegmentationScoring.ScoreAxis(Example, AssessmentPart.Client, raised).Axis.Score < before)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void AxisScores_StayWithin0To100_AndThePlacementFollowsTheCutOffs() =>
        Holds<NonEmptyArray<int>, NonEmptyArray<int>>(200, (clientSeeds, professionalSeeds) =>
        {
            var result = SegmentationScoring.Score(Example, FromSeeds(ClientItems, clientSeeds.Get), FromSeeds(ProfessionalItems, professionalSeeds.Get));
            var expected = SegmentationScoring.Place(result.Client.Score >= 50, result.Professional.Score >= 50);
            return result.Client.Score is >= 0 and <= 100 && result.Professional.Score is >= 0 and <= 100 && result.Customership == expected;
        });

    [Fact]
    public void PullsOfAnAxis_AddUpToTheScoreMinusTheCutOff()
    {
        var result = SegmentationScoring.Score(Example, Answers(ClientItems, (_, i) => i % 5), Answers(ProfessionalItems, (_, i) => i % 4));

        Assert.Equal(result.Client.Score - 50, result.Contributions.Where(c => c.Part == AssessmentPart.Client).Sum(c => c.Pull), 6);
        Assert.Equal(result.Professional.Score - 50, result.Contributions.Where(c => c.Part == AssessmentPart.Professional).Sum(c => c.Pull), 6);
    }

    [Theory]
    [InlineData(true, true, Customership.SelfActing)]
    [InlineData(false, true, Customership.Community)]
    [InlineData(true, false, Customership.Cooperating)]
    [InlineData(false, false, Customership.Network)]
    public void Placement_IsTheQuadrantOfSpec32(bool clientPlus, bool predictablePlus, Customership expected) =>
        Assert.Equal(expected, SegmentationScoring.Place(clientPlus, predictablePlus));

    /// <summary>A one-item-per-part instrument whose scores are exactly 0, 25, 50, 75 or 100, with the cut-off at 50.</summary>
    private static Instrument Tiny(double clientCutOff = 50, double professionalCutOff = 50)
    {
        var text = new Core.Catalogue.LocalisedText("k", "f", "q");
        var scale = new Scale("s", [.. Enumerable.Range(0, 5).Select(v => new ScaleOption(v, text))]);
        return new Instrument("tiny", 1, text, text, [scale],
            [new InstrumentItem("c", ItemDomain.OwnResources, "s", 1, text), new InstrumentItem("p", ItemDomain.Predictability, "s", 1, text)],
            clientCutOff, professionalCutOff);
    }

    [Theory]
    [InlineData(1, 4, Customership.Community)]
    [InlineData(2, 4, Customership.SelfActing)]
    [InlineData(3, 4, Customership.SelfActing)]
    [InlineData(4, 1, Customership.Cooperating)]
    [InlineData(4, 2, Customership.SelfActing)]
    [InlineData(1, 1, Customership.Network)]
    [InlineData(2, 2, Customership.SelfActing)]
    [InlineData(1, 2, Customership.Community)]
    [InlineData(2, 1, Customership.Cooperating)]
    public void AScoreExactlyAtTheCutOff_CountsAsPlus_AndOneStepBelowAsMinus(int client, int professional, Customership expected)
    {
        var result = SegmentationScoring.Score(Tiny(), new Dictionary<string, int> { ["c"] = client }, new Dictionary<string, int> { ["p"] = professional });

        Assert.Equal(expected, result.Customership);
    }

    [Fact]
    public void AroundAnyCutOff_TheSideFlipsExactlyAtIt() =>
        Holds<NonNegativeInt, bool>(200, (cut, _) => FlipsAtCutOff(cut.Get % 101));

    private static bool FlipsAtCutOff(int cutOff)
    {
        var instrument = Tiny(cutOff, 0);
        return Enumerable.Range(0, 5).All(v =>
        {
            var axis = SegmentationScoring.ScoreAxis(instrument, AssessmentPart.Client, new Dictionary<string, int> { ["c"] = v }).Axis;
            return axis.IsPlus == (v * 25 >= cutOff);
        });
    }

    [Fact]
    public void WeighedMost_NamesTheAnswersThatPulledHardest()
    {
        var clients = Answers(ClientItems, (item, _) => item.Key == "resources-energy" ? 0 : 3);
        var result = SegmentationScoring.Score(Example, clients, Answers(ProfessionalItems, (_, _) => 3));

        var top = result.WeighedMost(1);
        Assert.Equal("resources-energy", top[0].ItemKey);
        Assert.True(top[0].Pull < 0);
    }

    [Fact]
    public void Check_ReportsMissingAndOutOfScaleAnswers()
    {
        var answers = Answers(ClientItems, (_, _) => 2);
        answers.Remove("coping-money");
        answers["network-close"] = 9;

        var errors = SegmentationScoring.Check(Example, AssessmentPart.Client, answers);

        Assert.Equal([new AnswerError("coping-money", true), new AnswerError("network-close", false)], errors.OrderBy(e => e.ItemKey, StringComparer.Ordinal));
    }
}
