using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Identity;
using Polku.Core.Localisation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Account;

public sealed class LoginModel(
    SignInManager<PolkuUser> signIn,
    UserManager<PolkuUser> users,
    IPasswordHasher<PolkuUser> hasher,
    SignInThrottle throttle,
    OpenIdConnectSettings oidc,
    IStringLocalizer<Texts> texts,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ExternalSignIn => oidc.Enabled ? (string.IsNullOrWhiteSpace(oidc.DisplayName) ? texts["Login.ExternalDefault"] : oidc.DisplayName) : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userName = Input.UserName.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        switch (throttle.Check(address, userName))
        {
            case SignInVerdict.TooManyFromAddress or SignInVerdict.TooManyForUserName:
                logger.LogWarning("Local sign-in throttled");
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)throttle.LockTime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                ModelState.AddModelError(string.Empty, texts["Login.TooMany", (int)throttle.LockTime.TotalMinutes]);
                return Page();
            case SignInVerdict.Locked:
                logger.LogInformation("Local sign-in refused (locked out)");
                ModelState.AddModelError(string.Empty, texts["Login.LockedOut"]);
                return Page();
        }

        // Unknown and administratively locked accounts take the same path and time as a wrong password: one
        // password hash is verified either way, and the answer is the same.
        var user = await users.FindByNameAsync(userName);
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(Decoy.User, Decoy.Hash, Input.Password);
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        }

        if (result.Succeeded)
        {
            throttle.RecordSuccess(address, userName);
            logger.LogInformation("Local sign-in succeeded");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/"
                ? ReturnUrl
                : Landing.For([.. await users.GetRolesAsync(user!)], user!.ProfessionalId is not null, user.ClientId is not null));
        }

        throttle.RecordFailure(address, userName);
        logger.LogInformation("Local sign-in refused");
        ModelState.AddModelError(string.Empty, texts["Login.Failed"]);
        return Page();
    }

    /// <summary>A password hash made once with the app's own hasher, verified when there is no account to check.</summary>
    private static class Decoy
    {
        public static readonly PolkuUser User = new() { UserName = "decoy" };
        public static readonly string Hash = new PasswordHasher<PolkuUser>().HashPassword(User, Guid.NewGuid().ToString("N"));
    }

    public IActionResult OnPostExternal()
    {
        if (!oidc.Enabled)
        {
            return NotFound();
        }

        var redirect = Url.Page("/Account/ExternalLogin", new { returnUrl = ReturnUrl });
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectSettings.Scheme, redirect);
        return Challenge(properties, OpenIdConnectSettings.Scheme);
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Login.UserName")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = "";
    }
}
