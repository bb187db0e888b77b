using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Identity;

namespace Polku.Core.Audit;

/// <summary>Writes and reads the audit log of client data. There is deliberately no way to change or remove an entry.</summary>
public sealed class AuditLog(PolkuDb db, TimeProvider clock)
{
    /// <summary>Adds an entry to the unit of work; it is stored with the next <c>SaveChangesAsync</c>.</summary>
    public AuditEntry Add(Actor actor, Guid clientId, AuditAction action, AuditPurpose purpose, string resource)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ClientId = clientId,
            ActorUserId = actor.UserId,
            ActorName = actor.DisplayName,
            ActorOrganisationId = actor.OrganisationId,
            Action = action,
            Purpose = purpose,
            Resource = resource,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Adds an entry and stores it at once, e.g. for reads that change nothing else.</summary>
    public async Task RecordAsync(Actor actor, Guid clientId, AuditAction action, AuditPurpose purpose, string resource, CancellationToken ct = default)
    {
        Add(actor, clientId, action, purpose, resource);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The client's log, newest first.</summary>
    public Task<List<AuditEntry>> ForClientAsync(Guid clientId, int take = 500, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => e.ClientId == clientId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(take)
            .ToListAsync(ct);
}
