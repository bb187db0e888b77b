using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Participation.Feedback;

namespace Polku.Core.Insight;

/// <summary>
/// Client feedback (SPEC §3.4, §3.5) on the own-data dashboard: NPS and the statement averages by unit and by the
/// signed givers' customership, computed by <see cref="FeedbackFigures"/>. A group of fewer than five items is withheld
/// whole, its size included. Feedback has no area of its own (anonymous feedback carries no municipality), so the area
/// filter does not narrow this section; the page says so.
/// </summary>
public sealed class FeedbackSection(PolkuDb db, FeedbackFigures figures) : IDashboardSection
{
    public const string ByUnit = "feedback_by_unit";
    public const string ByCustomership = "feedback_by_customership";

    public string Id => "feedback";

    public string TitleKey => "Insight.Own.Section.Feedback";

    public string? NoteKey => "Insight.Own.Section.Feedback.Note";

    public async Task<IReadOnlyList<DashboardTable>> BuildAsync(OwnDataFilter filter, CancellationToken ct = default)
    {
        var from = filter.From ?? DateOnly.MinValue;
        var to = filter.To ?? DateOnly.MaxValue;
        var units = await figures.ByAsync(FeedbackGrouping.Unit, from, to, filter.UnitId, filter.Units, ct);
        var customerships = await figures.ByAsync(FeedbackGrouping.Customership, from, to, filter.UnitId, filter.Units, ct);
        var names = await db.Organisations.AsNoTracking()
            .ToDictionaryAsync(o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o => o.Name, ct);
        var language = PolkuCultures.CurrentLanguage;
        return
        [
            Table(ByUnit, "Insight.Own.Table.FeedbackByUnit", "unit", "Insight.Own.Column.Unit", units,
                g => names.TryGetValue(g, out var name) ? name.In(language) : g),
            Table(ByCustomership, "Insight.Own.Table.FeedbackByCustomership", "customership", "Insight.Own.Column.Customership", customerships,
                g => g == FeedbackFigures.Unknown ? "Insight.Own.Unknown" : "Customership." + g),
        ];
    }

    /// <summary>The pure part: one table from the figures of its groups; <paramref name="label"/> gives a group's text (key).</summary>
    public static DashboardTable Table(
        string id, string titleKey, string groupColumn, string groupTextKey, IEnumerable<FeedbackFigure> groups, Func<string, string> label) =>
        new(id, titleKey,
            [new(groupColumn, groupTextKey), new("items", "Insight.Own.Column.FeedbackItems"), new("nps", "Insight.Own.Column.Nps"),
                new("got_help", "Feedback.GotHelp"), new("respected", "Feedback.Respected"),
                new("listened", "Feedback.Listened")],
            [.. groups.Select(f => (IReadOnlyList<DashboardCell>)(f.Withheld
                ? [DashboardCell.Label(f.Group, label(f.Group)), DashboardCell.Hidden(CellFormat.Count), DashboardCell.Hidden(CellFormat.Mean),
                    DashboardCell.Hidden(CellFormat.Mean), DashboardCell.Hidden(CellFormat.Mean), DashboardCell.Hidden(CellFormat.Mean)]
                : [DashboardCell.Label(f.Group, label(f.Group)), DashboardCell.Of(CellFormat.Count, f.Count), DashboardCell.Of(CellFormat.Mean, f.Nps),
                    DashboardCell.Of(CellFormat.Mean, f.GotHelp), DashboardCell.Of(CellFormat.Mean, f.Respected), DashboardCell.Of(CellFormat.Mean, f.Listened)]))]);
}
