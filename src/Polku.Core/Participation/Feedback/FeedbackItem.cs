namespace Polku.Core.Participation.Feedback;

/// <summary>Which form the feedback was given on.</summary>
public enum FeedbackVariant
{
    /// <summary>THL's national customer feedback: the recommendation question 0–10, the core statements 1–5, a comment.</summary>
    Adult,

    /// <summary>Simpler words and smiley faces 1–5 for the statements; no recommendation question.</summary>
    Child,
}

/// <summary>Where a feedback item is in the closed loop ("Sanoit — me teimme").</summary>
public enum FeedbackState
{
    New,
    UnderReview,
    Accepted,

    /// <summary>Not taken forward; a reason is always recorded and shown.</summary>
    NotTakenForward,
    Done,
}

/// <summary>
/// One piece of customer feedback about an organisation unit (and optionally one of its services).
/// Anonymous feedback holds nothing that identifies the giver: no user or client, no address, no session, no time
/// finer than the day, and a random id that says nothing of the order in which items were given.
/// </summary>
public class FeedbackItem
{
    public const int CommentMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    /// <summary>Random, so that ids do not reveal which items were given one after another.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public int OrganisationId { get; init; }
    public int? ServiceId { get; init; }

    /// <summary>The touchpoint the feedback was given at, once client paths record touchpoints (no foreign key yet).</summary>
    public Guid? TouchpointId { get; init; }

    public FeedbackVariant Variant { get; init; }

    /// <summary>The language the form was filled in (fi, sv or en).</summary>
    public required string Language { get; init; }

    /// <summary>The day the feedback was given, Finnish calendar. Deliberately no time of day.</summary>
    public DateOnly GivenOn { get; init; }

    /// <summary>The giver of signed feedback; null for anonymous feedback.</summary>
    public Guid? GiverClientId { get; init; }

    /// <summary>How likely the giver would recommend the service, 0–10 (adult form only).</summary>
    public int? Recommendation { get; init; }

    /// <summary>"I got help with my matter", 1–5.</summary>
    public int? GotHelp { get; init; }

    /// <summary>"I was treated with respect", 1–5.</summary>
    public int? Respected { get; init; }

    /// <summary>"I was listened to and could take part in decisions", 1–5.</summary>
    public int? Listened { get; init; }

    public string? Comment { get; init; }

    public FeedbackState State { get; private set; } = FeedbackState.New;

    /// <summary>Why the item was not taken forward, or the manager's answer to the giver.</summary>
    public string? Answer { get; private set; }

    public DateOnly? StateChangedOn { get; private set; }
    public int? DevelopmentActionId { get; private set; }
    public DevelopmentAction? DevelopmentAction { get; private set; }

    public bool IsSigned => GiverClientId is not null;

    /// <summary>The transitions of the closed loop: new → under review → accepted / not taken forward → done.</summary>
    public static bool CanMove(FeedbackState from, FeedbackState to) => (from, to) switch
    {
        (FeedbackState.New, FeedbackState.UnderReview) => true,
        (FeedbackState.UnderReview, FeedbackState.Accepted) => true,
        (FeedbackState.UnderReview, FeedbackState.NotTakenForward) => true,
        (FeedbackState.Accepted, FeedbackState.Done) => true,
        _ => false,
    };

    /// <summary>Moves the item in the loop; a refusal is returned as a problem and changes nothing.</summary>
    public FeedbackProblem? MoveTo(FeedbackState to, string? answer, DateOnly on)
    {
        if (!CanMove(State, to))
        {
            return FeedbackProblem.TransitionNotAllowed;
        }

        var trimmed = string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
        if (to == FeedbackState.NotTakenForward && trimmed is null)
        {
            return FeedbackProblem.ReasonRequired;
        }

        if (trimmed is { Length: > ReasonMaxLength })
        {
            return FeedbackProblem.TooLong;
        }

        State = to;
        Answer = trimmed ?? Answer;
        StateChangedOn = on;
        return null;
    }

    public void GroupInto(DevelopmentAction? action)
    {
        DevelopmentAction = action;
        DevelopmentActionId = action?.Id;
    }
}

/// <summary>Expected refusals of the feedback capability; each maps to a text key "Feedback.Problem.{name}".</summary>
public enum FeedbackProblem
{
    TransitionNotAllowed,
    ReasonRequired,
    TooLong,
    OutOfRange,
    UnknownUnit,
    Empty,
    NotFound,

    /// <summary>The touchpoint is not the signed giver's own at this unit.</summary>
    UnknownTouchpoint,
}
