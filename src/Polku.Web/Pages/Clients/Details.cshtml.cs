using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Clients;

public sealed class DetailsModel(ClientRecord record, CurrentActor actor, TimeProvider clock) : PageModel
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
        var (details, opening) = await record.DetailsAsync(await actor.GetAsync(ct), id, ct);
        if (details is null)
        {
            return ClientPageResults.NotOpened(opening);
        }

        (Client, Purpose, MunicipalityName, FamilyMembers, CareTeam, Consents) = details;
        Today = FinnishTime.Today(clock);
        return Page();
    }
}
