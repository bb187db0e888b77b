using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Localisation;

namespace Polku.Web.Pages.Admin;

/// <summary>Users and their roles; an administrator creates local accounts here.</summary>
public sealed class UsersModel(UserManager<PolkuUser> users, PolkuDb db, IStringLocalizer<Texts> texts, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public List<UserRow> Users { get; private set; } = [];

    public IEnumerable<SelectListItem> RoleOptions =>
        new[] { new SelectListItem(texts["Form.Choose"], "") }.Concat(Roles.All.Select(r => new SelectListItem(texts["Role." + r], r)));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await users.FindByNameAsync(Input.UserName.Trim()) is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.UserName)}", texts["Users.UserNameTaken"]);
        }

        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email.Trim()) is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", texts["Users.EmailTaken"]);
        }

        if (ModelState.IsValid)
        {
            var user = new PolkuUser
            {
                UserName = Input.UserName.Trim(),
                Email = Input.Email.Trim(),
                DisplayName = Input.DisplayName.Trim(),
                LockoutEnabled = true,
            };
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                var added = await users.AddToRoleAsync(user, Input.Role);
                if (added.Succeeded)
                {
                    await transaction.CommitAsync(ct);
                    TempData["Created"] = user.UserName;
                    return RedirectToPage();
                }

                AddErrors(added);
            }
            else
            {
                AddErrors(created);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Input.Password) : nameof(Input.UserName);
            var key = "Identity." + error.Code;
            var text = texts[key];
            ModelState.AddModelError($"{nameof(Input)}.{field}", text.ResourceNotFound ? texts["Validation.Invalid"] : text);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        Users = (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct))
            .Select(u => new UserRow(
                u.UserName!,
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
                u.LockoutEnd is { } end && end > now))
            .ToList();
    }

    public sealed record UserRow(string UserName, string DisplayName, List<string> Roles, bool LockedOut);

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^[a-zA-Z0-9._@\-]{3,64}$", ErrorMessage = "Validation.UserName")]
        [Display(Name = "Users.UserName")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Users.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(254, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Users.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(Core.Identity.Roles.Pattern, ErrorMessage = "Validation.Choice")]
        [Display(Name = "Users.Role")]
        public string Role { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Validation.PasswordLength")]
        [Display(Name = "Users.Password")]
        public string Password { get; set; } = "";
    }
}
