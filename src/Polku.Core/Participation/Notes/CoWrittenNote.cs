namespace Polku.Core.Participation.Notes;

/// <summary>
/// A note drafted by a professional together with the client in a meeting. The professional's text and the client's
/// view (a comment, agreement, or both) are kept side by side; neither overwrites the other.
/// </summary>
public class CoWrittenNote
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ClientId { get; init; }
    public int ProfessionalId { get; init; }

    /// <summary>The professional's name as the client should see it.</summary>
    public required string ProfessionalName { get; init; }

    /// <summary>UTC instant the note was first drafted.</summary>
    public DateTime WrittenAt { get; init; }

    public string ProfessionalText { get; private set; } = "";

    /// <summary>UTC instant of the professional's last change.</summary>
    public DateTime ChangedAt { get; private set; }

    public string? ClientComment { get; private set; }
    public bool ClientAgrees { get; private set; }

    /// <summary>UTC instant of the client's last answer, null until the client has answered.</summary>
    public DateTime? ClientAnsweredAt { get; private set; }

    public static CoWrittenNote Draft(Guid clientId, int professionalId, string professionalName, string text, DateTime atUtc)
    {
        var note = new CoWrittenNote { ClientId = clientId, ProfessionalId = professionalId, ProfessionalName = professionalName, WrittenAt = atUtc };
        note.Revise(text, atUtc);
        return note;
    }

    /// <summary>The professional changes the text. A client's earlier agreement no longer holds for the new text.</summary>
    public void Revise(string text, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        if (trimmed == ProfessionalText)
        {
            return;
        }

        ProfessionalText = trimmed;
        ChangedAt = atUtc;
        ClientAgrees = false;
    }

    /// <summary>The client's view: a comment, agreement, or both.</summary>
    public void Answer(string? comment, bool agrees, DateTime atUtc)
    {
        ClientComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ClientAgrees = agrees;
        ClientAnsweredAt = atUtc;
    }
}
