using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;
using Polku.Core.Localisation;

namespace Polku.Web.Setup;

/// <summary>
/// Wraps one of ASP.NET Core's culture providers and maps what it finds to Polku's cultures by language, so that
/// <c>?culture=sv</c>, <c>sv-SE</c> and an <c>Accept-Language: sv</c> all mean sv-FI; names of other languages are
/// dropped, so the next provider (or Finnish) decides.
/// </summary>
public sealed class PolkuCultureProvider(RequestCultureProvider inner) : RequestCultureProvider
{
    /// <summary>The order of ADR 0004: an explicit <c>?culture=</c>, then the switcher's cookie, then the browser.</summary>
    public static IList<IRequestCultureProvider> All() =>
    [
        new PolkuCultureProvider(new QueryStringRequestCultureProvider()),
        new PolkuCultureProvider(new CookieRequestCultureProvider { CookieName = PolkuCultures.CookieName }),
        new PolkuCultureProvider(new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 10 }),
    ];

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var found = await inner.DetermineProviderCultureResult(httpContext);
        if (found is null)
        {
            return null;
        }

        var cultures = Map(found.Cultures);
        var uiCultures = Map(found.UICultures);
        if (cultures.Count == 0 && uiCultures.Count == 0)
        {
            return null;
        }

        return new ProviderCultureResult(cultures.Count > 0 ? cultures : uiCultures, uiCultures.Count > 0 ? uiCultures : cultures);
    }

    private static List<StringSegment> Map(IList<StringSegment> names)
    {
        var mapped = new List<StringSegment>();
        foreach (var name in names)
        {
            if (PolkuCultures.Supported(name.Value) is { } culture && !mapped.Contains(culture))
            {
                mapped.Add(culture);
            }
        }

        return mapped;
    }
}
