using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Core.Notifications;

/// <summary>
/// Sends queued messages: renders each in the recipient's language, looks up the client's address at sending time and
/// hands the message to the sender for its channel. Logs carry message ids and channels only, never addresses or text.
/// </summary>
public sealed class NotificationDispatcher(
    PolkuDb db, IEnumerable<INotificationSender> senders, TimeProvider clock, ILogger<NotificationDispatcher> logger)
{
    public const int MaxAttempts = 5;

    /// <summary>Sends up to <paramref name="max"/> queued messages, oldest first. Returns how many were sent.</summary>
    public async Task<int> DispatchAsync(int max = 100, CancellationToken ct = default)
    {
        var queued = await db.Notifications
            .Where(n => n.Status == NotificationStatus.Queued)
            .OrderBy(n => n.Id)
            .Take(max)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var notification in queued)
        {
            if (await TrySendAsync(notification, ct))
            {
                sent++;
            }

            await db.SaveChangesAsync(ct);
        }

        return sent;
    }

    /// <summary>
    /// The subject and body of a message in its language: <c>{Key}.Subject</c> and <c>{Key}.Body</c>, or, for a
    /// one-line message without them, the app's name and <c>{Key}</c> itself.
    /// </summary>
    public static (string Subject, string Body) Render(Notification notification)
    {
        var culture = PolkuCultures.Get(PolkuCultures.CultureFor(notification.Language));
        object[] args = [.. notification.ArgumentList];
        var key = notification.TemplateKey;
        var subject = TextsResource.Manager.GetString(key + ".Subject", culture) ?? TextsResource.Get("App.Name", culture);
        var body = TextsResource.Manager.GetString(key + ".Body", culture) ?? TextsResource.Get(key, culture);
        return (string.Format(culture, subject, args), string.Format(culture, body, args));
    }

    private async Task<bool> TrySendAsync(Notification notification, CancellationToken ct)
    {
        var (channel, address) = await ResolveAsync(notification, ct);
        if (channel is null || address is null)
        {
            GiveUp(notification, "Notification.Problem.NoAddress");
            return false;
        }

        var sender = senders.FirstOrDefault(s => s.CanSend(channel.Value));
        if (sender is null)
        {
            GiveUp(notification, "Notification.Problem.NoSender");
            return false;
        }

        var (subject, body) = Render(notification);
        notification.Attempts++;
        try
        {
            await sender.SendAsync(new OutgoingMessage(notification.Id, channel.Value, address, notification.Language, subject, body), ct);
            notification.Status = NotificationStatus.Sent;
            notification.SentAt = clock.GetUtcNow().UtcDateTime;
            notification.Problem = null;
            return true;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Notification {Id} on {Channel} failed (attempt {Attempt}): {Error}", notification.Id, channel, notification.Attempts, e.GetType().Name);
            notification.Problem = "Notification.Problem.SendFailed";
            if (notification.Attempts >= MaxAttempts)
            {
                notification.Status = NotificationStatus.Undeliverable;
            }

            return false;
        }
    }

    private async Task<(NotificationChannel?, string?)> ResolveAsync(Notification notification, CancellationToken ct)
    {
        if (notification.ClientId is not { } clientId)
        {
            return (notification.Channel, notification.Address);
        }

        var contact = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.Email, c.Phone }).SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return (null, null);
        }

        return notification.Channel switch
        {
            NotificationChannel.Email => (NotificationChannel.Email, contact.Email),
            NotificationChannel.Sms => (NotificationChannel.Sms, contact.Phone),
            _ when contact.Email is not null => (NotificationChannel.Email, contact.Email),
            _ when contact.Phone is not null => (NotificationChannel.Sms, contact.Phone),
            _ => (null, null),
        };
    }

    private void GiveUp(Notification notification, string problem)
    {
        notification.Status = NotificationStatus.Undeliverable;
        notification.Problem = problem;
        logger.LogInformation("Notification {Id} is undeliverable: {Problem}", notification.Id, problem);
    }
}
