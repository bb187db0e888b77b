using Polku.Core.Catalogue;

namespace Polku.Core.Paths;

/// <summary>
/// A touchpoint (kosketuspiste): one meeting of the client with the network — when, which provider, service and
/// channel, which professional, and the client's experience of it (1 = very poor … 5 = very good).
/// </summary>
public class Touchpoint
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EpisodeId { get; init; }
    public Guid ClientId { get; init; }

    /// <summary>UTC instant of the touchpoint.</summary>
    public DateTime At { get; init; }
    public int OrganisationId { get; init; }
    public int? ServiceId { get; init; }
    public ChannelKind Channel { get; init; }
    public int ProfessionalId { get; init; }

    /// <summary>The client's experience rating 1–5, when the client gave one.</summary>
    public int? Rating { get; private set; }

    /// <summary>A short summary written together with the client; never shown outside the client's care.</summary>
    public string? Note { get; init; }

    public PathError? Rate(int rating)
    {
        if (rating is < 1 or > 5)
        {
            return PathError.InvalidRating;
        }

        Rating = rating;
        return null;
    }
}
