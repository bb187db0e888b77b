using System.Globalization;
using System.Xml.Linq;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Paths;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Core.Tests.Paths;

public sealed class JourneyMapTests
{
    private static readonly DateTime T0 = new(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Touchpoint Touch(int organisation, int days, int? rating = null, int? service = null)
    {
        var t = new Touchpoint { At = T0.AddDays(days), OrganisationId = organisation, ProfessionalId = 1, Channel = ChannelKind.ServiceLocation, ServiceId = service };
        if (rating is { } r)
        {
            t.Rate(r);
        }

        return t;
    }

    [Fact]
    public void DefaultReferencePaths_CoverEveryCustomershipButExit()
    {
        Assert.Equal(
            [Customership.SelfActing, Customership.Community, Customership.Cooperating, Customership.Network],
            ReferencePaths.Default.Paths.Select(p => p.Customership));
    }

    [Fact]
    public void Compare_FindsEachStepInOrder_AndCountsDaysLate()
    {
        var reference = ReferencePaths.Default.For(Customership.Network)!;
        var touchpoints = new (Touchpoint, ServiceLevel?)[]
        {
            (Touch(1, 3), ServiceLevel.Universal),
            (Touch(2, 40), ServiceLevel.Basic),
        };

        var steps = ReferencePaths.Compare(reference, T0, touchpoints);

        Assert.Equal([-4, 16, null, null], steps.Select(s => s.DaysLate));
        Assert.True(steps[2].IsOverdue(T0.AddDays(40 + 46)));
        Assert.False(steps[2].IsOverdue(T0.AddDays(40 + 44)));
    }

    [Fact]
    public void ReferencePaths_WithANonPositiveDuration_AreRefused()
    {
        Assert.Throws<FormatException>(() => ReferencePaths.Parse(
            """{"paths":[{"customership":"Network","steps":[{"key":"a","level":"Basic","days":0,"nameFi":"A"}]}]}"""));
    }

    [Fact]
    public void Map_HasALanePerProvider_ArrowsForReferrals_AndTheExperienceCurve_AsWellFormedSvg()
    {
        var fc = new Organisation { Id = 1, Key = "fc", Name = new LocalisedText("Perhekeskus", "Familjecentret") };
        var ngo = new Organisation { Id = 2, Key = "ngo", Name = new LocalisedText("Perhetuki") };
        var client = new Client { Key = "c", PersonalIdentityCode = "x", FirstName = "A", LastName = "B" };
        var episode = new Episode { ClientId = client.Id, OrganisationId = 1, Title = "t", StartedAt = T0 };
        var referral = Referral.Request(episode, ReferralKind.Referral, 1, 1, 2, null, null, "r", true, null, T0.AddDays(5)).Value!;
        var path = new ClientPath(
            client, AuditPurpose.OwnData, [episode], [Touch(1, 1, 4), Touch(2, 20, 2), Touch(1, 30)], [referral],
            new Dictionary<int, Organisation> { [1] = fc, [2] = ngo }, new Dictionary<int, Professional>(), new Dictionary<int, Service>());

        var map = JourneyMap.Build(path, "sv", MapLanes.Providers, [], key => key, T0.AddDays(31));
        var svg = XDocument.Parse(map.ToSvg("Karta", "Beskrivning", "Upplevelse", CultureInfo.GetCultureInfo("sv-FI")));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(["Familjecentret", "Perhetuki"], map.Lanes);
        Assert.Equal(3, svg.Descendants(ns + "circle").Count());
        Assert.Single(svg.Descendants(ns + "line"), l => (string?)l.Attribute("marker-end") == "url(#arrow)");
        Assert.Equal(2, svg.Descendants(ns + "polyline").Single().Attribute("points")!.Value.Split(' ').Length);
        Assert.Equal("Karta", svg.Descendants(ns + "title").Single().Value);
        Assert.Equal(4, map.Events.Count());
    }
}
