using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Localisation;

namespace Polku.Web.Pages;

/// <summary>Sets the language cookie from the switcher in the header; works without JavaScript.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (language is not null && PolkuCultures.Languages.Contains(language))
        {
            var culture = PolkuCultures.CultureFor(language);
            Response.Cookies.Append(
                PolkuCultures.CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
