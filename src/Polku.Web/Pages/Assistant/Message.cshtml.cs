using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Assistant;
using Polku.Core.Localisation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Assistant;

/// <summary>
/// A message to the family centre, anonymous or signed in. Anonymous residents give a phone number or an e-mail address
/// for the answer and consent to its use; a signed-in client reads the answer on their own pages as well.
/// </summary>
public sealed class MessageModel(Handoffs handoffs, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public MessageInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Situation { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public bool SignedInClient { get; private set; }

    public IEnumerable<SelectListItem> ConsentOptions =>
    [
        new(texts["Assistant.Choose"], ""),
        new(texts["Assistant.Message.ConsentYes"], "true"),
    ];

    public async Task OnGetAsync(CancellationToken ct) =>
        SignedInClient = (await actor.GetAsync(ct)).ClientId is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await actor.GetAsync(ct);
        SignedInClient = me.ClientId is not null;
        if (me.ClientId is null && string.IsNullOrWhiteSpace(Input.Phone) && string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Phone", texts["Assistant.Message.NeedContact"]);
        }

        if (Input.Consent != true)
        {
            ModelState.AddModelError("Input.Consent", texts["Assistant.Message.NeedConsent"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var situation = Guidance.Find(Situation)?.Key;
        await handoffs.SubmitAsync(Input.Text!, PolkuCultures.CurrentLanguage, Input.Name!, Input.Phone, Input.Email, consent: true, me.ClientId, situation, ct);
        return RedirectToPage(new { sent = true });
    }

    public sealed class MessageInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(HandoffMessage.MaxTextLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Assistant.Message.Text")]
        public string? Text { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Assistant.Message.Name")]
        public string? Name { get; set; }

        [RegularExpression(@"^\+?[0-9][0-9 \-]{5,18}[0-9]$", ErrorMessage = "Validation.Phone")]
        [Display(Name = "Client.Phone")]
        public string? Phone { get; set; }

        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(320, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Client.Email")]
        public string? Email { get; set; }

        [Display(Name = "Assistant.Message.Consent")]
        public bool? Consent { get; set; }
    }
}
