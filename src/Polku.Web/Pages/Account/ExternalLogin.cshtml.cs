using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Identity;

namespace Polku.Web.Pages.Account;

/// <summary>
/// Return point of an OpenID Connect sign-in. The identity provider proves who the person is; Polku keeps the
/// roles, so the person must already have a local account, found by a previous link or by e-mail address.
/// </summary>
/// <remarks>
/// A provider's user is linked to a local account by e-mail only when the provider says it has verified the address
/// (<c>email_verified</c> true): anybody may type any address into a provider's profile. An account already linked to
/// another user of the same provider is not linked again, so a second provider account with the same address cannot
/// take it over.
/// </remarks>
public sealed class ExternalLoginModel(SignInManager<PolkuUser> signIn, UserManager<PolkuUser> users, ILogger<ExternalLoginModel> logger) : PageModel
{
    /// <summary>The provider gave an e-mail address without saying it has verified it (so it was not used to link).</summary>
    public bool EmailNotVerified { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return RedirectToPage("/Account/Login");
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (!result.Succeeded && !result.IsLockedOut)
        {
            var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
            EmailNotVerified = email is not null && !IsVerified(info.Principal);
            var user = email is null || EmailNotVerified ? null : await users.FindByEmailAsync(email);
            if (user is not null && !(await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == info.LoginProvider)
                && (await users.AddLoginAsync(user, info)).Succeeded)
            {
                await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
                result = Microsoft.AspNetCore.Identity.SignInResult.Success;
            }
        }

        if (result.Succeeded)
        {
            logger.LogInformation("External sign-in succeeded");
            if (Url.IsLocalUrl(returnUrl) && returnUrl != "/")
            {
                return LocalRedirect(returnUrl);
            }

            var signedIn = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
            return LocalRedirect(signedIn is null
                ? "/"
                : Setup.Landing.For([.. await users.GetRolesAsync(signedIn)], signedIn.ProfessionalId is not null, signedIn.ClientId is not null));
        }

        logger.LogInformation("External sign-in refused: no linked account and no local account with a verified matching e-mail");
        return Page();
    }

    /// <summary>The provider's <c>email_verified</c> claim is true (a JSON boolean, or the string "true").</summary>
    private static bool IsVerified(ClaimsPrincipal principal) =>
        bool.TryParse(principal.FindFirstValue("email_verified"), out var verified) && verified;
}
