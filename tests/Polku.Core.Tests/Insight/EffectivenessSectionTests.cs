using Polku.Core.Insight;
using Polku.Core.Paths;
using Polku.Core.Plans;
using Polku.Core.Segmentation;

namespace Polku.Core.Tests.Insight;

/// <summary>The network's effectiveness figures from planted episodes, plans, touchpoints and referrals.</summary>
public sealed class EffectivenessSectionTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly int[] Providers = [2, 3, 4];

    private static Episode Episode(Customership customership, int daysAgo) => new()
    {
        ClientId = Guid.NewGuid(),
        OrganisationId = 1,
        Title = "Jakso",
        Customership = customership,
        StartedAt = Now.AddDays(-daysAgo),
    };

    private static ClientPlan Plan(Episode episode, int goals, DateOnly? nextFollowUp, params int[][] followUps)
    {
        var content = new PlanContent(
            [.. Enumerable.Range(0, goals).Select(i => new PlanGoal(Guid.NewGuid(), "Tavoite " + i, null, ["a", "b", "c", "d", "e"]))],
            [],
            nextFollowUp is { } d ? [d] : [Today.AddDays(30)]);
        var plan = ClientPlan.Create(episode.Id, episode.ClientId, content, 1, "Hoitaja", Now.AddDays(-60));
        var on = Today.AddDays(-40);
        foreach (var levels in followUps)
        {
            plan.AddFollowUp(on, [.. content.Goals.Zip(levels, (g, l) => new GoalScore(g.Id, l))], null, 1, "Hoitaja", Now);
            on = on.AddDays(10);
        }

        return plan;
    }

    private static Touchpoint Touch(Episode e, int daysAgo, int organisation = 1) => new()
    {
        EpisodeId = e.Id,
        ClientId = e.ClientId,
        At = Now.AddDays(-daysAgo),
        OrganisationId = organisation,
        Channel = Core.Catalogue.ChannelKind.ServiceLocation,
        ProfessionalId = 1,
    };

    private static Dictionary<string, DashboardCell> Figures(IReadOnlyList<DashboardTable> tables) =>
        tables.Single(t => t.Id == EffectivenessSection.Figures).Rows.ToDictionary(r => r[0].Code!, r => r[1]);

    [Fact]
    public void GoalsAttained_MeanT_FirstHelp_AndOverdue_AreCountedAsTheirLabelsSay()
    {
        // Six clients with plans: five goals attained of seven scored (the latest score of each goal counts).
        var episodes = Enumerable.Range(0, 6).Select(i => Episode(i < 3 ? Customership.Network : Customership.Cooperating, 50 + i)).ToList();
        var plans = new List<ClientPlan>
        {
            Plan(episodes[0], 2, null, [-1, -1], [0, 1]),   // both attained at the latest follow-up
            Plan(episodes[1], 1, null, [1], [-1]),          // fell back: not attained
            Plan(episodes[2], 1, null, [0]),
            Plan(episodes[3], 2, null, [-2, 0]),
            Plan(episodes[4], 1, null, [2]),
            Plan(episodes[5], 1, Today.AddDays(-3)),        // no follow-up held, and the agreed day has passed
        };
        var touchpoints = episodes.Select((e, i) => Touch(e, 50 + i - (i + 1))).ToList(); // first help after 1…6 days

        var tables = EffectivenessSection.Tables(new OwnDataFilter(), episodes, plans, touchpoints, [], new PathAlertOptions(), Now);
        var figures = Figures(tables);

        Assert.Equal(7, figures["goals_scored"].Number);
        Assert.Equal(5.0 / 7, figures["goals_attained"].Number!.Value, 10);
        var expectedT = new[] { GoalAttainment.TScore([0, 1]), GoalAttainment.TScore([-1]), GoalAttainment.TScore([0]), GoalAttainment.TScore([-2, 0]), GoalAttainment.TScore([2]) }.Average();
        Assert.Equal(expectedT, figures["mean_t_score"].Number!.Value, 10);
        Assert.Equal(3.5, figures["first_help_days"].Number!.Value, 10);

        // One client is a small cell: the overdue count is withheld rather than shown as 1.
        Assert.True(figures["followups_overdue"].Withheld);

        var byCustomership = tables.Single(t => t.Id == EffectivenessSection.ByCustomership).Rows.ToDictionary(r => r[0].Code!);
        Assert.True(byCustomership["Network"][1].Withheld);
        Assert.True(byCustomership["Cooperating"][1].Withheld);
        Assert.Equal(0, byCustomership["Community"][1].Number);
    }

    [Fact]
    public void AnsweredInTime_HandledAtOnce_AndThePeriod_SelectWhatTheySay()
    {
        var episodes = Enumerable.Range(0, 5).Select(_ => Episode(Customership.SelfActing, 100)).ToList();
        var referrals = new List<Referral>();
        for (var i = 0; i < 5; i++)
        {
            var referral = Referral.Request(episodes[i], ReferralKind.Referral, 1, 1, 2, null, null, "Syy", true, null, Now.AddDays(-30)).Value!;
            if (i < 3)
            {
                Assert.Null(referral.Accept(episodes[i], 2, 2, Now.AddDays(-30 + (i * 4))));  // after 0, 4 and 8 days
            }

            referrals.Add(referral);
        }

        // Two episodes closed in the period with one touchpoint and no referral of their own.
        var quick = Enumerable.Range(0, 5).Select(_ => Episode(Customership.SelfActing, 20)).ToList();
        foreach (var e in quick)
        {
            Assert.Null(e.Close(Now.AddDays(-5)));
        }

        var touchpoints = quick.Select(e => Touch(e, 19)).Concat(quick.Take(3).Select(e => Touch(e, 10))).ToList();
        var tables = EffectivenessSection.Tables(new OwnDataFilter(From: Today.AddDays(-60)), [.. episodes, .. quick], [], touchpoints, referrals, new PathAlertOptions { UnansweredDays = 7 }, Now);
        var figures = Figures(tables);

        // In time: answered after 0 and 4 days; late: after 8 days, and two still waiting after 30.
        Assert.Equal(2.0 / 5, figures["answered_in_time"].Number!.Value, 10);
        Assert.Equal(2.0 / 5, figures["handled_at_once"].Number!.Value, 10);

        var later = Figures(EffectivenessSection.Tables(new OwnDataFilter(From: Today.AddDays(-1)), [.. episodes, .. quick], [], touchpoints, referrals, new PathAlertOptions(), Now));
        Assert.Null(later["answered_in_time"].Number);
        Assert.Null(later["handled_at_once"].Number);
    }

    [Fact]
    public void ClientsBouncingBetweenProviders_CountForAUnitOrANetworkOnlyWhenOneProviderIsInIt()
    {
        // Five clients, each seen at providers 2, 3 and 4 in the last weeks, none with an owner.
        var touchpoints = Enumerable.Range(0, 5).SelectMany(_ =>
        {
            var client = Guid.NewGuid();
            return Providers.Select((unit, k) => new Touchpoint
            {
                ClientId = client,
                At = Now.AddDays(-10 - k),
                OrganisationId = unit,
                Channel = Core.Catalogue.ChannelKind.ServiceLocation,
                ProfessionalId = 1,
            });
        }).ToList();

        double? Bouncing(OwnDataFilter filter) =>
            Figures(EffectivenessSection.Tables(filter, [], [], touchpoints, [], new PathAlertOptions(), Now))["bouncing_now"].Number;

        Assert.Equal(5, Bouncing(new OwnDataFilter()));
        Assert.Equal(5, Bouncing(new OwnDataFilter(Units: [1, 3])));
        Assert.Equal(5, Bouncing(new OwnDataFilter(UnitId: 4)));
        Assert.Equal(0, Bouncing(new OwnDataFilter(Units: [1, 7])));
        Assert.Equal(0, Bouncing(new OwnDataFilter(UnitId: 1)));
        // Each client has an owner in unit 9: not bouncing, though unit 9 is not the one chosen.
        var owned = touchpoints.Select(t => t.ClientId).Distinct().Select(client =>
        {
            var e = new Episode { ClientId = client, OrganisationId = 9, Title = "Jakso", Customership = Customership.Network, StartedAt = Now.AddDays(-30) };
            e.ProposeWorker(5);
            e.AcceptWorkerRole(5, Now.AddDays(-29));
            return e;
        }).ToList();
        var withOwners = Figures(EffectivenessSection.Tables(new OwnDataFilter(UnitId: 2), [], [], touchpoints, [], new PathAlertOptions(), Now, owned));
        Assert.Equal(0, withOwners["bouncing_now"].Number);
    }
}
