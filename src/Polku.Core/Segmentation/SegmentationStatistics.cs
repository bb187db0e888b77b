using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;

namespace Polku.Core.Segmentation;

/// <summary>A confirmed outcome of one client's assessment, without personal data beyond the pseudonymous id.</summary>
public sealed record ConfirmedOutcome(Guid ClientId, DateTime ConfirmedAt, Customership Outcome, bool IsOverride);

/// <summary>How many clients moved from one customership to another between consecutive confirmed assessments.</summary>
public sealed record Transition(Customership From, Customership To, int Count);

/// <summary>
/// Figures for the analytics capability: clients per current customership (their latest confirmed outcome, EXIT
/// included), transitions between consecutive confirmed assessments, and how many confirmations were overrides.
/// </summary>
public sealed record SegmentationSummary(IReadOnlyDictionary<Customership, int> Current, IReadOnlyList<Transition> Transitions, int Confirmed, int Overrides);

/// <summary>Counts and transitions per customership. Aggregates only: nothing here identifies a client.</summary>
public sealed class SegmentationStatistics(PolkuDb db)
{
    public async Task<SegmentationSummary> SummaryAsync(CancellationToken ct = default)
    {
        var outcomes = await db.Assessments.AsNoTracking()
            .Where(a => a.Outcome != null && a.ConfirmedAt != null)
            .Select(a => new ConfirmedOutcome(a.ClientId, a.ConfirmedAt!.Value, a.Outcome!.Value, a.IsOverride))
            .ToListAsync(ct);
        return Summarise(outcomes);
    }

    /// <summary>The pure part: summarises confirmed outcomes in any order.</summary>
    public static SegmentationSummary Summarise(IEnumerable<ConfirmedOutcome> outcomes)
    {
        var list = outcomes.ToList();
        var byClient = list.GroupBy(o => o.ClientId).Select(g => g.OrderBy(o => o.ConfirmedAt).ToList()).ToList();
        var current = Enum.GetValues<Customership>().ToDictionary(c => c, c => byClient.Count(h => h[^1].Outcome == c));
        var transitions = byClient
            .SelectMany(h => h.Zip(h.Skip(1), (a, b) => (a.Outcome, b.Outcome)))
            .GroupBy(t => t)
            .Select(g => new Transition(g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderBy(t => t.From).ThenBy(t => t.To)
            .ToList();
        return new SegmentationSummary(current, transitions, list.Count, list.Count(o => o.IsOverride));
    }
}
