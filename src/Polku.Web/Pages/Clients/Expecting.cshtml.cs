using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Clients;

/// <summary>
/// Records or clears the due date of a child the client is expecting (the maternity clinic's "laskettu aika"), which
/// the proactive rule for family coaching uses. Reading the form and saving it are both audited.
/// </summary>
public sealed class ExpectingModel(ClientAccess access, CurrentActor actor, PolkuDb db, TimeProvider clock, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ExpectingInput Input { get; set; } = new();

    public string ClientName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var opening = await access.OpenAsync(await actor.GetAsync(ct), Id, AuditAction.Read, AuditResources.ClientExpecting, ct);
        if (opening.Client is not { } client)
        {
            return ClientPageResults.NotOpened(opening);
        }

        ClientName = client.FullName;
        Input.DueDate = client.ExpectedChildOn;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var opening = await access.OpenAsync(await actor.GetAsync(ct), Id, ModelState.IsValid ? AuditAction.Change : AuditAction.Read, AuditResources.ClientExpecting, ct);
        if (opening.Client is not { } client)
        {
            return ClientPageResults.NotOpened(opening);
        }

        ClientName = client.FullName;
        if (ModelState.IsValid && !client.SetExpectedChild(Input.DueDate, FinnishTime.Today(clock)))
        {
            ModelState.AddModelError("Input.DueDate", texts["Clients.Expecting.OutOfRange"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["Saved"] = "expecting";
        return Redirect($"/Clients/{Id}");
    }

    public sealed class ExpectingInput
    {
        [DataType(DataType.Date)]
        [Display(Name = "Clients.Expecting.DueDate")]
        public DateOnly? DueDate { get; set; }
    }
}
