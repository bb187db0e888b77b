namespace Polku.Core.Segmentation;

/// <summary>How the client part was filled in.</summary>
public enum ClientPartChannel
{
    /// <summary>At home, through the one-time code the professional gave (without signing in).</summary>
    Code,

    /// <summary>Signed in as the client.</summary>
    SignedIn,

    /// <summary>Together with the professional in the meeting.</summary>
    Meeting,
}

/// <summary>One answer of an assessment. Values are on the item's scale of the assessment's instrument version.</summary>
public class AssessmentAnswer
{
    public long Id { get; set; }
    public Guid AssessmentId { get; set; }
    public AssessmentPart Part { get; init; }
    public required string ItemKey { get; init; }
    public int Value { get; init; }
}

/// <summary>
/// One customership assessment of a client (SPEC §3.2): the client part and the professional part with who answered
/// and when, the scores of the instrument version it was started with, the computed customership, and the
/// professional's confirmation or override. A reassessment is a new assessment; the history is the sequence.
/// Times are UTC.
/// </summary>
public class Assessment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ClientId { get; init; }
    public int InstrumentVersionId { get; init; }
    public InstrumentVersion? InstrumentVersion { get; set; }
    public DateTime StartedAt { get; init; }
    public int StartedByProfessionalId { get; init; }

    public List<AssessmentAnswer> Answers { get; } = [];

    public DateTime? ClientPartAt { get; private set; }

    /// <summary>Name of who filled the client part (the client, or a guardian), as shown to the client.</summary>
    public string? ClientPartBy { get; private set; }
    public ClientPartChannel? ClientPartVia { get; private set; }

    public DateTime? ProfessionalPartAt { get; private set; }
    public int? ProfessionalPartProfessionalId { get; private set; }
    public string? ProfessionalPartBy { get; private set; }

    /// <summary>Client-axis score on 0–100, when both parts are answered.</summary>
    public double? ClientScore { get; private set; }

    /// <summary>Professional-axis (predictability) score on 0–100, when both parts are answered.</summary>
    public double? ProfessionalScore { get; private set; }

    /// <summary>The customership the scoring gave; never <see cref="Customership.Exit"/>.</summary>
    public Customership? Computed { get; private set; }

    /// <summary>The confirmed outcome: the computed customership, an override, or EXIT.</summary>
    public Customership? Outcome { get; private set; }
    public bool IsOverride { get; private set; }
    public string? OverrideReason { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public int? ConfirmedByProfessionalId { get; private set; }
    public string? ConfirmedBy { get; private set; }

    /// <summary>SHA-256 (hex) of the one-time code for filling the client part at home; the code itself is never stored.</summary>
    public string? CodeHash { get; private set; }

    /// <summary>UTC instant the code stops working (exclusive).</summary>
    public DateTime? CodeExpiresAt { get; private set; }

    public bool IsConfirmed => Outcome is not null;
    public bool HasClientPart => ClientPartAt is not null;
    public bool HasProfessionalPart => ProfessionalPartAt is not null;
    public bool IsScored => Computed is not null;

    /// <summary>Whether the one-time code still lets someone fill the client part at <paramref name="utc"/>.</summary>
    public bool CodeWorksAt(DateTime utc) => CodeHash is not null && CodeExpiresAt > utc && !HasClientPart && !IsConfirmed;

    public Dictionary<string, int> AnswersOf(AssessmentPart part) =>
        Answers.Where(a => a.Part == part).ToDictionary(a => a.ItemKey, a => a.Value, StringComparer.Ordinal);

    public void IssueCode(string codeHash, DateTime expiresAtUtc)
    {
        EnsureOpen();
        CodeHash = codeHash;
        CodeExpiresAt = expiresAtUtc;
    }

    /// <summary>Stores the client part (replacing earlier answers of it) and ends the one-time code.</summary>
    public void AnswerClientPart(IReadOnlyDictionary<string, int> answers, string by, ClientPartChannel via, DateTime atUtc)
    {
        EnsureOpen();
        Replace(AssessmentPart.Client, answers);
        ClientPartAt = atUtc;
        ClientPartBy = by;
        ClientPartVia = via;
        CodeHash = null;
        CodeExpiresAt = null;
    }

    public void AnswerProfessionalPart(IReadOnlyDictionary<string, int> answers, int professionalId, string by, DateTime atUtc)
    {
        EnsureOpen();
        Replace(AssessmentPart.Professional, answers);
        ProfessionalPartAt = atUtc;
        ProfessionalPartProfessionalId = professionalId;
        ProfessionalPartBy = by;
    }

    /// <summary>Records the scores; called once both parts are answered.</summary>
    public void RecordScore(ScoringResult result)
    {
        EnsureOpen();
        ClientScore = result.Client.Score;
        ProfessionalScore = result.Professional.Score;
        Computed = result.Customership;
    }

    /// <summary>
    /// The professional confirms the computed customership, or overrides it (another customership or EXIT) with a
    /// reason, which is then required. The caller decides whether EXIT is allowed (only on a reassessment).
    /// </summary>
    public void Confirm(Customership outcome, string? reason, int professionalId, string by, DateTime atUtc)
    {
        EnsureOpen();
        if (Computed is null)
        {
            throw new InvalidOperationException("An assessment is confirmed only after it is scored.");
        }

        var isOverride = outcome != Computed;
        if (isOverride && string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException("An override needs a reason.");
        }

        Outcome = outcome;
        IsOverride = isOverride;
        OverrideReason = isOverride ? reason!.Trim() : null;
        ConfirmedAt = atUtc;
        ConfirmedByProfessionalId = professionalId;
        ConfirmedBy = by;
        CodeHash = null;
        CodeExpiresAt = null;
    }

    private void Replace(AssessmentPart part, IReadOnlyDictionary<string, int> answers)
    {
        Answers.RemoveAll(a => a.Part == part);
        Answers.AddRange(answers.Select(a => new AssessmentAnswer { AssessmentId = Id, Part = part, ItemKey = a.Key, Value = a.Value }));
        ClientScore = null;
        ProfessionalScore = null;
        Computed = null;
    }

    private void EnsureOpen()
    {
        if (IsConfirmed)
        {
            throw new InvalidOperationException("A confirmed assessment cannot be changed.");
        }
    }
}
