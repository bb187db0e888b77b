using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;

namespace Polku.Web.Pages.Services;

/// <summary>One service with its channels: addresses and opening hours in the reader's language. Public.</summary>
public sealed class DetailsModel(PolkuDb db) : PageModel
{
    public Service Service { get; private set; } = null!;
    public Dictionary<string, LocalisedText> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.ResponsibleOrganisation)
            .Include(s => s.Producers)
            .Include(s => s.Channels).ThenInclude(c => c.OpeningHours)
            .Include(s => s.Channels).ThenInclude(c => c.Organisation)
            .SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        Municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        return Page();
    }
}
