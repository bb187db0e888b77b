namespace Polku.Core.Paths;

/// <summary>A referral asks another provider to serve the client; a handover also moves the ownership of the path.</summary>
public enum ReferralKind
{
    Referral,
    Handover,
}

/// <summary>
/// The states of a referral: <see cref="Requested"/> → <see cref="Accepted"/> or <see cref="Rejected"/> (with a reason)
/// or <see cref="Revoked"/> by the sender; <see cref="Accepted"/> → <see cref="Completed"/>. Every other step is refused.
/// </summary>
public enum ReferralStatus
{
    Requested,
    Accepted,
    Rejected,
    Completed,
    Revoked,
}

/// <summary>A referral's client, sending and receiving organisations and the time it was requested.</summary>
public readonly record struct ReferralLeg(Guid ClientId, int From, int To, DateTime RequestedAt)
{
    /// <summary>
    /// The "lähettely" rule, shared by the alerts and the dashboards: this leg B → A returns <paramref name="there"/>,
    /// an earlier or simultaneous leg A → B of the same client, within <paramref name="window"/>.
    /// </summary>
    public bool Returns(ReferralLeg there, TimeSpan window) =>
        there.ClientId == ClientId && there.From == To && there.To == From
        && there.RequestedAt <= RequestedAt && RequestedAt - there.RequestedAt <= window;
}

/// <summary>
/// A referral or handover from one organisation of the network to another. It changes state only through its
/// methods, which keep the workflow; <see cref="Version"/> is the optimistic concurrency token, so when two
/// professionals act on the same referral at once one wins and the other is told.
/// </summary>
public class Referral
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EpisodeId { get; init; }
    public Guid ClientId { get; init; }
    public ReferralKind Kind { get; init; }
    public int FromOrganisationId { get; init; }
    public int FromProfessionalId { get; init; }
    public int ToOrganisationId { get; init; }

    /// <summary>A named receiver, when the sender asked for one; otherwise any professional of the receiving organisation answers.</summary>
    public int? ToProfessionalId { get; init; }
    public int? ServiceId { get; init; }
    public required string Reason { get; init; }

    /// <summary>True when the client consented to this referral; otherwise <see cref="OverrideReason"/> says why it was made without.</summary>
    public bool ClientConsented { get; init; }
    public string? OverrideReason { get; init; }

    public ReferralStatus Status { get; private set; }

    /// <summary>UTC instants of each state reached.</summary>
    public DateTime RequestedAt { get; init; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? RejectedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    /// <summary>The professional who accepted or rejected the referral.</summary>
    public int? AnsweredByProfessionalId { get; private set; }
    public string? RejectionReason { get; private set; }

    /// <summary>Optimistic concurrency token: incremented by every transition.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status is ReferralStatus.Requested or ReferralStatus.Accepted;

    /// <summary>Who was sent where and when: what the returned-referral rule looks at.</summary>
    public ReferralLeg Leg => new(ClientId, FromOrganisationId, ToOrganisationId, RequestedAt);

    /// <summary>When the referral got its answer (accepted or rejected), if it has.</summary>
    public DateTime? AnsweredAt => AcceptedAt ?? RejectedAt;

    /// <summary>Creates a requested referral. Needs the client's consent or an override with a reason.</summary>
    public static PathOutcome<Referral> Request(
        Episode episode, ReferralKind kind, int fromOrganisationId, int fromProfessionalId, int toOrganisationId, int? toProfessionalId,
        int? serviceId, string reason, bool clientConsented, string? overrideReason, DateTime atUtc)
    {
        if (!episode.IsOpen)
        {
            return PathError.EpisodeClosed;
        }

        if (fromOrganisationId == toOrganisationId && kind == ReferralKind.Referral)
        {
            return PathError.SameOrganisation;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return PathError.ReasonRequired;
        }

        if (!clientConsented && string.IsNullOrWhiteSpace(overrideReason))
        {
            return PathError.ConsentRequired;
        }

        return new PathOutcome<Referral>(new Referral
        {
            EpisodeId = episode.Id,
            ClientId = episode.ClientId,
            Kind = kind,
            FromOrganisationId = fromOrganisationId,
            FromProfessionalId = fromProfessionalId,
            ToOrganisationId = toOrganisationId,
            ToProfessionalId = toProfessionalId,
            ServiceId = serviceId,
            Reason = reason.Trim(),
            ClientConsented = clientConsented,
            OverrideReason = clientConsented ? null : overrideReason!.Trim(),
            RequestedAt = atUtc,
            Status = ReferralStatus.Requested,
        });
    }

    /// <summary>Whether a professional of this organisation may answer (accept, reject) or complete the referral.</summary>
    public bool IsReceiver(int organisationId, int professionalId) =>
        organisationId == ToOrganisationId && (ToProfessionalId is null || ToProfessionalId == professionalId);

    /// <summary>The receiver accepts. A handover moves the ownership of the episode to the accepting professional now.</summary>
    public PathError? Accept(Episode episode, int organisationId, int professionalId, DateTime atUtc)
    {
        if (Status != ReferralStatus.Requested)
        {
            return PathError.InvalidTransition;
        }

        if (!IsReceiver(organisationId, professionalId))
        {
            return PathError.NotReceiver;
        }

        Status = ReferralStatus.Accepted;
        AcceptedAt = atUtc;
        AnsweredByProfessionalId = professionalId;
        Version++;
        if (Kind == ReferralKind.Handover)
        {
            episode.OrganisationId = ToOrganisationId;
            episode.TakeOwnership(professionalId, atUtc);
        }

        return null;
    }

    /// <summary>The receiver rejects, with a reason the sender sees.</summary>
    public PathError? Reject(int organisationId, int professionalId, string? reason, DateTime atUtc)
    {
        if (Status != ReferralStatus.Requested)
        {
            return PathError.InvalidTransition;
        }

        if (!IsReceiver(organisationId, professionalId))
        {
            return PathError.NotReceiver;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return PathError.ReasonRequired;
        }

        Status = ReferralStatus.Rejected;
        RejectedAt = atUtc;
        RejectionReason = reason.Trim();
        AnsweredByProfessionalId = professionalId;
        Version++;
        return null;
    }

    /// <summary>The receiver marks the accepted referral done.</summary>
    public PathError? Complete(int organisationId, int professionalId, DateTime atUtc)
    {
        if (Status != ReferralStatus.Accepted)
        {
            return PathError.InvalidTransition;
        }

        if (organisationId != ToOrganisationId)
        {
            return PathError.NotReceiver;
        }

        Status = ReferralStatus.Completed;
        CompletedAt = atUtc;
        Version++;
        return null;
    }

    /// <summary>The sender takes back a referral nobody has answered yet.</summary>
    public PathError? Revoke(int organisationId, DateTime atUtc)
    {
        if (Status != ReferralStatus.Requested)
        {
            return PathError.InvalidTransition;
        }

        if (organisationId != FromOrganisationId)
        {
            return PathError.NotSender;
        }

        Status = ReferralStatus.Revoked;
        RevokedAt = atUtc;
        Version++;
        return null;
    }
}
