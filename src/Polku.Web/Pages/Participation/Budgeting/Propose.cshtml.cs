using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>A signed-in resident proposes a project with its estimated cost.</summary>
[Authorize]
public sealed class ProposeModel(BudgetRounds rounds, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public BudgetRound Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(id, ct) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(id, ct) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await rounds.ProposeAsync(id, BudgetingPages.UserId(User), Input.Name, Input.Description ?? "", Input.Cost!.Value, ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Problem == BudgetProblem.InvalidCost ? "Input.Cost" : "Input.Name", BudgetingPages.Problem(texts, outcome));
            return Page();
        }

        TempData["Budgeting.Done"] = "Budgeting.Proposed";
        return RedirectToPage("Round", new { id });
    }

    public sealed class ProposalInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Budgeting.Field.ProjectName")]
        public string Name { get; set; } = "";

        [StringLength(4000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Budgeting.Field.Description")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Range(typeof(decimal), "1", "1000000000", ErrorMessage = "Validation.Number")]
        [Display(Name = "Budgeting.Field.Cost")]
        public decimal? Cost { get; set; }
    }
}
