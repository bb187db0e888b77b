namespace Polku.Core.Notifications;

/// <summary>How a notification reaches its recipient.</summary>
public enum NotificationChannel
{
    Email,
    Sms,
}

public enum NotificationStatus
{
    Queued,
    Sent,

    /// <summary>Given up: no address, no sender for the channel, or too many failed attempts.</summary>
    Undeliverable,
}

/// <summary>What a notification is about; a client can opt out of a category (never of replies to their own messages).</summary>
public enum NotificationCategory
{
    /// <summary>The state of the client's own feedback, message or referral changed.</summary>
    Service,

    /// <summary>Proactive offers, invitations and reminders from life-event rules.</summary>
    Proactive,

    /// <summary>Invitations to panels, surveys and budgeting rounds.</summary>
    Participation,
}

/// <summary>
/// One message in the outbox. It stores a text key and arguments, not the rendered text or the address: the text is
/// rendered in the recipient's language and the address looked up from the client record when it is sent, so the outbox
/// holds as little personal data as possible.
/// </summary>
public class Notification
{
    public long Id { get; set; }

    /// <summary>Never the same message twice: a second enqueue with the same key is ignored.</summary>
    public required string DeduplicationKey { get; init; }

    public NotificationCategory Category { get; init; }

    /// <summary>The client the message is for; null when it goes to an address given for this message only.</summary>
    public Guid? ClientId { get; init; }

    /// <summary>An address given for this message only (e.g. a contact address left with a message); null for clients.</summary>
    public string? Address { get; init; }

    public NotificationChannel? Channel { get; init; }

    /// <summary>fi, sv or en; the recipient's language when the message was queued.</summary>
    public required string Language { get; init; }

    /// <summary>A text key: <c>{Key}.Subject</c> and <c>{Key}.Body</c> are looked up in Texts.</summary>
    public required string TemplateKey { get; init; }

    /// <summary>Format arguments of the subject and body, separated by the unit separator (U+001F).</summary>
    public string Arguments { get; init; } = "";

    public DateTime QueuedAt { get; init; }
    public NotificationStatus Status { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed or why the message was not sent (a text key, no personal data).</summary>
    public string? Problem { get; set; }

    public const char ArgumentSeparator = '\u001f';

    public IReadOnlyList<string> ArgumentList =>
        Arguments.Length == 0 ? [] : Arguments.Split(ArgumentSeparator);
}

/// <summary>A client's choice not to receive a category of notifications.</summary>
public class NotificationOptOut
{
    public int Id { get; set; }
    public Guid ClientId { get; init; }
    public NotificationCategory Category { get; init; }
    public DateTime Since { get; init; }
}
