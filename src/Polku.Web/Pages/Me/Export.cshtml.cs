using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Web.Pages.Clients;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>Downloads the client's own data and access log as JSON (culture-invariant, UTC instants).</summary>
public sealed class ExportModel(ClientAccess access, CurrentActor actor, AuditLog audit, PolkuDb db, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var opening = await access.OpenAsync(who, who.ClientId!.Value, AuditAction.Export, AuditResources.OwnDataExport, ct);
        if (opening.Client is not { } me)
        {
            return ClientPageResults.NotOpened(opening);
        }

        var careRelationships = await db.CareRelationships.AsNoTracking().Where(r => r.ClientId == me.Id)
            .Join(db.Professionals, r => r.ProfessionalId, p => p.Id, (r, p) => new { professional = p.FirstName + " " + p.LastName, basis = r.Basis.ToString(), since = r.Since, until = r.Until })
            .ToListAsync(ct);
        var consents = await db.Consents.AsNoTracking().Where(c => c.ClientId == me.Id)
            .Select(c => new { organisation = c.Organisation!.Name, purpose = c.Purpose, givenAt = c.GivenAt, validUntil = c.ValidUntil, revokedAt = c.RevokedAt })
            .ToListAsync(ct);
        var log = (await audit.ForClientAsync(me.Id, int.MaxValue, ct))
            .Select(e => new { at = e.At, actor = e.ActorName, action = e.Action.ToString(), purpose = e.Purpose.ToString(), resource = e.Resource });
        var export = new
        {
            exportedAt = clock.GetUtcNow().UtcDateTime,
            person = new
            {
                me.FirstName,
                me.LastName,
                me.PersonalIdentityCode,
                birthDate = me.BirthDate,
                me.Sex,
                me.Language,
                me.MunicipalityCode,
                me.Phone,
                me.Email,
            },
            careRelationships,
            consents,
            accessLog = log,
        };
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", "polku-omat-tiedot.json");
    }
}
