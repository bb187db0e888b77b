using Polku.Core.Catalogue;
using Polku.Core.Demo;

namespace Polku.Core.Tests.Demo;

public class DemoServicesTests
{
    private static readonly DemoServicesData Data = DemoServicesData.Load();
    private static readonly DemoCountyData County = DemoCountyData.Load();

    [Fact]
    public void DemoServices_PassTheCatalogueRules_EveryCodeKnown_EveryReferenceResolved()
    {
        var problems = DemoCatalogue.Validate(
            Data,
            County.Organisations.Select(o => o.Key).ToList(),
            County.Municipalities.Select(m => m.Code).ToList());

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void DemoServices_AreAtLeastEighty_InThreeLanguages_WithEveryChannelKind()
    {
        Assert.True(Data.Services.Count >= 80, $"{Data.Services.Count} services");
        Assert.All(Data.Services, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Name.Sv), s.Key);
            Assert.False(string.IsNullOrWhiteSpace(s.Name.En), s.Key);
            Assert.NotEmpty(s.Channels);
        });
        foreach (var kind in Enum.GetValues<ChannelKind>())
        {
            Assert.Contains(Data.Channels, c => c.Kind == kind);
        }
    }

    [Fact]
    public void ValidationOfDemoData_CatchesBrokenReferencesAndUnknownCodes()
    {
        var service = Data.Services[0] with { TargetGroups = ["KR42"], Channels = ["no-such-channel"], ResponsibleOrganisation = "nobody" };
        var broken = Data with { Services = [service] };

        var problems = DemoCatalogue.Validate(broken, County.Organisations.Select(o => o.Key).ToList(), County.Municipalities.Select(m => m.Code).ToList());

        Assert.Contains(problems, p => p.Reason == "MissingChannel" && p.Value == "no-such-channel");
        Assert.Contains(problems, p => p.Reason == "UnknownReference" && p.Value == "nobody");
    }
}
