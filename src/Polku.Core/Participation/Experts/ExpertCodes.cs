namespace Polku.Core.Participation.Experts;

/// <summary>
/// The fixed codes of the bank: experience areas (each has a text <c>Experts.Area.{code}</c>) and the languages offered
/// as choices. Other languages are ISO 639 codes (two or three lower-case letters).
/// </summary>
public static class ExpertCodes
{
    public static IReadOnlyList<string> Areas { get; } =
    [
        "child-welfare",
        "family-services",
        "youth",
        "mental-health",
        "substance-use",
        "disability",
        "older-people",
        "long-term-illness",
        "immigrant-background",
        "poverty",
    ];

    /// <summary>The languages offered as choices; a request is made in one of these.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["fi", "sv", "en"];

    public static bool IsArea(string code) => Areas.Contains(code, StringComparer.Ordinal);

    /// <summary>
    /// Reads "other languages" written as comma-separated ISO 639 codes ("so, ar, ru"): trimmed, lower-cased, without
    /// duplicates. Null when any item is not two or three letters a–z; an empty or blank text gives an empty list.
    /// </summary>
    public static IReadOnlyList<string>? ParseLanguages(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var codes = new List<string>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var code = item.ToLowerInvariant();
            if (code.Length is < 2 or > 3 || !code.All(c => c is >= 'a' and <= 'z'))
            {
                return null;
            }

            if (!codes.Contains(code, StringComparer.Ordinal))
            {
                codes.Add(code);
            }
        }

        return codes;
    }
}
