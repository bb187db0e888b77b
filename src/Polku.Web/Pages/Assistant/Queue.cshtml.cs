using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Assistant;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Assistant;

/// <summary>
/// The answering units' queue of messages left through the assistant, urgent ones first. A professional of another
/// unit gets 403 with a page that says which setting names the answering units.
/// </summary>
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

    /// <summary>False when the professional's unit does not answer assistant messages.</summary>
    public bool MayAnswer { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct);
        }

        var me = await actor.GetAsync(ct);
        if (!await handoffs.MayAnswerAsync(me, ct))
        {
            return await LoadAsync(ct);
        }

        if (!await handoffs.AnswerAsync(me, Id, Answer!, ct))
        {
            return NotFound();
        }

        TempData["Answered"] = true;
        return RedirectToPage();
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (await handoffs.QueueAsync(await actor.GetAsync(ct), ct) is { } open)
        {
            Open = open;
            return Page();
        }

        MayAnswer = false;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
