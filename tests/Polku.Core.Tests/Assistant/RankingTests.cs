using System.Text.Json;
using Polku.Core.Assistant;
using Polku.Core.Catalogue;

namespace Polku.Core.Tests.Assistant;

public class RankingTests
{
    private static readonly List<RankableService> Demo = LoadDemo();

    private static List<RankableService> LoadDemo()
    {
        using var stream = typeof(Guidance).Assembly.GetManifestResourceStream("Polku.Core.Demo.demo-services.json")!;
        using var json = JsonDocument.Parse(stream);
        var kinds = json.RootElement.GetProperty("channels").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => Enum.Parse<ChannelKind>(c.GetProperty("kind").GetString()!));
        return [.. json.RootElement.GetProperty("services").EnumerateArray().Select((s, i) => new RankableService(
            i + 1,
            s.GetProperty("key").GetString()!,
            new LocalisedText(s.GetProperty("name").GetProperty("fi").GetString()!),
            NeedProfiles.Demo(Strings(s, "serviceClasses")),
            Strings(s, "areas"),
            Strings(s, "languages"),
            Strings(s, "targetGroups"),
            [.. Strings(s, "channels").Select(c => kinds[c]).Distinct()]))];
    }

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : [];

    private static LifeVector Meter(params (LifeDimension Dimension, int Score)[] low)
    {
        var values = Enumerable.Repeat(9, 10).ToArray();
        foreach (var (d, s) in low)
        {
            values[(int)d] = s;
        }

        return new LifeVector(values);
    }

    public static TheoryData<string, int?, string[]> Cases => new()
    {
        // money troubles → finance counselling
        { "Finances:1", 35, ["yhden-vanhemman-talousneuvonta", "diakonian-talousneuvonta"] },
        // lonely older person → friend and meeting services
        { "Friends:1", 80, ["ystavatoiminta-sammalvaara", "seniorikerhot-sammalvaara", "diakonian-ystavakaynnit-sammalvaara", "diakonins-hembesok-vassviken", "ystavapalvelu-jarvilinna", "seniortraffar-sjoborg", "omaishoitajien-vertaistuki", "paivatoiminta", "hyvinvointikoordinaattori-sammalvaara"] },
        // housing need of an older person → round-the-clock housing
        { "Housing:0,Health:3", 85, ["ymparivuorokautinen-palveluasuminen"] },
        // young person, low resilience and self-esteem → mental health services
        { "Resilience:1,SelfEsteem:2,LifeSatisfaction:3", 16, ["nuorten-mielenterveys-ja-paihdepalvelut", "nuorten-chat", "nuorisopsykiatrian-poliklinikka", "nuorten-psykoterapia-tyyni", "koulupsykologi", "nuorten-paihdeneuvonta"] },
        // school troubles → school social worker
        { "WorkStudies:1", 15, ["koulukuraattori"] },
        // couple in crisis → couple and family therapy
        { "Family:1,LifeSatisfaction:4", 38, ["perhe-ja-pariterapia-tyyni", "kirkon-perheneuvonta", "perheasioiden-sovittelu"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_need_profile_ranks_the_obvious_service_first(string needs, int? age, string[] acceptable)
    {
        var low = needs.Split(',').Select(p => p.Split(':')).Select(p => (Enum.Parse<LifeDimension>(p[0]), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var ranked = LifeSituationRanking.Rank(Meter(low), Demo, new RankingFilter(Age: age));
        Assert.NotEmpty(ranked);
        Assert.True(acceptable.Contains(ranked[0].Service.Key), $"First was {ranked[0].Service.Key}: {string.Join(", ", ranked.Take(5).Select(r => $"{r.Service.Key} {r.Match:0.00}"))}");
        Assert.Contains(low[0].Item1, ranked[0].Why);
    }

    [Fact]
    public void No_needs_recommend_nothing() =>
        Assert.Empty(LifeSituationRanking.Rank(new LifeVector(Enumerable.Repeat(10, 10).ToArray()), Demo, new RankingFilter()));

    [Fact]
    public void Filters_keep_only_services_for_the_persons_area_language_age_and_channel()
    {
        var filter = new RankingFilter(Municipality: Demo.SelectMany(s => s.Areas).First(), Age: 30, Language: "sv", Channel: ChannelKind.Phone);
        var ranked = LifeSituationRanking.Rank(Meter((LifeDimension.Family, 2), (LifeDimension.Friends, 2)), Demo, filter, max: 100);
        Assert.NotEmpty(ranked);
        Assert.All(ranked, r =>
        {
            Assert.True(r.Service.Areas.Count == 0 || r.Service.Areas.Contains(filter.Municipality!));
            Assert.True(r.Service.Languages.Count == 0 || r.Service.Languages.Contains("sv"));
            Assert.Contains(ChannelKind.Phone, r.Service.Channels);
            Assert.False(r.Service.TargetGroups.All(t => t == "KR1.1"));
        });
    }

    [Fact]
    public void Every_demo_service_has_a_need_profile() =>
        Assert.All(Demo, s => Assert.True(s.Profile.Values.Sum() > 0, s.Key));

    [Theory]
    [InlineData("0,1,2,3,4,5,6,7,8,10", true)]
    [InlineData("0,1,2,3,4,5,6,7,8", false)]
    [InlineData("0,1,2,3,4,5,6,7,8,11", false)]
    [InlineData("a,1,2,3,4,5,6,7,8,9", false)]
    public void A_stored_profile_is_ten_values_from_0_to_10(string text, bool valid)
    {
        Assert.Equal(valid, LifeVector.TryParse(text, out var v));
        if (valid)
        {
            Assert.Equal(text, v!.ToString());
        }
    }

    [Fact]
    public void TheMeter_CountsAnUnansweredDimensionAsFine_AndKeepsScoresWithinTheScale()
    {
        var meter = LifeSituationAdvice.Meter(new Dictionary<int, int?> { [(int)LifeDimension.Finances] = 1, [(int)LifeDimension.Health] = 14, [(int)LifeDimension.Family] = null });

        Assert.Equal(1, meter[LifeDimension.Finances]);
        Assert.Equal(10, meter[LifeDimension.Health]);
        Assert.Equal(10, meter[LifeDimension.Family]);
        Assert.Equal(10, meter[LifeDimension.Housing]);
    }
}
