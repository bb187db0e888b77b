using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Notifications;

namespace Polku.Core.Assistant;

/// <summary>Messages from the assistant to the family centre: leaving one, the professionals' queue and answering.</summary>
public sealed class Handoffs(PolkuDb db, NotificationOutbox outbox, TimeProvider clock)
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

    /// <summary>Open messages, urgent ones first, then oldest first.</summary>
    public async Task<List<HandoffMessage>> QueueAsync(CancellationToken ct = default)
    {
        var open = await db.HandoffMessages.AsNoTracking().Where(m => m.Status == HandoffStatus.Open).ToListAsync(ct);
        return [.. open.OrderBy(m => m.Urgency == UrgencyKind.None).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }

    public Task<List<HandoffMessage>> ForClientAsync(Guid clientId, CancellationToken ct = default) =>
        db.HandoffMessages.AsNoTracking().Where(m => m.ClientId == clientId).OrderByDescending(m => m.CreatedAt).ToListAsync(ct);

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
