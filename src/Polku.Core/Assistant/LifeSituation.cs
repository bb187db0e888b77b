using Polku.Core.Catalogue;

namespace Polku.Core.Assistant;

/// <summary>The ten dimensions of the life-situation meter (after the AuroraAI meter), in display order.</summary>
public enum LifeDimension
{
    WorkStudies,
    Family,
    Friends,
    Health,
    Strengths,
    Housing,
    Finances,
    SelfEsteem,
    Resilience,
    LifeSatisfaction,
}

/// <summary>
/// Ten values 0–10, one per <see cref="LifeDimension"/>. As a resident's meter a low value means a high need; as a
/// service's need profile a high value means the service answers that need well.
/// </summary>
public sealed record LifeVector
{
    public const int Count = 10;

    public LifeVector(IReadOnlyList<int> values)
    {
        if (values.Count != Count || values.Any(v => v is < 0 or > 10))
        {
            throw new ArgumentException("A life-situation vector has ten values from 0 to 10.", nameof(values));
        }

        Values = [.. values];
    }

    public IReadOnlyList<int> Values { get; }

    public int this[LifeDimension dimension] => Values[(int)dimension];

    /// <summary>"3,5,10,…" (invariant, ten values): the stored form.</summary>
    public override string ToString() => string.Join(',', Values);

    public static bool TryParse(string? text, out LifeVector? vector)
    {
        vector = null;
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != Count)
        {
            return false;
        }

        var values = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out values[i]) || values[i] > 10)
            {
                return false;
            }
        }

        vector = new LifeVector(values);
        return true;
    }
}

/// <summary>A service as the ranking sees it. <paramref name="TargetGroups"/> are PTV codes (KR1.1 older people, KR1.3 young people).</summary>
public sealed record RankableService(
    int Id, string Key, LocalisedText Name, LifeVector Profile, IReadOnlyCollection<string> Areas,
    IReadOnlyCollection<string> Languages, IReadOnlyCollection<string> TargetGroups, IReadOnlyCollection<ChannelKind> Channels);

/// <summary>Who is asking: each filter is null when not given.</summary>
public sealed record RankingFilter(string? Municipality = null, int? Age = null, string? Language = null, ChannelKind? Channel = null);

/// <summary>A recommended service with its match (0–1) and the dimensions that made it fit, strongest first.</summary>
public sealed record Recommendation(RankableService Service, double Match, IReadOnlyList<LifeDimension> Why);

/// <summary>
/// Ranks services for a resident's meter: the need on each dimension is 10 minus the score, and a service's match is
/// the cosine between the need vector and its need profile (a weak profile scaled down), so a service fits when it
/// answers the needs that are highest. Pure: plain values in, values out.
/// </summary>
public static class LifeSituationRanking
{
    /// <summary>A need of this size or more (score 6 or less) counts as a reason.</summary>
    public const int ReasonNeed = 4;

    public static List<Recommendation> Rank(LifeVector meter, IEnumerable<RankableService> services, RankingFilter filter, int max = 10)
    {
        var need = meter.Values.Select(v => 10 - v).ToArray();
        var needLength = Math.Sqrt(need.Sum(n => n * n));
        if (needLength == 0)
        {
            return [];
        }

        return services
            .Where(s => Fits(s, filter))
            .Select(s => Score(s, need, needLength))
            .Where(r => r.Match > 0 && r.Why.Count > 0)
            .OrderByDescending(r => r.Match)
            .ThenBy(r => r.Service.Key, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    private static Recommendation Score(RankableService service, int[] need, double needLength)
    {
        var profile = service.Profile.Values;
        var profileLength = Math.Sqrt(profile.Sum(p => p * p));
        var dot = need.Select((n, i) => n * profile[i]).Sum();
        // A profile shorter than one full dimension (10) counts as 10 long: a service that answers the needs only
        // weakly ranks below one that answers them strongly in the same direction.
        var match = profileLength == 0 ? 0 : dot / (needLength * Math.Max(profileLength, 10));
        var why = Enumerable.Range(0, LifeVector.Count)
            .Where(i => need[i] >= ReasonNeed && profile[i] >= 5)
            .OrderByDescending(i => need[i] * profile[i])
            .Take(3)
            .Select(i => (LifeDimension)i)
            .ToList();
        return new Recommendation(service, match, why);
    }

    /// <summary>Whether a service is for this person: area, language, channel and age group (by PTV target group).</summary>
    public static bool Fits(RankableService service, RankingFilter filter)
    {
        if (filter.Municipality is { Length: > 0 } m && service.Areas.Count > 0 && !service.Areas.Contains(m))
        {
            return false;
        }

        if (filter.Language is { Length: > 0 } l && service.Languages.Count > 0 && !service.Languages.Contains(l))
        {
            return false;
        }

        if (filter.Channel is { } c && !service.Channels.Contains(c))
        {
            return false;
        }

        if (filter.Age is { } age && service.TargetGroups.Count > 0)
        {
            var forOlder = service.TargetGroups.All(t => t.StartsWith("KR1.1", StringComparison.Ordinal));
            var forYoung = service.TargetGroups.All(t => t.StartsWith("KR1.3", StringComparison.Ordinal));
            if ((forOlder && age < 60) || (forYoung && (age < 12 || age > 29)))
            {
                return false;
            }
        }

        return true;
    }
}
