namespace Polku.Core.Audit;

/// <summary>What was done with a client's data.</summary>
public enum AuditAction
{
    Read,
    Change,
    Export,

    /// <summary>Someone tried to see the data and was refused.</summary>
    Denied,
}

/// <summary>On what grounds the data was accessed.</summary>
public enum AuditPurpose
{
    /// <summary>The client looked at their own data.</summary>
    OwnData,

    /// <summary>A guardian acted for a child.</summary>
    Guardian,

    /// <summary>A professional in a care relationship with the client.</summary>
    CareRelationship,

    /// <summary>A professional of an organisation the client has given consent to.</summary>
    Consent,

    /// <summary>A professional of the organisation a pending referral of the client is addressed to.</summary>
    PendingReferral,

    /// <summary>The client's own message to the family centre, read from the professionals' queue to answer it.</summary>
    Handoff,

    /// <summary>The professional proposed as the responsible worker answered the proposal.</summary>
    WorkerProposal,

    /// <summary>No grounds: the access was refused.</summary>
    None,
}

/// <summary>
/// One line of the append-only audit log of client data: who, when, which client, what and why.
/// Entries are only ever added; the database refuses updates and deletes (see the migrations' triggers).
/// </summary>
public class AuditEntry
{
    public long Id { get; init; }

    /// <summary>UTC instant of the access.</summary>
    public DateTime At { get; init; }

    public Guid ClientId { get; init; }
    public string? ActorUserId { get; init; }

    /// <summary>Name of the person who acted, as the client should see it.</summary>
    public required string ActorName { get; init; }

    /// <summary>The actor's organisation at the time, if any.</summary>
    public int? ActorOrganisationId { get; init; }

    public AuditAction Action { get; init; }
    public AuditPurpose Purpose { get; init; }

    /// <summary>What was accessed, as a stable resource code such as "client.contact" (translated when shown).</summary>
    public required string Resource { get; init; }
}
