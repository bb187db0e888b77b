using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;

namespace Polku.Web.Fhir;

/// <summary>
/// The network's professionals as <c>Practitioner</c> (name) and <c>PractitionerRole</c> (the same id: the professional
/// in their organisation, with their job title). This is the staff directory, not client data: any signed-in user may
/// read it (a client too, whose own data names their workers), nobody anonymously, and it is not audited. No e-mail
/// address or other contact detail is exposed.
/// </summary>
public static class PractitionerFhir
{
    public static IEndpointRouteBuilder MapPractitionerFhir(this IEndpointRouteBuilder fhir)
    {
        var capabilities = fhir.ServiceProvider.GetRequiredService<FhirCapabilities>();
        capabilities.Declare("Practitioner", "Professionals of the network: name. Any signed-in user.");
        capabilities.Declare("PractitionerRole", "A professional in their organisation, with their job title; the id is the Practitioner's. Any signed-in user.");

        fhir.MapGet("/Practitioner/{id:int}", async (int id, HttpContext http, PolkuDb db, CancellationToken ct) =>
            await ReadAsync(id, http, db, "practitioner", p => ToPractitioner(p), ct));
        fhir.MapGet("/PractitionerRole/{id:int}", async (int id, HttpContext http, PolkuDb db, CancellationToken ct) =>
            await ReadAsync(id, http, db, "practitioner role", p => ToRole(p), ct));
        return fhir;
    }

    public static Practitioner ToPractitioner(Professional p) => new()
    {
        Id = Id(p),
        Active = true,
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = p.LastName, Given = [p.FirstName] }],
    };

    public static PractitionerRole ToRole(Professional p) => new()
    {
        Id = Id(p),
        Active = true,
        Practitioner = new ResourceReference("Practitioner/" + Id(p), p.FullName),
        Organization = new ResourceReference("Organization/" + p.OrganisationId.ToString(CultureInfo.InvariantCulture), p.Organisation?.Name.Fi),
        Code = [new CodeableConcept { Text = p.Title.Fi }],
    };

    private static async Task<IResult> ReadAsync(int id, HttpContext http, PolkuDb db, string what, Func<Professional, Resource> map, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return FhirEndpoints.NotSignedIn();
        }

        var professional = await db.Professionals.AsNoTracking().Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == id, ct);
        return professional is null ? FhirEndpoints.NotFound(what) : FhirEndpoints.Resource(map(professional));
    }

    private static string Id(Professional p) => p.Id.ToString(CultureInfo.InvariantCulture);
}
