using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Polku.Web.Fhir;

/// <summary>The FHIR R4 endpoint base <c>/fhir/r4</c>. Resource endpoints are added by each capability.</summary>
public static class FhirEndpoints
{
    public const string Base = "/fhir/r4";
    public const string ContentType = "application/fhir+json";

    public static RouteGroupBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(Base);
        fhir.MapGet("/metadata", (HttpRequest request, FhirCapabilities capabilities, TimeProvider clock) =>
            Resource(capabilities.Build(BaseUrl(request), clock.GetUtcNow())));
        return fhir;
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Base}";

    /// <summary>A FHIR resource as an HTTP result in JSON.</summary>
    public static IResult Resource(Resource resource, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(resource.ToJson(), ContentType, System.Text.Encoding.UTF8, statusCode);

    /// <summary>A FHIR OperationOutcome for errors.</summary>
    public static IResult Outcome(int statusCode, OperationOutcome.IssueType type, string diagnostics) =>
        Resource(new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = diagnostics }],
        }, statusCode);
}
