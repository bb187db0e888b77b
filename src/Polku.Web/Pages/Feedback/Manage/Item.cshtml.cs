using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Participation.Feedback;

namespace Polku.Web.Pages.Feedback.Manage;

/// <summary>One feedback item: its answers and the form that moves it in the loop (signed givers are told).</summary>
public sealed class ItemModel(PolkuDb db, FeedbackLoop loop, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public MoveInput Input { get; set; } = new();

    public FeedbackItem? Item { get; private set; }

    public IEnumerable<SelectListItem> NextStates =>
        Enum.GetValues<FeedbackState>().Where(s => FeedbackItem.CanMove(Item!.State, s))
            .Select(s => new SelectListItem(texts["Feedback.State." + s], s.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Input.To is not { } to)
        {
            return Page();
        }

        if (await loop.MoveAsync(Id, to, Input.Answer, ct) is { } problem)
        {
            ModelState.AddModelError(problem == FeedbackProblem.TransitionNotAllowed ? "Input.To" : "Input.Answer", texts["Feedback.Problem." + problem]);
            return Page();
        }

        return Redirect($"/Feedback/Manage/Item/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Item = await db.FeedbackItems.AsNoTracking().Include(f => f.DevelopmentAction).FirstOrDefaultAsync(f => f.Id == Id, ct);
        return Item is not null;
    }

    public sealed class MoveInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Feedback.Move.To")]
        public FeedbackState? To { get; set; }

        [StringLength(FeedbackItem.ReasonMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Move.Answer")]
        public string? Answer { get; set; }
    }
}
