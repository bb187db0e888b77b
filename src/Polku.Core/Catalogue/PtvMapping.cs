using System.Globalization;

namespace Polku.Core.Catalogue;

/// <summary>One line of weekly opening hours read from PTV.</summary>
public sealed record PtvWeeklyHours(Weekdays Days, TimeOnly Opens, TimeOnly Closes);

/// <summary>What Polku keeps of one PTV channel.</summary>
public sealed record PtvChannelValues(
    Guid PtvId,
    string Item,
    ChannelKind Kind,
    LocalisedText Name,
    LocalisedText? Description,
    List<string> Languages,
    Guid OrganisationPtvId,
    string? Url,
    string? Phone,
    PhoneChargeType? PhoneChargeType,
    string? Email,
    ChannelAddress? Address,
    List<PtvWeeklyHours> Hours);

/// <summary>What Polku keeps of one PTV service; organisations and channels by PTV id.</summary>
public sealed record PtvServiceValues(
    Guid PtvId,
    string Item,
    ServiceType Type,
    LocalisedText Name,
    LocalisedText Summary,
    LocalisedText? Description,
    FundingType FundingType,
    List<string> Languages,
    List<string> ServiceClasses,
    List<string> TargetGroups,
    List<string> LifeEvents,
    List<string> Areas,
    Guid ResponsiblePtvId,
    List<Guid> ProducerPtvIds,
    List<Guid> ChannelPtvIds);

/// <summary>What the catalogue already holds that documents may refer to.</summary>
public sealed record PtvKnown(IReadOnlySet<Guid> Organisations, IReadOnlySet<Guid> Channels, IReadOnlySet<string> Municipalities);

/// <summary>
/// The documents read and checked: the values to write, the organisations and municipalities they name that the
/// catalogue lacks, and every problem found. Nothing may be written when <see cref="Problems"/> is not empty.
/// </summary>
public sealed record PtvCatalogue(
    List<PtvChannelValues> Channels,
    List<PtvServiceValues> Services,
    Dictionary<Guid, LocalisedText> NewOrganisations,
    Dictionary<string, LocalisedText> NewMunicipalities,
    List<CatalogueProblem> Problems);

/// <summary>
/// Reads and checks the PTV open API v11 <c>Service</c> and <c>ServiceChannel</c> list documents, without a database:
/// v11's shape and quirks (ADR 0011) in, Polku's values and problems naming the item and field out.
/// </summary>
public static class PtvMapping
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly TimeOnly EndOfDay = TimeOnly.MaxValue;

    public static PtvCatalogue Read(string servicesJson, string channelsJson, PtvKnown known, DateOnly today)
    {
        var problems = new List<CatalogueProblem>();
        var services = PtvJson.ReadList<PtvService>(servicesJson, "Service", PtvJson.ServiceKeys, problems);
        var channels = PtvJson.ReadList<PtvServiceChannel>(channelsJson, "ServiceChannel", PtvJson.ChannelKeys, problems);
        var result = new PtvCatalogue([], [], [], [], problems);
        if (services is null || channels is null)
        {
            return result;
        }

        // Organisations named in the services document, so that channels may refer to them too.
        foreach (var o in services.SelectMany(s => s.Value?.Organizations ?? []))
        {
            if (Guid.TryParse(o.Organization?.Id, out var id) && !known.Organisations.Contains(id) && !string.IsNullOrWhiteSpace(o.Organization.Name))
            {
                result.NewOrganisations.TryAdd(id, new LocalisedText(o.Organization.Name.Trim()));
            }
        }

        bool OrganisationExists(Guid id) => known.Organisations.Contains(id) || result.NewOrganisations.ContainsKey(id);
        void Municipality(PtvMunicipality? m)
        {
            if (m?.Code is { Length: 3 } code && code.All(char.IsAsciiDigit) && !known.Municipalities.Contains(code) && Texts(m.Name) is { } name)
            {
                result.NewMunicipalities.TryAdd(code, name);
            }
        }

        var channelIds = new HashSet<Guid>();
        foreach (var (item, rawId, ptv) in channels)
        {
            if (ptv is null)
            {
                // Already a problem; known by its id, so that links to it are not reported missing as well.
                if (Guid.TryParse(rawId, out var unread))
                {
                    channelIds.Add(unread);
                }

                continue;
            }

            if (!Guid.TryParse(ptv.Id, out var id))
            {
                problems.Add(new(item, "id", ptv.Id is null ? "Required" : "Guid", ptv.Id));
                continue;
            }

            if (!channelIds.Add(id))
            {
                problems.Add(new(item, "id", "Duplicate", ptv.Id));
                continue;
            }

            var channelProblems = new List<CatalogueProblem>();
            var values = Channel(ptv, id, item, today, OrganisationExists, Municipality, channelProblems);
            if (values is not null)
            {
                var check = new ServiceChannel { Key = id.ToString(), Name = values.Name };
                Apply(values, check, null);
                channelProblems.AddRange(CatalogueRules.Check(check, item, requireOpeningHours: false));
                result.Channels.Add(values);
            }

            problems.AddRange(channelProblems);
        }

        var serviceIds = new HashSet<Guid>();
        foreach (var (item, _, ptv) in services)
        {
            if (ptv is null)
            {
                continue;
            }

            if (!Guid.TryParse(ptv.Id, out var id))
            {
                problems.Add(new(item, "id", ptv.Id is null ? "Required" : "Guid", ptv.Id));
                continue;
            }

            if (!serviceIds.Add(id))
            {
                problems.Add(new(item, "id", "Duplicate", ptv.Id));
                continue;
            }

            var serviceProblems = new List<CatalogueProblem>();
            var values = Service(ptv, id, item, OrganisationExists, c => channelIds.Contains(c) || known.Channels.Contains(c), Municipality, serviceProblems);
            if (values is not null)
            {
                var check = new Service { Key = id.ToString(), Name = values.Name, Summary = values.Summary };
                Apply(values, check, null, null);
                serviceProblems.AddRange(CatalogueRules.Check(check, item));
                result.Services.Add(values);
            }

            problems.AddRange(serviceProblems);
        }

        return result;
    }

    /// <summary>Writes the values onto a channel; lists that are equal keep their instances, so that EF sees no change.</summary>
    public static void Apply(PtvChannelValues v, ServiceChannel channel, Organisation? organisation)
    {
        channel.Kind = v.Kind;
        channel.Name = v.Name;
        channel.Description = v.Description;
        channel.Languages = channel.Languages.SequenceEqual(v.Languages) ? channel.Languages : v.Languages;
        if (organisation is not null)
        {
            channel.Organisation = organisation;
        }

        channel.Url = v.Url;
        channel.Phone = v.Phone;
        channel.PhoneChargeType = v.PhoneChargeType;
        channel.Email = v.Email;
        channel.Address = v.Address;
        if (!channel.OpeningHours.Select(h => (h.Days, h.Opens, h.Closes)).SequenceEqual(v.Hours.Select(h => (h.Days, h.Opens, h.Closes))))
        {
            channel.OpeningHours.Clear();
            channel.OpeningHours.AddRange(v.Hours.Select(h => new OpeningHours { Days = h.Days, Opens = h.Opens, Closes = h.Closes }));
        }
    }

    /// <summary>Writes the values onto a service; Polku's own additions are not touched.</summary>
    public static void Apply(PtvServiceValues v, Service service, Func<Guid, Organisation>? organisations, Func<Guid, ServiceChannel>? channels)
    {
        static List<string> SameOr(List<string> stored, List<string> imported) => stored.SequenceEqual(imported) ? stored : imported;
        service.Type = v.Type;
        service.Name = v.Name;
        service.Summary = v.Summary;
        service.Description = v.Description;
        service.FundingType = v.FundingType;
        service.Languages = SameOr(service.Languages, v.Languages);
        service.ServiceClasses = SameOr(service.ServiceClasses, v.ServiceClasses);
        service.TargetGroups = SameOr(service.TargetGroups, v.TargetGroups);
        service.LifeEvents = SameOr(service.LifeEvents, v.LifeEvents);
        service.Areas = SameOr(service.Areas, v.Areas);
        if (organisations is not null)
        {
            service.ResponsibleOrganisation = organisations(v.ResponsiblePtvId);
            var producers = v.ProducerPtvIds.Select(organisations).ToList();
            if (!producers.Select(p => p.Key).Order().SequenceEqual(service.Producers.Select(p => p.Key).Order()))
            {
                service.Producers.Clear();
                service.Producers.AddRange(producers);
            }
        }

        if (channels is not null)
        {
            var links = v.ChannelPtvIds.Select(channels).ToList();
            if (!links.Select(c => c.Key).Order().SequenceEqual(service.Channels.Select(c => c.Key).Order()))
            {
                service.Channels.Clear();
                service.Channels.AddRange(links);
            }
        }
    }

    private static PtvChannelValues? Channel(
        PtvServiceChannel ptv, Guid id, string item, DateOnly today, Func<Guid, bool> organisationExists, Action<PtvMunicipality?> municipality, List<CatalogueProblem> problems)
    {
        if (!TryParseName<ChannelKind>(ptv.ServiceChannelType, out var kind))
        {
            problems.Add(new(item, "serviceChannelType", ptv.ServiceChannelType is null ? "Required" : "UnknownValue", ptv.ServiceChannelType));
            return null;
        }

        var name = ChannelName(ptv);
        if (name is null)
        {
            problems.Add(new(item, "serviceChannelNames", "Required"));
        }

        if (!Guid.TryParse(ptv.OrganizationId, out var organisationId) || !organisationExists(organisationId))
        {
            problems.Add(new(item, "organizationId", ptv.OrganizationId is null ? "Required" : "UnknownReference", ptv.OrganizationId));
        }

        string? url = kind switch
        {
            ChannelKind.PrintableForm => Preferred(ptv.ChannelUrls?.Select(u => (u.Value, u.Language))) ?? Preferred(ptv.WebPages?.Select(w => (w.Url, w.Language))),
            ChannelKind.EChannel or ChannelKind.WebPage => Preferred(ptv.WebPages?.Select(w => (w.Url, w.Language))),
            _ => null,
        };

        var phones = kind is ChannelKind.Phone or ChannelKind.ServiceLocation ? ptv.PhoneNumbers ?? ptv.SupportPhones : ptv.SupportPhones ?? ptv.PhoneNumbers;
        foreach (var p in phones ?? [])
        {
            if (p.Type is not (null or "Phone" or "Sms" or "Fax"))
            {
                problems.Add(new(item, "phoneNumbers.type", "UnknownValue", p.Type));
            }

            if (p.ServiceChargeType is not (null or "Chargeable" or "FreeOfCharge" or "Other"))
            {
                problems.Add(new(item, "phoneNumbers.serviceChargeType", "UnknownValue", p.ServiceChargeType));
            }
        }

        var phone = (phones ?? []).Where(p => p.Type is null or "Phone" && !string.IsNullOrWhiteSpace(p.Number))
            .OrderBy(p => p.Language == "fi" ? 0 : 1).FirstOrDefault();
        var address = Address(ptv.Addresses, item, municipality, problems);
        var hours = Hours(ptv.ServiceHours, item, today, problems);
        if (name is null)
        {
            return null;
        }

        return new PtvChannelValues(
            id,
            item,
            kind,
            name,
            Texts(ptv.ServiceChannelDescriptions, "Description") ?? Texts(ptv.ServiceChannelDescriptions, "Summary"),
            ptv.Languages?.Distinct().ToList() ?? [],
            organisationId,
            url,
            phone is null ? null : PhoneText(phone),
            phone?.ServiceChargeType switch
            {
                null => null,
                "FreeOfCharge" => PhoneChargeType.FreeOfCharge,
                "Chargeable" => PhoneChargeType.Charged,
                _ => PhoneChargeType.Other,
            },
            Preferred((ptv.Emails is { Count: > 0 } ? ptv.Emails : ptv.SupportEmails)?.Select(e => (e.Value, e.Language))),
            address,
            hours);
    }

    /// <summary>A national service number is written without the country prefix (PTV gives none).</summary>
    private static string PhoneText(PtvPhone p) =>
        p.IsFinnishServiceNumber == true || string.IsNullOrWhiteSpace(p.PrefixNumber) ? p.Number!.Trim() : $"{p.PrefixNumber.Trim()} {p.Number!.Trim()}";

    /// <summary>The name in each language; a service location shows its alternative name where <c>displayNameType</c> says so.</summary>
    private static LocalisedText? ChannelName(PtvServiceChannel ptv)
    {
        var names = ptv.ServiceChannelNames ?? [];
        var alternative = (ptv.DisplayNameType ?? []).Where(d => d.Type == "AlternativeName").Select(d => d.Language).ToHashSet();
        var shown = names.Where(n => n.Type == "Name" && !alternative.Contains(n.Language))
            .Concat(names.Where(n => n.Type == "AlternativeName" && alternative.Contains(n.Language)));
        return Texts(shown, null) ?? Texts(names, "Name");
    }

    private static ChannelAddress? Address(List<PtvAddress>? addresses, string item, Action<PtvMunicipality?> municipality, List<CatalogueProblem> problems)
    {
        foreach (var a in addresses ?? [])
        {
            if (a.Type is not ("Location" or "Postal"))
            {
                problems.Add(new(item, "addresses.type", a.Type is null ? "Required" : "UnknownValue", a.Type));
            }

            if (a.SubType is not ("Single" or "Street" or "PostOfficeBox" or "Abroad" or "Other" or "NoAddress"))
            {
                problems.Add(new(item, "addresses.subType", a.SubType is null ? "Required" : "UnknownValue", a.SubType));
            }
        }

        var visiting = addresses?.FirstOrDefault(a => a.Type == "Location" && (a.StreetAddress is not null || a.OtherAddress is not null));
        if (visiting?.StreetAddress is { } street)
        {
            var streetName = Texts(street.Street);
            var postOffice = Texts(street.PostOffice);
            if (streetName is null || postOffice is null || string.IsNullOrWhiteSpace(street.PostalCode))
            {
                problems.Add(new(item, "addresses.streetAddress", "Required"));
                return null;
            }

            municipality(street.Municipality);
            var number = string.IsNullOrWhiteSpace(street.StreetNumber) ? "" : " " + street.StreetNumber.Trim();
            return new ChannelAddress
            {
                Street = new LocalisedText(streetName.Fi + number, streetName.Sv is null ? null : streetName.Sv + number, streetName.En is null ? null : streetName.En + number),
                PostalCode = street.PostalCode.Trim(),
                PostOffice = postOffice,
                MunicipalityCode = street.Municipality?.Code,
            };
        }

        if (visiting?.OtherAddress is { } other)
        {
            var description = Texts(other.AdditionalInformation);
            var postOffice = Texts(other.PostOffice);
            if (description is null || postOffice is null || string.IsNullOrWhiteSpace(other.PostalCode))
            {
                problems.Add(new(item, "addresses.otherAddress", "Required"));
                return null;
            }

            return new ChannelAddress { Street = description, PostalCode = other.PostalCode.Trim(), PostOffice = postOffice };
        }

        return null;
    }

    /// <summary>
    /// The weekly hours in force today: a dated <c>DaysOfTheWeek</c> / <c>OverMidnight</c> period that covers today
    /// replaces the open-ended hours (a closed period leaves none); periods that do not cover today and
    /// <c>Exceptional</c> hours (single dates) are checked but not kept. Lines with the same times are merged.
    /// </summary>
    private static List<PtvWeeklyHours> Hours(List<PtvServiceHour>? serviceHours, string item, DateOnly today, List<CatalogueProblem> problems)
    {
        var parsed = new List<(PtvServiceHour Hour, List<(int Day, TimeOnly Opens, TimeOnly Closes)> Lines)>();
        foreach (var h in serviceHours ?? [])
        {
            if (h.ServiceHourType is not ("DaysOfTheWeek" or "Exceptional" or "OverMidnight"))
            {
                problems.Add(new(item, "serviceHours.serviceHourType", h.ServiceHourType is null ? "Required" : "UnknownValue", h.ServiceHourType));
                continue;
            }

            var lines = new List<(int, TimeOnly, TimeOnly)>();
            foreach (var open in h.OpeningHour ?? [])
            {
                var from = Day(open.DayFrom);
                int? to = string.IsNullOrEmpty(open.DayTo) ? null : Day(open.DayTo);
                var opens = Time(open.From);
                var closes = Time(open.To);
                if (from is null || (!string.IsNullOrEmpty(open.DayTo) && to is null) || opens is null || closes is null)
                {
                    problems.Add(new(item, "serviceHours.openingHour", "UnknownValue", $"{open.DayFrom}–{open.DayTo} {open.From}–{open.To}"));
                    continue;
                }

                lines.AddRange(Lines(from.Value, to, opens.Value, closes.Value, h.ServiceHourType == "OverMidnight"));
            }

            parsed.Add((h, lines));
        }

        bool Covers(PtvServiceHour h) =>
            (h.ValidFrom is null || DateOnly.FromDateTime(h.ValidFrom.Value) <= today) && (h.ValidTo is null || today <= DateOnly.FromDateTime(h.ValidTo.Value));
        var weekly = parsed.Where(p => p.Hour.ServiceHourType is "DaysOfTheWeek" or "OverMidnight" && Covers(p.Hour)).ToList();
        var dated = weekly.Where(p => p.Hour.ValidTo is not null).ToList();
        var inForce = dated.Count > 0 ? dated : weekly;
        var result = new List<(int Day, TimeOnly Opens, TimeOnly Closes)>();
        foreach (var (hour, lines) in inForce)
        {
            if (hour.IsClosed == true || hour.IsReservation == true)
            {
                continue;
            }

            if (hour.IsAlwaysOpen == true)
            {
                result.AddRange(Enumerable.Range(1, 7).Select(d => (d, TimeOnly.MinValue, EndOfDay)));
                continue;
            }

            result.AddRange(lines);
        }

        return result.Distinct()
            .GroupBy(l => (l.Opens, l.Closes))
            .Select(g => new PtvWeeklyHours(g.Aggregate(Weekdays.None, (days, l) => days | WeekdaysExtensions.FromIsoDay(l.Day)), g.Key.Opens, g.Key.Closes))
            .OrderBy(h => h.Days.IsoDays().First()).ThenBy(h => h.Opens)
            .ToList();
    }

    /// <summary>
    /// One opening as lines per ISO day. Over midnight (<c>OverMidnight</c>, or weekly hours closing before they open)
    /// the opening day runs to the end of the day and the closing day starts at midnight; a weekly entry with a
    /// <c>dayTo</c> (as PTV takes it in, not as v11 gives it) covers every day of the range.
    /// </summary>
    private static IEnumerable<(int Day, TimeOnly Opens, TimeOnly Closes)> Lines(int from, int? to, TimeOnly opens, TimeOnly closes, bool overMidnight)
    {
        static int Next(int day) => day % 7 + 1;
        if (!overMidnight && closes == TimeOnly.MinValue)
        {
            closes = EndOfDay; // closes at midnight
        }

        if (overMidnight || closes < opens)
        {
            var last = overMidnight && to is { } t && t != from ? t : Next(from);
            yield return (from, opens, EndOfDay);
            for (var d = Next(from); d != last; d = Next(d))
            {
                yield return (d, TimeOnly.MinValue, EndOfDay);
            }

            if (closes > TimeOnly.MinValue)
            {
                yield return (last, TimeOnly.MinValue, closes);
            }

            yield break;
        }

        for (var d = from; ; d = Next(d))
        {
            yield return (d, opens, closes);
            if (d == (to ?? from))
            {
                yield break;
            }
        }
    }

    private static PtvServiceValues? Service(
        PtvService ptv,
        Guid id,
        string item,
        Func<Guid, bool> organisationExists,
        Func<Guid, bool> channelExists,
        Action<PtvMunicipality?> municipality,
        List<CatalogueProblem> problems)
    {
        var name = Texts(ptv.ServiceNames, "Name");
        if (name is null)
        {
            problems.Add(new(item, "serviceNames", "Required"));
        }

        if (!TryParseName<ServiceType>(ptv.Type, out var type))
        {
            problems.Add(new(item, "type", ptv.Type is null ? "Required" : "UnknownValue", ptv.Type));
        }

        var funding = FundingType.PubliclyFunded;
        if (ptv.FundingType is not null && !TryParseName(ptv.FundingType, out funding))
        {
            problems.Add(new(item, "fundingType", "UnknownValue", ptv.FundingType));
        }

        if (ptv.AreaType is not (null or "Nationwide" or "NationwideExceptAlandIslands" or "LimitedType"))
        {
            problems.Add(new(item, "areaType", "UnknownValue", ptv.AreaType));
        }

        var areas = new List<string>();
        foreach (var area in ptv.Areas ?? [])
        {
            if (area.Type is not ("Municipality" or "Region" or "BusinessSubRegion" or "HospitalDistrict"))
            {
                problems.Add(new(item, "areas.type", area.Type is null ? "Required" : "UnknownValue", area.Type));
                continue;
            }

            // A municipality area with a code is that municipality; PTV's synthetic one (code null) lists them.
            var members = area.Type == "Municipality" && area.Code is not null ? [new PtvMunicipality(area.Code, area.Name)] : area.Municipalities ?? [];
            foreach (var m in members)
            {
                municipality(m);
                areas.Add(m.Code?.Trim() ?? "");
            }
        }

        Guid? responsible = null;
        var producers = new List<Guid>();
        foreach (var o in ptv.Organizations ?? [])
        {
            if (o.RoleType is not ("Responsible" or "Producer" or "OtherResponsible"))
            {
                problems.Add(new(item, "organizations.roleType", o.RoleType is null ? "Required" : "UnknownValue", o.RoleType));
                continue;
            }

            if (o.ProvisionType is not null && (o.RoleType != "Producer" || o.ProvisionType is not ("SelfProducedServices" or "ProcuredServices" or "Other")))
            {
                problems.Add(new(item, "organizations.provisionType", "UnknownValue", o.ProvisionType));
            }

            if (o.Organization is null && o.RoleType == "Producer")
            {
                continue; // a producer given only as free text
            }

            if (!Guid.TryParse(o.Organization?.Id, out var organisationId) || !organisationExists(organisationId))
            {
                problems.Add(new(item, "organizations.organization", "UnknownReference", o.Organization?.Id));
                continue;
            }

            if (o.RoleType == "Responsible")
            {
                responsible ??= organisationId;
            }
            else if (o.RoleType == "Producer" && !producers.Contains(organisationId))
            {
                producers.Add(organisationId);
            }
        }

        if (responsible is null)
        {
            problems.Add(new(item, "organizations", "NoResponsible"));
        }

        var links = new List<Guid>();
        foreach (var link in ptv.ServiceChannels ?? [])
        {
            if (!Guid.TryParse(link.ServiceChannel?.Id, out var channelId))
            {
                problems.Add(new(item, "serviceChannels.serviceChannel.id", link.ServiceChannel?.Id is null ? "Required" : "Guid", link.ServiceChannel?.Id));
            }
            else if (!channelExists(channelId))
            {
                problems.Add(new(item, "serviceChannels", "MissingChannel", link.ServiceChannel?.Id));
            }
            else if (!links.Contains(channelId))
            {
                links.Add(channelId);
            }
        }

        var serviceClasses = Codes(ptv.ServiceClasses, "serviceClasses", item, problems);
        var targetGroups = Codes(ptv.TargetGroups, "targetGroups", item, problems);
        var lifeEvents = Codes(ptv.LifeEvents, "lifeEvents", item, problems);
        if (name is null || responsible is null)
        {
            return null;
        }

        return new PtvServiceValues(
            id,
            item,
            type,
            name,
            Texts(ptv.ServiceDescriptions, "Summary") ?? new LocalisedText(""),
            Texts(ptv.ServiceDescriptions, "Description"),
            funding,
            ptv.Languages?.Distinct().ToList() ?? [],
            serviceClasses,
            targetGroups,
            lifeEvents,
            areas.Distinct().ToList(),
            responsible.Value,
            producers,
            links);
    }

    /// <summary>The items' codes; an item without a code takes it from its code-list URI (<c>…/code/KR1.2</c>) in <c>newUri</c> or <c>uri</c>.</summary>
    private static List<string> Codes(List<PtvFintoItem>? items, string field, string item, List<CatalogueProblem> problems)
    {
        var codes = new List<string>();
        foreach (var i in items ?? [])
        {
            var code = !string.IsNullOrWhiteSpace(i.Code) ? i.Code.Trim() : CodeFromUri(i.NewUri) ?? CodeFromUri(i.Uri);
            if (code is null)
            {
                problems.Add(new(item, field + ".code", "Required", i.Uri));
            }
            else
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private static string? CodeFromUri(string? uri)
    {
        const string marker = "/code/";
        var at = uri?.LastIndexOf(marker, StringComparison.Ordinal) ?? -1;
        return at < 0 || at + marker.Length >= uri!.Length ? null : uri[(at + marker.Length)..].Trim();
    }

    /// <summary>Only the exact member names count: no numbers, no other casing.</summary>
    private static bool TryParseName<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        return value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out result);
    }

    private static int? Day(string? day)
    {
        var index = Array.IndexOf(Days, day);
        return index < 0 ? null : index + 1;
    }

    /// <summary><c>HH:mm:ss</c> as v11 writes it, or <c>HH:mm</c>; 24:00 is the end of the day.</summary>
    private static TimeOnly? Time(string? text) =>
        text is "24:00" or "24:00:00" ? EndOfDay
        : TimeOnly.TryParseExact(text, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : null;

    /// <summary>Texts of one type (or all, when <paramref name="type"/> is null) by language, in any order; value-less entries are skipped.</summary>
    private static LocalisedText? Texts(IEnumerable<PtvLocalizedListItem>? items, string? type) =>
        Texts(items?.Where(i => type is null || i.Type == type).Select(i => new PtvLanguageItem(i.Value, i.Language)));

    /// <summary>Finnish falls back to Swedish, then English, then any language given.</summary>
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
}
