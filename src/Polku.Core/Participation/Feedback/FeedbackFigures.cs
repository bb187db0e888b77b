using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Segmentation;

namespace Polku.Core.Participation.Feedback;

/// <summary>
/// Feedback figures of one group (a unit, a service or a customership). When fewer than
/// <see cref="FeedbackFigures.MinimumCell"/> items are behind a figure it is withheld (null) and <see cref="Withheld"/> is set.
/// </summary>
/// <param name="Group">The unit or service id, the customership name, or "unknown".</param>
/// <param name="Count">Items behind the group.</param>
/// <param name="Withheld">True when the group is too small to show.</param>
/// <param name="Nps">Net promoter score, −100…100: per cent of 9–10 answers minus per cent of 0–6 answers.</param>
/// <param name="Answers">Items that answered the recommendation question.</param>
/// <param name="GotHelp">Average of "I got help", 1–5.</param>
/// <param name="Respected">Average of "I was treated with respect", 1–5.</param>
/// <param name="Listened">Average of "I was listened to", 1–5.</param>
public sealed record FeedbackFigure(
    string Group, int Count, bool Withheld, double? Nps, int Answers, double? GotHelp, double? Respected, double? Listened);

/// <summary>The scores of one item, without anything else about it (the input of the pure calculation).</summary>
public readonly record struct FeedbackScores(int? Recommendation, int? GotHelp, int? Respected, int? Listened);

/// <summary>Which grouping the figures are for.</summary>
public enum FeedbackGrouping
{
    Unit,
    Service,
    Customership,
}

/// <summary>
/// NPS and statement averages by unit, service or customership, with small-cell protection, for the dashboards and
/// the managers' page. Customership is the latest confirmed segmentation outcome of a signed giver; anonymous and
/// unsegmented feedback falls in the group "unknown".
/// </summary>
public sealed class FeedbackFigures(PolkuDb db)
{
    public const int MinimumCell = 5;
    public const string Unknown = "unknown";

    /// <summary>Figures per group for feedback given on days in [<paramref name="from"/>, <paramref name="to"/>] (both inclusive).</summary>
    public async Task<List<FeedbackFigure>> ByAsync(FeedbackGrouping grouping, DateOnly from, DateOnly to, int? organisationId = null, IReadOnlyList<int>? organisations = null, CancellationToken ct = default)
    {
        var query = db.FeedbackItems.AsNoTracking().Where(f => f.GivenOn >= from && f.GivenOn <= to);
        if (organisationId is { } unit)
        {
            query = query.Where(f => f.OrganisationId == unit);
        }

        if (organisations is not null)
        {
            query = query.Where(f => organisations.Contains(f.OrganisationId));
        }

        var rows = await query
            .Select(f => new { f.OrganisationId, f.ServiceId, f.GiverClientId, Scores = new FeedbackScores(f.Recommendation, f.GotHelp, f.Respected, f.Listened) })
            .ToListAsync(ct);

        Dictionary<Guid, Customership> customerships = [];
        if (grouping == FeedbackGrouping.Customership)
        {
            var givers = rows.Where(r => r.GiverClientId is not null).Select(r => r.GiverClientId!.Value).Distinct().ToList();
            customerships = (await db.Assessments.AsNoTracking()
                    .Where(a => givers.Contains(a.ClientId) && a.Outcome != null)
                    .Select(a => new { a.ClientId, a.ConfirmedAt, a.Outcome })
                    .ToListAsync(ct))
                .GroupBy(a => a.ClientId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ConfirmedAt).First().Outcome!.Value);
        }

        string KeyOf(int organisation, int? service, Guid? giver) => grouping switch
        {
            FeedbackGrouping.Unit => organisation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FeedbackGrouping.Service => service?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Unknown,
            _ => giver is { } g && customerships.TryGetValue(g, out var c) ? c.ToString() : Unknown,
        };

        return rows.GroupBy(r => KeyOf(r.OrganisationId, r.ServiceId, r.GiverClientId))
            .Select(g => Compute(g.Key, g.Select(r => r.Scores).ToList()))
            .OrderBy(f => f.Group, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The pure calculation of one group's figures.</summary>
    public static FeedbackFigure Compute(string group, IReadOnlyCollection<FeedbackScores> items)
    {
        if (items.Count < MinimumCell)
        {
            return new FeedbackFigure(group, items.Count, true, null, 0, null, null, null);
        }

        var recommendations = items.Where(i => i.Recommendation is not null).Select(i => i.Recommendation!.Value).ToList();
        double? nps = recommendations.Count < MinimumCell
            ? null
            : 100.0 * (recommendations.Count(r => r >= 9) - recommendations.Count(r => r <= 6)) / recommendations.Count;
        return new FeedbackFigure(
            group, items.Count, false, nps, recommendations.Count,
            Average(items.Select(i => i.GotHelp)), Average(items.Select(i => i.Respected)), Average(items.Select(i => i.Listened)));
    }

    private static double? Average(IEnumerable<int?> values)
    {
        var answered = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return answered.Count < MinimumCell ? null : answered.Average();
    }
}
