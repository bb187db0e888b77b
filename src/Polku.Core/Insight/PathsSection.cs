using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Paths;

namespace Polku.Core.Insight;

/// <summary>
/// Touchpoints and referrals (SPEC §3.3, §3.5) from Polku's own paths: volumes by channel (with the share of
/// e-services) and by provider kind, the clients' experience ratings, and the referral picture — answers, the median
/// days to an answer and returned referrals (A → B → A within 90 days). The period and unit select touchpoints by their
/// time and organisation, referrals by the time they were requested and either end; the area is the client's
/// municipality. A row about 1–4 distinct clients is withheld, and so is a mean rating given by fewer than 5 clients.
/// </summary>
public sealed class PathsSection(PolkuDb db) : IDashboardSection
{
    public const string TouchpointsByChannel = "touchpoints_by_channel";
    public const string TouchpointsByProvider = "touchpoints_by_provider";
    public const string ReferralFigures = "referral_figures";
    public const int ReturnWindowDays = ExtractAnalysis.ReturnWindowDays;

    public string Id => "paths";

    public string TitleKey => "Insight.Own.Section.Paths";

    public async Task<IReadOnlyList<DashboardTable>> BuildAsync(OwnDataFilter filter, CancellationToken ct = default)
    {
        var touchpoints = db.Touchpoints.AsNoTracking();
        var referrals = db.Referrals.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = FinnishTime.StartOfDayUtc(from);
            touchpoints = touchpoints.Where(t => t.At >= start);
            referrals = referrals.Where(r => r.RequestedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = FinnishTime.StartOfDayUtc(to.AddDays(1));
            touchpoints = touchpoints.Where(t => t.At < end);
            referrals = referrals.Where(r => r.RequestedAt < end);
        }

        if (filter.Municipality is { } municipality)
        {
            touchpoints = touchpoints.Where(t => db.Clients.Any(c => c.Id == t.ClientId && c.MunicipalityCode == municipality));
            referrals = referrals.Where(r => db.Clients.Any(c => c.Id == r.ClientId && c.MunicipalityCode == municipality));
        }

        if (filter.UnitId is { } unit)
        {
            touchpoints = touchpoints.Where(t => t.OrganisationId == unit);
            referrals = referrals.Where(r => r.FromOrganisationId == unit || r.ToOrganisationId == unit);
        }

        if (filter.Units is { } units)
        {
            touchpoints = touchpoints.Where(t => units.Contains(t.OrganisationId));
            referrals = referrals.Where(r => units.Contains(r.FromOrganisationId) || units.Contains(r.ToOrganisationId));
        }

        var kinds = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Kind, ct);
        var visits = await touchpoints
            .Select(t => new TouchpointFact(t.ClientId, t.Channel, t.OrganisationId, t.Rating))
            .ToListAsync(ct);
        var asked = await referrals
            .Select(r => new ReferralFact(r.ClientId, r.FromOrganisationId, r.ToOrganisationId, r.Status, r.RequestedAt, r.AcceptedAt ?? r.RejectedAt))
            .ToListAsync(ct);
        return Tables(visits, asked, id => kinds.TryGetValue(id, out var kind) ? kind : OrganisationKind.Other);
    }

    /// <summary>The pure part: the three tables from plain facts.</summary>
    public static IReadOnlyList<DashboardTable> Tables(
        IReadOnlyCollection<TouchpointFact> touchpoints, IReadOnlyCollection<ReferralFact> referrals, Func<int, OrganisationKind> kindOf)
    {
        var total = touchpoints.Count;
        var byChannel = new DashboardTable(TouchpointsByChannel, "Insight.Own.Table.TouchpointsByChannel",
            [new("channel", "Insight.Own.Column.Channel"), new("touchpoints", "Insight.Own.Column.Touchpoints"),
                new("share", "Insight.Own.Column.Share"), new("clients", "Insight.Own.Column.Clients"),
                new("mean_rating", "Insight.Own.Column.MeanRating")],
            [.. Enum.GetValues<ChannelKind>().Select(channel =>
                VolumeRow(DashboardCell.Label(channel.ToString(), "ChannelKind." + channel), [.. touchpoints.Where(t => t.Channel == channel)], total))]);

        var byProvider = new DashboardTable(TouchpointsByProvider, "Insight.Own.Table.TouchpointsByProvider",
            [new("provider_kind", "Insight.Own.Column.ProviderKind"), new("touchpoints", "Insight.Own.Column.Touchpoints"),
                new("share", "Insight.Own.Column.Share"), new("clients", "Insight.Own.Column.Clients"),
                new("mean_rating", "Insight.Own.Column.MeanRating")],
            [.. Enum.GetValues<OrganisationKind>().Select(kind =>
                VolumeRow(DashboardCell.Label(kind.ToString(), "OrganisationKind." + kind), [.. touchpoints.Where(t => kindOf(t.OrganisationId) == kind)], total))]);

        return [byChannel, byProvider, ReferralTable(referrals)];
    }

    private static IReadOnlyList<DashboardCell> VolumeRow(DashboardCell label, IReadOnlyList<TouchpointFact> rows, int total)
    {
        var clients = rows.Select(t => t.ClientId).Distinct().Count();
        if (clients is > 0 and < ExtractAnalysis.MinimumPersons)
        {
            return [label, DashboardCell.Hidden(CellFormat.Count), DashboardCell.Hidden(CellFormat.Share), DashboardCell.Hidden(CellFormat.Count), DashboardCell.Hidden(CellFormat.Mean)];
        }

        var rated = rows.Where(t => t.Rating is not null).ToList();
        var raters = rated.Select(t => t.ClientId).Distinct().Count();
        var rating = raters >= ExtractAnalysis.MinimumPersons ? DashboardCell.Of(CellFormat.Mean, rated.Average(t => t.Rating!.Value))
            : raters == 0 ? DashboardCell.Of(CellFormat.Mean, null) : DashboardCell.Hidden(CellFormat.Mean);
        return [label, DashboardCell.Of(CellFormat.Count, rows.Count), DashboardCell.Of(CellFormat.Share, total == 0 ? null : (double)rows.Count / total),
            DashboardCell.Of(CellFormat.Count, clients), rating];
    }

    private static DashboardTable ReferralTable(IReadOnlyCollection<ReferralFact> referrals)
    {
        var rows = new List<IReadOnlyList<DashboardCell>>();
        void Add(string code, CellFormat format, IReadOnlyCollection<ReferralFact> subject, double? value)
        {
            var clients = subject.Select(r => r.ClientId).Distinct().Count();
            var withheld = clients is > 0 and < ExtractAnalysis.MinimumPersons;
            rows.Add([DashboardCell.Label(code, "Insight.Own.Referrals." + code),
                withheld ? DashboardCell.Hidden(format) : DashboardCell.Of(format, value),
                withheld ? DashboardCell.Hidden(CellFormat.Count) : DashboardCell.Of(CellFormat.Count, clients)]);
        }

        Add("requested", CellFormat.Count, referrals, referrals.Count);
        foreach (var status in new[] { ReferralStatus.Accepted, ReferralStatus.Rejected, ReferralStatus.Revoked, ReferralStatus.Completed })
        {
            var subject = referrals.Where(r => r.Status == status || (status == ReferralStatus.Accepted && r.Status == ReferralStatus.Completed)).ToList();
            Add(status.ToString().ToLowerInvariant(), CellFormat.Count, subject, subject.Count);
        }

        var waiting = referrals.Where(r => r.Status == ReferralStatus.Requested).ToList();
        Add("unanswered", CellFormat.Count, waiting, waiting.Count);

        var answered = referrals.Where(r => r.AnsweredAt is not null).ToList();
        Add("median_days_to_answer", CellFormat.Days, answered,
            answered.Count == 0 ? null : Median([.. answered.Select(r => (r.AnsweredAt!.Value - r.RequestedAt).TotalDays)]));

        var returned = Returned(referrals);
        Add("returned", CellFormat.Count, returned, returned.Count);
        return new DashboardTable(ReferralFigures, "Insight.Own.Table.Referrals",
            [new("measure", "Insight.Column.Measure"), new("value", "Insight.Column.Value"), new("clients", "Insight.Own.Column.Clients")],
            rows);
    }

    /// <summary>Referrals B → A that follow a referral A → B of the same client within <see cref="ReturnWindowDays"/> days.</summary>
    public static IReadOnlyList<ReferralFact> Returned(IReadOnlyCollection<ReferralFact> referrals)
    {
        var window = TimeSpan.FromDays(ReturnWindowDays);
        var live = referrals.Where(r => r.Status != ReferralStatus.Revoked).ToList();
        return [.. live.Where(back => live.Any(there => !ReferenceEquals(there, back) && back.Leg.Returns(there.Leg, window)))];
    }

    internal static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}

/// <summary>One touchpoint as the dashboard sees it: no times finer than the filter, no professional, no text.</summary>
public sealed record TouchpointFact(Guid ClientId, ChannelKind Channel, int OrganisationId, int? Rating);

/// <summary>One referral as the dashboard sees it.</summary>
public sealed record ReferralFact(Guid ClientId, int FromOrganisationId, int ToOrganisationId, ReferralStatus Status, DateTime RequestedAt, DateTime? AnsweredAt)
{
    public ReferralLeg Leg => new(ClientId, FromOrganisationId, ToOrganisationId, RequestedAt);
}
