using System.Globalization;
using System.Resources;

namespace Polku.Core.Localisation;

/// <summary>
/// Read-only access to <see cref="Texts"/> where dependency injection does not reach (framework message accessors,
/// the command-line tool). Pages and services use <c>IStringLocalizer&lt;Texts&gt;</c>.
/// </summary>
public static class TextsResource
{
    public static ResourceManager Manager { get; } = new("Polku.Core.Localisation.Texts", typeof(Texts).Assembly);

    /// <summary>The text for <paramref name="key"/> in the current UI culture; the key itself if it is missing.</summary>
    public static string Get(string key, CultureInfo? culture = null) =>
        Manager.GetString(key, culture ?? CultureInfo.CurrentUICulture) ?? key;
}
