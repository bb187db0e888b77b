using Polku.Core.Catalogue;

namespace Polku.Core.Demo;

/// <summary>Turns the demo services document into catalogue entities, and checks it with the catalogue's own rules.</summary>
public static class DemoCatalogue
{
    public static ServiceChannel ToChannel(DemoChannel c, Organisation organisation, DateTime now) => new()
    {
        Key = c.Key,
        Kind = c.Kind,
        Organisation = organisation,
        Name = c.Name.ToText(),
        Description = c.Description?.ToText(),
        Languages = c.Languages,
        Url = c.Url,
        Phone = c.Phone,
        PhoneChargeType = c.PhoneChargeType,
        Email = c.Email,
        Address = c.Address is null ? null : new ChannelAddress
        {
            Street = c.Address.Street.ToText(),
            PostalCode = c.Address.PostalCode,
            PostOffice = c.Address.PostOffice.ToText(),
            MunicipalityCode = c.Address.MunicipalityCode,
        },
        OpeningHours = (c.OpeningHours ?? []).Select(h => new OpeningHours
        {
            Days = h.Days.Aggregate(Weekdays.None, (days, d) => days | WeekdaysExtensions.FromIsoDay(d)),
            Opens = h.Opens,
            Closes = h.Closes,
        }).ToList(),
        UpdatedAt = now,
    };

    public static Service ToService(DemoService s, IReadOnlyDictionary<string, Organisation> organisations, IReadOnlyDictionary<string, ServiceChannel> channels, DateTime now) => new()
    {
        Key = s.Key,
        Type = s.Type,
        Name = s.Name.ToText(),
        Summary = s.Summary.ToText(),
        Description = s.Description?.ToText(),
        ServiceClasses = s.ServiceClasses,
        TargetGroups = s.TargetGroups,
        LifeEvents = s.LifeEvents ?? [],
        Areas = s.Areas,
        FundingType = s.FundingType,
        ResponsibleOrganisation = organisations[s.ResponsibleOrganisation],
        Producers = s.Producers.Distinct().Select(p => organisations[p]).ToList(),
        Languages = s.Languages,
        Customerships = s.Customerships,
        Level = s.ServiceLevel,
        UnitCostEur = s.UnitCostEur,
        Burden = s.Burden is null ? null : new AdminBurden(s.Burden.TimeHours, s.Burden.OutOfPocketEur, s.Burden.EventsPerYear),
        Channels = s.Channels.Distinct().Select(c => channels[c]).ToList(),
        UpdatedAt = now,
    };

    /// <summary>Every problem in the document: unknown codes, broken references, duplicates, missing channel data.</summary>
    public static List<CatalogueProblem> Validate(DemoServicesData data, IReadOnlyCollection<string> organisationKeys, IReadOnlyCollection<string> municipalityCodes)
    {
        var problems = new List<CatalogueProblem>();
        var organisations = organisationKeys.ToDictionary(k => k, k => new Organisation { Key = k, Name = new LocalisedText(k) });
        foreach (var key in data.Services.Select(s => s.Key).Concat(data.Channels.Select(c => c.Key)).GroupBy(k => k).Where(g => g.Count() > 1))
        {
            problems.Add(new(key.Key, "key", "Duplicate", key.Key));
        }

        var channels = new Dictionary<string, ServiceChannel>();
        foreach (var c in data.Channels)
        {
            if (!organisations.TryGetValue(c.Organisation, out var organisation))
            {
                problems.Add(new(c.Key, "organisation", "UnknownReference", c.Organisation));
                continue;
            }

            if (c.OpeningHours?.SelectMany(h => h.Days).Any(d => d is < 1 or > 7) == true)
            {
                problems.Add(new(c.Key, "openingHours.days", "UnknownValue"));
                continue;
            }

            var channel = ToChannel(c, organisation, DateTime.UnixEpoch);
            problems.AddRange(CatalogueRules.Check(channel, c.Key));
            if (channel.Address?.MunicipalityCode is { } m && !municipalityCodes.Contains(m))
            {
                problems.Add(new(c.Key, "address.municipalityCode", "UnknownReference", m));
            }

            channels.TryAdd(c.Key, channel);
        }

        foreach (var s in data.Services)
        {
            var missing = s.Producers.Append(s.ResponsibleOrganisation).Where(o => !organisations.ContainsKey(o))
                .Select(o => new CatalogueProblem(s.Key, "organisations", "UnknownReference", o))
                .Concat(s.Channels.Where(c => !channels.ContainsKey(c)).Select(c => new CatalogueProblem(s.Key, "channels", "MissingChannel", c)))
                .Concat(s.Areas.Where(a => !municipalityCodes.Contains(a)).Select(a => new CatalogueProblem(s.Key, "areas", "UnknownReference", a)))
                .ToList();
            problems.AddRange(missing);
            if (missing.Count == 0)
            {
                problems.AddRange(CatalogueRules.Check(ToService(s, organisations, channels, DateTime.UnixEpoch), s.Key));
            }
        }

        return problems;
    }
}
