using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Polku.Core.Data;

namespace Polku.Core.Catalogue;

/// <summary>What an import did, or would have done had nothing been rejected.</summary>
public sealed record PtvImportReport(
    bool Succeeded,
    List<PtvImportLine> Added,
    List<PtvImportLine> Changed,
    int Unchanged,
    List<CatalogueProblem> Problems);

/// <summary>One service or channel in the report: its kind ("Service" or "ServiceChannel"), PTV id and Finnish name.</summary>
public sealed record PtvImportLine(string Kind, Guid PtvId, string Name);

/// <summary>
/// Imports the PTV open API v11 <c>Service</c> and <c>ServiceChannel</c> list documents. All or nothing: one
/// rejected item refuses the whole import and nothing stored changes. Idempotent: items are matched by PTV id, and a
/// second import of the same documents changes nothing. Only PTV's fields are written; Polku's own additions
/// (customerships, service level, costs, burden) that an administrator set are kept.
/// </summary>
public sealed class PtvImporter(PolkuDb db, TimeProvider clock, ILogger<PtvImporter> logger)
{
    public async Task<PtvImportReport> ImportAsync(string servicesJson, string channelsJson, CancellationToken ct = default)
    {
        var problems = new List<CatalogueProblem>();
        var (ptvServices, servicesError) = PtvJson.ReadList<PtvService>(servicesJson);
        var (ptvChannels, channelsError) = PtvJson.ReadList<PtvServiceChannel>(channelsJson);
        if (servicesError is not null)
        {
            problems.Add(new("Service", "document", "Malformed", servicesError));
        }

        if (channelsError is not null)
        {
            problems.Add(new("ServiceChannel", "document", "Malformed", channelsError));
        }

        if (ptvServices is null || ptvChannels is null)
        {
            return Refused(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = await db.Organisations.ToListAsync(ct);
        var organisationsByPtv = organisations.Where(o => o.PtvId is not null).ToDictionary(o => o.PtvId!.Value);
        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Code, ct);
        var knownMunicipalities = municipalities.Keys.ToHashSet();
        var existingChannels = await db.ServiceChannels.Include(c => c.OpeningHours).Include(c => c.Organisation)
            .Where(c => c.PtvId != null).ToDictionaryAsync(c => c.PtvId!.Value, ct);
        var existingServices = await db.Services.Include(s => s.Channels).Include(s => s.Producers).Include(s => s.ResponsibleOrganisation)
            .Where(s => s.PtvId != null).ToDictionaryAsync(s => s.PtvId!.Value, ct);
        var report = new PtvImportReport(true, [], [], 0, problems);
        var unchanged = 0;

        // Organisations named in the services document, so that channels may refer to them too.
        var newOrganisations = new Dictionary<Guid, Organisation>();
        foreach (var ptv in ptvServices)
        {
            foreach (var o in ptv.Organizations ?? [])
            {
                if (Guid.TryParse(o.Organization?.Id, out var id) && !organisationsByPtv.ContainsKey(id) && !newOrganisations.ContainsKey(id)
                    && !string.IsNullOrWhiteSpace(o.Organization?.Name))
                {
                    newOrganisations[id] = new Organisation
                    {
                        Key = id.ToString(),
                        PtvId = id,
                        Kind = OrganisationKind.Other,
                        Name = new LocalisedText(o.Organization.Name.Trim()),
                    };
                }
            }
        }

        Organisation? FindOrganisation(Guid id) =>
            organisationsByPtv.GetValueOrDefault(id) ?? newOrganisations.GetValueOrDefault(id);

        var channels = new Dictionary<Guid, ServiceChannel>();
        var index = 0;
        foreach (var ptv in ptvChannels)
        {
            index++;
            var item = ItemName("ServiceChannel", ptv.Id, index);
            if (!Guid.TryParse(ptv.Id, out var id))
            {
                problems.Add(new(item, "id", ptv.Id is null ? "Required" : "Guid", ptv.Id));
                continue;
            }

            if (channels.ContainsKey(id))
            {
                problems.Add(new(item, "id", "Duplicate", ptv.Id));
                continue;
            }

            var before = existingChannels.GetValueOrDefault(id);
            var fingerprintBefore = before is null ? null : Fingerprint(before);
            var channel = before ?? new ServiceChannel { Key = id.ToString(), PtvId = id, Name = new LocalisedText("") };
            var channelProblems = MapChannel(ptv, channel, item, FindOrganisation, municipalities).ToList();
            channelProblems.AddRange(CatalogueRules.Check(channel, item, requireOpeningHours: false));
            problems.AddRange(channelProblems);
            channels[id] = channel;
            if (channelProblems.Count > 0)
            {
                continue;
            }

            var line = new PtvImportLine("ServiceChannel", id, channel.Name.Fi);
            if (before is null)
            {
                channel.UpdatedAt = now;
                db.ServiceChannels.Add(channel);
                report.Added.Add(line);
            }
            else if (fingerprintBefore != Fingerprint(channel))
            {
                channel.UpdatedAt = now;
                report.Changed.Add(line);
            }
            else
            {
                unchanged++;
            }
        }

        var seenServices = new HashSet<Guid>();
        index = 0;
        foreach (var ptv in ptvServices)
        {
            index++;
            var item = ItemName("Service", ptv.Id, index);
            if (!Guid.TryParse(ptv.Id, out var id))
            {
                problems.Add(new(item, "id", ptv.Id is null ? "Required" : "Guid", ptv.Id));
                continue;
            }

            if (!seenServices.Add(id))
            {
                problems.Add(new(item, "id", "Duplicate", ptv.Id));
                continue;
            }

            var before = existingServices.GetValueOrDefault(id);
            var fingerprintBefore = before is null ? null : Fingerprint(before);
            var service = before ?? new Service
            {
                Key = id.ToString(),
                PtvId = id,
                Name = new LocalisedText(""),
                Summary = new LocalisedText(""),
                Level = ServiceLevel.Basic,
            };
            var serviceProblems = MapService(ptv, service, item, FindOrganisation, channels, existingChannels, municipalities).ToList();
            serviceProblems.AddRange(CatalogueRules.Check(service, item));
            problems.AddRange(serviceProblems);
            if (serviceProblems.Count > 0)
            {
                continue;
            }

            var line = new PtvImportLine("Service", id, service.Name.Fi);
            if (before is null)
            {
                service.UpdatedAt = now;
                db.Services.Add(service);
                report.Added.Add(line);
            }
            else if (fingerprintBefore != Fingerprint(service))
            {
                service.UpdatedAt = now;
                report.Changed.Add(line);
            }
            else
            {
                unchanged++;
            }
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("PTV import refused: {Problems} problems", problems.Count);
            return report with { Succeeded = false, Unchanged = unchanged };
        }

        // New organisations are saved with the services and channels that refer to them; new municipalities explicitly.
        db.Municipalities.AddRange(municipalities.Values.Where(m => !knownMunicipalities.Contains(m.Code)));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("PTV import: {Added} added, {Changed} changed, {Unchanged} unchanged",
            report.Added.Count, report.Changed.Count, unchanged);
        return report with { Unchanged = unchanged };
    }

    private static PtvImportReport Refused(List<CatalogueProblem> problems) => new(false, [], [], 0, problems);

    private static string ItemName(string kind, string? id, int position) =>
        string.IsNullOrWhiteSpace(id) ? $"{kind} #{position.ToString(CultureInfo.InvariantCulture)}" : $"{kind} {id}";

    private static IEnumerable<CatalogueProblem> MapChannel(
        PtvServiceChannel ptv, ServiceChannel channel, string item, Func<Guid, Organisation?> organisations, Dictionary<string, Municipality> municipalities)
    {
        if (!TryParseName<ChannelKind>(ptv.ServiceChannelType, out var kind))
        {
            yield return new(item, "serviceChannelType", ptv.ServiceChannelType is null ? "Required" : "UnknownValue", ptv.ServiceChannelType);
            yield break;
        }

        channel.Kind = kind;
        var name = Texts(ptv.ServiceChannelNames, "Name");
        if (name is null)
        {
            yield return new(item, "serviceChannelNames", "Required");
            yield break;
        }

        channel.Name = name;
        channel.Description = Texts(ptv.ServiceChannelDescriptions, "Description") ?? Texts(ptv.ServiceChannelDescriptions, "Summary");
        channel.Languages = ptv.Languages?.Distinct().ToList() ?? [];
        if (!Guid.TryParse(ptv.OrganizationId, out var organisationId) || organisations(organisationId) is not { } organisation)
        {
            yield return new(item, "organizationId", ptv.OrganizationId is null ? "Required" : "UnknownReference", ptv.OrganizationId);
            yield break;
        }

        channel.Organisation = organisation;
        channel.Url = kind switch
        {
            ChannelKind.PrintableForm => Preferred(ptv.ChannelUrls?.Select(u => (u.Value, u.Language))) ?? Preferred(ptv.WebPages?.Select(w => (w.Url, w.Language))),
            ChannelKind.EChannel or ChannelKind.WebPage => Preferred(ptv.WebPages?.Select(w => (w.Url, w.Language))),
            _ => null,
        };
        var phone = ptv.PhoneNumbers?.Where(p => p.Type is null or "Phone").OrderBy(p => p.Language == "fi" ? 0 : 1).FirstOrDefault();
        channel.Phone = phone is null ? null : $"{phone.PrefixNumber} {phone.Number}".Trim();
        channel.PhoneChargeType = phone?.ServiceChargeType switch
        {
            null => null,
            "FreeOfCharge" or "Free" => Catalogue.PhoneChargeType.FreeOfCharge,
            "Chargeable" or "Charged" => Catalogue.PhoneChargeType.Charged,
            "Other" => Catalogue.PhoneChargeType.Other,
            _ => Catalogue.PhoneChargeType.Other,
        };
        if (phone?.ServiceChargeType is { } charge && charge is not ("FreeOfCharge" or "Free" or "Chargeable" or "Charged" or "Other"))
        {
            yield return new(item, "phoneNumbers.serviceChargeType", "UnknownValue", charge);
        }

        channel.Email = Preferred((ptv.SupportEmails ?? ptv.Emails)?.Select(e => (e.Value, e.Language)));
        var street = ptv.Addresses?.FirstOrDefault(a => a.Type is null or "Location" or "Visiting" && a.StreetAddress is not null)?.StreetAddress;
        if (street is not null)
        {
            var streetName = Texts(street.Street);
            var postOffice = Texts(street.PostOffice);
            if (streetName is null || postOffice is null || street.PostalCode is null)
            {
                yield return new(item, "addresses.streetAddress", "Required");
            }
            else
            {
                var number = string.IsNullOrWhiteSpace(street.StreetNumber) ? "" : " " + street.StreetNumber.Trim();
                channel.Address = new ChannelAddress
                {
                    Street = new LocalisedText(streetName.Fi + number, streetName.Sv is null ? null : streetName.Sv + number, streetName.En is null ? null : streetName.En + number),
                    PostalCode = street.PostalCode,
                    PostOffice = postOffice,
                    MunicipalityCode = street.Municipality?.Code,
                };
                EnsureMunicipality(street.Municipality, municipalities);
            }
        }
        else
        {
            channel.Address = null;
        }

        var hours = new List<OpeningHours>();
        foreach (var serviceHour in ptv.ServiceHours ?? [])
        {
            if (serviceHour.ServiceHourType is not ("DaysOfTheWeek" or "Standard") || serviceHour.IsClosed == true)
            {
                continue;
            }

            if (serviceHour.IsAlwaysOpen == true)
            {
                hours.Add(new OpeningHours { Days = (Weekdays)127, Opens = TimeOnly.MinValue, Closes = TimeOnly.MaxValue });
                continue;
            }

            foreach (var open in serviceHour.OpeningHour ?? [])
            {
                if (ParseDay(open.DayFrom) is not { } from || ParseDay(open.DayTo ?? open.DayFrom) is not { } to
                    || !TimeOnly.TryParseExact(open.From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                    || !TimeOnly.TryParseExact(open.To, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes))
                {
                    yield return new(item, "serviceHours.openingHour", "UnknownValue", $"{open.DayFrom}-{open.DayTo} {open.From}-{open.To}");
                    continue;
                }

                var days = Weekdays.None;
                for (var d = from; ; d = d % 7 + 1)
                {
                    days |= WeekdaysExtensions.FromIsoDay(d);
                    if (d == to)
                    {
                        break;
                    }
                }

                hours.Add(new OpeningHours { Days = days, Opens = opens, Closes = closes });
            }
        }

        if (!SameHours(channel.OpeningHours, hours))
        {
            channel.OpeningHours.Clear();
            channel.OpeningHours.AddRange(hours);
        }
    }

    private static IEnumerable<CatalogueProblem> MapService(
        PtvService ptv,
        Service service,
        string item,
        Func<Guid, Organisation?> organisations,
        Dictionary<Guid, ServiceChannel> importedChannels,
        Dictionary<Guid, ServiceChannel> storedChannels,
        Dictionary<string, Municipality> municipalities)
    {
        var name = Texts(ptv.ServiceNames, "Name");
        if (name is null)
        {
            yield return new(item, "serviceNames", "Required");
            yield break;
        }

        service.Name = name;
        if (!TryParseName<ServiceType>(ptv.Type, out var type))
        {
            yield return new(item, "type", ptv.Type is null ? "Required" : "UnknownValue", ptv.Type);
        }

        service.Type = type;
        if (ptv.FundingType is null)
        {
            service.FundingType = FundingType.PubliclyFunded;
        }
        else if (TryParseName<FundingType>(ptv.FundingType, out var funding))
        {
            service.FundingType = funding;
        }
        else
        {
            yield return new(item, "fundingType", "UnknownValue", ptv.FundingType);
        }

        service.Summary = Texts(ptv.ServiceDescriptions, "Summary") ?? Texts(ptv.ServiceDescriptions, "ShortDescription") ?? new LocalisedText("");
        service.Description = Texts(ptv.ServiceDescriptions, "Description");
        service.Languages = SameOr(service.Languages, ptv.Languages?.Distinct().ToList() ?? []);
        service.ServiceClasses = SameOr(service.ServiceClasses, Codes(ptv.ServiceClasses));
        service.TargetGroups = SameOr(service.TargetGroups, Codes(ptv.TargetGroups));
        service.LifeEvents = SameOr(service.LifeEvents, Codes(ptv.LifeEvents));
        foreach (var code in new[] { ptv.ServiceClasses, ptv.TargetGroups, ptv.LifeEvents }.SelectMany(l => l ?? []).Where(c => string.IsNullOrWhiteSpace(c.Code)))
        {
            yield return new(item, "code", "Required");
        }

        var areas = new List<string>();
        foreach (var area in ptv.Areas ?? [])
        {
            if (area.Type == "Municipality")
            {
                EnsureMunicipality(new PtvMunicipality(area.Code, area.Name), municipalities);
                areas.Add(area.Code ?? "");
            }
            else
            {
                foreach (var m in area.Municipalities ?? [])
                {
                    EnsureMunicipality(m, municipalities);
                    areas.Add(m.Code ?? "");
                }
            }
        }

        service.Areas = SameOr(service.Areas, areas.Distinct().ToList());

        Organisation? responsible = null;
        var producers = new List<Organisation>();
        foreach (var o in ptv.Organizations ?? [])
        {
            if (o.RoleType is not ("Responsible" or "Producer" or "OtherResponsible"))
            {
                yield return new(item, "organizations.roleType", o.RoleType is null ? "Required" : "UnknownValue", o.RoleType);
                continue;
            }

            if (o.Organization is null && o.RoleType == "Producer")
            {
                continue; // a producer given only as free text ("Other" provision type)
            }

            if (!Guid.TryParse(o.Organization?.Id, out var organisationId) || organisations(organisationId) is not { } organisation)
            {
                yield return new(item, "organizations.organization", "UnknownReference", o.Organization?.Id);
                continue;
            }

            if (o.RoleType == "Responsible")
            {
                responsible ??= organisation;
            }
            else if (o.RoleType == "Producer" && !producers.Contains(organisation))
            {
                producers.Add(organisation);
            }
        }

        if (responsible is null)
        {
            yield return new(item, "organizations", "NoResponsible");
        }
        else
        {
            service.ResponsibleOrganisation = responsible;
        }

        if (!producers.Select(p => p.Key).Order().SequenceEqual(service.Producers.Select(p => p.Key).Order()))
        {
            service.Producers.Clear();
            service.Producers.AddRange(producers);
        }

        var links = new List<ServiceChannel>();
        foreach (var link in ptv.ServiceChannels ?? [])
        {
            if (!Guid.TryParse(link.ServiceChannel?.Id, out var channelId))
            {
                yield return new(item, "serviceChannels.serviceChannel.id", "Guid", link.ServiceChannel?.Id);
                continue;
            }

            if ((importedChannels.GetValueOrDefault(channelId) ?? storedChannels.GetValueOrDefault(channelId)) is not { } channel)
            {
                yield return new(item, "serviceChannels", "MissingChannel", link.ServiceChannel?.Id);
                continue;
            }

            if (!links.Contains(channel))
            {
                links.Add(channel);
            }
        }

        if (!links.Select(c => c.Key).Order().SequenceEqual(service.Channels.Select(c => c.Key).Order()))
        {
            service.Channels.Clear();
            service.Channels.AddRange(links);
        }
    }

    /// <summary>Only the exact member names count: no numbers, no other casing.</summary>
    private static bool TryParseName<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        return value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out result);
    }

    private static List<string> Codes(List<PtvFintoItem>? items) =>
        items?.Where(i => !string.IsNullOrWhiteSpace(i.Code)).Select(i => i.Code!.Trim()).ToList() ?? [];

    /// <summary>Keeps the stored list instance when the values are the same, so that EF sees no change.</summary>
    private static List<string> SameOr(List<string> stored, List<string> imported) => stored.SequenceEqual(imported) ? stored : imported;

    private static bool SameHours(List<OpeningHours> stored, List<OpeningHours> imported) =>
        stored.Select(h => (h.Days, h.Opens, h.Closes)).SequenceEqual(imported.Select(h => (h.Days, h.Opens, h.Closes)));

    private static void EnsureMunicipality(PtvMunicipality? m, Dictionary<string, Municipality> municipalities)
    {
        if (m?.Code is not { Length: 3 } code || !code.All(char.IsAsciiDigit) || municipalities.ContainsKey(code) || Texts(m.Name) is not { } name)
        {
            return;
        }

        municipalities[code] = new Municipality { Code = code, Name = name };
    }

    private static int? ParseDay(string? day) => day switch
    {
        "Monday" => 1,
        "Tuesday" => 2,
        "Wednesday" => 3,
        "Thursday" => 4,
        "Friday" => 5,
        "Saturday" => 6,
        "Sunday" => 7,
        _ => null,
    };

    /// <summary>Texts of one type (or all, when <paramref name="type"/> is null) by language; Finnish falls back to Swedish, then English.</summary>
    private static LocalisedText? Texts(IEnumerable<PtvLocalizedListItem>? items, string? type)
    {
        var ofType = items?.Where(i => (type is null || i.Type == type) && !string.IsNullOrWhiteSpace(i.Value)).ToList() ?? [];
        return Texts(ofType.Select(i => new PtvLanguageItem(i.Value, i.Language)));
    }

    private static LocalisedText? Texts(IEnumerable<PtvLanguageItem>? items)
    {
        var list = items?.Where(i => !string.IsNullOrWhiteSpace(i.Value)).ToList() ?? [];
        string? In(string language) => list.FirstOrDefault(i => i.Language == language)?.Value?.Trim();
        var fi = In("fi") ?? In("sv") ?? In("en") ?? list.FirstOrDefault()?.Value?.Trim();
        return fi is null ? null : new LocalisedText(fi, In("sv"), In("en"));
    }

    private static string? Preferred(IEnumerable<(string? Value, string? Language)>? items)
    {
        var list = items?.Where(i => !string.IsNullOrWhiteSpace(i.Value)).ToList() ?? [];
        return (list.FirstOrDefault(i => i.Language == "fi").Value ?? list.FirstOrDefault().Value)?.Trim();
    }

    private static string Fingerprint(ServiceChannel c) => JsonSerializer.Serialize(new
    {
        c.Kind,
        c.Name,
        c.Description,
        c.Languages,
        c.Url,
        c.Phone,
        c.PhoneChargeType,
        c.Email,
        c.Address,
        Organisation = c.Organisation?.Key,
        Hours = c.OpeningHours.Select(h => $"{(int)h.Days}/{h.Opens:HH\\:mm}/{h.Closes:HH\\:mm}"),
    });

    private static string Fingerprint(Service s) => JsonSerializer.Serialize(new
    {
        s.Type,
        s.Name,
        s.Summary,
        s.Description,
        s.FundingType,
        s.Languages,
        s.ServiceClasses,
        s.TargetGroups,
        s.LifeEvents,
        s.Areas,
        Responsible = s.ResponsibleOrganisation?.Key,
        Producers = s.Producers.Select(p => p.Key).Order(),
        Channels = s.Channels.Select(c => c.Key).Order(),
    });
}
