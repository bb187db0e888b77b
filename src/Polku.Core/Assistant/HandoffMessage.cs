namespace Polku.Core.Assistant;

public enum HandoffStatus
{
    Open,
    Answered,
}

/// <summary>
/// A resident's message from the assistant to the family centre, answered by a professional from the queue. The
/// message text is masked (<see cref="PersonalDataMasking"/>) before it is stored; the contact details are kept only
/// because the resident gave them for the answer and consented to that.
/// </summary>
public class HandoffMessage
{
    public const int MaxTextLength = 2000;

    private HandoffMessage()
    {
    }

    public long Id { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>fi, sv or en: the language the resident wrote in and the answer is sent in.</summary>
    public string Language { get; private set; } = "fi";

    /// <summary>The message with identity codes and phone numbers masked.</summary>
    public string Text { get; private set; } = "";

    public string? Situation { get; private set; }
    public UrgencyKind Urgency { get; private set; }
    public string ContactName { get; private set; } = "";
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }

    /// <summary>The signed-in client who wrote it, so the conversation continues on their own pages; null when anonymous.</summary>
    public Guid? ClientId { get; private set; }

    public HandoffStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }

    /// <summary>A new open message. The text is masked here, so nothing unmasked reaches the database.</summary>
    public static HandoffMessage Create(
        string text, string language, string contactName, string? phone, string? email, bool consent, Guid? clientId,
        string? situation, DateTime at)
    {
        if (!consent)
        {
            throw new ArgumentException("A message is only stored with the resident's consent.", nameof(consent));
        }

        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email) && clientId is null)
        {
            throw new ArgumentException("An anonymous message needs a phone number or an e-mail address for the answer.", nameof(phone));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        return new HandoffMessage
        {
            CreatedAt = at,
            Language = language,
            Text = PersonalDataMasking.Mask(trimmed.Length > MaxTextLength ? trimmed[..MaxTextLength] : trimmed),
            Urgency = Assistant.Urgency.Detect(trimmed),
            Situation = situation,
            ContactName = contactName.Trim(),
            ContactPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
            ContactEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            ClientId = clientId,
            Status = HandoffStatus.Open,
        };
    }

    /// <summary>A professional's answer; the answer is masked like the question. A message is answered once.</summary>
    public void AnswerWith(string answer, string by, DateTime at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        if (Status == HandoffStatus.Answered)
        {
            throw new InvalidOperationException("The message has already been answered.");
        }

        var trimmed = answer.Trim();
        Answer = PersonalDataMasking.Mask(trimmed.Length > MaxTextLength ? trimmed[..MaxTextLength] : trimmed);
        AnsweredBy = by;
        AnsweredAt = at;
        Status = HandoffStatus.Answered;
    }
}
