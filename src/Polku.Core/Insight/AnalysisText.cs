using System.Globalization;
using System.Text;
using Polku.Core.Localisation;

namespace Polku.Core.Insight;

/// <summary>The readable form of an <see cref="AnalysisReport"/>, in the current UI language and the given culture's number formats.</summary>
public static class AnalysisText
{
    public static string Format(AnalysisReport report, CultureInfo culture)
    {
        var text = new StringBuilder();
        string T(string key) => TextsResource.Get(key);
        void Line(string key, params object?[] values) => text.AppendLine(string.Format(culture, T(key), values));
        string NotAvailable() => T("Insight.Report.NotAvailable");
        string Percent(double? share) => share is { } s ? s.ToString("P1", culture) : NotAvailable();
        string Number(double? value, string format) => value is { } v ? v.ToString(format, culture) : NotAvailable();

        text.AppendLine(T("Insight.Report.Title"));
        text.AppendLine();
        Line("Insight.Report.Summary", report.Persons.ToString("N0", culture), report.Events.ToString("N0", culture), report.TotalCostEur.ToString("N2", culture));
        Line("Insight.Report.TopShares", Percent(report.TopShare.P1), Percent(report.TopShare.P5), Percent(report.TopShare.P10), Percent(report.TopShare.P20));
        Line("Insight.Report.Gini", Number(report.Gini, "0.000"));
        Line("Insight.Report.Lorenz", Percent(0.5), Percent(report.Lorenz[50].Share));
        text.AppendLine();

        text.AppendLine(T("Insight.Report.ByLevel"));
        foreach (var level in report.ByLevel)
        {
            var name = T("Insight.Level." + level.Level.Name());
            if (level is { Persons: { } persons, Events: { } events, CostEur: { } cost })
            {
                Line("Insight.Report.LevelLine", name, persons.ToString("N0", culture), events.ToString("N0", culture), cost.ToString("N2", culture));
            }
            else
            {
                Line("Insight.Report.WithheldLine", name);
            }
        }

        text.AppendLine();
        text.AppendLine(T("Insight.Report.ByChannel"));
        foreach (var channel in report.ByChannel)
        {
            var name = T("Insight.Channel." + channel.Channel.Name());
            if (channel is { Events: { } events, Share: { } share })
            {
                Line("Insight.Report.ChannelLine", name, events.ToString("N0", culture), Percent(share));
            }
            else
            {
                Line("Insight.Report.WithheldLine", name);
            }
        }

        text.AppendLine();
        Line("Insight.Report.Referrals", report.Referrals.Count.ToString("N0", culture), report.Referrals.Returned.ToString("N0", culture),
            report.Referrals.PersonsWithReturned.ToString("N0", culture));
        foreach (var wait in report.Referrals.MedianWaitDays)
        {
            var name = T("Insight.Level." + wait.Level.Name());
            if (wait.MedianDays is { } days)
            {
                Line("Insight.Report.MedianWait", name, days.ToString("N1", culture));
            }
            else
            {
                Line("Insight.Report.MedianWaitWithheld", name);
            }
        }

        text.AppendLine();
        var heavy = report.HeavyUsers;
        Line("Insight.Report.HeavyUsers", heavy.Count.ToString("N0", culture), Number(heavy.MeanDistinctLevels, "N1"), Number(heavy.MeanDistinctProviders, "N1"),
            Number(heavy.RestMeanDistinctLevels, "N1"), Number(heavy.RestMeanDistinctProviders, "N1"));
        return text.ToString();
    }
}
