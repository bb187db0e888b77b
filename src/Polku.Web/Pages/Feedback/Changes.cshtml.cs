using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Participation.Feedback;

namespace Polku.Web.Pages.Feedback;

/// <summary>The public "Sanoit — me teimme" page of a unit: what changed because of feedback, with counts.</summary>
public sealed class ChangesModel(PolkuDb db, FeedbackLoop loop) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Unit { get; set; }

    public LocalisedText? UnitName { get; private set; }
    public UnitOutcomes Outcomes { get; private set; } = new(new Dictionary<FeedbackState, int>(), []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        UnitName = await db.Organisations.Where(o => o.Id == Unit).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (UnitName is null)
        {
            return NotFound();
        }

        Outcomes = await loop.OutcomesAsync(Unit, ct);
        return Page();
    }
}
