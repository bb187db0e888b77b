using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;

namespace Polku.Core.Notifications;

/// <summary>
/// The one way Polku queues a message to a person. Messages join the caller's unit of work, so they are stored with
/// the change that caused them or not at all; a deduplication key makes every message idempotent, and a client's
/// opt-out of a category is respected when queuing.
/// </summary>
public sealed class NotificationOutbox(PolkuDb db, TimeProvider clock)
{
    /// <summary>
    /// Queues a message to a client in their language. Returns false, queuing nothing, when a message with the same
    /// key exists (queued earlier or in this unit of work) or the client has opted out of the category.
    /// </summary>
    public async Task<bool> EnqueueForClientAsync(
        Guid clientId, NotificationCategory category, string deduplicationKey, string templateKey,
        IEnumerable<string>? arguments = null, CancellationToken ct = default)
    {
        if (await ExistsAsync(deduplicationKey, ct) || await IsOptedOutAsync(clientId, category, ct))
        {
            return false;
        }

        var language = await db.Clients.Where(c => c.Id == clientId).Select(c => c.Language).SingleOrDefaultAsync(ct)
            ?? throw new ArgumentException("Unknown client.", nameof(clientId));
        db.Notifications.Add(New(deduplicationKey, category, language, templateKey, arguments, clientId, null, null));
        return true;
    }

    /// <summary>Queues a message to an address given for this purpose only (no client record behind it).</summary>
    public async Task<bool> EnqueueForAddressAsync(
        string address, NotificationChannel channel, string language, NotificationCategory category,
        string deduplicationKey, string templateKey, IEnumerable<string>? arguments = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (await ExistsAsync(deduplicationKey, ct))
        {
            return false;
        }

        db.Notifications.Add(New(deduplicationKey, category, language, templateKey, arguments, null, address.Trim(), channel));
        return true;
    }

    public Task<bool> IsOptedOutAsync(Guid clientId, NotificationCategory category, CancellationToken ct = default) =>
        category == NotificationCategory.Service
            ? Task.FromResult(false)
            : db.NotificationOptOuts.AnyAsync(o => o.ClientId == clientId && o.Category == category, ct);

    /// <summary>Records the client's choice; the caller saves. Service messages cannot be turned off.</summary>
    public async Task SetOptOutAsync(Guid clientId, NotificationCategory category, bool optedOut, CancellationToken ct = default)
    {
        if (category == NotificationCategory.Service)
        {
            throw new ArgumentException("Service messages cannot be opted out of.", nameof(category));
        }

        var existing = await db.NotificationOptOuts.Where(o => o.ClientId == clientId && o.Category == category).ToListAsync(ct);
        if (optedOut && existing.Count == 0)
        {
            db.NotificationOptOuts.Add(new NotificationOptOut { ClientId = clientId, Category = category, Since = clock.GetUtcNow().UtcDateTime });
        }
        else if (!optedOut)
        {
            db.NotificationOptOuts.RemoveRange(existing);
        }
    }

    /// <summary>Messages queued for a client, newest first (for the client's own view).</summary>
    public Task<List<Notification>> ForClientAsync(Guid clientId, int take = 100, CancellationToken ct = default) =>
        db.Notifications.AsNoTracking().Where(n => n.ClientId == clientId)
            .OrderByDescending(n => n.QueuedAt).ThenByDescending(n => n.Id).Take(take).ToListAsync(ct);

    private async Task<bool> ExistsAsync(string key, CancellationToken ct) =>
        db.Notifications.Local.Any(n => n.DeduplicationKey == key)
        || await db.Notifications.AnyAsync(n => n.DeduplicationKey == key, ct);

    private Notification New(
        string key, NotificationCategory category, string language, string templateKey, IEnumerable<string>? arguments,
        Guid? clientId, string? address, NotificationChannel? channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(templateKey);
        var args = (arguments ?? []).ToList();
        if (args.Any(a => a.Contains(Notification.ArgumentSeparator, StringComparison.Ordinal)))
        {
            throw new ArgumentException("An argument contains the separator character.", nameof(arguments));
        }

        return new Notification
        {
            DeduplicationKey = key,
            Category = category,
            ClientId = clientId,
            Address = address,
            Channel = channel,
            Language = PolkuLanguage(language),
            TemplateKey = templateKey,
            Arguments = string.Join(Notification.ArgumentSeparator, args),
            QueuedAt = clock.GetUtcNow().UtcDateTime,
            Status = NotificationStatus.Queued,
        };
    }

    private static string PolkuLanguage(string language) => language is "sv" or "en" ? language : "fi";
}
