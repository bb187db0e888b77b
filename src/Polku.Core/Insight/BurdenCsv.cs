using System.Globalization;
using System.Text;

namespace Polku.Core.Insight;

/// <summary>Standard Cost Model results as CSV: UTF-8, comma-separated, a header row, culture-invariant numbers.</summary>
public static class BurdenCsv
{
    public static string Scenario(BurdenTotals totals)
    {
        var csv = new StringBuilder("service,hours_per_event,euros_per_event,events_per_year,hours,euros\n");
        foreach (var item in totals.Items)
        {
            csv.AppendJoin(',', Quote(item.Service), N(item.HoursPerEvent), N(item.EurosPerEvent), item.EventsPerYear.ToString(CultureInfo.InvariantCulture), N(item.Hours), N(item.Euros)).Append('\n');
        }

        csv.AppendJoin(',', "total", "", "", "", N(totals.Hours), N(totals.Euros)).Append('\n');
        return csv.ToString();
    }

    public static string Comparison(BurdenComparison comparison)
    {
        var csv = new StringBuilder("service,hours_before,hours_after,hours_change,euros_before,euros_after,euros_change\n");
        foreach (var s in comparison.Services)
        {
            csv.AppendJoin(',', Quote(s.Service), N(s.Before?.Hours), N(s.After?.Hours), N(s.HoursChange), N(s.Before?.Euros), N(s.After?.Euros), N(s.EurosChange)).Append('\n');
        }

        csv.AppendJoin(',', "total", N(comparison.Before.Hours), N(comparison.After.Hours), N(comparison.HoursChange),
            N(comparison.Before.Euros), N(comparison.After.Euros), N(comparison.EurosChange)).Append('\n');
        return csv.ToString();
    }

    private static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
