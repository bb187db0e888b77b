using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>Staff change a round's voting rule until the first vote is cast.</summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class RulesModel(BudgetRounds rounds, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public BudgetRound Round { get; private set; } = null!;

    public IEnumerable<SelectListItem> RuleKindOptions => BudgetingPages.RuleKindOptions(texts);

    public IEnumerable<SelectListItem> WinnerRuleOptions => BudgetingPages.WinnerRuleOptions(texts);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(id, ct) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        Input = new RuleInput
        {
            RuleKind = round.RuleKind,
            WinnerRule = round.WinnerRule,
            MinSpendPercent = round.MinSpendPercent,
            MinProjects = round.MinProjects,
            MaxProjects = round.MaxProjects,
        };
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

        var outcome = await rounds.SetRulesAsync(
            id, Input.RuleKind!.Value, Input.MinSpendPercent, Input.MinProjects, Input.MaxProjects, Input.WinnerRule ?? WinnerRule.Greedy, ct: ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("Input.RuleKind", BudgetingPages.Problem(texts, outcome));
            return Page();
        }

        TempData["Budgeting.Done"] = "Budgeting.RulesSaved";
        return RedirectToPage("Round", new { id });
    }
}
