using Polku.Core.Catalogue;
using Polku.Core.Segmentation;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Core.Tests.Segmentation;

public class RecommenderTests
{
    private static ServiceCandidate Service(string id, ServiceLevel level, Customership[] fits, ChannelKind[] channels, string[]? areas = null, string[]? groups = null, string[]? languages = null) =>
        new(id, new LocalisedText(id + "-fi", id + "-sv", id + "-en"), fits.ToHashSet(), level, groups ?? ["KR1.2"], areas ?? [], languages ?? ["fi", "sv"], channels);

    private static readonly ServiceCandidate Neuvola = Service("neuvola", ServiceLevel.Universal, [], [ChannelKind.ServiceLocation, ChannelKind.Phone]);
    private static readonly ServiceCandidate Chat = Service("perhechat", ServiceLevel.Basic, [Customership.SelfActing], [ChannelKind.Phone, ChannelKind.EChannel]);
    private static readonly ServiceCandidate PeerGroup = Service("vertaisryhma", ServiceLevel.Basic, [Customership.Community], [ChannelKind.ServiceLocation]);
    private static readonly ServiceCandidate FamilyWork = Service("perhetyo", ServiceLevel.Specialist, [Customership.Cooperating, Customership.Network], [ChannelKind.ServiceLocation, ChannelKind.Phone], areas: ["901"]);
    private static readonly ServiceCandidate Elderly = Service("kotihoito", ServiceLevel.Basic, [Customership.SelfActing], [ChannelKind.WebPage], groups: ["KR1.1"]);
    private static readonly ServiceCandidate[] All = [Neuvola, Chat, PeerGroup, FamilyWork, Elderly];

    private static RecommendationContext Context(Customership c, ChannelPreference p = ChannelPreference.NoPreference, string municipality = "901", string language = "fi") =>
        new(c, municipality, language, p, [RecommendationContexts.FamiliesWithChildren]);

    [Theory]
    [InlineData(Customership.SelfActing)]
    [InlineData(Customership.Community)]
    [InlineData(Customership.Cooperating)]
    [InlineData(Customership.Network)]
    [InlineData(Customership.Exit)]
    public void UniversalServices_AreAlwaysOffered(Customership customership)
    {
        var result = ServiceRecommender.Recommend(All, Context(customership));

        var neuvola = Assert.Single(result, r => r.Service.Id == "neuvola");
        Assert.Contains(RecommendationReason.Universal, neuvola.Reasons);
    }

    [Fact]
    public void ASelfActingClientWithDigitalSkills_GetsDigitalChannelsFirst()
    {
        var result = ServiceRecommender.Recommend(All, Context(Customership.SelfActing, ChannelPreference.Digital));

        Assert.Equal("perhechat", result[0].Service.Id);
        Assert.Equal(ChannelKind.EChannel, result[0].Channels[0]);
        Assert.Contains(RecommendationReason.DigitalChannels, result[0].Reasons);
        Assert.DoesNotContain(result, r => r.Service.Id is "vertaisryhma" or "perhetyo");
    }

    [Fact]
    public void OtherTargetGroups_AndOtherAreas_AreLeftOut()
    {
        var selfActing = ServiceRecommender.Recommend(All, Context(Customership.SelfActing));
        var networkElsewhere = ServiceRecommender.Recommend(All, Context(Customership.Network, municipality: "902"));
        var networkHere = ServiceRecommender.Recommend(All, Context(Customership.Network));

        Assert.DoesNotContain(selfActing, r => r.Service.Id == "kotihoito");
        Assert.DoesNotContain(networkElsewhere, r => r.Service.Id == "perhetyo");
        Assert.Equal(["perhetyo", "neuvola"], networkHere.Select(r => r.Service.Id));
    }

    [Fact]
    public void AServiceInTheClientsLanguage_RanksAboveOneWithout()
    {
        var finnishOnly = Service("a-fi", ServiceLevel.Basic, [Customership.Community], [ChannelKind.Phone], languages: ["fi"]);
        var swedish = Service("b-sv", ServiceLevel.Basic, [Customership.Community], [ChannelKind.Phone], languages: ["sv"]);

        var result = ServiceRecommender.Recommend([finnishOnly, swedish], Context(Customership.Community, language: "sv"));

        Assert.Equal(["b-sv", "a-fi"], result.Select(r => r.Service.Id));
    }

    [Fact]
    public void NoCandidates_GiveNoRecommendations() =>
        Assert.Empty(ServiceRecommender.Recommend([], Context(Customership.Network)));

    [Theory]
    [InlineData("KR1", "KR1.2", true)]
    [InlineData("KR1.2", "KR1.2", true)]
    [InlineData("KR1", "KR12", false)]
    [InlineData("KR1.2", "KR1", false)]
    public void TargetGroupCodes_CoverTheirSubGroups(string general, string specific, bool covers) =>
        Assert.Equal(covers, ServiceRecommender.Covers(general, specific));
}
