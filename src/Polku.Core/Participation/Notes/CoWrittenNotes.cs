using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;

namespace Polku.Core.Participation.Notes;

/// <summary>Why a note command was refused.</summary>
public enum NoteProblem
{
    NotFound,
    Denied,

    /// <summary>Only the professional who wrote a note revises it; a colleague writes a note of their own.</summary>
    NotAuthor,
    Empty,
    TooLong,
}

/// <summary>
/// Co-written notes. Every read and change goes through <see cref="ClientAccess"/>, so it is allowed only on the
/// grounds of a care relationship, consent, the client's own data or guardianship, and is written to the audit log.
/// Only professionals draft; only a note's author revises it, and every revision is kept as a version; only the
/// client (or a guardian of a child) answers, and the answer belongs to the version it concerned.
/// </summary>
public sealed class CoWrittenNotes(PolkuDb db, ClientAccess access, TimeProvider clock)
{
    public async Task<(Guid? Id, NoteProblem? Problem)> DraftAsync(Actor professional, Guid clientId, string text, CancellationToken ct = default)
    {
        if (TextProblem(text) is { } problem)
        {
            return (null, problem);
        }

        if (!professional.DoesClientWork)
        {
            return (null, NoteProblem.Denied);
        }

        var opening = await access.OpenAsync(professional, clientId, AuditAction.Change, AuditResources.CoWrittenNote, ct);
        if (opening.Client is null)
        {
            return (null, opening.IsDenied ? NoteProblem.Denied : NoteProblem.NotFound);
        }

        var note = CoWrittenNote.Draft(clientId, professional.ProfessionalId!.Value, professional.DisplayName, text, clock.GetUtcNow().UtcDateTime);
        db.CoWrittenNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return (note.Id, null);
    }

    public async Task<NoteProblem?> ReviseAsync(Actor professional, Guid noteId, string text, CancellationToken ct = default)
    {
        if (TextProblem(text) is { } problem)
        {
            return problem;
        }

        var note = await db.CoWrittenNotes.FirstOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null)
        {
            return NoteProblem.NotFound;
        }

        if (!professional.DoesClientWork)
        {
            return NoteProblem.Denied;
        }

        if (note.ProfessionalId != professional.ProfessionalId)
        {
            return NoteProblem.NotAuthor;
        }

        var opening = await access.OpenAsync(professional, note.ClientId, AuditAction.Change, AuditResources.CoWrittenNote, ct);
        if (opening.Client is null)
        {
            return NoteProblem.Denied;
        }

        if (note.Revise(text, clock.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(ct);
        }

        return null;
    }

    /// <summary>The client's (or a guardian's) comment or agreement.</summary>
    public async Task<NoteProblem?> AnswerAsync(Actor client, Guid noteId, string? comment, bool agrees, CancellationToken ct = default)
    {
        if (comment is { Length: > CoWrittenNote.TextMaxLength })
        {
            return NoteProblem.TooLong;
        }

        var note = await db.CoWrittenNotes.FirstOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null)
        {
            return NoteProblem.NotFound;
        }

        var decision = await access.DecideAsync(client, note.ClientId, ct);
        if (decision.Purpose is not (AuditPurpose.OwnData or AuditPurpose.Guardian))
        {
            await access.OpenAsync(client with { ProfessionalId = null }, note.ClientId, AuditAction.Change, AuditResources.CoWrittenNote, ct);
            return NoteProblem.Denied;
        }

        await access.OpenAsync(client, note.ClientId, AuditAction.Change, AuditResources.CoWrittenNote, ct);
        note.Answer(comment, agrees, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A client's notes, newest first, or null when the actor may not see them (the refusal is audited).</summary>
    public async Task<List<CoWrittenNote>?> ForClientAsync(Actor actor, Guid clientId, CancellationToken ct = default) =>
        (await WithClientAsync(actor, clientId, ct)).Notes;

    /// <summary>
    /// The client with their notes, newest first (for the professional's page, which names the client), or
    /// (null, null) when the actor may not see them, or the client does not exist; <c>IsDenied</c> tells which. One
    /// audited read either way.
    /// </summary>
    public async Task<(Client? Client, List<CoWrittenNote>? Notes, bool IsDenied)> WithClientAsync(Actor actor, Guid clientId, CancellationToken ct = default)
    {
        var opening = await access.OpenAsync(actor, clientId, AuditAction.Read, AuditResources.CoWrittenNote, ct);
        if (opening.Client is null)
        {
            return (null, null, opening.IsDenied);
        }

        var notes = await db.CoWrittenNotes.AsNoTracking().Where(n => n.ClientId == clientId)
            .OrderByDescending(n => n.WrittenAt).ToListAsync(ct);
        return (opening.Client, notes, false);
    }

    private static NoteProblem? TextProblem(string text) =>
        string.IsNullOrWhiteSpace(text) ? NoteProblem.Empty
        : text.Trim().Length > CoWrittenNote.TextMaxLength ? NoteProblem.TooLong
        : null;
}
