using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Notifications;

namespace Polku.Core.Assistant;

/// <summary>
/// Which units answer the messages left through the assistant (configuration section <c>Assistant</c>): the keys of
/// their organisations. Only professionals of these units see the queue; with none configured nobody does (the
/// messages are kept until a unit is named).
/// </summary>
public sealed class HandoffOptions
{
    public const string Section = "Assistant";

    public List<string> HandoffOrganisations { get; set; } = [];
}

/// <summary>
/// Messages from the assistant to the family centre: leaving one, the answering units' queue and answering. A message
/// a signed-in client left is that client's data: reading it from the queue or on the client's own pages is audited.
/// </summary>
public sealed class Handoffs(PolkuDb db, NotificationOutbox outbox, ClientAccess access, AuditLog audit, IOptions<HandoffOptions> options, TimeProvider clock)
{
    /// <summary>Whether the professional works in a unit that answers assistant messages.</summary>
    public async Task<bool> MayAnswerAsync(Actor professional, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(professional);
        var keys = options.Value.HandoffOrganisations;
        return professional.DoesClientWork && professional.OrganisationId is { } unit && keys.Count > 0
            && await db.Organisations.AnyAsync(o => o.Id == unit && keys.Contains(o.Key), ct);
    }

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
    /// Open messages, urgent ones first, then oldest first: the answering units' work list (null for anyone else; see
    /// <see cref="MayAnswerAsync"/>). Each signed-in client whose message is shown gets one audit entry (purpose
    /// <see cref="AuditPurpose.Handoff"/>), anonymous messages none.
    /// </summary>
    public async Task<List<HandoffMessage>?> QueueAsync(Actor professional, CancellationToken ct = default)
    {
        if (!await MayAnswerAsync(professional, ct))
        {
            return null;
        }

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
    /// Answers an open message as <paramref name="professional"/> of an answering unit and queues the answer to the
    /// resident: to the signed-in client, or to the address they gave. False when the message does not exist, has been
    /// answered already, or the professional's unit does not answer assistant messages.
    /// </summary>
    public async Task<bool> AnswerAsync(Actor professional, long id, string answer, CancellationToken ct = default)
    {
        if (!await MayAnswerAsync(professional, ct))
        {
            return false;
        }

        var by = professional.DisplayName;
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
            // The answer is stored with the client's message and sent to them: a change of their data, in their log.
            audit.Add(professional, clientId, AuditAction.Change, AuditPurpose.Handoff, AuditResources.Handoff);
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
