using System.Text.Json;
using System.Text.Json.Serialization;
using Polku.Core.Catalogue;
using Polku.Core.Clients;

namespace Polku.Core.Demo;

/// <summary>The shape of <c>demo-county.json</c>: a fictional wellbeing services county.</summary>
public sealed record DemoCountyData(
    DemoCounty County,
    List<DemoMunicipality> Municipalities,
    List<DemoOrganisation> Organisations,
    List<DemoProfessional> Professionals,
    List<DemoFamily> Families,
    List<DemoCareRelationship> CareRelationships,
    List<DemoConsent> Consents,
    List<DemoUser> DemoUsers,
    List<DemoNetwork>? Networks = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static DemoCountyData Load()
    {
        using var stream = typeof(DemoCountyData).Assembly.GetManifestResourceStream("Polku.Core.Demo.demo-county.json")
            ?? throw new InvalidOperationException("The demo county resource is missing from Polku.Core.");
        return JsonSerializer.Deserialize<DemoCountyData>(stream, Json)
            ?? throw new InvalidOperationException("The demo county resource is empty.");
    }
}

public sealed record DemoCounty(string Code, string NameFi, string NameSv, string NameEn);

public sealed record DemoMunicipality(string Code, string NameFi, string NameSv, string NameEn);

public sealed record DemoOrganisation(
    string Key, OrganisationKind Kind, string NameFi, string NameSv, string NameEn, string? BusinessId,
    string? MunicipalityCode, string? DescriptionFi, string? DescriptionSv, string? DescriptionEn);

public sealed record DemoProfessional(
    string Key, string FirstName, string LastName, string TitleFi, string TitleSv, string TitleEn, string Organisation, string? Email);

/// <summary>A family. A child's guardians are all the family's guardians unless the child lists its own.</summary>
public sealed record DemoFamily(string Key, string? MunicipalityCode, List<DemoMember> Members);

public sealed record DemoMember(
    string Key, string FirstName, string LastName, DateOnly BirthDate, string? Sex, string Language,
    string PersonalIdentityCode, FamilyRole Role, string? Phone, string? Email, List<string>? Guardians = null);

public sealed record DemoCareRelationship(string Professional, string Client, CareBasis Basis, DateOnly Since);

public sealed record DemoConsent(
    string Client, string Organisation, string PurposeFi, string PurposeSv, string PurposeEn, DateOnly Given, DateOnly? ValidUntil);

public sealed record DemoUser(string UserName, string Email, string Role, string? Professional, string? Client);

/// <summary>A service network: its owner's and members' keys, and thresholds by measure code in the figure's unit.</summary>
public sealed record DemoNetwork(
    string NameFi, string NameSv, string NameEn, string DescriptionFi, string DescriptionSv, string DescriptionEn,
    string? Owner, List<string> Members, Dictionary<string, double>? Thresholds);
