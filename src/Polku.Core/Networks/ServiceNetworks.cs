using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Insight;
using Polku.Core.Localisation;
using Polku.Core.Notifications;
using Polku.Core.Paths;

namespace Polku.Core.Networks;

/// <summary>Settings of the network figures (configuration section <c>Networks</c>).</summary>
public sealed class NetworkOptions
{
    public const string Section = "Networks";

    /// <summary>The owner's page and the threshold check look at this many days up to today.</summary>
    [Range(7, 730)]
    public int WindowDays { get; set; } = 90;
}

/// <summary>A measure's threshold and where the figure stands: withheld figures (1–4 clients) are never compared.</summary>
public sealed record ThresholdState(NetworkMeasure Measure, double? Threshold, double? Current, bool Withheld, bool Crossed, DateTime? CrossedSince);

/// <summary>The open alerts of one kind in the network's units: how many, and since when the oldest has been open.</summary>
public sealed record AlertCount(AlertKind Kind, int Count, DateTime? OldestSince);

/// <summary>What the network's owner sees: its figures over the window, its thresholds and its open alerts (counts, no names).</summary>
public sealed record NetworkReport(
    ServiceNetwork Network, IReadOnlyList<Organisation> Members, DateOnly From, DateOnly To, DashboardTable Figures,
    IReadOnlyList<ThresholdState> Thresholds, IReadOnlyList<AlertCount> Alerts);

/// <summary>
/// Service networks and their owners (SPEC §3.10). Managers and administrators — the county — name the members, the
/// owner and the thresholds; the owner and the county see the network's effectiveness figures (the same definitions
/// and small-cell protection as the own-data dashboard) and its open alerts as counts. A daily check tells the owner
/// when a figure crosses its threshold, once per crossing: the figure must return to the good side before it is told again.
/// </summary>
public sealed class ServiceNetworks(
    PolkuDb db, EffectivenessSection effectiveness, PathAlerts alerts, NotificationOutbox outbox, IOptions<NetworkOptions> options, TimeProvider clock)
{
    public const string NotificationKey = "Networks.Notification.ThresholdCrossed";

    /// <summary>The county's people: they see and change every network.</summary>
    public static bool MayManage(Actor actor) => actor.IsInRole(Roles.Manager) || actor.IsInRole(Roles.Administrator);

    public static bool MayRead(Actor actor, ServiceNetwork network) =>
        MayManage(actor) || (actor.ProfessionalId is { } id && network.OwnerProfessionalId == id);

    /// <summary>The networks the actor may see: every network for the county, the owned ones for an owner.</summary>
    public async Task<List<ServiceNetwork>> VisibleAsync(Actor actor, CancellationToken ct = default)
    {
        IQueryable<ServiceNetwork> query = db.ServiceNetworks.AsNoTracking().Include(n => n.Owner);
        if (!MayManage(actor))
        {
            if (actor.ProfessionalId is not { } id)
            {
                return [];
            }

            query = query.Where(n => n.OwnerProfessionalId == id);
        }

        var language = PolkuCultures.CurrentLanguage;
        return [.. (await query.ToListAsync(ct)).OrderBy(n => n.Name.In(language), StringComparer.CurrentCulture)];
    }

    /// <summary>The network for its edit form (county only).</summary>
    public async Task<(ServiceNetwork? Network, NetworkProblem? Problem)> ForEditAsync(Actor actor, int id, CancellationToken ct = default)
    {
        if (!MayManage(actor))
        {
            return (null, NetworkProblem.Denied);
        }

        var network = await Query().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        return network is null ? (null, NetworkProblem.NotFound) : (network, null);
    }

    public async Task<(NetworkReport? Report, NetworkProblem? Problem)> ReportAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var network = await Query().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (network is null)
        {
            return (null, NetworkProblem.NotFound);
        }

        return MayRead(actor, network) ? (await BuildAsync(network, await AlertsNowAsync(ct), ct), null) : (null, NetworkProblem.Denied);
    }

    /// <summary>Makes a network (<paramref name="id"/> null) or changes one; nothing is stored when any field is refused.</summary>
    public async Task<(ServiceNetwork? Network, NetworkProblem? Problem, IReadOnlyList<NetworkFieldError> Errors)> SaveAsync(
        Actor actor, int? id, NetworkDraft draft, CancellationToken ct = default)
    {
        if (!MayManage(actor))
        {
            return (null, NetworkProblem.Denied, []);
        }

        ServiceNetwork? network = null;
        if (id is { } existing)
        {
            network = await Query().FirstOrDefaultAsync(n => n.Id == existing, ct);
            if (network is null)
            {
                return (null, NetworkProblem.NotFound, []);
            }
        }

        var errors = new List<NetworkFieldError>();
        var name = Text(draft.NameFi, draft.NameSv, draft.NameEn, "Name", ServiceNetwork.NameMaxLength, errors, required: true);
        var description = Text(draft.DescriptionFi, draft.DescriptionSv, draft.DescriptionEn, "Description", ServiceNetwork.DescriptionMaxLength, errors, required: false);
        if (draft.OwnerProfessionalId is { } owner && !await db.Professionals.AnyAsync(p => p.Id == owner, ct))
        {
            errors.Add(new NetworkFieldError("OwnerProfessionalId", NetworkProblem.OwnerUnknown));
        }

        var members = draft.Members.Distinct().ToList();
        if (members.Count == 0)
        {
            errors.Add(new NetworkFieldError("Members", NetworkProblem.MembersRequired));
        }
        else if (members.Count > ServiceNetwork.MaxMembers)
        {
            errors.Add(new NetworkFieldError("Members", NetworkProblem.TooManyMembers));
        }
        else
        {
            var known = await db.Organisations.Where(o => members.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
            if (known.Count != members.Count)
            {
                errors.Add(new NetworkFieldError("Members", NetworkProblem.UnknownOrganisation));
            }
        }

        var thresholds = new Dictionary<string, double>();
        foreach (var (code, text) in draft.Thresholds)
        {
            var field = $"Thresholds[{code}]";
            if (NetworkMeasure.Find(code) is not { } measure)
            {
                errors.Add(new NetworkFieldError(field, NetworkProblem.UnknownMeasure));
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                if (ParseNumber(text) is not { } value)
                {
                    errors.Add(new NetworkFieldError(field, NetworkProblem.NotANumber));
                }
                else if (value < measure.Min || value > measure.Max)
                {
                    errors.Add(new NetworkFieldError(field, NetworkProblem.OutOfRange));
                }
                else
                {
                    thresholds[code] = value;
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        if (network is null)
        {
            network = new ServiceNetwork { Name = name! };
            db.ServiceNetworks.Add(network);
        }

        if (network.OwnerProfessionalId != draft.OwnerProfessionalId)
        {
            // A new owner has not been told of anything yet: the next check tells them of every figure past its threshold.
            network.Thresholds.ForEach(t => t.CrossedSince = null);
        }

        network.Name = name!;
        network.Description = description;
        network.OwnerProfessionalId = draft.OwnerProfessionalId;
        network.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        network.Members.RemoveAll(m => !members.Contains(m.OrganisationId));
        network.Members.AddRange(members.Where(m => network.Members.All(x => x.OrganisationId != m)).Select(m => new NetworkMember { OrganisationId = m }));
        network.Thresholds.RemoveAll(t => !thresholds.ContainsKey(t.Measure));
        foreach (var (code, value) in thresholds)
        {
            if (network.Thresholds.FirstOrDefault(t => t.Measure == code) is { } threshold)
            {
                // A moved threshold is a new question: the next check decides afresh whether it is crossed.
                threshold.CrossedSince = threshold.Value == value ? threshold.CrossedSince : null;
                threshold.Value = value;
            }
            else
            {
                network.Thresholds.Add(new NetworkThreshold { Measure = code, Value = value });
            }
        }

        await db.SaveChangesAsync(ct);
        return (network, null, []);
    }

    /// <summary>
    /// The daily check: for every network, compares each figure with its threshold. A figure that has newly crossed
    /// queues one message to the owner (when the owner has an e-mail address); one back on the good side clears the
    /// crossing. Withheld figures are not compared. Returns how many messages were queued.
    /// </summary>
    public async Task<int> CheckAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await AlertsNowAsync(ct);
        var queued = 0;
        foreach (var network in await Query().Where(n => n.Thresholds.Any()).ToListAsync(ct))
        {
            var report = await BuildAsync(network, open, ct);
            foreach (var state in report.Thresholds.Where(s => s.Threshold is not null && !s.Withheld && s.Current is not null))
            {
                var threshold = network.Thresholds.Single(t => t.Measure == state.Measure.Code);
                if (!state.Crossed)
                {
                    threshold.CrossedSince = null;
                    continue;
                }

                if (threshold.CrossedSince is not null)
                {
                    continue;
                }

                threshold.CrossedSince = now;
                if (await NotifyOwnerAsync(network, state, now, ct))
                {
                    queued++;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        return queued;
    }

    private async Task<bool> NotifyOwnerAsync(ServiceNetwork network, ThresholdState state, DateTime now, CancellationToken ct)
    {
        if (network.Owner?.Email is not { Length: > 0 } email)
        {
            return false;
        }

        var language = await db.Users.Where(u => u.ProfessionalId == network.OwnerProfessionalId).Select(u => u.Language).FirstOrDefaultAsync(ct) ?? "fi";
        var culture = PolkuCultures.Get(PolkuCultures.CultureFor(language));
        string Number(double value) => value.ToString("0.#", culture)
            + (state.Measure.Format == CellFormat.Share ? " %" : "");
        var key = string.Create(CultureInfo.InvariantCulture, $"network-threshold:{network.Id}:{state.Measure.Code}:{now.Ticks}");
        return await outbox.EnqueueForAddressAsync(email, NotificationChannel.Email, language, NotificationCategory.Service, key, NotificationKey,
            [network.Name.In(language), TextsResource.Get(state.Measure.LabelKey, culture), Number(state.Current!.Value), Number(state.Threshold!.Value),
                network.Id.ToString(CultureInfo.InvariantCulture)], ct);
    }

    private IQueryable<ServiceNetwork> Query() =>
        db.ServiceNetworks.Include(n => n.Owner).ThenInclude(p => p!.Organisation);

    private Task<List<PathAlert>> AlertsNowAsync(CancellationToken ct) => alerts.AllAsync(ct);

    private async Task<NetworkReport> BuildAsync(ServiceNetwork network, IReadOnlyList<PathAlert> open, CancellationToken ct)
    {
        var to = DateOnly.FromDateTime(FinnishTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var from = to.AddDays(1 - options.Value.WindowDays);
        var units = network.MemberIds;
        var tables = await effectiveness.BuildAsync(new OwnDataFilter(from, to, Units: units), ct);
        var figures = tables.Single(t => t.Id == EffectivenessSection.Figures);
        var members = await db.Organisations.AsNoTracking().Where(o => units.Contains(o.Id)).ToListAsync(ct);
        var language = PolkuCultures.CurrentLanguage;
        var inNetwork = open.Where(a => a.Organisations.Overlaps(units)).ToList();
        return new NetworkReport(
            network, [.. members.OrderBy(o => o.Kind).ThenBy(o => o.Name.In(language), StringComparer.CurrentCulture)], from, to, figures,
            [.. NetworkMeasure.All.Select(m => State(m, network.Thresholds.FirstOrDefault(t => t.Measure == m.Code), figures))],
            [.. Enum.GetValues<AlertKind>().Select(kind =>
            {
                var ofKind = inNetwork.Where(a => a.Kind == kind).ToList();
                return new AlertCount(kind, ofKind.Count, ofKind.Count == 0 ? null : ofKind.Min(a => a.Since));
            })]);
    }

    /// <summary>The pure part of the comparison: where a measure's figure stands against its threshold.</summary>
    public static ThresholdState State(NetworkMeasure measure, NetworkThreshold? threshold, DashboardTable figures)
    {
        var cell = figures.Rows.FirstOrDefault(r => r[0].Code == measure.Code)?[1];
        var withheld = cell?.Withheld ?? false;
        double? current = cell?.Number is { } number ? measure.InThresholdUnit(number) : null;
        var crossed = threshold is not null && !withheld && current is { } value && measure.Crosses(value, threshold.Value);
        return new ThresholdState(measure, threshold?.Value, current, withheld, crossed, threshold?.CrossedSince);
    }

    /// <summary>A threshold as typed: a comma or a point as the decimal mark, an optional per cent sign.</summary>
    public static double? ParseNumber(string text)
    {
        var cleaned = text.Trim().TrimEnd('%').Trim().Replace(',', '.').Replace(" ", "", StringComparison.Ordinal);
        return double.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
                ? value
                : null;
    }

    private static LocalisedText? Text(string? fi, string? sv, string? en, string field, int max, List<NetworkFieldError> errors, bool required)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var (f, s, e) = (Clean(fi), Clean(sv), Clean(en));
        if (f is null)
        {
            if (required || s is not null || e is not null)
            {
                errors.Add(new NetworkFieldError(field + "Fi", NetworkProblem.FinnishMissing));
            }

            return null;
        }

        foreach (var (value, lang) in new[] { (f, "Fi"), (s, "Sv"), (e, "En") })
        {
            if (value?.Length > max)
            {
                errors.Add(new NetworkFieldError(field + lang, NetworkProblem.TooLong));
            }
        }

        return new LocalisedText(f, s, e);
    }
}
