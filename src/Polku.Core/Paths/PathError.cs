namespace Polku.Core.Paths;

/// <summary>Expected failures of client paths; pages map them to HTTP statuses or form messages in one place.</summary>
public enum PathError
{
    NotFound,
    Denied,

    /// <summary>Only a professional of the network may do this.</summary>
    ProfessionalOnly,

    /// <summary>The referral is not in a state that allows this step (e.g. accepting a revoked referral).</summary>
    InvalidTransition,

    /// <summary>Only a professional of the receiving organisation may answer or complete a referral.</summary>
    NotReceiver,

    /// <summary>Only the sending organisation may revoke a referral.</summary>
    NotSender,

    /// <summary>A rejection needs a reason.</summary>
    ReasonRequired,

    /// <summary>A referral or handover needs the client's consent or an override with a reason.</summary>
    ConsentRequired,

    /// <summary>Someone else changed the same thing first; nothing was saved, the reader should look again.</summary>
    Conflict,

    /// <summary>The episode has ended.</summary>
    EpisodeClosed,

    /// <summary>Only the proposed professional may accept the responsible worker's role.</summary>
    NotProposed,

    /// <summary>A referral must go to another organisation than the sender's.</summary>
    SameOrganisation,

    /// <summary>The rating is outside 1–5.</summary>
    InvalidRating,

    /// <summary>The episode still has referrals waiting for an answer; they must be answered or revoked first.</summary>
    PendingReferrals,

    /// <summary>The professional already is a member of the care team.</summary>
    AlreadyMember,

    /// <summary>A date before the client was born, or in the future, for something that has happened.</summary>
    DateOutOfRange,
}

/// <summary>A value, or why not.</summary>
public sealed record PathOutcome<T>(T? Value, PathError? Error = null)
{
    public bool Succeeded => Error is null;

    public static implicit operator PathOutcome<T>(PathError error) => new(default, error);
}
