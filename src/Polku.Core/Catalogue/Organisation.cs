namespace Polku.Core.Catalogue;

/// <summary>An organisation of the service network: a county unit, a municipality, an NGO, a parish or a private provider.</summary>
public class Organisation
{
    public int Id { get; set; }

    /// <summary>Stable key from the data the organisation was loaded from (demo data, later PTV ids).</summary>
    public required string Key { get; init; }
    public OrganisationKind Kind { get; set; }
    public required LocalisedText Name { get; set; }
    public LocalisedText? Description { get; set; }

    /// <summary>Finnish Business ID (Y-tunnus), e.g. 1234567-8.</summary>
    public string? BusinessId { get; set; }
    public string? MunicipalityCode { get; set; }

    /// <summary>The organisation's PTV identifier, when it is known to the national catalogue.</summary>
    public Guid? PtvId { get; set; }
}
