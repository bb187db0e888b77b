namespace Polku.Core.Segmentation;

/// <summary>
/// One stored version of an instrument: the JSON exactly as loaded. Never changed after it is stored; an assessment
/// points to the version it was scored with, so a newer version does not change old results.
/// </summary>
public class InstrumentVersion
{
    public int Id { get; set; }
    public required string Key { get; init; }
    public int Version { get; init; }

    /// <summary>The instrument JSON as loaded (see <see cref="InstrumentParser"/>).</summary>
    public required string Json { get; init; }

    /// <summary>UTC instant it was loaded.</summary>
    public DateTime LoadedAt { get; init; }

    /// <summary>Who loaded it (a display name), or "Polku" for the shipped example.</summary>
    public required string LoadedBy { get; init; }

    /// <summary>The parsed instrument. Stored versions were validated when loaded.</summary>
    public Instrument Parse() =>
        InstrumentParser.Parse(Json).Instrument ?? throw new InvalidOperationException($"Stored instrument {Key} v{Version} is not valid.");
}
