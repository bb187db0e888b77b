using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>Staff start a round: name, area, budget and the voting rule.</summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class NewModel(BudgetRounds rounds, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public RoundInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> RuleKindOptions => BudgetingPages.RuleKindOptions(texts);

    public IEnumerable<SelectListItem> WinnerRuleOptions => BudgetingPages.WinnerRuleOptions(texts);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var rules = ModelState.IsValid
            ? BudgetRounds.BuildRules(Input.RuleKind!.Value, Input.Budget!.Value, Input.MinSpendPercent, Input.MinProjects, Input.MaxProjects)
            : null;
        if (ModelState.IsValid && rules is null)
        {
            ModelState.AddModelError("Input.RuleKind", texts["Budgeting.Problem.InvalidRules"]);
        }

        if (!ModelState.IsValid || rules is null)
        {
            return Page();
        }

        var round = await rounds.CreateAsync(
            Input.Name, Input.Area, Input.Budget!.Value, Input.RuleKind!.Value, rules, Input.WinnerRule ?? WinnerRule.Greedy, ct: ct);
        return RedirectToPage("Round", new { id = round.Id });
    }

    public sealed class RoundInput : RuleInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Budgeting.Field.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Budgeting.Field.Area")]
        public string Area { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Range(typeof(decimal), "1", "1000000000", ErrorMessage = "Validation.Number")]
        [Display(Name = "Budgeting.Field.Budget")]
        public decimal? Budget { get; set; }
    }
}
