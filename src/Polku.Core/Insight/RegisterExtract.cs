namespace Polku.Core.Insight;

/// <summary>
/// A validated register extract (SPEC §5.1) held in columns: per person a few numbers, per event a few numbers, ids
/// interned in <see cref="IdTable"/>s. Event columns are indexed by the event id's index in <see cref="EventIds"/>.
/// Load with <see cref="RegisterExtractReader"/>.
/// </summary>
public sealed class RegisterExtract
{
    internal RegisterExtract(IdTable personIds, IdTable eventIds, int providerCount)
    {
        PersonIds = personIds;
        EventIds = eventIds;
        ProviderCount = providerCount;
    }

    public IdTable PersonIds { get; }

    public IdTable EventIds { get; }

    public int ProviderCount { get; }

    public int PersonCount => PersonIds.Count;

    public int EventCount => EventIds.Count;

    /// <summary>Per person: the sum of cost_eur over the person's events (exact decimal arithmetic).</summary>
    public required decimal[] PersonCost { get; init; }

    /// <summary>Per person: bit <c>l</c> set when the person has an event at <see cref="ServiceLevel"/> l; bit 4 + c for <see cref="Channel"/> c.</summary>
    public required ushort[] PersonMask { get; init; }

    /// <summary>Per person: how many events the person has.</summary>
    public required int[] PersonEventCount { get; init; }

    /// <summary>Per event: start as ticks (100 ns) since 0001-01-01T00:00 local clock time.</summary>
    public required long[] Start { get; init; }

    public required int[] Person { get; init; }

    public required int[] Provider { get; init; }

    public required byte[] Level { get; init; }

    /// <summary>Per event: the event that referred to it, or -1.</summary>
    public required int[] ReferralFrom { get; init; }

    /// <summary>Per <see cref="ServiceLevel"/>: events and summed cost.</summary>
    public required long[] LevelEvents { get; init; }

    public required decimal[] LevelCost { get; init; }

    /// <summary>Per <see cref="Channel"/>: events.</summary>
    public required long[] ChannelEvents { get; init; }

    /// <summary>Per person: the municipality code (0–999); null unless read with detail (see <see cref="RegisterExtractReader"/>).</summary>
    public short[]? PersonMunicipality { get; init; }

    /// <summary>Per event: cost_eur; null unless read with detail.</summary>
    public decimal[]? EventCost { get; init; }

    /// <summary>Per event: the <see cref="Channel"/>; null unless read with detail.</summary>
    public byte[]? EventChannel { get; init; }
}
