namespace Polku.Core.Insight;

/// <summary>
/// A selection of a register extract: events whose start date is in <see cref="From"/>–<see cref="To"/> (both
/// inclusive, calendar dates of the local start time; null for open) and persons of one municipality (null for all).
/// </summary>
public sealed record ExtractFilter(DateOnly? From = null, DateOnly? To = null, short? Municipality = null)
{
    public bool IsEmpty => From is null && To is null && Municipality is null;
}

/// <summary>
/// Narrows a <see cref="RegisterExtract"/> read with detail to an <see cref="ExtractFilter"/>, so that the same
/// <see cref="ExtractAnalysis"/> runs on the selection. The persons of the municipality all stay, with or without
/// events in the period (they are residents with zero cost, as in SPEC §5.1); an event stays when its person does and
/// it starts in the period. A referral whose referring event is outside the selection is not counted (the referred
/// event stays, as if it had no referral_from).
/// </summary>
public static class RegisterExtractFilter
{
    public static RegisterExtract Apply(RegisterExtract extract, ExtractFilter filter)
    {
        if (extract.PersonMunicipality is not { } municipality || extract.EventCost is not { } cost || extract.EventChannel is not { } channel)
        {
            throw new ArgumentException("The extract was read without detail.", nameof(extract));
        }

        if (filter.IsEmpty)
        {
            return extract;
        }

        var personIndex = new int[extract.PersonCount];
        var personIds = new IdTable();
        var keptMunicipalities = new List<short>();
        for (var p = 0; p < extract.PersonCount; p++)
        {
            if (filter.Municipality is { } code && municipality[p] != code)
            {
                personIndex[p] = -1;
                continue;
            }

            personIndex[p] = personIds.GetOrAdd(extract.PersonIds.GetString(p), out _);
            keptMunicipalities.Add(municipality[p]);
        }

        var from = filter.From is { } f ? Ticks(f) : long.MinValue;
        var to = filter.To is { } t ? Ticks(t.AddDays(1)) : long.MaxValue;
        var eventIndex = new int[extract.EventCount];
        var kept = new List<int>();
        for (var e = 0; e < extract.EventCount; e++)
        {
            var start = extract.Start[e];
            eventIndex[e] = personIndex[extract.Person[e]] >= 0 && start >= from && start < to ? kept.Count : -1;
            if (eventIndex[e] >= 0)
            {
                kept.Add(e);
            }
        }

        var n = personIds.Count;
        var count = kept.Count;
        var eventIds = new IdTable(Math.Max(count, 16));
        var result = new RegisterExtract(personIds, eventIds, extract.ProviderCount)
        {
            PersonCost = new decimal[n],
            PersonMask = new ushort[n],
            PersonEventCount = new int[n],
            Start = new long[count],
            Person = new int[count],
            Provider = new int[count],
            Level = new byte[count],
            ReferralFrom = new int[count],
            LevelEvents = new long[4],
            LevelCost = new decimal[4],
            ChannelEvents = new long[6],
            PersonMunicipality = [.. keptMunicipalities],
            EventCost = new decimal[count],
            EventChannel = new byte[count],
        };

        for (var i = 0; i < count; i++)
        {
            var e = kept[i];
            eventIds.GetOrAdd(extract.EventIds.GetString(e), out _);
            var person = personIndex[extract.Person[e]];
            var level = extract.Level[e];
            result.Start[i] = extract.Start[e];
            result.Person[i] = person;
            result.Provider[i] = extract.Provider[e];
            result.Level[i] = level;
            result.ReferralFrom[i] = extract.ReferralFrom[e] >= 0 ? eventIndex[extract.ReferralFrom[e]] : -1;
            result.EventCost[i] = cost[e];
            result.EventChannel[i] = channel[e];
            result.PersonCost[person] += cost[e];
            result.PersonMask[person] |= (ushort)((1 << level) | (1 << (4 + channel[e])));
            result.PersonEventCount[person]++;
            result.LevelEvents[level]++;
            result.LevelCost[level] += cost[e];
            result.ChannelEvents[channel[e]]++;
        }

        return result;
    }

    private static long Ticks(DateOnly date) => date.DayNumber * ExtractDates.TicksPerDay;
}
