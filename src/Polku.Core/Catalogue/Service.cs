using Polku.Core.Segmentation;

namespace Polku.Core.Catalogue;

/// <summary>
/// A service of the network, modelled on the PTV open API v11 service, with Polku's additions
/// (customerships, service level, unit cost, administrative burden).
/// </summary>
public class Service
{
    public int Id { get; set; }

    /// <summary>Stable key: the demo data key, or for an item imported from PTV its PTV id (lower-case GUID).</summary>
    public required string Key { get; init; }

    /// <summary>The PTV identifier when the service came from the national catalogue.</summary>
    public Guid? PtvId { get; set; }

    public ServiceType Type { get; set; }
    public required LocalisedText Name { get; set; }
    public required LocalisedText Summary { get; set; }
    public LocalisedText? Description { get; set; }

    /// <summary>PTV service class codes (ptvserclass2), e.g. P3.6.</summary>
    public List<string> ServiceClasses { get; set; } = [];

    /// <summary>PTV target group codes, e.g. KR1.2 (children and families with children).</summary>
    public List<string> TargetGroups { get; set; } = [];

    /// <summary>PTV life event codes, e.g. KE1.</summary>
    public List<string> LifeEvents { get; set; } = [];

    /// <summary>Municipality codes of the areas the service is offered in.</summary>
    public List<string> Areas { get; set; } = [];

    /// <summary>Two-letter language codes the service is available in.</summary>
    public List<string> Languages { get; set; } = [];

    public FundingType FundingType { get; set; }

    public int ResponsibleOrganisationId { get; set; }
    public Organisation? ResponsibleOrganisation { get; set; }
    public List<Organisation> Producers { get; set; } = [];
    public List<ServiceChannel> Channels { get; set; } = [];

    public List<Customership> Customerships { get; set; } = [];
    public ServiceLevel Level { get; set; }

    /// <summary>Cost of one contact in euros, VAT included; null when not known.</summary>
    public decimal? UnitCostEur { get; set; }

    /// <summary>The client's administrative burden per use (SPEC §3.5); null when not estimated.</summary>
    public AdminBurden? Burden { get; set; }

    /// <summary>
    /// The service's need profile over the ten life-situation dimensions ("0,7,…", see <c>Assistant.LifeVector</c>);
    /// null uses the demo profile of its service classes.
    /// </summary>
    public string? NeedProfile { get; set; }

    /// <summary>When the service was last changed here (UTC); the search index rebuilds when this moves.</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Administrative burden of one use of a service for the client (SPEC §3.5).</summary>
/// <param name="TimeHours">Client's time per use, hours (≥ 0).</param>
/// <param name="OutOfPocketEur">Client's own costs per use, euros (≥ 0).</param>
/// <param name="EventsPerYear">How many times a year the service is used in the county (≥ 0).</param>
public sealed record AdminBurden(decimal TimeHours, decimal OutOfPocketEur, int EventsPerYear);
