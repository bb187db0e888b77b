using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>Staff reject a proposal; the reason is shown to residents.</summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class RejectModel(BudgetRounds rounds, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public RejectInput Input { get; set; } = new();

    public BudgetRound Round { get; private set; } = null!;
    public BudgetProject Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int projectId, CancellationToken ct) =>
        await LoadAsync(id, projectId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int projectId, CancellationToken ct)
    {
        if (!await LoadAsync(id, projectId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await rounds.ReviewAsync(id, projectId, accept: false, Input.Reason, ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("Input.Reason", BudgetingPages.Problem(texts, outcome));
            return Page();
        }

        TempData["Budgeting.Done"] = "Budgeting.Rejected";
        return RedirectToPage("Round", new { id });
    }

    private async Task<bool> LoadAsync(int id, int projectId, CancellationToken ct)
    {
        if (await rounds.FindAsync(id, ct) is not { } round || round.Projects.SingleOrDefault(p => p.Id == projectId) is not { } project)
        {
            return false;
        }

        (Round, Project) = (round, project);
        return true;
    }

    public sealed class RejectInput
    {
        [Required(ErrorMessage = "Budgeting.Problem.ReasonRequired")]
        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Budgeting.Field.Reason")]
        public string Reason { get; set; } = "";
    }
}
