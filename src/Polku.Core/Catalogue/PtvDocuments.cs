using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polku.Core.Catalogue;

// The parts of the PTV open API v11 documents Polku reads, as PTV serialises them (vrk-kpa/ptv-releases, release 3.4:
// V11VmOpenApiService, the five V11VmOpenApi*Channel view models and the models they use; see ADR 0011). Property
// names are the API's camelCase JSON names; anything else in a document is ignored. Newtonsoft writes every property,
// so a value PTV does not have is null, and a list is null or [] alike: every list here may be null.

/// <summary>A PTV v11 paged document (<c>list/organization</c>, <c>list/area</c>): <c>{ pageNumber, pageSize, pageCount, itemList }</c>.</summary>
public sealed record PtvPage<T>(int PageNumber, int PageSize, int PageCount, List<T>? ItemList);

/// <summary><c>VmOpenApiLocalizedListItem</c>: a text of one type in one language; the value may be null or empty.</summary>
public sealed record PtvLocalizedListItem(string? Language, string? Value, string? Type);

/// <summary><c>VmOpenApiLanguageItem</c>.</summary>
public sealed record PtvLanguageItem(string? Value, string? Language);

/// <summary><c>VmOpenApiItem</c>: a reference by id with the target's Finnish (or first) name.</summary>
public sealed record PtvItem(string? Id, string? Name);

/// <summary>
/// <c>VmOpenApiFintoItemVersionBase</c>: a service class, target group, life event or ontology term. <c>code</c> is null
/// for ontology terms and for empty items; <c>uri</c> may be a legacy URN (<c>http://urn.fi/URN:NBN:fi:au:ptvl:…</c>)
/// with the code list URI in <c>newUri</c>.
/// </summary>
public sealed record PtvFintoItem(List<PtvLanguageItem>? Name, string? Code, string? Uri, string? NewUri);

public sealed record PtvMunicipality(string? Code, List<PtvLanguageItem>? Name);

/// <summary>
/// <c>VmOpenApiArea</c>. PTV lists Region, BusinessSubRegion and HospitalDistrict areas with their municipalities, then
/// the municipalities chosen one by one as one synthetic area <c>{ type: "Municipality", code: null, name: null, municipalities }</c>.
/// </summary>
public sealed record PtvArea(string? Type, string? Code, List<PtvLanguageItem>? Name, List<PtvMunicipality>? Municipalities);

/// <summary><c>V6VmOpenApiServiceOrganization</c>; a producer given only as free text has <c>organization: null</c>.</summary>
public sealed record PtvServiceOrganization(PtvItem? Organization, string? RoleType, string? ProvisionType);

public sealed record PtvServiceServiceChannel(PtvItem? ServiceChannel);

/// <summary><c>V11VmOpenApiService</c>.</summary>
public sealed record PtvService(
    string? Id,
    string? Type,
    string? FundingType,
    List<PtvLocalizedListItem>? ServiceNames,
    string? AreaType,
    List<PtvArea>? Areas,
    List<PtvLocalizedListItem>? ServiceDescriptions,
    List<string>? Languages,
    List<PtvFintoItem>? ServiceClasses,
    List<PtvFintoItem>? OntologyTerms,
    List<PtvFintoItem>? TargetGroups,
    List<PtvFintoItem>? LifeEvents,
    List<PtvServiceServiceChannel>? ServiceChannels,
    List<PtvServiceOrganization>? Organizations,
    string? PublishingStatus,
    DateTime? Modified);

/// <summary><c>V9VmOpenApiWebPage</c>.</summary>
public sealed record PtvWebPage(string? Url, string? Value, string? Language);

/// <summary>
/// <c>V4VmOpenApiPhoneWithType</c> / <c>V4VmOpenApiPhone</c>. A national service number (0800…, 0100…) has
/// <c>isFinnishServiceNumber: true</c> and <c>prefixNumber: null</c>.
/// </summary>
public sealed record PtvPhone(string? Type, string? ServiceChargeType, string? PrefixNumber, bool? IsFinnishServiceNumber, string? Number, string? Language);

/// <summary>
/// <c>V8VmOpenApiDailyOpeningTime</c>. Times are written <c>HH:mm:ss</c>. In <c>DaysOfTheWeek</c> hours PTV blanks
/// <c>dayTo</c> (<c>""</c>): each entry is one day. In <c>OverMidnight</c> hours <c>dayTo</c> is the closing day.
/// </summary>
public sealed record PtvDailyOpeningTime(string? DayFrom, string? DayTo, string? From, string? To);

/// <summary>
/// <c>V11VmOpenApiServiceHour</c>: <c>DaysOfTheWeek</c>, <c>Exceptional</c> or <c>OverMidnight</c>. Local times without
/// a zone; open-ended weekly hours have <c>validFrom</c> and <c>validTo</c> null and <c>validForNow: true</c>.
/// </summary>
public sealed record PtvServiceHour(
    string? ServiceHourType,
    DateTime? ValidFrom,
    DateTime? ValidTo,
    bool? IsClosed,
    bool? ValidForNow,
    bool? IsAlwaysOpen,
    bool? IsReservation,
    List<PtvDailyOpeningTime>? OpeningHour);

/// <summary>
/// <c>VmOpenApiAddressStreetWithCoordinates</c>: street names as the national address register gives them, in any of
/// PTV's six data languages (fi, sv, en, se, smn, sms); coordinates are ETRS-TM35FIN numbers written as strings.
/// </summary>
public sealed record PtvStreetAddress(
    List<PtvLanguageItem>? Street,
    string? StreetNumber,
    string? PostalCode,
    List<PtvLanguageItem>? PostOffice,
    PtvMunicipality? Municipality,
    string? Latitude,
    string? Longitude);

/// <summary><c>VmOpenApiAddressOther</c>: a place without a street address, described in words.</summary>
public sealed record PtvOtherAddress(string? PostalCode, List<PtvLanguageItem>? PostOffice, List<PtvLanguageItem>? AdditionalInformation);

/// <summary><c>V9VmOpenApiAddressLocation</c>: type <c>Location</c> (visiting) or <c>Postal</c>; subtype <c>Single</c>, <c>Street</c>, <c>PostOfficeBox</c>, <c>Abroad</c> or <c>Other</c>.</summary>
public sealed record PtvAddress(string? Type, string? SubType, PtvStreetAddress? StreetAddress, PtvOtherAddress? OtherAddress);

/// <summary>
/// The v11 channels, flat: <c>V11VmOpenApiServiceLocationChannel</c>, <c>…PhoneChannel</c>, <c>…WebPageChannel</c>,
/// <c>…ElectronicChannel</c> and <c>…PrintableFormChannel</c> share these names. A service location writes its e-mail
/// addresses as <c>emails</c> and its phones as <c>phoneNumbers</c>; the others have <c>supportEmails</c> and
/// <c>supportPhones</c> (a phone channel <c>phoneNumbers</c> too).
/// </summary>
public sealed record PtvServiceChannel(
    string? Id,
    string? ServiceChannelType,
    string? OrganizationId,
    List<PtvLocalizedListItem>? ServiceChannelNames,
    List<PtvNameType>? DisplayNameType,
    List<PtvLocalizedListItem>? ServiceChannelDescriptions,
    List<PtvPhone>? PhoneNumbers,
    List<PtvPhone>? SupportPhones,
    List<PtvLanguageItem>? Emails,
    List<PtvLanguageItem>? SupportEmails,
    List<string>? Languages,
    List<PtvWebPage>? WebPages,
    List<PtvLocalizedListItem>? ChannelUrls,
    List<PtvAddress>? Addresses,
    List<PtvServiceHour>? ServiceHours,
    string? PublishingStatus,
    DateTime? Modified);

/// <summary><c>VmOpenApiNameTypeByLanguage</c>: which name type (<c>Name</c> or <c>AlternativeName</c>) a service location shows in a language.</summary>
public sealed record PtvNameType(string? Type, string? Language);

/// <summary>
/// One item of a document: its label for problems (<c>Service &lt;id&gt;</c> or <c>Service #3</c>), its <c>id</c> as
/// written, and the item, or null when it could not be read.
/// </summary>
public sealed record PtvDocumentItem<T>(string Item, string? Id, T? Value)
    where T : class;

/// <summary>
/// Reads PTV documents: the bare array the <c>/list</c> endpoints return, or a paged object (<c>itemList</c>). Every
/// item is read on its own, so a value of the wrong type or a key PTV always writes but the item lacks is a problem
/// naming that item and field, not a failure of the whole document.
/// </summary>
public static class PtvJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The keys v11 writes on every service (Newtonsoft writes null values too); a document without them is not v11.</summary>
    public static readonly IReadOnlyList<string> ServiceKeys = ["id", "type", "fundingType", "serviceNames", "areas", "serviceChannels", "organizations"];

    /// <summary>The keys v11 writes on every channel of every kind.</summary>
    public static readonly IReadOnlyList<string> ChannelKeys = ["id", "serviceChannelType", "organizationId", "serviceChannelNames", "serviceHours"];

    /// <summary>The items in document order, or null with a problem when the document is not a PTV list at all.</summary>
    public static List<PtvDocumentItem<T>>? ReadList<T>(string json, string kind, IReadOnlyList<string> requiredKeys, List<CatalogueProblem> problems)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            problems.Add(new(kind, "document", "Malformed", e.Message));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement list;
            if (root.ValueKind == JsonValueKind.Array)
            {
                list = root;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("itemList", out var itemList) && itemList.ValueKind is JsonValueKind.Array or JsonValueKind.Null)
            {
                list = itemList;
            }
            else
            {
                problems.Add(new(kind, "document", "Malformed", "itemList"));
                return null;
            }

            var items = new List<PtvDocumentItem<T>>();
            if (list.ValueKind == JsonValueKind.Null)
            {
                return items;
            }

            var position = 0;
            foreach (var element in list.EnumerateArray())
            {
                position++;
                var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                    ? idElement.GetString()
                    : null;
                var item = string.IsNullOrWhiteSpace(id) ? $"{kind} #{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : $"{kind} {id}";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new(item, "item", "MalformedItem", element.ValueKind.ToString()));
                    items.Add(new(item, id, null));
                    continue;
                }

                var missing = requiredKeys.Where(k => !element.TryGetProperty(k, out _)).ToList();
                foreach (var key in missing)
                {
                    problems.Add(new(item, key, "MissingKey"));
                }

                try
                {
                    items.Add(new(item, id, missing.Count > 0 ? null : element.Deserialize<T>(Options)));
                }
                catch (JsonException e)
                {
                    var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : e.Path ?? "item";
                    problems.Add(new(item, path, "MalformedItem", element.GetRawText().Length > 0 ? ValueAt(element, path) : null));
                    items.Add(new(item, id, null));
                }
            }

            return items;
        }
    }

    /// <summary>The raw JSON at a simple path like <c>serviceHours[0].isClosed</c>, for the problem text; null when it cannot be followed.</summary>
    private static string? ValueAt(JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                if (!int.TryParse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out index))
                {
                    return null;
                }
            }

            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }

            if (index >= 0)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
        }

        var text = current.GetRawText();
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
