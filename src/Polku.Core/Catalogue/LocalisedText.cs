using System.Globalization;

namespace Polku.Core.Catalogue;

/// <summary>A text in Finnish, Swedish and English. Finnish is required; a missing language falls back to Finnish.</summary>
public sealed record LocalisedText(string Fi, string? Sv = null, string? En = null)
{
    public string In(string language) => language switch
    {
        "sv" when !string.IsNullOrWhiteSpace(Sv) => Sv,
        "en" when !string.IsNullOrWhiteSpace(En) => En,
        _ => Fi,
    };

    public string InCurrentCulture() => In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
}
