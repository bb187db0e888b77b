namespace Polku.Core.Catalogue;

/// <summary>A service channel of one of the five PTV kinds, modelled on the PTV open API v11 channel.</summary>
public class ServiceChannel
{
    public int Id { get; set; }

    /// <summary>Stable key: the demo data key, or for an item imported from PTV its PTV id (lower-case GUID).</summary>
    public required string Key { get; init; }

    public Guid? PtvId { get; set; }
    public ChannelKind Kind { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required LocalisedText Name { get; set; }
    public LocalisedText? Description { get; set; }
    public List<string> Languages { get; set; } = [];

    /// <summary>The address of an e-service, web page or printable form.</summary>
    public string? Url { get; set; }

    public string? Phone { get; set; }
    public PhoneChargeType? PhoneChargeType { get; set; }
    public string? Email { get; set; }

    /// <summary>Visiting address of a service location.</summary>
    public ChannelAddress? Address { get; set; }

    public List<OpeningHours> OpeningHours { get; set; } = [];
    public List<Service> Services { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A Finnish street address with per-language street and post office names.</summary>
public sealed record ChannelAddress
{
    public required LocalisedText Street { get; init; }

    /// <summary>Five-digit Finnish postal code.</summary>
    public required string PostalCode { get; init; }

    public required LocalisedText PostOffice { get; init; }
    public string? MunicipalityCode { get; init; }
}

/// <summary>One line of opening hours: on these days, from <see cref="Opens"/> (inclusive) to <see cref="Closes"/> (exclusive), Finnish local time.</summary>
public class OpeningHours
{
    public int Id { get; set; }
    public int ChannelId { get; set; }
    public Weekdays Days { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}
