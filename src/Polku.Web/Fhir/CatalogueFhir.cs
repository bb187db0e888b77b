using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;

namespace Polku.Web.Fhir;

/// <summary>
/// FHIR R4 <c>Organization</c> and <c>HealthcareService</c> for the public catalogue, read and search, no sign-in.
/// A PTV id is an identifier with system <see cref="PtvServiceSystem"/> (services) or <see cref="PtvOrganizationSystem"/>
/// (organisations); Polku's own key has system <see cref="PolkuKeySystem"/>. A token search without a system
/// (<c>identifier=&lt;PTV id&gt;</c>) matches the value in any system.
/// </summary>
public static class CatalogueFhir
{
    public const string PtvServiceSystem = "https://api.palvelutietovaranto.suomi.fi/api/v11/Service";
    public const string PtvOrganizationSystem = "https://api.palvelutietovaranto.suomi.fi/api/v11/Organization";
    public const string PolkuKeySystem = "urn:polku:catalogue:key";
    public const string BusinessIdSystem = "urn:oid:1.2.246.10";
    public const string ServiceClassSystem = "http://uri.suomi.fi/codelist/ptv/ptvserclass2";

    public static RouteGroupBuilder MapCatalogueFhir(this RouteGroupBuilder fhir, FhirCapabilities capabilities)
    {
        capabilities.Declare(
            "Organization",
            "Public catalogue organisations; a PTV id is an identifier with system " + PtvOrganizationSystem + ", a business id (Y-tunnus) one with system " + BusinessIdSystem + ".",
            new FhirSearch("identifier", SearchParamType.Token, "value, system|value or |value"),
            new FhirSearch("name", SearchParamType.String, "starts with, in any language"));
        capabilities.Declare(
            "HealthcareService",
            "Public catalogue services; a PTV id is an identifier with system " + PtvServiceSystem + ".",
            new FhirSearch("identifier", SearchParamType.Token, "value, system|value or |value"),
            new FhirSearch("name", SearchParamType.String, "starts with, in any language"),
            new FhirSearch("organization", SearchParamType.Reference, "Organization/{id}"));

        fhir.MapGet("/Organization/{id:int}", async (int id, PolkuDb db, HttpRequest request, CancellationToken ct) =>
            await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } o
                ? FhirEndpoints.Resource(ToFhir(o))
                : FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"Organization/{id} is not known."));
        fhir.MapGet("/Organization", async (PolkuDb db, HttpRequest request, CancellationToken ct, string? identifier = null, string? name = null) =>
        {
            var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
            var matches = organisations.Where(o => Matches(Identifiers(o), identifier) && NameMatches(o.Name, name)).Select(o => (Resource)ToFhir(o));
            return FhirEndpoints.Resource(FhirEndpoints.SearchSet(request, matches));
        });
        fhir.MapGet("/HealthcareService/{id:int}", async (int id, PolkuDb db, CancellationToken ct) =>
            await Services(db).SingleOrDefaultAsync(s => s.Id == id, ct) is { } s
                ? FhirEndpoints.Resource(ToFhir(s))
                : FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"HealthcareService/{id} is not known."));
        fhir.MapGet("/HealthcareService", async (PolkuDb db, HttpRequest request, CancellationToken ct, string? identifier = null, string? name = null, string? organization = null) =>
        {
            var services = await Services(db).OrderBy(s => s.Id).ToListAsync(ct);
            var organisationId = organization is null ? null : FhirEndpoints.ReferencedId(organization, "Organization") ?? "";
            var matches = services
                .Where(s => Matches(Identifiers(s), identifier) && NameMatches(s.Name, name)
                    && (organisationId is null || s.ResponsibleOrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture) == organisationId))
                .Select(s => (Resource)ToFhir(s));
            return FhirEndpoints.Resource(FhirEndpoints.SearchSet(request, matches));
        });
        return fhir;
    }

    public static Organization ToFhir(Organisation o) => new()
    {
        Id = o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Identifier = Identifiers(o).Select(i => new Identifier(i.System, i.Value)).ToList(),
        Active = true,
        Name = o.Name.Fi,
        Alias = new[] { o.Name.Sv, o.Name.En }.Where(n => !string.IsNullOrWhiteSpace(n) && n != o.Name.Fi).Distinct().ToList()!,
        Type = [new CodeableConcept(FhirEndpoints.CodeSystemUrl(ConformanceFhir.OrganisationKind), o.Kind.ToString())],
    };

    public static HealthcareService ToFhir(Service s) => new()
    {
        Id = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Identifier = Identifiers(s).Select(i => new Identifier(i.System, i.Value)).ToList(),
        Active = true,
        ProvidedBy = new ResourceReference("Organization/" + s.ResponsibleOrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Name = s.Name.Fi,
        Comment = s.Summary.Fi,
        ExtraDetails = s.Description?.Fi,
        Category = s.ServiceClasses.Select(c => new CodeableConcept(ServiceClassSystem, c, CatalogueCodes.NameOf(CatalogueCodes.ServiceClasses, c, "fi"))).ToList(),
        Characteristic = s.TargetGroups.Select(c => new CodeableConcept("http://uri.suomi.fi/codelist/ptv/ptvkohderyhmat", c, CatalogueCodes.NameOf(CatalogueCodes.TargetGroups, c, "fi"))).ToList(),
        Communication = s.Languages.Select(l => new CodeableConcept("urn:ietf:bcp:47", l)).ToList(),
        Telecom = s.Channels.SelectMany(Telecom).ToList(),
        Program = s.Customerships.Select(c => new CodeableConcept(FhirEndpoints.CodeSystemUrl(ConformanceFhir.Customership), c.ToString())).ToList(),
    };

    private static IEnumerable<ContactPoint> Telecom(ServiceChannel c)
    {
        if (c.Phone is not null)
        {
            yield return new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, c.Phone);
        }

        if (c.Url is not null)
        {
            yield return new ContactPoint(ContactPoint.ContactPointSystem.Url, ContactPoint.ContactPointUse.Work, c.Url);
        }

        if (c.Email is not null)
        {
            yield return new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, c.Email);
        }
    }

    private static IQueryable<Service> Services(PolkuDb db) => db.Services.AsNoTracking().AsSplitQuery().Include(s => s.Channels);

    private static List<(string System, string Value)> Identifiers(Organisation o)
    {
        var ids = new List<(string, string)> { (PolkuKeySystem, o.Key) };
        if (o.PtvId is { } ptv)
        {
            ids.Add((PtvOrganizationSystem, ptv.ToString()));
        }

        if (o.BusinessId is not null)
        {
            ids.Add((BusinessIdSystem, o.BusinessId));
        }

        return ids;
    }

    private static List<(string System, string Value)> Identifiers(Service s)
    {
        var ids = new List<(string, string)> { (PolkuKeySystem, s.Key) };
        if (s.PtvId is { } ptv)
        {
            ids.Add((PtvServiceSystem, ptv.ToString()));
        }

        return ids;
    }

    /// <summary>FHIR token search: <c>value</c>, <c>system|value</c> or <c>|value</c>; no parameter matches everything.</summary>
    private static bool Matches(List<(string System, string Value)> identifiers, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return true;
        }

        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return bar < 0
            ? identifiers.Any(i => string.Equals(i.Value, token, StringComparison.OrdinalIgnoreCase))
            : identifiers.Any(i => (bar == 0 || i.System == token[..bar]) && string.Equals(i.Value, token[(bar + 1)..], StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>FHIR string search: starts with, case-insensitive, in any language.</summary>
    private static bool NameMatches(LocalisedText name, string? search) =>
        string.IsNullOrWhiteSpace(search)
        || new[] { name.Fi, name.Sv, name.En }.Any(n => n?.StartsWith(search.Trim(), StringComparison.CurrentCultureIgnoreCase) == true);
}
