namespace Polku.Core.Insight;

/// <summary>
/// One service's administrative burden on clients (Standard Cost Model, SPEC §3.5): the time one event (an
/// application, a visit, a form) takes from the client, the money it costs the client out of pocket, and how many
/// such events there are a year.
/// </summary>
public sealed record BurdenItem
{
    public BurdenItem(string service, decimal hoursPerEvent, decimal eurosPerEvent, long eventsPerYear)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentOutOfRangeException.ThrowIfNegative(hoursPerEvent);
        ArgumentOutOfRangeException.ThrowIfNegative(eurosPerEvent);
        ArgumentOutOfRangeException.ThrowIfNegative(eventsPerYear);
        Service = service;
        HoursPerEvent = hoursPerEvent;
        EurosPerEvent = eurosPerEvent;
        EventsPerYear = eventsPerYear;
    }

    public string Service { get; }

    public decimal HoursPerEvent { get; }

    public decimal EurosPerEvent { get; }

    public long EventsPerYear { get; }

    /// <summary>Time × events, in hours a year.</summary>
    public decimal Hours => HoursPerEvent * EventsPerYear;

    /// <summary>Out-of-pocket money × events, in euros a year.</summary>
    public decimal Euros => EurosPerEvent * EventsPerYear;
}

/// <summary>The burden of a set of services: per service and in total, hours and euros a year.</summary>
public sealed record BurdenTotals(IReadOnlyList<BurdenItem> Items, decimal Hours, decimal Euros);

/// <summary>One service compared before and after a change; a negative change is a saving.</summary>
public sealed record BurdenChange(string Service, BurdenItem? Before, BurdenItem? After, decimal HoursChange, decimal EurosChange);

/// <summary>Two scenarios side by side, service by service, with the change in totals.</summary>
public sealed record BurdenComparison(BurdenTotals Before, BurdenTotals After, IReadOnlyList<BurdenChange> Services, decimal HoursChange, decimal EurosChange);

/// <summary>The Standard Cost Model calculator: burden = Σ time × events hours and Σ out-of-pocket money × events euros.</summary>
public static class StandardCostModel
{
    public static BurdenTotals Totals(IEnumerable<BurdenItem> items)
    {
        var list = items.ToList();
        return new BurdenTotals(list, list.Sum(i => i.Hours), list.Sum(i => i.Euros));
    }

    /// <summary>
    /// Compares two scenarios by service name (ordinal). A service only in one scenario is compared with nothing
    /// (it was added or removed); services keep the order in which they first appear, before then after.
    /// </summary>
    public static BurdenComparison Compare(IEnumerable<BurdenItem> before, IEnumerable<BurdenItem> after)
    {
        var beforeTotals = Totals(before);
        var afterTotals = Totals(after);
        var services = beforeTotals.Items.Select(i => i.Service).Concat(afterTotals.Items.Select(i => i.Service)).Distinct(StringComparer.Ordinal);
        var changes = services.Select(service =>
        {
            var was = beforeTotals.Items.Where(i => i.Service == service).ToList();
            var now = afterTotals.Items.Where(i => i.Service == service).ToList();
            return new BurdenChange(service, was.SingleOrDefault(), now.SingleOrDefault(),
                now.Sum(i => i.Hours) - was.Sum(i => i.Hours), now.Sum(i => i.Euros) - was.Sum(i => i.Euros));
        }).ToList();
        return new BurdenComparison(beforeTotals, afterTotals, changes, afterTotals.Hours - beforeTotals.Hours, afterTotals.Euros - beforeTotals.Euros);
    }
}
