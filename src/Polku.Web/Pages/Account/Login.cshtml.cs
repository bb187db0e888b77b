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

        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Local sign-in succeeded");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        logger.LogInformation("Local sign-in refused (locked out: {LockedOut})", result.IsLockedOut);
        ModelState.AddModelError(string.Empty, texts[result.IsLockedOut ? "Login.LockedOut" : "Login.Failed"]);
        return Page();
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
