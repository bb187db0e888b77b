using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polku.Core.Catalogue;

// The parts of the PTV open API v11 documents Polku reads (vrk-kpa/ptv-releases: V11VmOpenApiService,
// V11VmOpenApiServiceChannels and the models they use). Property names are the API's camelCase JSON names;
// anything else in a document is ignored.

/// <summary>A PTV v11 list document: <c>{ pageNumber, pageSize, pageCount, itemList: [...] }</c>.</summary>
public sealed record PtvPage<T>(int PageNumber, int PageSize, int PageCount, List<T>? ItemList);

public sealed record PtvLocalizedListItem(string? Value, string? Language, string? Type);

public sealed record PtvLanguageItem(string? Value, string? Language);

public sealed record PtvItem(string? Id, string? Name);

public sealed record PtvFintoItem(string? Code, List<PtvLanguageItem>? Name);

public sealed record PtvMunicipality(string? Code, List<PtvLanguageItem>? Name);

public sealed record PtvArea(string? Type, string? Code, List<PtvLanguageItem>? Name, List<PtvMunicipality>? Municipalities);

public sealed record PtvServiceOrganization(string? RoleType, string? ProvisionType, PtvItem? Organization);

public sealed record PtvServiceServiceChannel(PtvItem? ServiceChannel);

public sealed record PtvService(
    string? Id,
    string? Type,
    string? FundingType,
    List<PtvLocalizedListItem>? ServiceNames,
    List<PtvLocalizedListItem>? ServiceDescriptions,
    List<string>? Languages,
    string? AreaType,
    List<PtvArea>? Areas,
    List<PtvFintoItem>? ServiceClasses,
    List<PtvFintoItem>? TargetGroups,
    List<PtvFintoItem>? LifeEvents,
    List<PtvServiceServiceChannel>? ServiceChannels,
    List<PtvServiceOrganization>? Organizations,
    string? PublishingStatus,
    DateTime? Modified);

public sealed record PtvWebPage(string? Url, string? Value, string? Language);

public sealed record PtvPhone(string? Number, string? PrefixNumber, string? Language, string? ServiceChargeType, string? Type, bool? IsFinnishServiceNumber);

public sealed record PtvDailyOpeningTime(string? DayFrom, string? DayTo, string? From, string? To);

public sealed record PtvServiceHour(string? ServiceHourType, bool? IsClosed, bool? IsAlwaysOpen, List<PtvDailyOpeningTime>? OpeningHour);

public sealed record PtvStreetAddress(List<PtvLanguageItem>? Street, string? StreetNumber, string? PostalCode, List<PtvLanguageItem>? PostOffice, PtvMunicipality? Municipality);

public sealed record PtvAddress(string? Type, string? SubType, PtvStreetAddress? StreetAddress);

public sealed record PtvServiceChannel(
    string? Id,
    string? ServiceChannelType,
    string? OrganizationId,
    List<PtvLocalizedListItem>? ServiceChannelNames,
    List<PtvLocalizedListItem>? ServiceChannelDescriptions,
    List<string>? Languages,
    List<PtvWebPage>? WebPages,
    List<PtvLocalizedListItem>? ChannelUrls,
    List<PtvPhone>? PhoneNumbers,
    List<PtvLanguageItem>? SupportEmails,
    List<PtvLanguageItem>? Emails,
    List<PtvAddress>? Addresses,
    List<PtvServiceHour>? ServiceHours,
    string? PublishingStatus,
    DateTime? Modified);

/// <summary>Reads PTV documents: a paged list object (<c>itemList</c>) or, as the <c>/list</c> endpoints return, a bare array.</summary>
public static class PtvJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The items, or an error text (invariant) when the document is not a PTV list.</summary>
    public static (List<T>? Items, string? Error) ReadList<T>(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return (root.Deserialize<List<T>>(Options) ?? [], null);
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("itemList", out var list) && list.ValueKind is JsonValueKind.Array or JsonValueKind.Null)
            {
                return (list.Deserialize<List<T>>(Options) ?? [], null);
            }

            return (null, "itemList");
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }
}
