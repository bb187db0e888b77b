using System.Globalization;

namespace Polku.Core.Localisation;

/// <summary>The user-interface cultures: Finnish (default), Swedish and English, formatted as used in Finland.</summary>
public static class PolkuCultures
{
    public const string Default = "fi-FI";
    public const string CookieName = "polku.lang";

    public static IReadOnlyList<string> All { get; } = ["fi-FI", "sv-FI", "en-GB"];

    /// <summary>The two-letter language codes used in <c>&lt;html lang&gt;</c> and in stored preferences.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["fi", "sv", "en"];

    public static string CultureFor(string language) => language switch
    {
        "sv" => "sv-FI",
        "en" => "en-GB",
        _ => Default,
    };

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
