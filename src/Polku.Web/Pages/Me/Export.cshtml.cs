using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Web.Pages.Clients;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>Downloads everything Polku keeps about the signed-in client, with the access log, as JSON (<see cref="OwnDataExport"/>).</summary>
public sealed class ExportModel(ClientAccess access, CurrentActor actor, OwnDataExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var opening = await access.OpenAsync(who, who.ClientId!.Value, AuditAction.Export, AuditResources.OwnDataExport, ct);
        if (opening.Client is not { } me)
        {
            return ClientPageResults.NotOpened(opening);
        }

        var json = await export.JsonAsync(me, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return File(json, "application/json", "polku-omat-tiedot.json");
    }
}
