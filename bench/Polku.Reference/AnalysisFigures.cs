using System.Globalization;
using System.Text.Json;

namespace Polku.Reference;

/// <summary>
/// The figures of an <c>analyze --json</c> object as paths like <c>top_share.p10</c>, <c>lorenz[37]</c>,
/// <c>by_level[basic].cost_eur</c> (the naming of SPEC §5.2's <c>suppressed</c> list), to compare with
/// <see cref="DuckDbAnalysis"/>.
/// </summary>
public static class AnalysisFigures
{
    public static IReadOnlyDictionary<string, double?> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var figures = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var name in new[] { "persons", "events", "total_cost_eur", "gini" })
        {
            figures[name] = Value(root.GetProperty(name));
        }

        foreach (var share in root.GetProperty("top_share").EnumerateObject())
        {
            figures["top_share." + share.Name] = Value(share.Value);
        }

        var i = 0;
        foreach (var point in root.GetProperty("lorenz").EnumerateArray())
        {
            figures[string.Create(CultureInfo.InvariantCulture, $"lorenz[{i++}]")] = Value(point[1]);
        }

        foreach (var (array, key) in new[] { ("by_level", "level"), ("by_channel", "channel") })
        {
            foreach (var entry in root.GetProperty(array).EnumerateArray())
            {
                var label = entry.GetProperty(key).GetString();
                foreach (var field in entry.EnumerateObject().Where(f => f.Name != key))
                {
                    figures[$"{array}[{label}].{field.Name}"] = Value(field.Value);
                }
            }
        }

        foreach (var field in root.GetProperty("referrals").EnumerateObject().Where(f => f.Name != "median_wait_days"))
        {
            figures["referrals." + field.Name] = Value(field.Value);
        }

        foreach (var wait in root.GetProperty("referrals").GetProperty("median_wait_days").EnumerateObject())
        {
            figures["referrals.median_wait_days." + wait.Name] = Value(wait.Value);
        }

        foreach (var field in root.GetProperty("heavy_users").EnumerateObject())
        {
            figures["heavy_users." + field.Name] = Value(field.Value);
        }

        return figures;
    }

    /// <summary>The <c>suppressed</c> list of an <c>analyze --json</c> object.</summary>
    public static IReadOnlyList<string> Suppressed(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString() ?? "")];
    }

    /// <summary>
    /// The differences between two sets of figures, one line each; empty when they agree: the same paths, the same
    /// nulls, and numbers equal within a relative <paramref name="tolerance"/> (exact for counts).
    /// </summary>
    public static IReadOnlyList<string> Compare(IReadOnlyDictionary<string, double?> polku, IReadOnlyDictionary<string, double?> reference, double tolerance = 1e-9)
    {
        var differences = new List<string>();
        foreach (var path in polku.Keys.Union(reference.Keys).Order(StringComparer.Ordinal))
        {
            var hasOurs = polku.TryGetValue(path, out var ours);
            var hasTheirs = reference.TryGetValue(path, out var theirs);
            if (!hasOurs || !hasTheirs)
            {
                differences.Add($"{path}: only in {(hasOurs ? "polku" : "duckdb")}");
            }
            else if (ours is null != theirs is null
                || (ours is { } a && theirs is { } b && Math.Abs(a - b) > tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)))))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: polku {ours?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}, duckdb {theirs?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}"));
            }
        }

        return differences;
    }

    /// <summary>The paths a §5.2 object must list as suppressed: its withheld per-level, per-channel and wait figures.</summary>
    public static IReadOnlyList<string> ExpectedSuppressed(IReadOnlyDictionary<string, double?> figures) =>
        [.. figures.Where(f => f.Value is null && (f.Key.StartsWith("by_", StringComparison.Ordinal) || f.Key.StartsWith("referrals.median", StringComparison.Ordinal)))
            .Select(f => f.Key).Order(StringComparer.Ordinal)];

    private static double? Value(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
}
