namespace Polku.Core.Clients;

/// <summary>Why a professional is in a care relationship with a client.</summary>
public enum CareBasis
{
    /// <summary>The professional has met the client (a touchpoint).</summary>
    Touchpoint,

    /// <summary>A referral or handover to the professional's unit has been accepted.</summary>
    Referral,

    /// <summary>The professional is a member of the client's care team.</summary>
    Team,

    /// <summary>The professional is the client's named responsible worker.</summary>
    ResponsibleWorker,
}

/// <summary>
/// A care relationship (hoitosuhde) between a professional and a client. It is the basis for seeing the client's
/// data without a separate consent. Active from <see cref="Since"/> (inclusive) until <see cref="Until"/> (exclusive).
/// </summary>
public class CareRelationship
{
    public int Id { get; set; }
    public int ProfessionalId { get; set; }
    public Guid ClientId { get; set; }
    public CareBasis Basis { get; set; }

    /// <summary>UTC instant the relationship began.</summary>
    public DateTime Since { get; set; }

    /// <summary>UTC instant the relationship ended; null while it lasts.</summary>
    public DateTime? Until { get; set; }

    public bool IsActiveAt(DateTime utc) => Since <= utc && (Until is null || utc < Until);

    /// <summary>The one "active at this instant" rule, as a query expression (from <see cref="Since"/> inclusive to <see cref="Until"/> exclusive).</summary>
    public static System.Linq.Expressions.Expression<Func<CareRelationship, bool>> ActiveAt(DateTime utc) =>
        r => r.Since <= utc && (r.Until == null || utc < r.Until);

    public void End(DateTime utc)
    {
        if (Until is null || Until > utc)
        {
            Until = utc;
        }
    }
}
