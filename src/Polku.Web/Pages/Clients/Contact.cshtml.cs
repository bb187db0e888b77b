using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Clients;

/// <summary>Changes a client's contact details. Reading the form and saving it are both audited.</summary>
public sealed class ContactModel(ClientAccess access, CurrentActor actor, PolkuDb db, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public string ClientName { get; private set; } = "";

    public IEnumerable<SelectListItem> LanguageOptions =>
        PolkuCultures.Languages.Select(l => new SelectListItem(texts["Language." + l], l));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var opening = await access.OpenAsync(await actor.GetAsync(ct), Id, AuditAction.Read, AuditResources.ClientContact, ct);
        if (opening.Client is not { } client)
        {
            return ClientPageResults.NotOpened(opening);
        }

        ClientName = client.FullName;
        Input = new ContactInput { Phone = client.Phone, Email = client.Email, Language = client.Language };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var opening = await access.OpenAsync(await actor.GetAsync(ct), Id, ModelState.IsValid ? AuditAction.Change : AuditAction.Read, AuditResources.ClientContact, ct);
        if (opening.Client is not { } client)
        {
            return ClientPageResults.NotOpened(opening);
        }

        ClientName = client.FullName;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        client.ChangeContact(Input.Phone, Input.Email, Input.Language);
        await db.SaveChangesAsync(ct);
        TempData["Saved"] = "contact";
        return Redirect($"/Clients/{Id}");
    }

    public sealed class ContactInput
    {
        [RegularExpression(@"^\+?[0-9][0-9 \-]{5,18}[0-9]$", ErrorMessage = "Validation.Phone")]
        [Display(Name = "Client.Phone")]
        public string? Phone { get; set; }

        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(254, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Client.Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^(fi|sv|en)$", ErrorMessage = "Validation.Choice")]
        [Display(Name = "Client.Language")]
        public string Language { get; set; } = "fi";
    }
}
