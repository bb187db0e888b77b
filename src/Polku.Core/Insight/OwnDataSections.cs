using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Segmentation;

namespace Polku.Core.Insight;

/// <summary>
/// A selection of Polku's own data for the dashboards: the period (Finnish calendar dates, both inclusive, null for
/// open), the area (the client's municipality code) and the unit (the organisation of the professional who recorded
/// the data).
/// </summary>
public sealed record OwnDataFilter(DateOnly? From = null, DateOnly? To = null, string? Municipality = null, int? UnitId = null, IReadOnlyList<int>? Units = null)
{
    /// <summary>Whether a unit passes both the single-unit choice and the units of a service network.</summary>
    public bool Covers(int unitId) => (UnitId is not { } unit || unit == unitId) && (Units is null || Units.Contains(unitId));
}

/// <summary>
/// One section of the own-data dashboard: the tables one data source (segmentation, touchpoints, feedback, …) gives
/// for a filter, aggregates only, with small cells already withheld. A new data source adds one implementation and
/// registers it (see <see cref="OwnDataSections"/>); the page, the CSV downloads and the API list the sections.
/// </summary>
public interface IDashboardSection
{
    /// <summary>A stable machine id (URLs, API).</summary>
    string Id { get; }

    string TitleKey { get; }

    /// <summary>A text key of a note shown under the section's heading (e.g. which filters do not apply), or null.</summary>
    string? NoteKey => null;

    Task<IReadOnlyList<DashboardTable>> BuildAsync(OwnDataFilter filter, CancellationToken ct = default);
}

/// <summary>The sections of the own-data dashboard, in the order they are shown.</summary>
public sealed class OwnDataSections(IEnumerable<IDashboardSection> sections)
{
    public IReadOnlyList<IDashboardSection> All { get; } = [.. sections];

    /// <summary>Every table of every section for the filter, keyed by section.</summary>
    public async Task<IReadOnlyList<(IDashboardSection Section, IReadOnlyList<DashboardTable> Tables)>> BuildAsync(OwnDataFilter filter, CancellationToken ct = default)
    {
        var built = new List<(IDashboardSection, IReadOnlyList<DashboardTable>)>();
        foreach (var section in All)
        {
            built.Add((section, await section.BuildAsync(filter, ct)));
        }

        return built;
    }
}

/// <summary>
/// Customership distribution and transitions (SPEC §3.5) from confirmed segmentation outcomes. In a period the
/// distribution counts each client by their latest outcome confirmed in it, and a transition is a change between two
/// consecutive outcomes both confirmed in it. The area is the client's municipality, the unit the confirming
/// professional's organisation. A count of 1–4 clients is withheld; so is a transition that 1–4 distinct clients made.
/// </summary>
public sealed class CustomershipSection(PolkuDb db) : IDashboardSection
{
    public const string Distribution = "customerships";
    public const string Transitions = "transitions";

    public string Id => "segmentation";

    public string TitleKey => "Insight.Own.Section.Segmentation";

    public async Task<IReadOnlyList<DashboardTable>> BuildAsync(OwnDataFilter filter, CancellationToken ct = default)
    {
        var query = db.Assessments.AsNoTracking().Where(a => a.Outcome != null && a.ConfirmedAt != null);
        if (filter.From is { } from)
        {
            var start = FinnishTime.StartOfDayUtc(from);
            query = query.Where(a => a.ConfirmedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = FinnishTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.ConfirmedAt < end);
        }

        if (filter.Municipality is { } municipality)
        {
            query = query.Where(a => db.Clients.Any(c => c.Id == a.ClientId && c.MunicipalityCode == municipality));
        }

        if (filter.UnitId is { } unit)
        {
            query = query.Where(a => db.Professionals.Any(p => p.Id == a.ConfirmedByProfessionalId && p.OrganisationId == unit));
        }

        if (filter.Units is { } units)
        {
            query = query.Where(a => db.Professionals.Any(p => p.Id == a.ConfirmedByProfessionalId && units.Contains(p.OrganisationId)));
        }

        var outcomes = await query.Select(a => new ConfirmedOutcome(a.ClientId, a.ConfirmedAt!.Value, a.Outcome!.Value, a.IsOverride)).ToListAsync(ct);
        return Tables(outcomes);
    }

    /// <summary>The pure part: the two tables from confirmed outcomes in any order.</summary>
    public static IReadOnlyList<DashboardTable> Tables(IReadOnlyCollection<ConfirmedOutcome> outcomes)
    {
        var summary = SegmentationStatistics.Summarise(outcomes);
        var histories = outcomes.GroupBy(o => o.ClientId).Select(g => g.OrderBy(o => o.ConfirmedAt).ToList()).ToList();
        var transitionClients = histories
            .SelectMany(h => h.Zip(h.Skip(1), (a, b) => (From: a.Outcome, To: b.Outcome, h[0].ClientId)))
            .Where(t => t.From != t.To)
            .GroupBy(t => (t.From, t.To))
            .ToDictionary(g => g.Key, g => g.Select(t => t.ClientId).Distinct().Count());

        var distribution = new DashboardTable(Distribution, "Insight.Own.Table.Customerships",
            [new("customership", "Insight.Own.Column.Customership"), new("clients", "Insight.Own.Column.Clients")],
            [.. Enum.GetValues<Customership>().Select(c => (IReadOnlyList<DashboardCell>)[
                DashboardCell.Label(Code(c), "Customership." + c), Count(summary.Current[c])])]);

        var transitions = new DashboardTable(Transitions, "Insight.Own.Table.Transitions",
            [new("from", "Insight.Own.Column.From"), new("to", "Insight.Own.Column.To"), new("transitions", "Insight.Own.Column.Transitions"),
                new("clients", "Insight.Own.Column.Clients")],
            [.. summary.Transitions.Where(t => t.From != t.To).Select(t =>
            {
                var clients = transitionClients[(t.From, t.To)];
                var withheld = clients < ExtractAnalysis.MinimumPersons;
                return (IReadOnlyList<DashboardCell>)[
                    DashboardCell.Label(Code(t.From), "Customership." + t.From),
                    DashboardCell.Label(Code(t.To), "Customership." + t.To),
                    withheld ? DashboardCell.Hidden(CellFormat.Count) : DashboardCell.Of(CellFormat.Count, t.Count),
                    withheld ? DashboardCell.Hidden(CellFormat.Count) : DashboardCell.Of(CellFormat.Count, clients)];
            })]);
        return [distribution, transitions];
    }

    /// <summary>The machine code of a customership in CSV and JSON: snake_case of its name.</summary>
    public static string Code(Customership customership) => customership switch
    {
        Customership.SelfActing => "self_acting",
        Customership.Community => "community",
        Customership.Cooperating => "cooperating",
        Customership.Network => "network",
        _ => "exit",
    };

    private static DashboardCell Count(int clients) =>
        clients is > 0 and < ExtractAnalysis.MinimumPersons ? DashboardCell.Hidden(CellFormat.Count) : DashboardCell.Of(CellFormat.Count, clients);
}
