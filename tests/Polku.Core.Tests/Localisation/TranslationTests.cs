using System.Globalization;
using System.Xml.Linq;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Identity;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;
using Polku.Core.Segmentation;

namespace Polku.Core.Tests.Localisation;

public class TranslationTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "src", "Polku.Core", "Localisation");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Polku.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Polku.slnx not found above the test binaries.");
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    public static TheoryData<string> Languages() => ["Texts.sv.resx", "Texts.en.resx"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryFinnishText_HasATranslation(string file)
    {
        var finnish = Read("Texts.resx");
        var other = Read(file);

        Assert.Empty(finnish.Keys.Except(other.Keys).Order());
        Assert.Empty(other.Keys.Except(finnish.Keys).Order());
        Assert.Empty(other.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        Assert.Empty(finnish.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Placeholders_AreTheSameInEveryLanguage(string file)
    {
        var finnish = Read("Texts.resx");
        var other = Read(file);
        static string Placeholders(string text) =>
            string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order());

        Assert.Empty(finnish.Where(t => Placeholders(t.Value) != Placeholders(other[t.Key])).Select(t => t.Key));
    }

    public static TheoryData<string> KeysBuiltFromCode()
    {
        var keys = new TheoryData<string>();
        foreach (var kind in Enum.GetNames<OrganisationKind>())
        {
            keys.Add("OrganisationKind." + kind);
        }

        foreach (var (prefix, names) in new[]
        {
            ("ChannelKind.", Enum.GetNames<ChannelKind>()),
            ("Customership.", Enum.GetNames<Customership>()),
            ("ServiceLevel.", Enum.GetNames<ServiceLevel>()),
            ("ServiceType.", Enum.GetNames<ServiceType>()),
            ("FundingType.", Enum.GetNames<FundingType>()),
            ("PhoneChargeType.", Enum.GetNames<PhoneChargeType>()),
            ("Catalogue.Problem.", CatalogueProblem.Reasons.ToArray()),
            ("ReferralKind.", Enum.GetNames<Polku.Core.Paths.ReferralKind>()),
            ("ReferralStatus.", Enum.GetNames<Polku.Core.Paths.ReferralStatus>()),
            ("AlertKind.", Enum.GetNames<Polku.Core.Paths.AlertKind>()),
            ("PathError.", Enum.GetNames<Polku.Core.Paths.PathError>()),
            ("Paths.Done.", Enum.GetNames<Polku.Core.Paths.ReferralAction>()),
            ("Plans.Problem.", Enum.GetNames<Polku.Core.Plans.PlanProblem>()),
            ("Networks.Problem.", Enum.GetNames<Polku.Core.Networks.NetworkProblem>()),
            ("Feedback.Problem.", Enum.GetNames<Polku.Core.Participation.Feedback.FeedbackProblem>()),
            ("Insight.Problem.", Enum.GetNames<Polku.Core.Insight.ExtractProblem>()),
            ("Budgeting.Problem.", Enum.GetNames<Polku.Core.Participation.Budgeting.BudgetProblem>()),
            ("Experts.Problem.", Enum.GetNames<Polku.Core.Participation.Experts.ExpertProblem>()),
            ("Panels.Problem.", Enum.GetNames<Polku.Core.Participation.Panels.PanelProblem>()),
            ("Networks.Unit.", Enum.GetNames<Polku.Core.Insight.CellFormat>().Where(f => f is not ("Label" or "Euros" or "Ratio")).ToArray()),
        })
        {
            foreach (var name in names)
            {
                keys.Add(prefix + name);
            }
        }

        foreach (var value in Enum.GetNames<AuditAction>())
        {
            keys.Add("Audit.Action." + value);
        }

        foreach (var value in Enum.GetNames<AuditPurpose>())
        {
            keys.Add("Audit.Purpose." + value);
        }

        foreach (var value in AuditResources.All)
        {
            keys.Add("Audit.Resource." + value);
        }

        foreach (var value in Enum.GetNames<CareBasis>())
        {
            keys.Add("CareBasis." + value);
        }

        foreach (var value in Enum.GetNames<FamilyRole>())
        {
            keys.Add("FamilyRole." + value);
        }

        foreach (var role in Roles.All)
        {
            keys.Add("Role." + role);
        }

        foreach (var value in Enum.GetNames<PabulibProblem>())
        {
            keys.Add("Budget.Error." + value);
        }

        foreach (var value in Enum.GetNames<BallotRule>())
        {
            keys.Add("Budget.Rule." + value);
        }

        foreach (var language in PolkuCultures.Languages)
        {
            keys.Add("Language." + language);
        }

        foreach (var area in Polku.Core.Participation.Experts.ExpertCodes.Areas)
        {
            keys.Add("Experts.Area." + area);
        }

        foreach (var value in Enum.GetNames<Polku.Core.Participation.Experts.ExpertProblem>())
        {
            keys.Add("Experts.Problem." + value);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(KeysBuiltFromCode))]
    public void KeyBuiltFromAnEnumOrConstant_ExistsInEveryLanguage(string key)
    {
        foreach (var culture in PolkuCultures.All)
        {
            Assert.NotNull(TextsResource.Manager.GetString(key, new CultureInfo(culture)));
        }
    }

    [Fact]
    public void SwedishAndEnglish_AreReallyTranslated_NotFallingBackToFinnish()
    {
        Assert.Equal("Logga in", TextsResource.Get("Nav.SignIn", new CultureInfo("sv-FI")));
        Assert.Equal("Sign in", TextsResource.Get("Nav.SignIn", new CultureInfo("en-GB")));
        Assert.Equal("Kirjaudu sisään", TextsResource.Get("Nav.SignIn", new CultureInfo("fi-FI")));
    }
}
