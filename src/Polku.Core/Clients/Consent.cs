using Polku.Core.Catalogue;

namespace Polku.Core.Clients;

/// <summary>
/// A client's consent that an organisation of the network may see the client's data for a purpose.
/// Valid from <see cref="GivenAt"/> until the end of <see cref="ValidUntil"/> (inclusive, if set) unless revoked.
/// </summary>
public class Consent
{
    public int Id { get; set; }
    public Guid ClientId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required LocalisedText Purpose { get; set; }

    /// <summary>UTC instant the consent was given.</summary>
    public DateTime GivenAt { get; set; }

    /// <summary>Last calendar day (Finnish time) the consent is valid, inclusive; null means until revoked.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>UTC instant the consent was revoked.</summary>
    public DateTime? RevokedAt { get; set; }

    public bool IsValidAt(DateTime utc)
    {
        if (utc < GivenAt || (RevokedAt is not null && RevokedAt <= utc))
        {
            return false;
        }

        return ValidUntil is null || DateOnly.FromDateTime(FinnishTime.ToLocal(utc)) <= ValidUntil;
    }

    public void Revoke(DateTime utc) => RevokedAt ??= utc;
}
