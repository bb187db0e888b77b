using Polku.Core.Catalogue;

namespace Polku.Core.Segmentation;

/// <summary>How the client prefers to use services, derived from the digital-skills answers or stated.</summary>
public enum ChannelPreference
{
    NoPreference,
    Digital,
    InPerson,
}

/// <summary>
/// A service that could be recommended, as plain values (the catalogue supplies them).
/// Empty <paramref name="Areas"/> means the whole county; empty <paramref name="TargetGroups"/> means everyone;
/// empty <paramref name="Languages"/> means unknown.
/// </summary>
/// <remarks>
/// <para><c>TargetGroups</c>: PTV target-group codes such as "KR1.2"; a code also covers its sub-groups (KR1 covers KR1.2).</para>
/// <para><c>Areas</c>: Three-digit municipality codes where the service is available.</para>
/// </remarks>
public sealed record ServiceCandidate(
    string Id,
    LocalisedText Name,
    IReadOnlySet<Customership> Customerships,
    ServiceLevel Level,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ChannelKind> Channels);

/// <summary>The client's situation for recommending: placement, home municipality, language, channel preference, target groups.</summary>
public sealed record RecommendationContext(
    Customership Customership,
    string? MunicipalityCode,
    string Language,
    ChannelPreference ChannelPreference,
    IReadOnlyList<string> TargetGroups);

/// <summary>Why a service was recommended; each has the translation <c>Recommendation.Reason.&lt;name&gt;</c>.</summary>
public enum RecommendationReason
{
    /// <summary>A universal service, offered to everyone whatever the customership.</summary>
    Universal,

    /// <summary>The service is meant for this customership.</summary>
    FitsCustomership,
    TargetGroup,

    /// <summary>Available in the client's municipality (not only county-wide).</summary>
    Area,
    Language,

    /// <summary>Has digital channels, and the client prefers them (a self-acting client with digital skills).</summary>
    DigitalChannels,

    /// <summary>Has a phone or a place to visit, and the client prefers meeting in person.</summary>
    InPersonChannels,
}

/// <summary>A recommended service, its rank score, the reasons, and its channels in the order to offer them.</summary>
public sealed record Recommendation(ServiceCandidate Service, int Score, IReadOnlyList<RecommendationReason> Reasons, IReadOnlyList<ChannelKind> Channels);

/// <summary>
/// Recommends services for a placement (SPEC §3.2), a pure function.
/// <list type="bullet">
/// <item>Universal services are always offered, whatever the customership (also on EXIT); the other levels only when
/// the service lists the client's customership.</item>
/// <item>A service is left out when it is not available in the client's municipality, or when both it and the client
/// name target groups and none of them overlap. These rules apply to universal services too: a universal service
/// elsewhere or for another group is not relevant to this client.</item>
/// <item>Ranking: customership fit 4, target group 2, service in the client's language 2, municipality named 1,
/// preferred channels 3 (digital for a client with digital skills, e.g. a self-acting one; phone and visits for
/// in-person), and those channels are listed first;
/// ties by name in the client's language. A service without the client's language is still offered, lower.</item>
/// </list>
/// </summary>
public static class ServiceRecommender
{
    public static readonly IReadOnlySet<ChannelKind> Digital = new HashSet<ChannelKind> { ChannelKind.EChannel, ChannelKind.WebPage };
    public static readonly IReadOnlySet<ChannelKind> InPerson = new HashSet<ChannelKind> { ChannelKind.Phone, ChannelKind.ServiceLocation };

    public static IReadOnlyList<Recommendation> Recommend(IEnumerable<ServiceCandidate> candidates, RecommendationContext context)
    {
        var digitalFirst = context.ChannelPreference == ChannelPreference.Digital;
        var result = new List<Recommendation>();
        foreach (var service in candidates)
        {
            var reasons = new List<RecommendationReason>();
            var score = 0;
            if (service.Level == ServiceLevel.Universal)
            {
                reasons.Add(RecommendationReason.Universal);
            }

            if (service.Customerships.Contains(context.Customership))
            {
                reasons.Add(RecommendationReason.FitsCustomership);
                score += 4;
            }
            else if (service.Level != ServiceLevel.Universal)
            {
                continue;
            }

            if (service.Areas.Count > 0)
            {
                if (context.MunicipalityCode is null || !service.Areas.Contains(context.MunicipalityCode))
                {
                    continue;
                }

                reasons.Add(RecommendationReason.Area);
                score += 1;
            }

            if (service.TargetGroups.Count > 0 && context.TargetGroups.Count > 0)
            {
                if (!service.TargetGroups.Any(s => context.TargetGroups.Any(c => Covers(s, c) || Covers(c, s))))
                {
                    continue;
                }

                reasons.Add(RecommendationReason.TargetGroup);
                score += 2;
            }

            if (service.Languages.Contains(context.Language, StringComparer.OrdinalIgnoreCase))
            {
                reasons.Add(RecommendationReason.Language);
                score += 2;
            }

            var channels = service.Channels.Distinct().ToList();
            if (digitalFirst && channels.Any(Digital.Contains))
            {
                reasons.Add(RecommendationReason.DigitalChannels);
                score += 3;
                channels = [.. channels.OrderBy(c => Digital.Contains(c) ? 0 : 1).ThenBy(c => c)];
            }
            else if (context.ChannelPreference == ChannelPreference.InPerson && channels.Any(InPerson.Contains))
            {
                reasons.Add(RecommendationReason.InPersonChannels);
                score += 3;
                channels = [.. channels.OrderBy(c => InPerson.Contains(c) ? 0 : 1).ThenBy(c => c)];
            }

            result.Add(new Recommendation(service, score, reasons, channels));
        }

        var comparer = StringComparer.Create(Localisation.PolkuCultures.Get(Localisation.PolkuCultures.CultureFor(context.Language)), ignoreCase: true);
        return [.. result.OrderByDescending(r => r.Score).ThenBy(r => r.Service.Name.In(context.Language), comparer).ThenBy(r => r.Service.Id, StringComparer.Ordinal)];
    }

    /// <summary>Whether target-group code <paramref name="general"/> covers <paramref name="specific"/>: equal, or a parent at a dot.</summary>
    public static bool Covers(string general, string specific) =>
        string.Equals(general, specific, StringComparison.OrdinalIgnoreCase)
        || (specific.Length > general.Length && specific.StartsWith(general, StringComparison.OrdinalIgnoreCase) && specific[general.Length] == '.');
}
