using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Polku.Web.Fhir;

/// <summary>
/// The FHIR R4 endpoint base <c>/fhir/r4</c>. Resource endpoints are added by each capability. Every answer under the
/// base is FHIR JSON: an address nothing serves is a 404 <c>OperationOutcome</c> (an unknown resource type too), another
/// method than GET a 405, a request that accepts no JSON (<c>Accept</c> or <c>_format</c>) a 406, and a failure a 500
/// — never a page.
/// </summary>
public static class FhirEndpoints
{
    public const string Base = "/fhir/r4";
    public const string ContentType = "application/fhir+json";

    /// <summary>The base of Polku's own canonical URLs (its CodeSystems, extensions and Questionnaires).</summary>
    public const string CanonicalBase = "https://polku.example/fhir/";

    private static readonly string[] Acceptable = ["application/fhir+json", "application/json", "application/*", "*/*"];
    private static readonly string[] AcceptableFormats = ["json", "application/json", "application/fhir+json"];

    public static RouteGroupBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(Base);
        fhir.AddEndpointFilter(async (context, next) =>
        {
            if (!AcceptsJson(context.HttpContext.Request))
            {
                return Outcome(StatusCodes.Status406NotAcceptable, OperationOutcome.IssueType.NotSupported, "Polku serves FHIR as JSON only (application/fhir+json).");
            }

            try
            {
                return await next(context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug, but a FHIR client still gets FHIR rather than the error page.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FhirEndpoints))
                    .LogError(e, "FHIR request {Path} failed", context.HttpContext.Request.Path);
                return Outcome(StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception, "The server failed; the error is logged.");
            }
        });
        fhir.MapGet("/metadata", (HttpRequest request, FhirCapabilities capabilities, TimeProvider clock) =>
            Resource(capabilities.Build(BaseUrl(request), clock.GetUtcNow())));
        fhir.MapFallback("{**rest}", (HttpRequest request, FhirCapabilities capabilities, string? rest) =>
        {
            var type = rest?.Split('/')[0] ?? "";
            if (!capabilities.Serves(type))
            {
                return Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotSupported, $"This server does not serve the resource type '{type}'.");
            }

            return HttpMethods.IsGet(request.Method)
                ? Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"{rest} is not known.")
                : Outcome(StatusCodes.Status405MethodNotAllowed, OperationOutcome.IssueType.NotSupported, "Polku's FHIR server is read-only.");
        });
        return fhir;
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Base}";

    /// <summary>A Polku code system's canonical URL.</summary>
    public static string CodeSystemUrl(string name) => CanonicalBase + "CodeSystem/" + name;

    /// <summary>A Polku extension's canonical URL.</summary>
    public static string ExtensionUrl(string name) => CanonicalBase + "StructureDefinition/" + name;

    /// <summary>A FHIR resource as an HTTP result in JSON.</summary>
    public static IResult Resource(Resource resource, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(resource.ToJson(), ContentType, System.Text.Encoding.UTF8, statusCode);

    /// <summary>A FHIR OperationOutcome for errors.</summary>
    public static IResult Outcome(int statusCode, OperationOutcome.IssueType type, string diagnostics) =>
        Resource(new OperationOutcome
        {
            Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = diagnostics }],
        }, statusCode);

    public static IResult NotSignedIn() => Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Sign in first.");

    public static IResult NoCareRelationship() => Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, "No care relationship with the client.");

    public static IResult NotFound(string what) => Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No such {what}.");

    public static IResult BadSearch(string diagnostics) => Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, diagnostics);

    /// <summary>A searchset Bundle of the matches, each with its full URL on this server.</summary>
    public static Bundle SearchSet(HttpRequest request, IEnumerable<Resource> resources)
    {
        var baseUrl = BaseUrl(request);
        var entries = resources.Select(r => new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/{r.TypeName}/{r.Id}",
            Resource = r,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        }).ToList();
        return new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = entries.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = baseUrl + request.Path.Value?[Base.Length..] + request.QueryString }],
            Entry = entries,
        };
    }

    /// <summary>The id of a reference search parameter (<c>Type/id</c>, a full URL of that type, or a bare id), or null when it names another type.</summary>
    public static string? ReferencedId(string value, string type)
    {
        var trimmed = value.Trim();
        var marker = type + "/";
        var at = trimmed.LastIndexOf(marker, StringComparison.Ordinal);
        if (at >= 0 && (at == 0 || trimmed[at - 1] == '/'))
        {
            return trimmed[(at + marker.Length)..];
        }

        return trimmed.Contains('/', StringComparison.Ordinal) ? null : trimmed;
    }

    private static bool AcceptsJson(HttpRequest request)
    {
        if (request.Query["_format"] is { Count: > 0 } format)
        {
            return format.All(f => AcceptableFormats.Contains(f?.Trim(), StringComparer.OrdinalIgnoreCase));
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0
            || accept.Any(a => a.Quality != 0 && Acceptable.Contains(a.MediaType.Value, StringComparer.OrdinalIgnoreCase));
    }
}
