using Polku.Core.Catalogue;

namespace Polku.Core.Segmentation;

/// <summary>
/// A segmentation instrument as configuration data (SPEC §3.2), parsed and validated from JSON by
/// <see cref="InstrumentParser"/>. Every scale is ordered so that a higher value points to the "+" side of its axis:
/// more own resources on the client axis, a more predictable situation on the professional axis. Items about
/// complexity or the number of providers are therefore worded so that the highest option is the simplest case.
/// </summary>
/// <remarks>
/// <para><c>Key</c>: Stable identifier of the instrument family, e.g. "polku-families"; versions share it.</para>
/// <para><c>Version</c>: Version number, 1 or more; a new upload must have a higher number than the stored ones.</para>
/// <para><c>ClientCutOff</c>: Cut-off of the client axis on 0–100; a score equal to or above it is "+".</para>
/// <para><c>ProfessionalCutOff</c>: Cut-off of the professional axis on 0–100; a score equal to or above it is "+".</para>
/// </remarks>
public sealed record Instrument(
    string Key,
    int Version,
    LocalisedText Title,
    LocalisedText Introduction,
    IReadOnlyList<Scale> Scales,
    IReadOnlyList<InstrumentItem> Items,
    double ClientCutOff,
    double ProfessionalCutOff)
{
    public IEnumerable<InstrumentItem> ItemsOf(AssessmentPart part) => Items.Where(i => i.Part == part);

    public Scale ScaleOf(InstrumentItem item) => Scales.First(s => s.Key == item.Scale);

    public double CutOff(AssessmentPart part) => part == AssessmentPart.Client ? ClientCutOff : ProfessionalCutOff;
}

/// <summary>An answer scale: its options, each with an integer value; the lowest value is the "−" end.</summary>
public sealed record Scale(string Key, IReadOnlyList<ScaleOption> Options)
{
    public int Min => Options.Min(o => o.Value);
    public int Max => Options.Max(o => o.Value);
}

public sealed record ScaleOption(int Value, LocalisedText Label);

/// <summary>One question. <paramref name="Weight"/> is relative to the other items of the same part (greater than 0).</summary>
public sealed record InstrumentItem(string Key, ItemDomain Domain, string Scale, double Weight, LocalisedText Text)
{
    public AssessmentPart Part => ItemDomains.PartOf(Domain);
}
