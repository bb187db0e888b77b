using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Segmentation;

namespace Polku.Web.Api;

/// <summary>The public, read-only REST API of the service catalogue under <c>/api/catalogue</c>. Machine format: culture-invariant, all languages.</summary>
public static class CatalogueApi
{
    public sealed record TextDto(string Fi, string? Sv, string? En)
    {
        public static TextDto? From(LocalisedText? t) => t is null ? null : new(t.Fi, t.Sv, t.En);
    }

    public sealed record OrganisationDto(int Id, string Key, Guid? PtvId, string Kind, TextDto Name, string? BusinessId, string? MunicipalityCode);

    public sealed record OpeningHoursDto(int[] Days, string Opens, string Closes);

    public sealed record AddressDto(TextDto Street, string PostalCode, TextDto PostOffice, string? MunicipalityCode);

    public sealed record ChannelDto(
        int Id, string Key, Guid? PtvId, string Kind, int OrganisationId, TextDto Name, TextDto? Description, List<string> Languages,
        string? Url, string? Phone, string? PhoneChargeType, string? Email, AddressDto? Address, List<OpeningHoursDto> OpeningHours);

    public sealed record BurdenDto(decimal TimeHours, decimal OutOfPocketEur, int EventsPerYear);

    public sealed record ServiceDto(
        int Id, string Key, Guid? PtvId, string Type, TextDto Name, TextDto Summary, TextDto? Description,
        List<string> ServiceClasses, List<string> TargetGroups, List<string> LifeEvents, List<string> Areas, List<string> Languages,
        string FundingType, int ResponsibleOrganisationId, List<int> ProducerIds, List<string> Customerships, string ServiceLevel,
        decimal? UnitCostEur, BurdenDto? Burden, List<ChannelDto> Channels);

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/catalogue").WithTags("Catalogue");
        api.MapGet("/services", SearchServices).WithName("SearchServices").WithSummary("Search services (Finnish and Swedish stemming) with filters.");
        api.MapGet("/services/{id:int}", GetService).WithName("GetService");
        api.MapGet("/channels/{id:int}", GetChannel).WithName("GetChannel");
        api.MapGet("/organisations", ListOrganisations).WithName("ListOrganisations");
        return app;
    }

    private static async Task<Results<Ok<List<ServiceDto>>, ValidationProblem>> SearchServices(
        PolkuDb db, CatalogueSearch search, CancellationToken ct,
        string? q = null, string? targetGroup = null, string? lifeEvent = null, string? channel = null, string? area = null,
        string? customership = null, string? level = null)
    {
        var errors = new Dictionary<string, string[]>();
        var channelKind = ParseOptional<ChannelKind>(channel, nameof(channel), errors);
        var customershipValue = ParseOptional<Customership>(customership, nameof(customership), errors);
        var levelValue = ParseOptional<ServiceLevel>(level, nameof(level), errors);
        if (q is { Length: > 200 })
        {
            errors[nameof(q)] = ["At most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var ids = await search.SearchAsync(db, new CatalogueQuery(q, targetGroup, lifeEvent, channelKind, area, customershipValue, levelValue), ct: ct);
        var services = await Services(db).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return TypedResults.Ok(ids.Where(services.ContainsKey).Select(id => ToDto(services[id])).ToList());
    }

    private static async Task<Results<Ok<ServiceDto>, ProblemHttpResult>> GetService(int id, PolkuDb db, CancellationToken ct) =>
        await Services(db).SingleOrDefaultAsync(s => s.Id == id, ct) is { } service
            ? TypedResults.Ok(ToDto(service))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Service not found", detail: $"No service has id {id}.");

    private static async Task<Results<Ok<ChannelDto>, ProblemHttpResult>> GetChannel(int id, PolkuDb db, CancellationToken ct) =>
        await db.ServiceChannels.AsNoTracking().Include(c => c.OpeningHours).SingleOrDefaultAsync(c => c.Id == id, ct) is { } channel
            ? TypedResults.Ok(ToDto(channel))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Channel not found", detail: $"No service channel has id {id}.");

    private static async Task<Ok<List<OrganisationDto>>> ListOrganisations(PolkuDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Organisations.AsNoTracking().OrderBy(o => o.Key).ToListAsync(ct))
            .Select(o => new OrganisationDto(o.Id, o.Key, o.PtvId, o.Kind.ToString(), TextDto.From(o.Name)!, o.BusinessId, o.MunicipalityCode)).ToList());

    private static IQueryable<Service> Services(PolkuDb db) =>
        db.Services.AsNoTracking().AsSplitQuery().Include(s => s.Producers).Include(s => s.Channels).ThenInclude(c => c.OpeningHours);

    private static T? ParseOptional<T>(string? value, string name, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.GetNames<T>().Contains(value, StringComparer.Ordinal))
        {
            return Enum.Parse<T>(value);
        }

        errors[name] = [$"One of: {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }

    private static ServiceDto ToDto(Service s) => new(
        s.Id, s.Key, s.PtvId, s.Type.ToString(), TextDto.From(s.Name)!, TextDto.From(s.Summary)!, TextDto.From(s.Description),
        s.ServiceClasses, s.TargetGroups, s.LifeEvents, s.Areas, s.Languages, s.FundingType.ToString(), s.ResponsibleOrganisationId,
        s.Producers.Select(p => p.Id).Order().ToList(), s.Customerships.Select(c => c.ToString()).ToList(), s.Level.ToString(),
        s.UnitCostEur, s.Burden is { } b ? new BurdenDto(b.TimeHours, b.OutOfPocketEur, b.EventsPerYear) : null,
        s.Channels.OrderBy(c => c.Id).Select(ToDto).ToList());

    private static ChannelDto ToDto(ServiceChannel c) => new(
        c.Id, c.Key, c.PtvId, c.Kind.ToString(), c.OrganisationId, TextDto.From(c.Name)!, TextDto.From(c.Description), c.Languages,
        c.Url, c.Phone, c.PhoneChargeType?.ToString(), c.Email,
        c.Address is { } a ? new AddressDto(TextDto.From(a.Street)!, a.PostalCode, TextDto.From(a.PostOffice)!, a.MunicipalityCode) : null,
        c.OpeningHours.Select(h => new OpeningHoursDto(h.Days.IsoDays().ToArray(), h.Opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), h.Closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList());
}
