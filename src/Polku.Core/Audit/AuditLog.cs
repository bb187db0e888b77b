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

    /// <summary>One page of the client's log, newest first, with the number of entries and pages: nothing is left out.</summary>
    public async Task<AuditPage> PageForClientAsync(Guid clientId, int page, int pageSize = AuditPage.DefaultSize, CancellationToken ct = default)
    {
        var total = await db.AuditEntries.CountAsync(e => e.ClientId == clientId, ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var current = Math.Clamp(page, 1, pages);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ClientId == clientId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((current - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        return new AuditPage(entries, current, pages, total);
    }

    /// <summary>
    /// Records that clients' names were shown to the actor in a list (a desk, an alert list, the client list): one entry
    /// per viewer, client and list per Finnish day, so that refreshing a list cannot flood the client's log, while every
    /// opening of the client's own data stays an entry of its own. Added to the unit of work.
    /// </summary>
    public async Task AddListViewsAsync(Actor actor, IReadOnlyCollection<(Guid ClientId, AuditPurpose Purpose)> shown, string resource, CancellationToken ct = default)
    {
        if (shown.Count == 0)
        {
            return;
        }

        var dayStart = FinnishTime.StartOfDayUtc(FinnishTime.Today(clock));
        var ids = shown.Select(s => s.ClientId).Distinct().ToList();
        var already = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.ActorUserId == actor.UserId && e.Resource == resource && e.At >= dayStart && ids.Contains(e.ClientId))
                .Select(e => e.ClientId)
                .Distinct()
                .ToListAsync(ct))
            .ToHashSet();
        foreach (var (clientId, purpose) in shown.DistinctBy(s => s.ClientId))
        {
            if (!already.Contains(clientId))
            {
                Add(actor, clientId, AuditAction.Read, purpose, resource);
            }
        }
    }
}

/// <summary>A page of a client's audit log.</summary>
public sealed record AuditPage(List<AuditEntry> Entries, int Page, int Pages, int Total)
{
    public const int DefaultSize = 100;
}
