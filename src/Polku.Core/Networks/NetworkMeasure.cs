using Polku.Core.Insight;

namespace Polku.Core.Networks;

/// <summary>
/// A figure of the effectiveness section a county can set a threshold on: the side that is bad and the range a
/// threshold may take, in the unit the figure is shown in (shares in per cent).
/// </summary>
public sealed record NetworkMeasure(string Code, CellFormat Format, bool BadWhenAbove, double Min, double Max)
{
    /// <summary>Every measure with a threshold, in the order of the effectiveness table.</summary>
    public static IReadOnlyList<NetworkMeasure> All { get; } =
    [
        new("goals_attained", CellFormat.Share, false, 0, 100),
        new("mean_t_score", CellFormat.Mean, false, 20, 80),
        new("followups_overdue", CellFormat.Count, true, 0, 100_000),
        new("first_help_days", CellFormat.Days, true, 0, 365),
        new("handled_at_once", CellFormat.Share, false, 0, 100),
        new("answered_in_time", CellFormat.Share, false, 0, 100),
        new("returned", CellFormat.Count, true, 0, 100_000),
        new("bouncing_now", CellFormat.Count, true, 0, 100_000),
        new("without_owner_now", CellFormat.Count, true, 0, 100_000),
    ];

    public static NetworkMeasure? Find(string code) => All.FirstOrDefault(m => m.Code == code);

    /// <summary>The text key of the measure's name (the effectiveness table's own label).</summary>
    public string LabelKey => "Insight.Own.Effectiveness." + Code;

    /// <summary>A figure's number in the unit a threshold is written in (a share 0–1 becomes per cent).</summary>
    public double InThresholdUnit(double number) => Format == CellFormat.Share ? number * 100 : number;

    /// <summary>Whether a figure (in the threshold's unit) is on the bad side of the threshold; reaching it is not crossing it.</summary>
    public bool Crosses(double value, double threshold) => BadWhenAbove ? value > threshold : value < threshold;
}
