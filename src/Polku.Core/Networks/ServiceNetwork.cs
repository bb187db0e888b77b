using Polku.Core.Catalogue;

namespace Polku.Core.Networks;

/// <summary>
/// A service network (SPEC §3.10): a set of organisations that serve clients together — e.g. a family centre with its
/// NGO, parish and private partners — and the named professional who answers for the network's results. The owner
/// sees the network's figures and open alerts and is told when a figure crosses a threshold the county has set.
/// </summary>
public class ServiceNetwork
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    /// <summary>How many organisations one network holds at most.</summary>
    public const int MaxMembers = 200;

    public int Id { get; set; }

    public required LocalisedText Name { get; set; }

    public LocalisedText? Description { get; set; }

    /// <summary>The professional who answers for the network; null while the county has not named one.</summary>
    public int? OwnerProfessionalId { get; set; }

    public Professional? Owner { get; set; }

    public List<NetworkMember> Members { get; } = [];

    public List<NetworkThreshold> Thresholds { get; } = [];

    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<int> MemberIds => [.. Members.Select(m => m.OrganisationId).Order()];
}

/// <summary>An organisation's membership of a network.</summary>
public class NetworkMember
{
    public int NetworkId { get; set; }

    public int OrganisationId { get; set; }
}

/// <summary>
/// A threshold the county sets on one of the network's figures. The value is in the unit the figure is shown in
/// (per cent for shares, days, a count, a T-score); which side is bad is the measure's own (<see cref="NetworkMeasure"/>).
/// </summary>
public class NetworkThreshold
{
    public int NetworkId { get; set; }

    /// <summary>The measure's code, e.g. <c>goals_attained</c>.</summary>
    public required string Measure { get; set; }

    public double Value { get; set; }

    /// <summary>When the figure was last seen crossing the threshold; null while it is on the good side.</summary>
    public DateTime? CrossedSince { get; set; }
}
