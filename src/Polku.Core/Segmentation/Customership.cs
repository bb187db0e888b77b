namespace Polku.Core.Segmentation;

/// <summary>
/// The four customerships of SPEC §3.2, placed by the client axis (own resources) and the professional axis
/// (predictability), plus <see cref="Exit"/>, which scoring never computes: it is a professional's outcome of a
/// reassessment meaning "no longer needs the services" — a valid, good outcome.
/// </summary>
public enum Customership
{
    /// <summary>Omatoimiasiakkuus: client +, predictable +.</summary>
    SelfActing,

    /// <summary>Yhteisöasiakkuus: client −, predictable +.</summary>
    Community,

    /// <summary>Yhteistyöasiakkuus: client +, predictable −.</summary>
    Cooperating,

    /// <summary>Verkostoasiakkuus: client −, predictable −.</summary>
    Network,

    /// <summary>No longer needs the services. Only ever set by a professional on a reassessment.</summary>
    Exit,
}

/// <summary>Facts about <see cref="Customership"/> shared by segmentation and the catalogue.</summary>
public static class Customerships
{
    /// <summary>The four customerships a service can fit and scoring can place a client in (everything but Exit).</summary>
    public static IReadOnlyList<Customership> Four { get; } =
        [Customership.SelfActing, Customership.Community, Customership.Cooperating, Customership.Network];

    /// <summary>Whether a service can be said to fit <paramref name="customership"/>: Exit is an outcome, not a fit.</summary>
    public static bool CanBeServiceFit(Customership customership) => customership != Customership.Exit;
}

/// <summary>Which side answers an item.</summary>
public enum AssessmentPart
{
    Client,
    Professional,
}

/// <summary>
/// What an item asks about. The first five belong to the client part, the last three to the professional part.
/// </summary>
public enum ItemDomain
{
    OwnResources,
    EverydayCoping,
    Commitment,
    SupportNetwork,
    DigitalSkills,
    Predictability,
    Complexity,
    ProvidersNeeded,
}

public static class ItemDomains
{
    public static AssessmentPart PartOf(ItemDomain domain) =>
        domain <= ItemDomain.DigitalSkills ? AssessmentPart.Client : AssessmentPart.Professional;
}
