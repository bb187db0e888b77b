using System.Text.RegularExpressions;

namespace Polku.Core.Catalogue;

/// <summary>
/// The rules every service and channel keeps, whoever writes it (demo data, PTV import, an administrator):
/// codes come from <see cref="CatalogueCodes"/>, required texts exist, channels have what their kind needs.
/// </summary>
public static partial class CatalogueRules
{
    /// <summary>The languages Polku names; any other lower-case ISO 639 code (PTV's language code list) is allowed too and shown as its code.</summary>
    public static readonly IReadOnlySet<string> KnownLanguages = new HashSet<string>(StringComparer.Ordinal) { "fi", "sv", "en", "se", "smn", "sms", "ru", "et", "so", "ar", "fa", "uk" };

    public static bool IsLanguageCode(string code) => KnownLanguages.Contains(code) || LanguageCode().IsMatch(code);

    public static IEnumerable<CatalogueProblem> Check(Service service, string item)
    {
        if (string.IsNullOrWhiteSpace(service.Name.Fi))
        {
            yield return new(item, "name", "Required");
        }

        if (string.IsNullOrWhiteSpace(service.Summary.Fi))
        {
            yield return new(item, "summary", "Required");
        }

        foreach (var p in Codes(item, "serviceClasses", service.ServiceClasses, CatalogueCodes.ServiceClasses))
        {
            yield return p;
        }

        foreach (var p in Codes(item, "targetGroups", service.TargetGroups, CatalogueCodes.TargetGroups))
        {
            yield return p;
        }

        foreach (var p in Codes(item, "lifeEvents", service.LifeEvents, CatalogueCodes.LifeEvents))
        {
            yield return p;
        }

        foreach (var area in service.Areas.Where(a => !MunicipalityCode().IsMatch(a)))
        {
            yield return new(item, "areas", "MunicipalityCode", area);
        }

        foreach (var language in service.Languages.Where(l => !IsLanguageCode(l)))
        {
            yield return new(item, "languages", "UnknownCode", language);
        }

        if (service.UnitCostEur is < 0)
        {
            yield return new(item, "unitCostEur", "Negative", service.UnitCostEur.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (service.Burden is { } b && (b.TimeHours < 0 || b.OutOfPocketEur < 0 || b.EventsPerYear < 0))
        {
            yield return new(item, "burden", "Negative");
        }
    }

    /// <summary>Phone channels and service locations need opening hours, except when PTV gives none (<paramref name="requireOpeningHours"/> false).</summary>
    public static IEnumerable<CatalogueProblem> Check(ServiceChannel channel, string item, bool requireOpeningHours = true)
    {
        if (string.IsNullOrWhiteSpace(channel.Name.Fi))
        {
            yield return new(item, "name", "Required");
        }

        foreach (var language in channel.Languages.Where(l => !IsLanguageCode(l)))
        {
            yield return new(item, "languages", "UnknownCode", language);
        }

        switch (channel.Kind)
        {
            case ChannelKind.EChannel or ChannelKind.WebPage or ChannelKind.PrintableForm:
                if (string.IsNullOrWhiteSpace(channel.Url))
                {
                    yield return new(item, "url", "Required");
                }
                else if (!IsWebAddress(channel.Url))
                {
                    yield return new(item, "url", "Url", channel.Url);
                }

                break;
            case ChannelKind.Phone:
                if (string.IsNullOrWhiteSpace(channel.Phone))
                {
                    yield return new(item, "phone", "Required");
                }

                if (requireOpeningHours && channel.OpeningHours.Count == 0)
                {
                    yield return new(item, "openingHours", "Required");
                }

                break;
            case ChannelKind.ServiceLocation:
                if (channel.Address is null)
                {
                    yield return new(item, "address", "Required");
                }
                else if (!PostalCode().IsMatch(channel.Address.PostalCode))
                {
                    yield return new(item, "address.postalCode", "PostalCode", channel.Address.PostalCode);
                }

                if (requireOpeningHours && channel.OpeningHours.Count == 0)
                {
                    yield return new(item, "openingHours", "Required");
                }

                break;
        }

        if (channel.Phone is { Length: > 0 } phone && !PhoneNumber().IsMatch(phone))
        {
            yield return new(item, "phone", "Phone", phone);
        }

        foreach (var hours in channel.OpeningHours.Where(h => h.Days == Weekdays.None || h.Closes <= h.Opens))
        {
            yield return new(item, "openingHours", "Hours", $"{hours.Opens:HH\\:mm}–{hours.Closes:HH\\:mm}");
        }
    }

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static IEnumerable<CatalogueProblem> Codes(string item, string field, List<string> codes, IReadOnlyDictionary<string, LocalisedText> known)
    {
        foreach (var code in codes.Where(c => !known.ContainsKey(c)))
        {
            yield return new(item, field, "UnknownCode", code);
        }

        foreach (var code in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new(item, field, "Duplicate", code.Key);
        }
    }

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex MunicipalityCode();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCode();

    // From three digits: national short numbers such as 112 are in PTV as they are.
    [GeneratedRegex(@"^\+?[0-9 ()\-]{3,30}$")]
    private static partial Regex PhoneNumber();
}
