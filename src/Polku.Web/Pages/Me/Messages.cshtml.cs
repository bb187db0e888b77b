using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Assistant;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Notifications;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>
/// The client's own messages to the family centre with their answers (the assistant conversation continues here), and
/// the choice whether to receive proactive offers, invitations and reminders.
/// </summary>
public sealed class MessagesModel(Handoffs handoffs, NotificationOutbox outbox, PolkuDb db, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    public List<HandoffMessage> Messages { get; private set; } = [];
    public bool OptedOut { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression("^(on|off)$", ErrorMessage = "Validation.Choice")]
    [Display(Name = "Me.Proactive.Choice")]
    public string? Proactive { get; set; }

    public IEnumerable<SelectListItem> ProactiveOptions =>
    [
        new(texts["Me.Proactive.ChooseOn"], "on"),
        new(texts["Me.Proactive.ChooseOff"], "off"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var clientId = who.ClientId!.Value;
        Messages = await handoffs.ForClientAsync(who, clientId, ct) ?? [];
        OptedOut = await outbox.IsOptedOutAsync(clientId, NotificationCategory.Proactive, ct);
        Proactive = OptedOut ? "off" : "on";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var clientId = who.ClientId!.Value;
        if (!ModelState.IsValid)
        {
            Messages = await handoffs.ForClientAsync(who, clientId, ct) ?? [];
            OptedOut = await outbox.IsOptedOutAsync(clientId, NotificationCategory.Proactive, ct);
            return Page();
        }

        await outbox.SetOptOutAsync(clientId, NotificationCategory.Proactive, Proactive == "off", ct);
        await db.SaveChangesAsync(ct);
        TempData["Saved"] = true;
        return RedirectToPage();
    }
}
