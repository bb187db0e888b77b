using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Web.Pages.Clients;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>The signed-in client's own data: basic details, who cares for them, their children, access log and export.</summary>
public sealed class IndexModel(ClientAccess access, CurrentActor actor, PolkuDb db, TimeProvider clock) : PageModel
{
    public Client? Me { get; private set; }
    public List<(string Name, LocalisedText Title, LocalisedText Organisation)> CareTeam { get; private set; } = [];
    public List<Client> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var opening = await access.OpenAsync(who, who.ClientId!.Value, AuditAction.Read, AuditResources.ClientDetails, ct);
        if (opening.Client is not { } me)
        {
            return ClientPageResults.NotOpened(opening);
        }

        Me = me;
        var now = clock.GetUtcNow().UtcDateTime;
        CareTeam = (await db.CareRelationships.AsNoTracking()
                .Where(r => r.ClientId == me.Id && (r.Until == null || r.Until > now))
                .Join(db.Professionals, r => r.ProfessionalId, p => p.Id, (r, p) => new { p.FirstName, p.LastName, p.Title, p.Organisation!.Name })
                .Distinct()
                .ToListAsync(ct))
            .Select(x => (x.FirstName + " " + x.LastName, x.Title, x.Name))
            .ToList();
        var today = FinnishTime.Today(clock);
        var childIds = await db.Guardianships.Where(g => g.GuardianId == me.Id).Select(g => g.ChildId).ToListAsync(ct);
        Children = (await db.Clients.AsNoTracking().Where(c => childIds.Contains(c.Id)).OrderBy(c => c.BirthDate).ToListAsync(ct))
            .Where(c => c.AgeOn(today) < 18)
            .ToList();
        return Page();
    }
}
