using Polku.Core.Insight;
using Polku.Core.Segmentation;

namespace Polku.Core.Tests.Insight;

public class CustomershipSectionTests
{
    private static readonly DateTime Day = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<ConfirmedOutcome> History(params Customership[] outcomes)
    {
        var client = Guid.NewGuid();
        return outcomes.Select((o, i) => new ConfirmedOutcome(client, Day.AddDays(i), o, false));
    }

    private static Dictionary<string, DashboardCell[]> Rows(DashboardTable table, int labels = 1) =>
        table.Rows.ToDictionary(r => string.Join(">", r.Take(labels).Select(c => c.Code)), r => r.Skip(labels).ToArray());

    [Fact]
    public void Distribution_CountsLatestOutcomes_AndWithholdsOneToFourClients()
    {
        var outcomes = Enumerable.Range(0, 6).SelectMany(_ => History(Customership.Network, Customership.Cooperating))
            .Concat(Enumerable.Range(0, 2).SelectMany(_ => History(Customership.SelfActing)))
            .Concat(Enumerable.Range(0, 5).SelectMany(_ => History(Customership.Community)))
            .ToList();

        var tables = CustomershipSection.Tables(outcomes);

        var distribution = Rows(tables[0]);
        Assert.Equal(CustomershipSection.Distribution, tables[0].Id);
        Assert.Equal(["self_acting", "community", "cooperating", "network", "exit"], distribution.Keys);
        Assert.True(distribution["self_acting"][0].Withheld);
        Assert.Null(distribution["self_acting"][0].Number);
        Assert.Equal(5, distribution["community"][0].Number);
        Assert.Equal(6, distribution["cooperating"][0].Number);
        Assert.Equal(0, distribution["network"][0].Number);
        Assert.False(distribution["network"][0].Withheld);
        Assert.DoesNotContain("self_acting", DashboardTables.ToCsv(tables[0]).Split('\n').Single(l => l.StartsWith("self_acting", StringComparison.Ordinal))[11..], StringComparison.Ordinal);
        Assert.Contains("self_acting,,clients", DashboardTables.ToCsv(tables[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Transitions_AreWithheld_WhenFewerThanFiveDistinctClientsMadeThem_EvenWithManyTransitions()
    {
        var outcomes = Enumerable.Range(0, 5).SelectMany(_ => History(Customership.Network, Customership.Cooperating))
            .Concat(History(Customership.Community, Customership.Network, Customership.Community, Customership.Network, Customership.Community,
                Customership.Network, Customership.Community, Customership.Network, Customership.Community, Customership.Network, Customership.Community,
                Customership.Network))
            .Concat(History(Customership.SelfActing, Customership.SelfActing))
            .ToList();

        var transitions = Rows(CustomershipSection.Tables(outcomes)[1], labels: 2);

        Assert.Equal([5, 5], transitions["network>cooperating"].Select(c => c.Number!.Value));
        Assert.All(transitions["community>network"], c => Assert.True(c.Withheld));
        Assert.All(transitions["network>community"], c => Assert.True(c.Withheld));
        Assert.False(transitions.ContainsKey("self_acting>self_acting"));
    }
}
