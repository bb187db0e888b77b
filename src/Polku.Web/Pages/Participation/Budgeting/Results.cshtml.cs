using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Participation.Budgeting;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>The public results of a published round: votes per project, the winners and the rule that chose them.</summary>
public sealed class ResultsModel(BudgetRounds rounds) : PageModel
{
    public BudgetResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await rounds.ResultsAsync(id, ct) is not { } results || results.Round.Phase != BudgetPhase.Published)
        {
            return NotFound();
        }

        Results = results;
        return Page();
    }
}
