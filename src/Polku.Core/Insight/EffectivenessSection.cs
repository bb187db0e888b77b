using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polku.Core.Data;
using Polku.Core.Paths;
using Polku.Core.Plans;
using Polku.Core.Segmentation;

namespace Polku.Core.Insight;

/// <summary>
/// Did the network help (SPEC §3.10): goals attained in client plans, follow-ups held on time, how fast first help
/// came, matters handled at once, referrals answered in time and returned, and the "now" figures of clients without an
/// owner or bouncing between providers. Each measure's label says how it is counted. The period selects follow-ups by
/// their day, episodes by their start or end, referrals by their request; the unit is the episode's lead unit (either
/// end of a referral); the area is the client's municipality. A figure about 1–4 distinct clients is withheld.
/// </summary>
public sealed class EffectivenessSection(PolkuDb db, IOptions<PathAlertOptions> alertOptions, TimeProvider clock) : IDashboardSection
{
    public const string Figures = "effectiveness";
    public const string ByCustomership = "goals_by_customership";
    public const string ByMonth = "goals_by_month";

    public string Id => "effectiveness";

    public string TitleKey => "Insight.Own.Section.Effectiveness";

    public string? NoteKey => "Insight.Own.Effectiveness.Note";

    public async Task<IReadOnlyList<DashboardTable>> BuildAsync(OwnDataFilter filter, CancellationToken ct = default)
    {
        // The area and unit filters run in the database; the period is applied per measure in Tables.
        var clients = db.Clients.AsNoTracking();
        if (filter.Municipality is { } municipality)
        {
            clients = clients.Where(c => c.MunicipalityCode == municipality);
        }

        var episodes = db.Episodes.AsNoTracking().Where(e => clients.Any(c => c.Id == e.ClientId));
        var referrals = db.Referrals.AsNoTracking().Where(r => clients.Any(c => c.Id == r.ClientId));
        if (filter.UnitId is { } unit)
        {
            episodes = episodes.Where(e => e.OrganisationId == unit);
            referrals = referrals.Where(r => r.FromOrganisationId == unit || r.ToOrganisationId == unit);
        }

        if (filter.Units is { } units)
        {
            episodes = episodes.Where(e => units.Contains(e.OrganisationId));
            referrals = referrals.Where(r => units.Contains(r.FromOrganisationId) || units.Contains(r.ToOrganisationId));
        }

        var plans = await db.ClientPlans.AsNoTracking().Where(p => episodes.Any(e => e.Id == p.EpisodeId)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var bouncingSince = now.AddDays(-alertOptions.Value.BouncingWindowDays);
        var touchpoints = await db.Touchpoints.AsNoTracking()
            .Where(t => clients.Any(c => c.Id == t.ClientId) && (t.At >= bouncingSince || episodes.Any(e => e.Id == t.EpisodeId)))
            .ToListAsync(ct);
        var open = await db.Episodes.AsNoTracking().Include(e => e.Team)
            .Where(e => e.EndedAt == null && clients.Any(c => c.Id == e.ClientId)).ToListAsync(ct);

        // A referral joins its leg only when one end is in the chosen unit or network; Tables checks that again in memory.
        var referralList = (await referrals.ToListAsync(ct)).Where(r => filter.Covers(r.FromOrganisationId) || filter.Covers(r.ToOrganisationId)).ToList();
        return Tables(filter, await episodes.Include(e => e.Team).ToListAsync(ct), plans, touchpoints, referralList, alertOptions.Value, now, open);
    }

    /// <summary>A goal's latest score in the period, with its plan's client and customership.</summary>
    private sealed record GoalFact(Guid ClientId, Customership? Customership, DateOnly On, int Level);

    /// <summary>The pure part: the three tables from the filtered episodes, plans, touchpoints and referrals.</summary>
    /// <param name="filter">The period, area and units.</param>
    /// <param name="episodes">The episodes of the area whose lead unit is chosen.</param>
    /// <param name="plans">The plans of those episodes.</param>
    /// <param name="touchpoints">The area's touchpoints: those of the episodes and those of the bouncing window.</param>
    /// <param name="referrals">The area's referrals with an end in the chosen units.</param>
    /// <param name="options">The alert rules' thresholds.</param>
    /// <param name="nowUtc">Now.</param>
    /// <param name="openEpisodes">Every open episode of the area, in any unit (a client with an owner anywhere is not
    /// bouncing); the open ones of <paramref name="episodes"/> when null.</param>
    public static IReadOnlyList<DashboardTable> Tables(
        OwnDataFilter filter, IReadOnlyList<Episode> episodes, IReadOnlyList<ClientPlan> plans, IReadOnlyList<Touchpoint> touchpoints,
        IReadOnlyList<Referral> referrals, PathAlertOptions options, DateTime nowUtc, IReadOnlyList<Episode>? openEpisodes = null)
    {
        bool InPeriod(DateOnly day) => (filter.From is not { } from || day >= from) && (filter.To is not { } to || day <= to);
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(FinnishTime.ToLocal(utc));
        var today = Day(nowUtc);
        var byEpisode = episodes.ToDictionary(e => e.Id);

        // Goals: each goal's latest score at a follow-up held in the period.
        var goals = new List<GoalFact>();
        var latestT = new List<(Guid ClientId, double T)>();
        foreach (var plan in plans)
        {
            var held = plan.FollowUps.Where(f => InPeriod(f.On)).OrderBy(f => f.On).ThenBy(f => f.Number).ToList();
            var customership = byEpisode[plan.EpisodeId].Customership;
            foreach (var goalId in held.SelectMany(f => f.Scores).Select(s => s.GoalId).Distinct())
            {
                var last = held.Last(f => f.Scores.Any(s => s.GoalId == goalId));
                goals.Add(new GoalFact(plan.ClientId, customership, last.On, last.Scores.First(s => s.GoalId == goalId).Level));
            }

            if (held.Count > 0)
            {
                latestT.Add((plan.ClientId, held[^1].TScore));
            }
        }

        var rows = new List<IReadOnlyList<DashboardCell>>();
        void Add(string code, CellFormat format, IEnumerable<Guid> about, double? value)
        {
            var count = about.Distinct().Count();
            var withheld = count is > 0 and < ExtractAnalysis.MinimumPersons;
            rows.Add([DashboardCell.Label(code, "Insight.Own.Effectiveness." + code),
                withheld ? DashboardCell.Hidden(format) : DashboardCell.Of(format, value),
                withheld ? DashboardCell.Hidden(CellFormat.Count) : DashboardCell.Of(CellFormat.Count, count)]);
        }

        Add("goals_scored", CellFormat.Count, goals.Select(g => g.ClientId), goals.Count);
        Add("goals_attained", CellFormat.Share, goals.Select(g => g.ClientId), goals.Count == 0 ? null : (double)goals.Count(g => g.Level >= 0) / goals.Count);
        Add("mean_t_score", CellFormat.Mean, latestT.Select(t => t.ClientId), latestT.Count == 0 ? null : latestT.Average(t => t.T));

        var overdue = plans.Where(p => byEpisode[p.EpisodeId].IsOpen && p.IsOverdue(today)).ToList();
        Add("followups_overdue", CellFormat.Count, overdue.Select(p => p.ClientId), overdue.Count);

        // First help: from the start of an episode begun in the period to its first touchpoint.
        var started = episodes.Where(e => InPeriod(Day(e.StartedAt))).ToList();
        var firstHelp = started
            .Select(e => (e.ClientId, First: touchpoints.Where(t => t.EpisodeId == e.Id).Select(t => (DateTime?)t.At).Min(), e.StartedAt))
            .Where(x => x.First is not null)
            .ToList();
        Add("first_help_days", CellFormat.Days, firstHelp.Select(x => x.ClientId),
            firstHelp.Count == 0 ? null : PathsSection.Median([.. firstHelp.Select(x => Math.Max(0, (x.First!.Value - x.StartedAt).TotalDays))]));

        // Handled at once: an episode closed in the period with at most one touchpoint and no referral.
        var closed = episodes.Where(e => e.EndedAt is { } end && InPeriod(Day(end))).ToList();
        var atOnce = closed.Where(e => touchpoints.Count(t => t.EpisodeId == e.Id) <= 1 && !referrals.Any(r => r.EpisodeId == e.Id)).ToList();
        Add("handled_at_once", CellFormat.Share, closed.Select(e => e.ClientId), closed.Count == 0 ? null : (double)atOnce.Count / closed.Count);

        // Referrals requested in the period, answered within the configured days (those still waiting past them count as late).
        var asked = referrals.Where(r => InPeriod(Day(r.RequestedAt))).ToList();
        var limit = TimeSpan.FromDays(options.UnansweredDays);
        var decided = asked.Where(r => (r.AcceptedAt ?? r.RejectedAt) is not null || nowUtc - r.RequestedAt > limit).ToList();
        var inTime = decided.Count(r => (r.AcceptedAt ?? r.RejectedAt) is { } answered && answered - r.RequestedAt <= limit);
        Add("answered_in_time", CellFormat.Share, decided.Select(r => r.ClientId), decided.Count == 0 ? null : (double)inTime / decided.Count);

        var facts = asked.Select(r => new ReferralFact(r.ClientId, r.FromOrganisationId, r.ToOrganisationId, r.Status, r.RequestedAt, r.AcceptedAt ?? r.RejectedAt)).ToList();
        var returned = PathsSection.Returned(facts);
        Add("returned", CellFormat.Count, returned.Select(r => r.ClientId), returned.Count);

        // Now: the alert rules' own definitions.
        // A client bouncing between providers counts for a unit (or a network) when one of the providers is in it.
        var alerts = AlertRules.Compute(openEpisodes ?? [.. episodes.Where(e => e.IsOpen)], referrals, touchpoints, options, nowUtc)
            .Where(a => a.Organisations.Any(filter.Covers)).ToList();
        var bouncing = alerts.Where(a => a.Kind == AlertKind.Bouncing).Select(a => a.ClientId).Distinct().ToList();
        Add("bouncing_now", CellFormat.Count, bouncing, bouncing.Count);
        var noOwner = alerts.Where(a => a.Kind == AlertKind.NoOwner).Select(a => a.ClientId).Distinct().ToList();
        Add("without_owner_now", CellFormat.Count, noOwner, noOwner.Count);

        var figures = new DashboardTable(Figures, "Insight.Own.Table.Effectiveness",
            [new("measure", "Insight.Column.Measure"), new("value", "Insight.Column.Value"), new("clients", "Insight.Own.Column.Clients")], rows);

        return [figures, GoalTable(ByCustomership, "Insight.Own.Table.GoalsByCustomership", "customership", "Insight.Own.Column.Customership",
                [.. Enum.GetValues<Customership>().Where(c => c != Customership.Exit)
                    .Select(c => (DashboardCell.Label(c.ToString(), "Customership." + c), goals.Where(g => g.Customership == c).ToList()))]),
            GoalTable(ByMonth, "Insight.Own.Table.GoalsByMonth", "month", "Insight.Own.Column.Month",
                [.. goals.GroupBy(g => new DateOnly(g.On.Year, g.On.Month, 1)).OrderBy(g => g.Key)
                    .Select(g => (DashboardCell.Label(g.Key.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), ""), g.ToList()))])];
    }

    private static DashboardTable GoalTable(string id, string titleKey, string labelName, string labelKey, IReadOnlyList<(DashboardCell Label, List<GoalFact> Goals)> groups) =>
        new(id, titleKey,
            [new(labelName, labelKey), new("goals_scored", "Insight.Own.Column.GoalsScored"), new("goals_attained", "Insight.Own.Column.GoalsAttained"), new("clients", "Insight.Own.Column.Clients")],
            [.. groups.Select(g =>
            {
                var clients = g.Goals.Select(x => x.ClientId).Distinct().Count();
                var withheld = clients is > 0 and < ExtractAnalysis.MinimumPersons;
                return (IReadOnlyList<DashboardCell>)[g.Label,
                    withheld ? DashboardCell.Hidden(CellFormat.Count) : DashboardCell.Of(CellFormat.Count, g.Goals.Count),
                    withheld ? DashboardCell.Hidden(CellFormat.Share) : DashboardCell.Of(CellFormat.Share, g.Goals.Count == 0 ? null : (double)g.Goals.Count(x => x.Level >= 0) / g.Goals.Count),
                    withheld ? DashboardCell.Hidden(CellFormat.Count) : DashboardCell.Of(CellFormat.Count, clients)];
            })]);
}
