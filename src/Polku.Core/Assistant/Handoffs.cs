using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Notifications;

namespace Polku.Core.Assistant;

/// <summary>
/// Messages from the assistant to the family centre: leaving one, the professionals' queue and answering. A message a
/// signed-in client left is that client's data: reading it from the queue or on the client's own pages is audited.
/// </summary>
public sealed class Handoffs(PolkuDb db, NotificationOutbox outbox, ClientAccess access, AuditLog audit, TimeProvider clock)
{
    public async Task<HandoffMessage> SubmitAsync(
        string text, string language, string contactName, string? phone, string? email, bool consent, Guid? clientId,
        string? situation, CancellationToken ct = default)
    {
        var message = HandoffMessage.Create(text, language, contactName, phone, email, consent, clientId, situation, clock.GetUtcNow().UtcDateTime);
        db.HandoffMessages.Add(message);
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>
    /// Open messages, urgent ones first, then oldest first. The queue is the family centre's work list, open to every
    /// professional doing client work; each signed-in client whose message is shown gets one audit entry (purpose
    /// <see cref="AuditPurpose.Handoff"/>), anonymous messages none.
    /// </summary>
    public async Task<List<HandoffMessage>> QueueAsync(Actor professional, CancellationToken ct = default)
    {
        var open = await db.HandoffMessages.AsNoTracking().Where(m => m.Status == HandoffStatus.Open).ToListAsync(ct);
        foreach (var clientId in open.Select(m => m.ClientId).OfType<Guid>().Distinct())
        {
            audit.Add(professional, clientId, AuditAction.Read, AuditPurpose.Handoff, AuditResources.Handoff);
        }

        await db.SaveChangesAsync(ct);
        return [.. open.OrderBy(m => m.Urgency == UrgencyKind.None).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }

    /// <summary>A client's messages, newest first, through <see cref="ClientAccess"/> (audited); null when refused.</summary>
    public async Task<List<HandoffMessage>?> ForClientAsync(Actor actor, Guid clientId, CancellationToken ct = default)
    {
        var opening = await access.OpenAsync(actor, clientId, AuditAction.Read, AuditResources.Handoff, ct);
        if (opening.Client is null)
        {
            return null;
        }

        return await db.HandoffMessages.AsNoTracking().Where(m => m.ClientId == clientId).OrderByDescending(m => m.CreatedAt).ToListAsync(ct);
    }

    /// <summary>
    /// Answers an open message and queues the answer to the resident: to the signed-in client, or to the address they
    /// gave. False when the message does not exist or has been answered already.
    /// </summary>
    public async Task<bool> AnswerAsync(long id, string answer, string by, CancellationToken ct = default)
    {
        var message = await db.HandoffMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.Status == HandoffStatus.Answered)
        {
            return false;
        }

        message.AnswerWith(answer, by, clock.GetUtcNow().UtcDateTime);
        var key = FormattableString.Invariant($"handoff-answer:{message.Id}");
        string[] args = [message.Answer!];
        if (message.ClientId is { } clientId)
        {
            await outbox.EnqueueForClientAsync(clientId, NotificationCategory.Service, key, "Assistant.Reply", args, ct);
        }
        else if (message.ContactEmail is { } email)
        {
            await outbox.EnqueueForAddressAsync(email, NotificationChannel.Email, message.Language, NotificationCategory.Service, key, "Assistant.Reply", args, ct);
        }
        else if (message.ContactPhone is { } phone)
        {
            await outbox.EnqueueForAddressAsync(phone, NotificationChannel.Sms, message.Language, NotificationCategory.Service, key, "Assistant.Reply", args, ct);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
