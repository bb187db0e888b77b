using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Assistant;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Assistant;

/// <summary>The professionals' queue of messages left through the assistant, urgent ones first.</summary>
[Authorize(Policy = Policies.ClientWork)]
public sealed class QueueModel(Handoffs handoffs, CurrentActor actor) : PageModel
{
    [BindProperty]
    public long Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(HandoffMessage.MaxTextLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Assistant.Queue.Answer")]
    public string? Answer { get; set; }

    public List<HandoffMessage> Open { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Open = await handoffs.QueueAsync(await actor.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Open = await handoffs.QueueAsync(await actor.GetAsync(ct), ct);
            return Page();
        }

        var me = await actor.GetAsync(ct);
        if (!await handoffs.AnswerAsync(Id, Answer!, me.DisplayName, ct))
        {
            return NotFound();
        }

        TempData["Answered"] = true;
        return RedirectToPage();
    }
}
