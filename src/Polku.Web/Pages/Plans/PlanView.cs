using System.Globalization;
using System.Text;
using Polku.Core.Plans;

namespace Polku.Web.Pages.Plans;

/// <summary>What the plan pages show of a plan: the version in force, its history, follow-ups and the T-score chart.</summary>
public sealed record PlanView(string ClientName, string EpisodeTitle, Guid EpisodeId, Guid ClientId, bool EpisodeOpen, ClientPlan? Plan, DateOnly Today)
{
    public static PlanView Of(PlanReading reading, DateOnly today) =>
        new(reading.Client.FullName, reading.Episode.Title, reading.Episode.Id, reading.Client.Id, reading.Episode.IsOpen, reading.Plan, today);

    public ClientPlanVersion? Current => Plan?.Current;

    public IEnumerable<ClientPlanVersion> Earlier => Plan is null ? [] : Plan.Versions.Where(v => v.Number != Plan.Current.Number).OrderByDescending(v => v.Number);

    /// <summary>The follow-ups held, in the order they were held (sorted once: the view and the chart read them often).</summary>
    public IReadOnlyList<PlanFollowUp> FollowUps { get; } = Plan is null ? [] : [.. Plan.FollowUps.OrderBy(f => f.On).ThenBy(f => f.Number)];

    public bool Overdue => Plan?.IsOverdue(Today) == true;

    /// <summary>The latest score of a goal, if it has been scored.</summary>
    public int? LatestScore(Guid goalId) =>
        FollowUps.SelectMany(f => f.Scores).LastOrDefault(s => s.GoalId == goalId)?.Level;

    public static string Level(int level) => level > 0 ? "+" + level.ToString(CultureInfo.InvariantCulture) : level.ToString(CultureInfo.InvariantCulture).Replace('-', '−');

    public static string TScore(double t) => t.ToString("0.0", CultureInfo.CurrentCulture);

    /// <summary>
    /// The T-scores of the follow-ups as an SVG line chart (50 = goals met as expected, drawn as a guide line); the
    /// follow-up table next to it carries the same figures for those who do not see the chart.
    /// </summary>
    public string Chart(string label)
    {
        var points = FollowUps.Select(f => (f.On, T: f.TScore)).ToList();
        const int width = 320, height = 160, left = 36, right = 12, top = 10, bottom = 24;
        const double min = 20, max = 80;
        double Y(double t) => top + ((max - Math.Clamp(t, min, max)) / (max - min) * (height - top - bottom));
        double X(int i) => points.Count == 1 ? left + ((width - left - right) / 2.0) : left + (i * (width - left - right) / (double)(points.Count - 1));
        var svg = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        svg.Append(inv, $"<svg class=\"plan-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var guide in new[] { 30, 50, 70 })
        {
            svg.Append(inv, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(guide):0.#}\" y2=\"{Y(guide):0.#}\" class=\"{(guide == 50 ? "plan-chart__expected" : "plan-chart__grid")}\" />");
            svg.Append(inv, $"<text x=\"{left - 6}\" y=\"{Y(guide) + 4:0.#}\" text-anchor=\"end\" class=\"plan-chart__axis\">{guide}</text>");
        }

        if (points.Count > 1)
        {
            svg.Append("<polyline class=\"plan-chart__line\" points=\"");
            svg.AppendJoin(' ', points.Select((p, i) => string.Create(inv, $"{X(i):0.#},{Y(p.T):0.#}")));
            svg.Append("\" />");
        }

        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(inv, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(points[i].T):0.#}\" r=\"4\" class=\"plan-chart__point\" />");
            svg.Append(inv, $"<text x=\"{X(i):0.#}\" y=\"{height - 6}\" text-anchor=\"middle\" class=\"plan-chart__axis\">{points[i].On.ToString("d.M.", CultureInfo.CurrentCulture)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
