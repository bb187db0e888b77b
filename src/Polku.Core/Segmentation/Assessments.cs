using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Paths;

namespace Polku.Core.Segmentation;

/// <summary>Expected failures of the segmentation capability; pages map them to HTTP statuses or form messages.</summary>
public enum SegmentationError
{
    NotFound,
    Denied,

    /// <summary>Answers missing or outside their scale (see <see cref="AssessmentOutcome{T}.AnswerErrors"/>).</summary>
    InvalidAnswers,

    /// <summary>The assessment is confirmed and can no longer change.</summary>
    Confirmed,

    /// <summary>The one-time code is unknown, used or expired (deliberately not told apart).</summary>
    CodeNotValid,

    /// <summary>Overriding the computed customership needs a reason.</summary>
    ReasonRequired,

    /// <summary>EXIT is an outcome of a reassessment only: the client must have an earlier confirmed assessment.</summary>
    ExitOnlyOnReassessment,

    /// <summary>Both parts must be answered before confirming.</summary>
    NotScored,

    /// <summary>Only a professional may do this (the professional part, confirmation, codes).</summary>
    ProfessionalOnly,
}

/// <summary>A value, or why not.</summary>
public sealed record AssessmentOutcome<T>(T? Value, SegmentationError? Error = null, IReadOnlyList<AnswerError>? AnswerErrors = null);

public static class AssessmentOutcome
{
    public static AssessmentOutcome<T> Fail<T>(SegmentationError error) => new(default, error);
}

/// <summary>An assessment opened for a reader: the assessment, its instrument version and the client.</summary>
public sealed record OpenAssessment(Assessment Assessment, Instrument Instrument, Client Client, AuditPurpose Purpose);

/// <summary>
/// Commands and queries of customership assessments. Client data is reached only through <see cref="ClientAccess"/>,
/// so every read and change is audited; the one-time code opens exactly one client part and nothing else.
/// </summary>
public sealed class Assessments(PolkuDb db, ClientAccess access, Instruments instruments, TimeProvider clock)
{
    /// <summary>How long a one-time code for the client part works after it is given.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromDays(14);

    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The client's assessments, newest first, with the client. Audited as a read.</summary>
    public async Task<AssessmentOutcome<(Client Client, List<Assessment> Assessments)>> HistoryAsync(Actor actor, Guid clientId, CancellationToken ct = default)
    {
        var opening = await access.OpenAsync(actor, clientId, AuditAction.Read, AuditResources.Assessments, ct);
        if (opening.Client is not { } client)
        {
            return AssessmentOutcome.Fail<(Client, List<Assessment>)>(NotOpened(opening));
        }

        var list = await db.Assessments.AsNoTracking().Include(a => a.InstrumentVersion)
            .Where(a => a.ClientId == clientId).OrderByDescending(a => a.StartedAt).ToListAsync(ct);
        return new((client, list));
    }

    /// <summary>A professional starts a new assessment (or reassessment) with the current instrument version.</summary>
    public async Task<AssessmentOutcome<Assessment>> StartAsync(Actor actor, Guid clientId, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork)
        {
            return AssessmentOutcome.Fail<Assessment>(SegmentationError.ProfessionalOnly);
        }

        var opening = await access.OpenAsync(actor, clientId, AuditAction.Change, AuditResources.Assessments, ct);
        if (opening.Client is null)
        {
            return AssessmentOutcome.Fail<Assessment>(NotOpened(opening));
        }

        var version = await instruments.CurrentAsync(ct) ?? throw new InvalidOperationException("No instrument is loaded.");
        var assessment = new Assessment
        {
            ClientId = clientId,
            InstrumentVersionId = version.Id,
            StartedAt = Now,
            StartedByProfessionalId = actor.ProfessionalId!.Value,
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return new(assessment);
    }

    /// <summary>Opens one assessment of a client for reading or changing; audited either way.</summary>
    public async Task<AssessmentOutcome<OpenAssessment>> OpenAsync(Actor actor, Guid clientId, Guid assessmentId, AuditAction action, CancellationToken ct = default)
    {
        var opening = await access.OpenAsync(actor, clientId, action, AuditResources.Assessment, ct);
        if (opening.Client is not { } client)
        {
            return AssessmentOutcome.Fail<OpenAssessment>(NotOpened(opening));
        }

        var assessment = await db.Assessments.Include(a => a.InstrumentVersion).Include(a => a.Answers)
            .FirstOrDefaultAsync(a => a.Id == assessmentId && a.ClientId == clientId, ct);
        return assessment is null
            ? AssessmentOutcome.Fail<OpenAssessment>(SegmentationError.NotFound)
            : new(new OpenAssessment(assessment, assessment.InstrumentVersion!.Parse(), client, opening.Purpose));
    }

    /// <summary>
    /// Gives a new one-time code for filling the client part at home (replacing an earlier code). The code is returned
    /// once, to be handed to the client; only its hash is stored.
    /// </summary>
    public async Task<AssessmentOutcome<(string Code, DateTime ExpiresAt)>> IssueCodeAsync(Actor actor, Guid clientId, Guid assessmentId, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork)
        {
            return AssessmentOutcome.Fail<(string, DateTime)>(SegmentationError.ProfessionalOnly);
        }

        var opened = await OpenAsync(actor, clientId, assessmentId, AuditAction.Change, ct);
        if (opened.Value is not { } open)
        {
            return AssessmentOutcome.Fail<(string, DateTime)>(opened.Error!.Value);
        }

        if (open.Assessment.IsConfirmed)
        {
            return AssessmentOutcome.Fail<(string, DateTime)>(SegmentationError.Confirmed);
        }

        var code = NewCode();
        var expires = Now + CodeLifetime;
        open.Assessment.IssueCode(HashCode(code), expires);
        await db.SaveChangesAsync(ct);
        return new((code, expires));
    }

    /// <summary>The instrument of the assessment a one-time code opens, if the code works now. Reveals nothing about the client.</summary>
    public async Task<Instrument?> InstrumentForCodeAsync(string code, CancellationToken ct = default)
    {
        var assessment = await FindByCodeAsync(code, ct);
        return assessment?.InstrumentVersion!.Parse();
    }

    /// <summary>Stores the client part filled at home with a one-time code, which then stops working. Audited as the client's own change.</summary>
    public async Task<AssessmentOutcome<bool>> AnswerWithCodeAsync(string code, IReadOnlyDictionary<string, int> answers, CancellationToken ct = default)
    {
        var found = await FindByCodeAsync(code, ct);
        if (found is null)
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.CodeNotValid);
        }

        var instrument = found.InstrumentVersion!.Parse();
        var errors = SegmentationScoring.Check(instrument, AssessmentPart.Client, answers);
        if (errors.Count > 0)
        {
            return new(false, SegmentationError.InvalidAnswers, errors);
        }

        var name = await db.Clients.Where(c => c.Id == found.ClientId).Select(c => c.FirstName + " " + c.LastName).FirstAsync(ct);
        var holder = new Actor(null, name, new HashSet<string>(), ClientId: found.ClientId);
        var opened = await OpenAsync(holder, found.ClientId, found.Id, AuditAction.Change, ct);
        var assessment = opened.Value!.Assessment;
        assessment.AnswerClientPart(Only(instrument, AssessmentPart.Client, answers), name, ClientPartChannel.Code, Now);
        ScoreIfComplete(assessment, instrument);
        await db.SaveChangesAsync(ct);
        return new(true);
    }

    /// <summary>Stores the client part filled in the meeting (by a professional with the client) or by the signed-in client.</summary>
    public async Task<AssessmentOutcome<bool>> AnswerClientPartAsync(Actor actor, Guid clientId, Guid assessmentId, IReadOnlyDictionary<string, int> answers, CancellationToken ct = default)
    {
        var opened = await OpenAsync(actor, clientId, assessmentId, AuditAction.Change, ct);
        if (opened.Value is not { } open)
        {
            return AssessmentOutcome.Fail<bool>(opened.Error!.Value);
        }

        if (open.Assessment.IsConfirmed)
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.Confirmed);
        }

        var errors = SegmentationScoring.Check(open.Instrument, AssessmentPart.Client, answers);
        if (errors.Count > 0)
        {
            return new(false, SegmentationError.InvalidAnswers, errors);
        }

        var via = actor.DoesClientWork ? ClientPartChannel.Meeting : ClientPartChannel.SignedIn;
        var by = via == ClientPartChannel.Meeting ? open.Client.FullName : actor.DisplayName;
        open.Assessment.AnswerClientPart(Only(open.Instrument, AssessmentPart.Client, answers), by, via, Now);
        ScoreIfComplete(open.Assessment, open.Instrument);
        await db.SaveChangesAsync(ct);
        return new(true);
    }

    public async Task<AssessmentOutcome<bool>> AnswerProfessionalPartAsync(Actor actor, Guid clientId, Guid assessmentId, IReadOnlyDictionary<string, int> answers, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork)
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.ProfessionalOnly);
        }

        var opened = await OpenAsync(actor, clientId, assessmentId, AuditAction.Change, ct);
        if (opened.Value is not { } open)
        {
            return AssessmentOutcome.Fail<bool>(opened.Error!.Value);
        }

        if (open.Assessment.IsConfirmed)
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.Confirmed);
        }

        var errors = SegmentationScoring.Check(open.Instrument, AssessmentPart.Professional, answers);
        if (errors.Count > 0)
        {
            return new(false, SegmentationError.InvalidAnswers, errors);
        }

        open.Assessment.AnswerProfessionalPart(Only(open.Instrument, AssessmentPart.Professional, answers), actor.ProfessionalId!.Value, actor.DisplayName, Now);
        ScoreIfComplete(open.Assessment, open.Instrument);
        await db.SaveChangesAsync(ct);
        return new(true);
    }

    /// <summary>
    /// The professional confirms the computed customership, or overrides it with a reason (EXIT only on a reassessment).
    /// The client's open episodes take the confirmed customership in the same save (the rule is
    /// <see cref="Episode.FollowAssessment"/>).
    /// </summary>
    public Task<AssessmentOutcome<bool>> ConfirmAsync(Actor actor, Guid clientId, Guid assessmentId, Customership outcome, string? reason, CancellationToken ct = default) =>
        ConfirmAsync(actor, clientId, assessmentId, outcome, reason, retry: true, ct);

    private async Task<AssessmentOutcome<bool>> ConfirmAsync(
        Actor actor, Guid clientId, Guid assessmentId, Customership outcome, string? reason, bool retry, CancellationToken ct)
    {
        if (!actor.DoesClientWork)
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.ProfessionalOnly);
        }

        var opened = await OpenAsync(actor, clientId, assessmentId, AuditAction.Change, ct);
        if (opened.Value is not { } open)
        {
            return AssessmentOutcome.Fail<bool>(opened.Error!.Value);
        }

        var assessment = open.Assessment;
        if (assessment.IsConfirmed)
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.Confirmed);
        }

        if (!assessment.IsScored)
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.NotScored);
        }

        if (outcome != assessment.Computed && string.IsNullOrWhiteSpace(reason))
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.ReasonRequired);
        }

        if (outcome == Customership.Exit && !await IsReassessmentAsync(assessment, ct))
        {
            return AssessmentOutcome.Fail<bool>(SegmentationError.ExitOnlyOnReassessment);
        }

        assessment.Confirm(outcome, reason, actor.ProfessionalId!.Value, actor.DisplayName, Now);
        await ClientPaths.FollowAssessmentAsync(db, clientId, outcome, assessment.Id, actor.ProfessionalId.Value, Now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (retry)
        {
            // Someone changed one of the client's episodes meanwhile: start over once from what is stored now.
            db.ChangeTracker.Clear();
            return await ConfirmAsync(actor, clientId, assessmentId, outcome, reason, retry: false, ct);
        }

        return new(true);
    }

    /// <summary>Whether the client has a confirmed assessment started before this one.</summary>
    public Task<bool> IsReassessmentAsync(Assessment assessment, CancellationToken ct = default) =>
        db.Assessments.AnyAsync(a => a.ClientId == assessment.ClientId && a.Id != assessment.Id && a.Outcome != null && a.StartedAt <= assessment.StartedAt, ct);

    /// <summary>The signed-in client's own assessments whose client part is still open.</summary>
    public async Task<List<Assessment>> OpenForClientAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.ClientId is not { } self)
        {
            return [];
        }

        var opening = await access.OpenAsync(actor, self, AuditAction.Read, AuditResources.Assessments, ct);
        if (opening.Client is null)
        {
            return [];
        }

        return await db.Assessments.AsNoTracking().Where(a => a.ClientId == self && a.Outcome == null && a.ClientPartAt == null)
            .OrderByDescending(a => a.StartedAt).ToListAsync(ct);
    }

    /// <summary>Normalises a code as typed (case, spaces and dashes do not matter) and hashes it with SHA-256.</summary>
    public static string HashCode(string code)
    {
        var normalised = new string([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>A new code of ten characters (50 bits) from an alphabet without look-alikes, shown as XXXXX-XXXXX.</summary>
    public static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(CodeAlphabet, 10);
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    private async Task<Assessment?> FindByCodeAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40)
        {
            return null;
        }

        var hash = HashCode(code);
        var found = await db.Assessments.AsNoTracking().Include(a => a.InstrumentVersion).FirstOrDefaultAsync(a => a.CodeHash == hash, ct);
        return found is not null && found.CodeWorksAt(Now) ? found : null;
    }

    private static Dictionary<string, int> Only(Instrument instrument, AssessmentPart part, IReadOnlyDictionary<string, int> answers) =>
        instrument.ItemsOf(part).ToDictionary(i => i.Key, i => answers[i.Key], StringComparer.Ordinal);

    private static void ScoreIfComplete(Assessment assessment, Instrument instrument)
    {
        if (assessment.HasClientPart && assessment.HasProfessionalPart)
        {
            assessment.RecordScore(SegmentationScoring.Score(instrument, assessment.AnswersOf(AssessmentPart.Client), assessment.AnswersOf(AssessmentPart.Professional)));
        }
    }

    private static SegmentationError NotOpened(ClientOpening opening) => opening.IsDenied ? SegmentationError.Denied : SegmentationError.NotFound;
}
