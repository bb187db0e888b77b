using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Paths;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Paths;

/// <summary>
/// The professional's desk: alerts that concern them and their unit, referrals waiting for their unit's answer, and
/// responsible worker's roles proposed to them (accepted or declined here).
/// </summary>
public sealed class IndexModel(PathAlerts alerts, ClientPaths paths, ClientAccess access, CurrentActor actor, PolkuDb db) : PageModel
{
    public List<AlertView> Mine { get; private set; } = [];
    public List<AlertView> Unit { get; private set; } = [];
    public List<(Referral Referral, Client Client)> Inbox { get; private set; } = [];
    public List<Episode> Proposed { get; private set; } = [];
    public Dictionary<int, Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        Mine = await alerts.ForWorkerAsync(who, ct);
        Unit = await alerts.ForUnitAsync(who, ct);
        foreach (var referral in await paths.InboxAsync(who, ct))
        {
            var opening = await access.OpenAsync(who, referral.ClientId, AuditAction.Read, AuditResources.Referral, ct);
            if (opening.Client is { } client)
            {
                Inbox.Add((referral, client));
            }
        }

        Proposed = await paths.ProposedToAsync(who, ct);
        Organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid episode, int version, bool accept, CancellationToken ct)
    {
        var outcome = await paths.AnswerWorkerRoleAsync(await actor.GetAsync(ct), episode, accept, version, ct);
        if (outcome.Error is { } error)
        {
            if (PathResults.Http(error) is { } http)
            {
                return http;
            }

            TempData["PathMessage"] = PathResults.Message(error);
            return RedirectToPage();
        }

        if (accept)
        {
            TempData["PathMessage"] = "Paths.Done.RoleAccepted";
            return Redirect($"/Paths/Client/{outcome.Value!.ClientId}");
        }

        TempData["PathMessage"] = "Paths.Done.RoleDeclined";
        return RedirectToPage();
    }
}
