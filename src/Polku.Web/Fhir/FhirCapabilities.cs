using Hl7.Fhir.Model;

namespace Polku.Web.Fhir;

/// <summary>One search parameter a resource type answers, as declared in the capability statement.</summary>
public sealed record FhirSearch(string Name, SearchParamType Type, string Documentation);

/// <summary>
/// The FHIR R4 server's capability statement. Capabilities register the resources they serve at start-up
/// (<see cref="Add"/>), and <c>/fhir/r4/metadata</c> describes exactly those.
/// </summary>
public sealed class FhirCapabilities
{
    private readonly List<CapabilityStatement.ResourceComponent> _resources = [];

    public void Add(CapabilityStatement.ResourceComponent resource) => _resources.Add(resource);

    /// <summary>Declares a read-by-id type and the searches it answers (a search-type interaction when there are any).</summary>
    public CapabilityStatement.ResourceComponent Declare(string type, string documentation, params FhirSearch[] searches)
    {
        var resource = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Documentation = documentation,
            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
            SearchParam = [.. searches.Select(s => new CapabilityStatement.SearchParamComponent
            {
                Name = s.Name,
                Type = s.Type,
                Documentation = s.Documentation,
            })],
        };
        if (searches.Length > 0)
        {
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType });
        }

        Add(resource);
        return resource;
    }

    /// <summary>Whether the server serves the type at all (read or search).</summary>
    public bool Serves(string type) => _resources.Any(r => r.Type == type);

    public CapabilityStatement Build(string baseUrl, DateTimeOffset now) => new()
    {
        Url = baseUrl + "/metadata",
        Name = "PolkuFhirServer",
        Title = "Polku FHIR R4",
        Status = PublicationStatus.Active,
        Date = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Publisher = "Polku",
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "Polku", Version = typeof(FhirCapabilities).Assembly.GetName().Version?.ToString() },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "Polku client-centred service network", Url = baseUrl },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json", "json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "Read-only. Public catalogue resources and Polku's conformance resources are readable without signing in; "
                    + "Practitioner and PractitionerRole need a signed-in user; client resources need a care relationship, consent or the client's own access, and every read and search of them is audited.",
                Resource = [.. _resources.OrderBy(r => r.Type, StringComparer.Ordinal)],
            },
        ],
    };
}
