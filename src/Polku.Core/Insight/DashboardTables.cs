using System.Globalization;
using System.Text;

namespace Polku.Core.Insight;

/// <summary>How a cell's number is shown: a count, a share 0–1, euros, a mean, a ratio (Gini) or days.</summary>
public enum CellFormat
{
    Label,
    Count,
    Share,
    Euros,
    Mean,
    Ratio,
    Days,
}

/// <summary>
/// One cell of a dashboard table. A label cell has a machine <see cref="Code"/> (written to CSV) and the text key of
/// its translation; a number cell has <see cref="Number"/>, null when it cannot be computed or is
/// <see cref="Withheld"/> (small-cell protection).
/// </summary>
public sealed record DashboardCell(CellFormat Format, double? Number = null, string? Code = null, string? LabelKey = null, bool Withheld = false)
{
    public static DashboardCell Label(string code, string labelKey) => new(CellFormat.Label, Code: code, LabelKey: labelKey);

    public static DashboardCell Of(CellFormat format, double? number) => new(format, number);

    public static DashboardCell Hidden(CellFormat format) => new(format, Withheld: true);
}

/// <summary>A column: its CSV header name (snake_case, invariant) and the text key of its heading on a page.</summary>
public sealed record DashboardColumn(string Name, string TextKey);

/// <summary>A table of the dashboard; the first cell of each row labels it.</summary>
public sealed record DashboardTable(string Id, string TitleKey, IReadOnlyList<DashboardColumn> Columns, IReadOnlyList<IReadOnlyList<DashboardCell>> Rows)
{
    public bool HasWithheld => Rows.Any(r => r.Any(c => c.Withheld));
}

/// <summary>
/// The tables of the knowledge-management dashboard, built from an <see cref="AnalysisReport"/>; pages, CSV downloads
/// and the API all render these, so small-cell protection is decided once, here. On top of the §5.2 suppression
/// (levels, channels, waits), the heavy users' and the rest's means are withheld when the group has fewer than
/// <see cref="ExtractAnalysis.MinimumPersons"/> persons, and the returned-referral figures when 1–4 persons had one.
/// </summary>
public static class DashboardTables
{
    public const string Concentration = "concentration";
    public const string Lorenz = "lorenz";
    public const string HeavyUsers = "heavy_users";
    public const string Levels = "levels";
    public const string Channels = "channels";
    public const string Referrals = "referrals";
    public const string Waits = "waits";

    public static IReadOnlyList<DashboardTable> Build(AnalysisReport report) =>
        [ConcentrationTable(report), LorenzTable(report), HeavyUsersTable(report), LevelsTable(report), ChannelsTable(report), ReferralsTable(report), WaitsTable(report)];

    /// <summary>The share of e-services among all events, or null when the e-service channel is withheld; 0 when it does not occur.</summary>
    public static DashboardCell EServiceShare(AnalysisReport report)
    {
        var eService = report.ByChannel.FirstOrDefault(c => c.Channel == Channel.EService);
        return eService is null ? DashboardCell.Of(CellFormat.Share, report.Events == 0 ? null : 0)
            : eService.Share is { } share ? DashboardCell.Of(CellFormat.Share, share) : DashboardCell.Hidden(CellFormat.Share);
    }

    private static DashboardTable ConcentrationTable(AnalysisReport report)
    {
        var top = report.TopShare;
        return new DashboardTable(Concentration, "Insight.Table.Concentration",
            [new("measure", "Insight.Column.Measure"), new("value", "Insight.Column.Value")],
            [
                [DashboardCell.Label("top_1", "Insight.Measure.Top1"), DashboardCell.Of(CellFormat.Share, top.P1)],
                [DashboardCell.Label("top_5", "Insight.Measure.Top5"), DashboardCell.Of(CellFormat.Share, top.P5)],
                [DashboardCell.Label("top_10", "Insight.Measure.Top10"), DashboardCell.Of(CellFormat.Share, top.P10)],
                [DashboardCell.Label("top_20", "Insight.Measure.Top20"), DashboardCell.Of(CellFormat.Share, top.P20)],
                [DashboardCell.Label("gini", "Insight.Measure.Gini"), DashboardCell.Of(CellFormat.Ratio, report.Gini)],
            ]);
    }

    private static DashboardTable LorenzTable(AnalysisReport report) =>
        new(Lorenz, "Insight.Table.Lorenz",
            [new("persons_share", "Insight.Column.PersonsShare"), new("cost_share", "Insight.Column.CostShare")],
            [.. report.Lorenz.Select(p => (IReadOnlyList<DashboardCell>)[DashboardCell.Of(CellFormat.Share, p.X), DashboardCell.Of(CellFormat.Share, p.Share)])]);

    private static DashboardTable HeavyUsersTable(AnalysisReport report)
    {
        var heavy = report.HeavyUsers;
        var rest = report.Persons - heavy.Count;
        IReadOnlyList<DashboardCell> Row(string code, int persons, double? levels, double? providers) => persons < ExtractAnalysis.MinimumPersons
            ? [DashboardCell.Label(code, "Insight.Group." + code), DashboardCell.Hidden(CellFormat.Count), DashboardCell.Hidden(CellFormat.Mean), DashboardCell.Hidden(CellFormat.Mean)]
            : [DashboardCell.Label(code, "Insight.Group." + code), DashboardCell.Of(CellFormat.Count, persons), DashboardCell.Of(CellFormat.Mean, levels), DashboardCell.Of(CellFormat.Mean, providers)];
        return new DashboardTable(HeavyUsers, "Insight.Table.HeavyUsers",
            [new("group", "Insight.Column.Group"), new("persons", "Insight.Column.Persons"), new("mean_distinct_levels", "Insight.Column.MeanLevels"),
                new("mean_distinct_providers", "Insight.Column.MeanProviders")],
            [Row("heavy", heavy.Count, heavy.MeanDistinctLevels, heavy.MeanDistinctProviders), Row("rest", rest, heavy.RestMeanDistinctLevels, heavy.RestMeanDistinctProviders)]);
    }

    private static DashboardTable LevelsTable(AnalysisReport report) =>
        new(Levels, "Insight.Table.Levels",
            [new("service_level", "Insight.Column.Level"), new("persons", "Insight.Column.Persons"), new("events", "Insight.Column.Events"), new("cost_eur", "Insight.Column.Cost")],
            [.. report.ByLevel.Select(l => (IReadOnlyList<DashboardCell>)[
                DashboardCell.Label(l.Level.Name(), "Insight.Level." + l.Level.Name()),
                Cell(CellFormat.Count, l.Persons, l.Persons is null),
                Cell(CellFormat.Count, l.Events, l.Events is null),
                Cell(CellFormat.Euros, l.CostEur, l.CostEur is null)])]);

    private static DashboardTable ChannelsTable(AnalysisReport report) =>
        new(Channels, "Insight.Table.Channels",
            [new("channel", "Insight.Column.Channel"), new("events", "Insight.Column.Events"), new("share", "Insight.Column.Share")],
            [.. report.ByChannel.Select(c => (IReadOnlyList<DashboardCell>)[
                DashboardCell.Label(c.Channel.Name(), "Insight.Channel." + c.Channel.Name()),
                Cell(CellFormat.Count, c.Events, c.Events is null),
                Cell(CellFormat.Share, c.Share, c.Share is null)])]);

    private static DashboardTable ReferralsTable(AnalysisReport report)
    {
        var referrals = report.Referrals;
        var fewReturned = referrals.PersonsWithReturned is > 0 and < ExtractAnalysis.MinimumPersons;
        return new DashboardTable(Referrals, "Insight.Table.Referrals",
            [new("measure", "Insight.Column.Measure"), new("value", "Insight.Column.Value")],
            [
                [DashboardCell.Label("referrals", "Insight.Measure.Referrals"), DashboardCell.Of(CellFormat.Count, referrals.Count)],
                [DashboardCell.Label("returned", "Insight.Measure.Returned"), Cell(CellFormat.Count, referrals.Returned, fewReturned)],
                [DashboardCell.Label("persons_with_returned", "Insight.Measure.PersonsWithReturned"), Cell(CellFormat.Count, referrals.PersonsWithReturned, fewReturned)],
            ]);
    }

    private static DashboardTable WaitsTable(AnalysisReport report) =>
        new(Waits, "Insight.Table.Waits",
            [new("service_level", "Insight.Column.Level"), new("median_wait_days", "Insight.Column.MedianWait")],
            [.. report.Referrals.MedianWaitDays.Select(w => (IReadOnlyList<DashboardCell>)[
                DashboardCell.Label(w.Level.Name(), "Insight.Level." + w.Level.Name()),
                Cell(CellFormat.Days, w.MedianDays, w.MedianDays is null)])]);

    private static DashboardCell Cell(CellFormat format, double? value, bool withheld) =>
        withheld ? DashboardCell.Hidden(format) : DashboardCell.Of(format, value);

    /// <summary>
    /// The table as CSV (SPEC §5.1 conventions): UTF-8, comma-separated, a header row of the columns' names and
    /// <c>withheld</c>, numbers culture-invariant with full precision; a withheld cell is empty and its row's
    /// <c>withheld</c> field names the withheld columns (separated by <c>;</c>).
    /// </summary>
    public static string ToCsv(DashboardTable table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(c => c.Name)).Append(",withheld\n");
        foreach (var row in table.Rows)
        {
            var withheld = new List<string>();
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                if (cell.Withheld)
                {
                    withheld.Add(table.Columns[i].Name);
                }

                csv.Append(Field(cell)).Append(',');
            }

            csv.Append(Quote(string.Join(';', withheld))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Field(DashboardCell cell) => cell switch
    {
        { Withheld: true } => "",
        { Format: CellFormat.Label } => Quote(cell.Code ?? ""),
        { Number: { } n } => n.ToString("R", CultureInfo.InvariantCulture),
        _ => "",
    };

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
