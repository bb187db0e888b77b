using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Web.Pages.Clients;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>Who has seen or changed my data (or my child's, for a guardian), newest first, a page at a time: every entry can be reached.</summary>
public sealed class AccessLogModel(ClientAccess access, CurrentActor actor, AuditLog audit, PolkuDb db) : PageModel
{
    public string Subject { get; private set; } = "";
    public List<AuditEntry> Entries { get; private set; } = [];
    public Dictionary<int, LocalisedText> Organisations { get; private set; } = [];

    public Guid? ClientParameter { get; private set; }
    public AuditPage Log { get; private set; } = new([], 1, 1, 0);

    public async Task<IActionResult> OnGetAsync(Guid? client, int page = 1, CancellationToken ct = default)
    {
        ClientParameter = client;
        var who = await actor.GetAsync(ct);
        var subjectId = client ?? who.ClientId!.Value;
        var opening = await access.OpenAsync(who, subjectId, AuditAction.Read, AuditResources.AccessLog, ct);
        if (opening.Client is not { } subject)
        {
            return ClientPageResults.NotOpened(opening);
        }

        Subject = subject.FullName;
        Log = await audit.PageForClientAsync(subjectId, page, ct: ct);
        Entries = Log.Entries;
        var organisationIds = Entries.Where(e => e.ActorOrganisationId is not null).Select(e => e.ActorOrganisationId!.Value).Distinct().ToList();
        Organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return Page();
    }
}
