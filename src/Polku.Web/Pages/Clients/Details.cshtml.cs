using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Clients;

public sealed class DetailsModel(ClientAccess access, CurrentActor actor, PolkuDb db, TimeProvider clock) : PageModel
{
    public Client? Client { get; private set; }
    public AuditPurpose Purpose { get; private set; }
    public DateOnly Today { get; private set; }
    public LocalisedText? MunicipalityName { get; private set; }
    public List<Client> FamilyMembers { get; private set; } = [];
    public List<CareTeamMember> CareTeam { get; private set; } = [];
    public List<Consent> Consents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var opening = await access.OpenAsync(await actor.GetAsync(ct), id, AuditAction.Read, AuditResources.ClientDetails, ct);
        if (opening.Client is not { } client)
        {
            return ClientPageResults.NotOpened(opening);
        }

        Client = client;
        Purpose = opening.Purpose;
        Today = FinnishTime.Today(clock);
        MunicipalityName = client.MunicipalityCode is null
            ? null
            : await db.Municipalities.Where(m => m.Code == client.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct);
        FamilyMembers = client.FamilyId is null
            ? []
            : await db.Clients.AsNoTracking().Where(c => c.FamilyId == client.FamilyId && c.Id != id).OrderBy(c => c.BirthDate).ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        CareTeam = await db.CareRelationships.AsNoTracking()
            .Where(r => r.ClientId == id && (r.Until == null || r.Until > now))
            .Join(db.Professionals, r => r.ProfessionalId, p => p.Id, (r, p) => new { r, p })
            .Select(x => new CareTeamMember(x.p.FirstName + " " + x.p.LastName, x.p.Title, x.p.Organisation!.Name, x.r.Basis, x.r.Since))
            .ToListAsync(ct);
        Consents = (await db.Consents.AsNoTracking().Include(c => c.Organisation).Where(c => c.ClientId == id).ToListAsync(ct))
            .Where(c => c.IsValidAt(now))
            .ToList();
        return Page();
    }

    public sealed record CareTeamMember(string Name, LocalisedText Title, LocalisedText Organisation, CareBasis Basis, DateTime Since);
}
