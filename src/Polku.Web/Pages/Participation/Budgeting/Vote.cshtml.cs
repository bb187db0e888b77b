using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>A signed-in resident casts their one ballot: a set of accepted projects under the round's rule.</summary>
[Authorize]
public sealed class VoteModel(BudgetRounds rounds, IStringLocalizer<Texts> texts) : PageModel
{
    public const string ChoicesField = "Choices";

    [BindProperty]
    public List<int> Choices { get; set; } = [];

    public BudgetRound Round { get; private set; } = null!;

    public IEnumerable<BudgetProject> Votable => Round.Projects.Where(p => p.Status == BudgetProjectStatus.Accepted);

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
        var outcome = await rounds.CastBallotAsync(id, BudgetingPages.UserId(User)!, Choices, ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(ChoicesField, BudgetingPages.Problem(texts, outcome));
            return Page();
        }

        TempData["Budgeting.Done"] = "Budgeting.Voted";
        return RedirectToPage("Round", new { id });
    }
}
