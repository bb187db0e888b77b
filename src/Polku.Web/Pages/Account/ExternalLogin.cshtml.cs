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
public sealed class ExternalLoginModel(SignInManager<PolkuUser> signIn, UserManager<PolkuUser> users, ILogger<ExternalLoginModel> logger) : PageModel
{
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
            var email = info.Principal.FindFirstValue(ClaimTypes.Email);
            var user = email is null ? null : await users.FindByEmailAsync(email);
            if (user is not null && (await users.AddLoginAsync(user, info)).Succeeded)
            {
                await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
                result = Microsoft.AspNetCore.Identity.SignInResult.Success;
            }
        }

        if (result.Succeeded)
        {
            logger.LogInformation("External sign-in succeeded");
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        logger.LogInformation("External sign-in refused: no matching local account");
        return Page();
    }
}
