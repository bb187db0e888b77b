using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Participation.Feedback;

namespace Polku.Web.Pages.Feedback.Manage;

/// <summary>A development action: progress, the publicly shown result and milestones.</summary>
public sealed class ActionModel(PolkuDb db, TimeProvider clock, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public ProgressInput Input { get; set; } = new();

    public DevelopmentAction? Action { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new ProgressInput
        {
            Progress = Action!.Progress,
            ResultFi = Action.Result?.Fi,
            ResultSv = Action.Result?.Sv,
            ResultEn = Action.Result?.En,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var today = FinnishTime.Today(clock);
        if (Action!.SetProgress(Input.Progress!.Value, today) is { } problem)
        {
            ModelState.AddModelError("Input.Progress", texts["Feedback.Problem." + problem]);
            return Page();
        }

        Action.Result = string.IsNullOrWhiteSpace(Input.ResultFi) ? null : new LocalisedText(Input.ResultFi.Trim(), Input.ResultSv, Input.ResultEn);
        if (!string.IsNullOrWhiteSpace(Input.MilestoneFi) && Input.MilestoneDue is { } due)
        {
            Action.Milestones.Add(new Milestone { Title = new LocalisedText(Input.MilestoneFi.Trim()), DueOn = due });
        }

        await db.SaveChangesAsync(ct);
        return Redirect($"/Feedback/Manage/Action/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Action = await db.DevelopmentActions.Include(a => a.Milestones).Include(a => a.Items).FirstOrDefaultAsync(a => a.Id == Id, ct);
        return Action is not null;
    }

    public sealed class ProgressInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Range(0, 100, ErrorMessage = "Validation.Number")]
        [Display(Name = "Feedback.Action.Progress")]
        public int? Progress { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Action.ResultFi")]
        public string? ResultFi { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Action.ResultSv")]
        public string? ResultSv { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Action.ResultEn")]
        public string? ResultEn { get; set; }

        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Action.Milestone")]
        public string? MilestoneFi { get; set; }

        [Display(Name = "Feedback.Action.MilestoneDue")]
        public DateOnly? MilestoneDue { get; set; }
    }
}
