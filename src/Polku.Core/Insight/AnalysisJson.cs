using System.Text.Json;

namespace Polku.Core.Insight;

/// <summary>Writes an <see cref="AnalysisReport"/> as the SPEC §5.2 JSON object (snake_case, culture-invariant, doubles round-trippable).</summary>
public static class AnalysisJson
{
    public static void Write(AnalysisReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("persons", report.Persons);
        json.WriteNumber("events", report.Events);
        json.WriteNumber("total_cost_eur", report.TotalCostEur);

        json.WriteStartObject("top_share");
        Number(json, "p1", report.TopShare.P1);
        Number(json, "p5", report.TopShare.P5);
        Number(json, "p10", report.TopShare.P10);
        Number(json, "p20", report.TopShare.P20);
        json.WriteEndObject();

        Number(json, "gini", report.Gini);

        json.WriteStartArray("lorenz");
        foreach (var point in report.Lorenz)
        {
            json.WriteStartArray();
            json.WriteNumberValue(point.X);
            Value(json, point.Share);
            json.WriteEndArray();
        }

        json.WriteEndArray();

        json.WriteStartArray("by_level");
        foreach (var level in report.ByLevel)
        {
            json.WriteStartObject();
            json.WriteString("level", level.Level.Name());
            Number(json, "persons", level.Persons);
            Number(json, "events", level.Events);
            Number(json, "cost_eur", level.CostEur);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("by_channel");
        foreach (var channel in report.ByChannel)
        {
            json.WriteStartObject();
            json.WriteString("channel", channel.Channel.Name());
            Number(json, "events", channel.Events);
            Number(json, "share", channel.Share);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("referrals");
        json.WriteNumber("count", report.Referrals.Count);
        json.WriteNumber("returned", report.Referrals.Returned);
        json.WriteNumber("persons_with_returned", report.Referrals.PersonsWithReturned);
        json.WriteStartObject("median_wait_days");
        foreach (var wait in report.Referrals.MedianWaitDays)
        {
            Number(json, wait.Level.Name(), wait.MedianDays);
        }

        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("heavy_users");
        json.WriteNumber("share_of_persons", report.HeavyUsers.ShareOfPersons);
        Number(json, "mean_distinct_levels", report.HeavyUsers.MeanDistinctLevels);
        Number(json, "mean_distinct_providers", report.HeavyUsers.MeanDistinctProviders);
        Number(json, "rest_mean_distinct_levels", report.HeavyUsers.RestMeanDistinctLevels);
        Number(json, "rest_mean_distinct_providers", report.HeavyUsers.RestMeanDistinctProviders);
        json.WriteEndObject();

        json.WriteStartArray("suppressed");
        foreach (var path in report.Suppressed)
        {
            json.WriteStringValue(path);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        Value(json, value);
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        json.WritePropertyName(name);
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void Value(Utf8JsonWriter json, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
