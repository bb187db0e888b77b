using System.Globalization;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Paths;

namespace Polku.Web.Pages.Paths;

/// <summary>What the path partial shows: the path, each episode's deviation from its reference path, and the journey map.</summary>
public sealed record PathView(ClientPath Path, IReadOnlyList<(Episode Episode, List<StepDeviation> Steps)> Episodes, JourneyMap Map, string Svg, MapLanes Lanes, bool ForProfessional, DateTime Now)
{
    public static PathView Build(ClientPath path, MapLanes lanes, bool forProfessional, IStringLocalizer<Texts> texts, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var language = PolkuCultures.CurrentLanguage;
        var episodes = path.Episodes.Select(e =>
        {
            var reference = ReferencePaths.Default.For(e.Customership);
            var touchpoints = path.Touchpoints.Where(t => t.EpisodeId == e.Id)
                .Select(t => (t, t.ServiceId is { } s && path.Services.TryGetValue(s, out var service) ? service.Level : (Polku.Core.Catalogue.ServiceLevel?)null));
            return (e, reference is null ? [] : ReferencePaths.Compare(reference, e.StartedAt, touchpoints));
        }).ToList();
        var open = episodes.LastOrDefault(e => e.e.IsOpen);
        var map = JourneyMap.Build(path, language, lanes, open.Item2 ?? [], key => texts[key], now);
        var svg = map.ToSvg(
            texts["Paths.MapTitle", path.Client.FullName],
            texts["Paths.MapDescription", map.Touchpoints.Count, map.Referrals.Count, map.Lanes.Count],
            texts["Paths.Experience"],
            CultureInfo.CurrentCulture);
        return new PathView(path, episodes, map, svg, lanes, forProfessional, now);
    }
}
