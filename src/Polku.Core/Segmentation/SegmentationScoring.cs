namespace Polku.Core.Segmentation;

/// <summary>One axis: its score on 0–100, the instrument's cut-off, and whether the score counts as "+".</summary>
public sealed record AxisScore(double Score, double CutOff)
{
    /// <summary>A score equal to the cut-off counts as "+": the "+" side is <c>Score &gt;= CutOff</c>.</summary>
    public bool IsPlus => Score >= CutOff;
}

/// <summary>
/// How much one answer pulled its axis, in score points relative to the cut-off: positive pulled towards "+",
/// negative towards "−". <see cref="Normalised"/> is the answer on 0–1 of its scale.
/// </summary>
public sealed record Contribution(string ItemKey, AssessmentPart Part, int Answer, double Normalised, double Pull);

public sealed record ScoringResult(AxisScore Client, AxisScore Professional, Customership Customership, IReadOnlyList<Contribution> Contributions)
{
    /// <summary>The answers that weighed most on the placement: the largest pulls of each axis, biggest first.</summary>
    public IReadOnlyList<Contribution> WeighedMost(int perAxis = 3) =>
    [
        .. Contributions.Where(c => c.Part == AssessmentPart.Client).OrderByDescending(c => Math.Abs(c.Pull)).ThenBy(c => c.ItemKey, StringComparer.Ordinal).Take(perAxis),
        .. Contributions.Where(c => c.Part == AssessmentPart.Professional).OrderByDescending(c => Math.Abs(c.Pull)).ThenBy(c => c.ItemKey, StringComparer.Ordinal).Take(perAxis),
    ];
}

/// <summary>An answer outside its item's scale, or a missing answer.</summary>
public sealed record AnswerError(string ItemKey, bool Missing);

/// <summary>
/// The scoring of SPEC §3.2, a pure function.
/// <para>Each answer <c>a</c> on a scale from <c>min</c> to <c>max</c> is normalised to <c>n = (a − min) / (max − min)</c>
/// (0 = the "−" end, 1 = the "+" end). An axis score is the weighted mean of its part's answers, times 100:
/// <c>score = 100 · Σ wᵢnᵢ / Σ wᵢ</c>, so it lies on 0–100 and never falls when any answer rises.</para>
/// <para>An axis is "+" when <c>score ≥ cut-off</c> (a score exactly at the cut-off is "+") and "−" below it.
/// Client + and predictable + → self-acting; client − and predictable + → community; client + and predictable − →
/// cooperating; client − and predictable − → network.</para>
/// <para>An answer's pull is <c>100 · wᵢ(nᵢ − cut-off/100) / Σ w</c>: the points by which it moved its axis above
/// (positive) or below (negative) the cut-off. The pulls of an axis add up to <c>score − cut-off</c>.</para>
/// </summary>
public static class SegmentationScoring
{
    public static Customership Place(bool clientPlus, bool predictablePlus) => (clientPlus, predictablePlus) switch
    {
        (true, true) => Customership.SelfActing,
        (false, true) => Customership.Community,
        (true, false) => Customership.Cooperating,
        (false, false) => Customership.Network,
    };

    /// <summary>Checks that every item of the part has an answer within its scale's options.</summary>
    public static IReadOnlyList<AnswerError> Check(Instrument instrument, AssessmentPart part, IReadOnlyDictionary<string, int> answers) =>
        [
            .. instrument.ItemsOf(part)
                .Where(i => !answers.TryGetValue(i.Key, out var a) || instrument.ScaleOf(i).Options.All(o => o.Value != a))
                .Select(i => new AnswerError(i.Key, !answers.ContainsKey(i.Key))),
        ];

    /// <summary>The score of one axis from that part's answers. The answers must pass <see cref="Check"/>.</summary>
    public static (AxisScore Axis, IReadOnlyList<Contribution> Contributions) ScoreAxis(Instrument instrument, AssessmentPart part, IReadOnlyDictionary<string, int> answers)
    {
        var items = instrument.ItemsOf(part).ToList();
        var cutOff = instrument.CutOff(part);
        var totalWeight = items.Sum(i => i.Weight);
        var contributions = new List<Contribution>(items.Count);
        var sum = 0.0;
        foreach (var item in items)
        {
            var scale = instrument.ScaleOf(item);
            var answer = answers[item.Key];
            var normalised = (double)(answer - scale.Min) / (scale.Max - scale.Min);
            sum += item.Weight * normalised;
            contributions.Add(new Contribution(item.Key, part, answer, normalised, 100 * item.Weight * (normalised - (cutOff / 100)) / totalWeight));
        }

        return (new AxisScore(Math.Round(100 * sum / totalWeight, 6), cutOff), contributions);
    }

    /// <summary>Scores both parts and places the client. The answers must pass <see cref="Check"/>.</summary>
    public static ScoringResult Score(Instrument instrument, IReadOnlyDictionary<string, int> clientAnswers, IReadOnlyDictionary<string, int> professionalAnswers)
    {
        var (client, clientContributions) = ScoreAxis(instrument, AssessmentPart.Client, clientAnswers);
        var (professional, professionalContributions) = ScoreAxis(instrument, AssessmentPart.Professional, professionalAnswers);
        return new ScoringResult(client, professional, Place(client.IsPlus, professional.IsPlus), [.. clientContributions, .. professionalContributions]);
    }
}
