using System.Collections.Concurrent;
using System.Globalization;

namespace Polku.Core.Localisation;

/// <summary>The user-interface cultures: Finnish (default), Swedish and English, formatted as used in Finland.</summary>
public static class PolkuCultures
{
    public const string Default = "fi-FI";
    public const string CookieName = "polku.lang";

    private static readonly ConcurrentDictionary<string, CultureInfo> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> All { get; } = ["fi-FI", "sv-FI", "en-GB"];

    /// <summary>The two-letter language codes used in <c>&lt;html lang&gt;</c> and in stored preferences.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["fi", "sv", "en"];

    public static string CultureFor(string language) => language switch
    {
        "sv" => "sv-FI",
        "en" => "en-GB",
        _ => Default,
    };

    /// <summary>
    /// The supported culture a requested name means, by its language: "sv", "sv-SE" and "SV-fi" are all sv-FI;
    /// null when the language is not one of Polku's.
    /// </summary>
    public static string? Supported(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        var dash = trimmed.IndexOfAny(['-', '_']);
        var language = (dash < 0 ? trimmed : trimmed[..dash]).ToLowerInvariant();
        return Languages.Contains(language) ? CultureFor(language) : null;
    }

    /// <summary>
    /// A read-only culture for one of <see cref="All"/>. Swedish is Finland-Swedish: dates as 5.8.2026 and times as
    /// 14.30, as Finnish writes them (ICU's sv-FI data gives the Sweden-Swedish 2026-08-05 and 14:30).
    /// </summary>
    public static CultureInfo Get(string name) => Cache.GetOrAdd(Supported(name) ?? Default, static key =>
    {
        var culture = new CultureInfo(key);
        if (key == "sv-FI")
        {
            var format = culture.DateTimeFormat;
            format.ShortDatePattern = "d.M.yyyy";
            format.ShortTimePattern = "H.mm";
            format.LongTimePattern = "H.mm.ss";
            format.TimeSeparator = ".";
        }

        return CultureInfo.ReadOnly(culture);
    });

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
