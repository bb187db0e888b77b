namespace Polku.Core.Participation.Notes;

/// <summary>
/// A note drafted by a professional together with the client in a meeting. The professional's text and the client's
/// view (a comment, agreement, or both) are kept side by side; neither overwrites the other. Every text the author
/// writes is kept as a <see cref="CoWrittenNoteVersion"/>, and the client's answer stays with the version it concerned.
/// The note's own text and answer fields are those of the newest version, for lists that show only the current state.
/// </summary>
public class CoWrittenNote
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ClientId { get; init; }

    /// <summary>The author: the only professional who may revise the note.</summary>
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

    /// <summary>UTC instant of the client's last answer to the newest version, null until the client has answered it.</summary>
    public DateTime? ClientAnsweredAt { get; private set; }

    /// <summary>Every version (owned: loaded with the note); the highest <see cref="CoWrittenNoteVersion.Number"/> is the current text.</summary>
    public List<CoWrittenNoteVersion> Versions { get; private set; } = [];

    public static CoWrittenNote Draft(Guid clientId, int professionalId, string professionalName, string text, DateTime atUtc)
    {
        var note = new CoWrittenNote { ClientId = clientId, ProfessionalId = professionalId, ProfessionalName = professionalName, WrittenAt = atUtc };
        note.Revise(text, atUtc);
        return note;
    }

    /// <summary>
    /// The author changes the text: a new version. The client's answer to the earlier version stays with it and does
    /// not carry over, because the client has not seen the new text. Returns false when the text did not change.
    /// </summary>
    public bool Revise(string text, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        if (trimmed == ProfessionalText)
        {
            return false;
        }

        ProfessionalText = trimmed;
        ChangedAt = atUtc;
        ClientComment = null;
        ClientAgrees = false;
        ClientAnsweredAt = null;
        Versions.Add(new CoWrittenNoteVersion
        {
            NoteId = Id,
            Number = Versions.Count + 1,
            AuthorId = ProfessionalId,
            AuthorName = ProfessionalName,
            WrittenAt = atUtc,
            Text = trimmed,
        });
        return true;
    }

    /// <summary>The client's view of the current version: a comment, agreement, or both.</summary>
    public void Answer(string? comment, bool agrees, DateTime atUtc)
    {
        ClientComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ClientAgrees = agrees;
        ClientAnsweredAt = atUtc;
        Versions.MaxBy(v => v.Number)!.Answer(ClientComment, agrees, atUtc);
    }
}

/// <summary>One text of a co-written note, with who wrote it and when, and the client's answer to exactly this text.</summary>
public class CoWrittenNoteVersion
{
    public Guid NoteId { get; init; }

    /// <summary>1 for the first draft, then one more for each revision.</summary>
    public int Number { get; init; }

    public int AuthorId { get; init; }
    public required string AuthorName { get; init; }

    /// <summary>UTC instant this version was written.</summary>
    public DateTime WrittenAt { get; init; }

    public required string Text { get; init; }
    public string? ClientComment { get; private set; }
    public bool ClientAgrees { get; private set; }
    public DateTime? ClientAnsweredAt { get; private set; }

    internal void Answer(string? comment, bool agrees, DateTime atUtc)
    {
        ClientComment = comment;
        ClientAgrees = agrees;
        ClientAnsweredAt = atUtc;
    }
}
