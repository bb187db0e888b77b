using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;

namespace Polku.Core.Paths;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>A network client whose open episode has no responsible worker who accepted the role.</summary>
    NoOwner,

    /// <summary>A referral nobody has answered in <see cref="PathAlertOptions.UnansweredDays"/> days.</summary>
    Unanswered,

    /// <summary>A referral from A to B came back from B to A within <see cref="PathAlertOptions.ReturnWindowDays"/> days ("lähettely").</summary>
    Returned,

    /// <summary>An accepted referral with no touchpoint at the receiver within <see cref="PathAlertOptions.WaitDays"/> days of the request.</summary>
    LongWait,

    /// <summary>Touchpoints at <see cref="PathAlertOptions.BouncingProviders"/> or more providers within the window and no owner.</summary>
    Bouncing,

    /// <summary>An open episode's client plan has a follow-up date that has passed without a follow-up.</summary>
    FollowUpOverdue,
}

/// <summary>Thresholds of the path alerts (configuration section <c>Paths:Alerts</c>). Days are whole days of 24 hours.</summary>
public sealed class PathAlertOptions
{
    public const string Section = "Paths:Alerts";

    [Range(1, 365)]
    public int UnansweredDays { get; set; } = 7;

    [Range(1, 365)]
    public int ReturnWindowDays { get; set; } = 90;

    [Range(1, 365)]
    public int WaitDays { get; set; } = 30;

    [Range(2, 20)]
    public int BouncingProviders { get; set; } = 3;

    [Range(1, 365)]
    public int BouncingWindowDays { get; set; } = 90;
}

/// <summary>
/// One alert, computed from the data (never stored): it exists exactly as long as its cause does.
/// <see cref="Organisations"/> and <see cref="Professionals"/> are the units and workers whose lists show it.
/// </summary>
public sealed record PathAlert(
    AlertKind Kind, Guid ClientId, Guid? EpisodeId, Guid? ReferralId, DateTime Since,
    IReadOnlySet<int> Organisations, IReadOnlySet<int> Professionals);

/// <summary>The alert rules as a pure function of episodes, referrals and touchpoints at an instant.</summary>
public static class AlertRules
{
    public static List<PathAlert> Compute(
        IReadOnlyList<Episode> episodes, IReadOnlyList<Referral> referrals, IReadOnlyList<Touchpoint> touchpoints, PathAlertOptions options, DateTime nowUtc,
        IReadOnlyList<Plans.ClientPlan>? plans = null)
    {
        var alerts = new List<PathAlert>();
        var episodeById = episodes.ToDictionary(e => e.Id);
        int?[] OwnerOf(Guid episodeId) => episodeById.TryGetValue(episodeId, out var e) ? [e.ResponsibleWorkerId] : [];

        foreach (var e in episodes.Where(e => e.NeedsOwner))
        {
            alerts.Add(new PathAlert(
                AlertKind.NoOwner, e.ClientId, e.Id, null, e.StartedAt, new HashSet<int> { e.OrganisationId },
                Ids([e.ProposedWorkerId, .. e.Team.Where(t => t.Until == null).Select(t => (int?)t.ProfessionalId)])));
        }

        foreach (var r in referrals.Where(r => r.Status == ReferralStatus.Requested))
        {
            var due = r.RequestedAt.AddDays(options.UnansweredDays);
            if (nowUtc >= due)
            {
                alerts.Add(new PathAlert(
                    AlertKind.Unanswered, r.ClientId, r.EpisodeId, r.Id, due, new HashSet<int> { r.ToOrganisationId, r.FromOrganisationId },
                    Ids([r.FromProfessionalId, r.ToProfessionalId, .. OwnerOf(r.EpisodeId)])));
            }
        }

        foreach (var back in referrals.Where(r => r.Status != ReferralStatus.Revoked))
        {
            var window = TimeSpan.FromDays(options.ReturnWindowDays);
            var there = referrals.FirstOrDefault(r => r.Id != back.Id && r.Status != ReferralStatus.Revoked && back.Leg.Returns(r.Leg, window));
            var steered = episodeById.TryGetValue(back.EpisodeId, out var episode) && episode.ResponsibleWorkerSince >= back.RequestedAt;
            if (there is not null && nowUtc - back.RequestedAt <= window && !steered)
            {
                alerts.Add(new PathAlert(
                    AlertKind.Returned, back.ClientId, back.EpisodeId, back.Id, back.RequestedAt, new HashSet<int> { back.FromOrganisationId, back.ToOrganisationId },
                    Ids([back.FromProfessionalId, there.FromProfessionalId, .. OwnerOf(back.EpisodeId)])));
            }
        }

        foreach (var r in referrals.Where(r => r.Status == ReferralStatus.Accepted))
        {
            var due = r.RequestedAt.AddDays(options.WaitDays);
            var served = touchpoints.Any(t => t.ClientId == r.ClientId && t.OrganisationId == r.ToOrganisationId && t.At >= r.RequestedAt);
            if (!served && nowUtc >= due)
            {
                alerts.Add(new PathAlert(
                    AlertKind.LongWait, r.ClientId, r.EpisodeId, r.Id, due, new HashSet<int> { r.ToOrganisationId },
                    Ids([r.AnsweredByProfessionalId, r.FromProfessionalId, .. OwnerOf(r.EpisodeId)])));
            }
        }

        var since = nowUtc.AddDays(-options.BouncingWindowDays);
        foreach (var client in touchpoints.Where(t => t.At >= since && t.At <= nowUtc).GroupBy(t => t.ClientId))
        {
            var providers = client.Select(t => t.OrganisationId).ToHashSet();
            var owned = episodes.Any(e => e.ClientId == client.Key && e.IsOpen && e.ResponsibleWorkerId is not null);
            if (providers.Count >= options.BouncingProviders && !owned)
            {
                var reached = client.GroupBy(t => t.OrganisationId).Select(g => g.Min(t => t.At)).Order().ElementAt(options.BouncingProviders - 1);
                alerts.Add(new PathAlert(
                    AlertKind.Bouncing, client.Key, null, null, reached, providers, Ids([.. client.Select(t => (int?)t.ProfessionalId)])));
            }
        }

        // The responsible worker answers for the follow-ups; the lead unit sees them too.
        var today = DateOnly.FromDateTime(FinnishTime.ToLocal(nowUtc));
        foreach (var plan in plans ?? [])
        {
            if (episodeById.TryGetValue(plan.EpisodeId, out var e) && e.IsOpen && plan.IsOverdue(today))
            {
                alerts.Add(new PathAlert(
                    AlertKind.FollowUpOverdue, e.ClientId, e.Id, null, FinnishTime.StartOfDayUtc(plan.NextFollowUp!.Value),
                    new HashSet<int> { e.OrganisationId }, Ids([e.ResponsibleWorkerId])));
            }
        }

        return alerts;
    }

    private static HashSet<int> Ids(IEnumerable<int?> ids) => ids.OfType<int>().ToHashSet();
}

/// <summary>An alert as a reader sees it: with the client's name (shown only to those who may see the client).</summary>
public sealed record AlertView(PathAlert Alert, Client Client);

/// <summary>Alert lists per responsible worker and per unit. Showing a client on a list is a read and is audited.</summary>
public sealed class PathAlerts(PolkuDb db, ClientAccess access, AuditLog audit, IOptions<PathAlertOptions> options, TimeProvider clock)
{
    /// <summary>Every alert now, for every client (no names; used by tests and counts).</summary>
    public async Task<List<PathAlert>> AllAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        var oldest = now.AddDays(-Math.Max(o.ReturnWindowDays, o.BouncingWindowDays) * 2);
        var episodes = await db.Episodes.AsNoTracking().Include(e => e.Team).Where(e => e.EndedAt == null).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Requested || r.Status == ReferralStatus.Accepted || r.RequestedAt >= oldest)
            .ToListAsync(ct);
        var openSince = referrals.Where(r => r.Status == ReferralStatus.Accepted).Select(r => r.RequestedAt).DefaultIfEmpty(now).Min();
        var from = openSince < oldest ? openSince : oldest;
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.At >= from).ToListAsync(ct);
        var open = episodes.Select(e => e.Id).ToList();
        var plans = await db.ClientPlans.AsNoTracking().Where(p => open.Contains(p.EpisodeId)).ToListAsync(ct);
        return AlertRules.Compute(episodes, referrals, touchpoints, o, now, plans);
    }

    /// <summary>Alerts that concern the acting professional personally.</summary>
    public Task<List<AlertView>> ForWorkerAsync(Actor actor, CancellationToken ct = default) =>
        actor.ProfessionalId is { } id ? VisibleAsync(actor, a => a.Professionals.Contains(id), ct) : Task.FromResult(new List<AlertView>());

    /// <summary>Alerts that concern the acting professional's unit (organisation).</summary>
    public Task<List<AlertView>> ForUnitAsync(Actor actor, CancellationToken ct = default) =>
        actor.OrganisationId is { } id ? VisibleAsync(actor, a => a.Organisations.Contains(id), ct) : Task.FromResult(new List<AlertView>());

    private async Task<List<AlertView>> VisibleAsync(Actor actor, Func<PathAlert, bool> concerns, CancellationToken ct)
    {
        if (!actor.DoesClientWork)
        {
            return [];
        }

        var alerts = (await AllAsync(ct)).Where(concerns).ToList();
        var result = new List<AlertView>();
        var shown = new List<(Guid, AuditPurpose)>();
        foreach (var clientId in alerts.Select(a => a.ClientId).Distinct())
        {
            var decision = await access.DecideAsync(actor, clientId, ct);
            if (!decision.Allowed)
            {
                continue;
            }

            var client = await db.Clients.AsNoTracking().FirstAsync(c => c.Id == clientId, ct);
            shown.Add((clientId, decision.Purpose));
            result.AddRange(alerts.Where(a => a.ClientId == clientId).Select(a => new AlertView(a, client)));
        }

        await audit.AddListViewsAsync(actor, shown, AuditResources.Alerts, ct);
        await db.SaveChangesAsync(ct);
        return [.. result.OrderBy(v => v.Alert.Since)];
    }
}
