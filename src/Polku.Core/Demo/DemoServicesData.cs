using System.Text.Json;
using System.Text.Json.Serialization;
using Polku.Core.Catalogue;
using Polku.Core.Segmentation;

namespace Polku.Core.Demo;

/// <summary>The shape of <c>demo-services.json</c>: the demo county's services and their channels.</summary>
public sealed record DemoServicesData(List<DemoService> Services, List<DemoChannel> Channels)
{
    public const string ResourceName = "Polku.Core.Demo.demo-services.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The embedded demo services, or an empty set when the build has none.</summary>
    public static DemoServicesData Load()
    {
        using var stream = typeof(DemoServicesData).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? new DemoServicesData([], []) : Parse(stream);
    }

    public static DemoServicesData Parse(Stream json) =>
        JsonSerializer.Deserialize<DemoServicesData>(json, Json) ?? throw new InvalidOperationException("The demo services document is empty.");

    public static DemoServicesData Parse(string json) =>
        JsonSerializer.Deserialize<DemoServicesData>(json, Json) ?? throw new InvalidOperationException("The demo services document is empty.");
}

public sealed record DemoText(string Fi, string? Sv, string? En)
{
    public LocalisedText ToText() => new(Fi, Sv, En);
}

public sealed record DemoBurden(decimal TimeHours, decimal OutOfPocketEur, int EventsPerYear);

public sealed record DemoService(
    string Key,
    ServiceType Type,
    DemoText Name,
    DemoText Summary,
    DemoText? Description,
    List<string> ServiceClasses,
    List<string> TargetGroups,
    List<string>? LifeEvents,
    List<string> Areas,
    FundingType FundingType,
    string ResponsibleOrganisation,
    List<string> Producers,
    List<string> Languages,
    List<Customership> Customerships,
    ServiceLevel ServiceLevel,
    decimal? UnitCostEur,
    DemoBurden? Burden,
    List<string> Channels);

public sealed record DemoAddress(DemoText Street, string PostalCode, DemoText PostOffice, string? MunicipalityCode);

public sealed record DemoOpeningHours(List<int> Days, TimeOnly Opens, TimeOnly Closes);

public sealed record DemoChannel(
    string Key,
    ChannelKind Kind,
    string Organisation,
    DemoText Name,
    DemoText? Description,
    List<string> Languages,
    string? Url,
    string? Phone,
    PhoneChargeType? PhoneChargeType,
    string? Email,
    DemoAddress? Address,
    List<DemoOpeningHours>? OpeningHours);
