using Polku.Core.Catalogue;
using Polku.Core.Insight;
using Polku.Core.Paths;

namespace Polku.Core.Tests.Insight;

public sealed class PathsSectionTests
{
    private static readonly DateTime Day0 = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static OrganisationKind KindOf(int organisationId) => organisationId switch
    {
        1 => OrganisationKind.County,
        2 => OrganisationKind.Ngo,
        _ => OrganisationKind.Parish,
    };

    private static Guid Person(int i) => new(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    private static IReadOnlyList<DashboardCell> Row(DashboardTable table, string code) =>
        table.Rows.Single(r => r[0].Code == code);

    [Fact]
    public void Channel_rows_count_touchpoints_clients_and_share_and_withhold_small_groups()
    {
        var touchpoints = new List<TouchpointFact>();
        for (var i = 0; i < 6; i++)
        {
            touchpoints.Add(new(Person(i), ChannelKind.ServiceLocation, 1, 4));
            touchpoints.Add(new(Person(i), ChannelKind.ServiceLocation, 2, i < 4 ? 2 : null));
        }

        touchpoints.Add(new(Person(1), ChannelKind.Phone, 3, 5));
        touchpoints.Add(new(Person(2), ChannelKind.Phone, 3, 5));

        var tables = PathsSection.Tables(touchpoints, [], KindOf);
        var channels = tables.Single(t => t.Id == PathsSection.TouchpointsByChannel);
        var visits = Row(channels, nameof(ChannelKind.ServiceLocation));
        Assert.Equal(12, visits[1].Number);
        Assert.Equal(12.0 / 14, visits[2].Number!.Value, 10);
        Assert.Equal(6, visits[3].Number);
        Assert.Equal((6 * 4 + 4 * 2) / 10.0, visits[4].Number!.Value, 10);

        var phone = Row(channels, nameof(ChannelKind.Phone));
        Assert.All(phone.Skip(1), c => Assert.True(c.Withheld));
        var web = Row(channels, nameof(ChannelKind.WebPage));
        Assert.Equal(0, web[1].Number);
        Assert.False(web[1].Withheld);

        var providers = tables.Single(t => t.Id == PathsSection.TouchpointsByProvider);
        var ngo = Row(providers, nameof(OrganisationKind.Ngo));
        Assert.Equal(6, ngo[1].Number);
        Assert.True(ngo[4].Withheld); // only four clients rated the NGO's touchpoints
        Assert.True(Row(providers, nameof(OrganisationKind.Parish))[1].Withheld);
    }

    [Fact]
    public void Referral_figures_follow_the_workflow_and_find_returned_referrals()
    {
        var referrals = new List<ReferralFact>();
        for (var i = 0; i < 5; i++)
        {
            referrals.Add(new(Person(i), 1, 2, ReferralStatus.Completed, Day0, Day0.AddDays(i + 1)));
            referrals.Add(new(Person(i), 2, 1, ReferralStatus.Rejected, Day0.AddDays(30), Day0.AddDays(31)));
        }

        referrals.Add(new(Person(9), 1, 3, ReferralStatus.Requested, Day0, null));
        referrals.Add(new(Person(9), 3, 1, ReferralStatus.Revoked, Day0.AddDays(1), null));

        var table = PathsSection.Tables([], referrals, KindOf).Single(t => t.Id == PathsSection.ReferralFigures);
        Assert.Equal(12, Row(table, "requested")[1].Number);
        Assert.Equal(6, Row(table, "requested")[2].Number);
        Assert.Equal(5, Row(table, "accepted")[1].Number);
        Assert.Equal(5, Row(table, "completed")[1].Number);
        Assert.Equal(5, Row(table, "rejected")[1].Number);
        Assert.True(Row(table, "revoked")[1].Withheld);
        Assert.True(Row(table, "unanswered")[1].Withheld);

        // Answer times: 1, 2, 3, 4, 5 days and five times 1 day: the median of ten values is 1.
        Assert.Equal(1.0, Row(table, "median_days_to_answer")[1].Number);
        Assert.Equal(5, Row(table, "returned")[1].Number);
    }

    [Fact]
    public void A_return_after_the_window_or_after_a_revoked_referral_does_not_count()
    {
        ReferralFact[] referrals =
        [
            new(Person(1), 1, 2, ReferralStatus.Accepted, Day0, Day0),
            new(Person(1), 2, 1, ReferralStatus.Requested, Day0.AddDays(PathsSection.ReturnWindowDays + 1), null),
            new(Person(2), 1, 2, ReferralStatus.Revoked, Day0, null),
            new(Person(2), 2, 1, ReferralStatus.Requested, Day0.AddDays(3), null),
            new(Person(3), 1, 2, ReferralStatus.Accepted, Day0, Day0),
            new(Person(3), 2, 1, ReferralStatus.Requested, Day0.AddDays(PathsSection.ReturnWindowDays), null),
        ];

        var returned = PathsSection.Returned(referrals);
        Assert.Equal([Person(3)], returned.Select(r => r.ClientId));
    }
}
