using System.Globalization;
using System.Net;
using System.Text;

namespace Polku.Core.Paths;

/// <summary>Whether the lanes of a journey map are providers (organisations) or channels.</summary>
public enum MapLanes
{
    Providers,
    Channels,
}

/// <summary>One event of the journey map, also one row of its accessible table.</summary>
public sealed record MapEvent(DateTime At, int Lane, int? ToLane, string What, string Where, string? Who, int? Rating, ReferralStatus? Status);

/// <summary>A reference step's due date drawn on the map.</summary>
public sealed record MapMarker(DateTime At, string Label, bool Overdue);

/// <summary>
/// The computed journey map of one client's path: lanes, touchpoints, referrals as arrows between lanes, the
/// experience curve (the ratings over time) and the reference path's due dates. Pure: built from a <see cref="ClientPath"/>.
/// </summary>
public sealed record JourneyMap(
    IReadOnlyList<string> Lanes, IReadOnlyList<MapEvent> Touchpoints, IReadOnlyList<MapEvent> Referrals, IReadOnlyList<MapMarker> Markers,
    DateTime From, DateTime To)
{
    /// <summary>All events in time order, for the table beside the map.</summary>
    public IEnumerable<MapEvent> Events => Touchpoints.Concat(Referrals).OrderBy(e => e.At);

    /// <summary>Builds the map; <paramref name="text"/> translates a resource key (e.g. <c>ChannelKind.Phone</c>) into the reader's language.</summary>
    public static JourneyMap Build(ClientPath path, string language, MapLanes lanes, IReadOnlyList<StepDeviation> deviations, Func<string, string> text, DateTime nowUtc)
    {
        var laneKeys = new List<string>();
        int Lane(string key)
        {
            var i = laneKeys.IndexOf(key);
            if (i < 0)
            {
                laneKeys.Add(key);
                i = laneKeys.Count - 1;
            }

            return i;
        }

        string OrgLane(int organisationId) => path.OrganisationName(organisationId, language);

        var touchpoints = path.Touchpoints.OrderBy(t => t.At).Select(t => new MapEvent(
            t.At,
            Lane(lanes == MapLanes.Providers ? OrgLane(t.OrganisationId) : text("ChannelKind." + t.Channel)),
            null,
            t.ServiceId is { } s && path.Services.TryGetValue(s, out var service) ? service.Name.In(language) : text("ChannelKind." + t.Channel),
            OrgLane(t.OrganisationId),
            path.Professional(t.ProfessionalId)?.FullName,
            t.Rating,
            null)).ToList();

        var referrals = new List<MapEvent>();
        if (lanes == MapLanes.Providers)
        {
            referrals.AddRange(path.Referrals.OrderBy(r => r.RequestedAt).Select(r => new MapEvent(
                r.RequestedAt,
                Lane(OrgLane(r.FromOrganisationId)),
                Lane(OrgLane(r.ToOrganisationId)),
                text("ReferralKind." + r.Kind),
                OrgLane(r.FromOrganisationId) + " → " + OrgLane(r.ToOrganisationId),
                path.Professional(r.FromProfessionalId)?.FullName,
                null,
                r.Status)));
        }

        var markers = deviations.Select(d => new MapMarker(d.ReachedAt ?? d.DueAt, d.Step.Name.In(language), d.IsOverdue(nowUtc))).ToList();
        var times = touchpoints.Select(e => e.At).Concat(referrals.Select(e => e.At)).Concat(markers.Select(m => m.At))
            .Concat(path.Episodes.Select(e => e.StartedAt)).ToList();
        var from = times.Count == 0 ? nowUtc.AddDays(-30) : times.Min();
        var to = times.Count == 0 ? nowUtc : times.Max();
        if (to - from < TimeSpan.FromDays(7))
        {
            to = from.AddDays(7);
        }

        return new JourneyMap(laneKeys, touchpoints, referrals, markers, from, to);
    }

    /// <summary>
    /// Renders the map as a self-contained SVG: print-friendly (black on white, patterns besides colour), with a title
    /// and description for assistive technology; the same data is in the accessible table beside it.
    /// </summary>
    public string ToSvg(string title, string description, string experienceLabel, CultureInfo culture)
    {
        const int labelWidth = 190, laneHeight = 56, top = 40, curveHeight = 90, width = 960, right = 20;
        var plotWidth = width - labelWidth - right;
        var lanesHeight = Math.Max(1, Lanes.Count) * laneHeight;
        var height = top + lanesHeight + 30 + curveHeight + 30;
        var span = Math.Max(1, (To - From).TotalSeconds);
        double X(DateTime t) => labelWidth + ((t - From).TotalSeconds / span * plotWidth);
        static double LaneY(int lane) => top + (lane * laneHeight) + (laneHeight / 2.0);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string E(string s) => WebUtility.HtmlEncode(s);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"journey-map\" role=\"img\" aria-labelledby=\"map-title map-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"map-title\">{E(title)}</title><desc id=\"map-desc\">{E(description)}</desc>");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1a1a1a\"/></marker></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>");

        for (var i = 0; i < Lanes.Count; i++)
        {
            var y = top + (i * laneHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{plotWidth}\" height=\"{laneHeight}\" fill=\"{(i % 2 == 0 ? "#f3f3f3" : "#fff")}\" stroke=\"#bbb\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"6\" y=\"{F(LaneY(i) + 5)}\" font-size=\"13\" fill=\"#1a1a1a\">{E(Shorten(Lanes[i], 26))}</text>");
        }

        var months = new DateTime(From.Year, From.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        for (var m = months; m <= To; m = m.AddMonths(1))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(m))}\" y1=\"{top - 6}\" x2=\"{F(X(m))}\" y2=\"{top + lanesHeight}\" stroke=\"#999\" stroke-width=\"0.5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(m) + 3)}\" y=\"{top - 10}\" font-size=\"11\" fill=\"#1a1a1a\">{E(m.ToString("MMM yyyy", culture))}</text>");
        }

        foreach (var marker in Markers)
        {
            var x = F(X(marker.At));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{top + lanesHeight}\" stroke=\"{(marker.Overdue ? "#a00000" : "#005a9c")}\" stroke-dasharray=\"4 3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{top + lanesHeight + 14}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#1a1a1a\">{E(Shorten(marker.Label, 18))}{(marker.Overdue ? " !" : string.Empty)}</text>");
        }

        foreach (var r in Referrals)
        {
            var x = X(r.At);
            var dashed = r.Status is ReferralStatus.Requested or ReferralStatus.Rejected or ReferralStatus.Revoked;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{F(LaneY(r.Lane))}\" x2=\"{F(x + 14)}\" y2=\"{F(LaneY(r.ToLane!.Value))}\" stroke=\"#1a1a1a\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"5 3\"" : string.Empty)} marker-end=\"url(#arrow)\"/>");
        }

        foreach (var t in Touchpoints)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(t.At))}\" cy=\"{F(LaneY(t.Lane))}\" r=\"7\" fill=\"#005a9c\" stroke=\"#1a1a1a\"/>");
        }

        var curveTop = top + lanesHeight + 30;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"6\" y=\"{curveTop + (curveHeight / 2)}\" font-size=\"13\" fill=\"#1a1a1a\">{E(experienceLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{curveTop}\" width=\"{plotWidth}\" height=\"{curveHeight}\" fill=\"none\" stroke=\"#bbb\"/>");
        double RatingY(int rating) => curveTop + curveHeight - 8 - ((rating - 1) / 4.0 * (curveHeight - 16));
        foreach (var level in new[] { 1, 3, 5 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 14}\" y=\"{F(RatingY(level) + 4)}\" font-size=\"10\" fill=\"#1a1a1a\">{level}</text>");
        }

        var rated = Touchpoints.Where(t => t.Rating is not null).ToList();
        if (rated.Count > 0)
        {
            var points = string.Join(' ', rated.Select(t => $"{F(X(t.At))},{F(RatingY(t.Rating!.Value))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>");
            foreach (var t in rated)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(t.At) - 4)}\" y=\"{F(RatingY(t.Rating!.Value) - 4)}\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#1a1a1a\"/>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
}
