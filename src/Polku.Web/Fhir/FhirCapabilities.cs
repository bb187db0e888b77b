using Hl7.Fhir.Model;

namespace Polku.Web.Fhir;

/// <summary>
/// The FHIR R4 server's capability statement. Capabilities register the resources they serve at start-up
/// (<see cref="Add"/>), and <c>/fhir/r4/metadata</c> describes exactly those.
/// </summary>
public sealed class FhirCapabilities
{
    private readonly List<CapabilityStatement.ResourceComponent> _resources = [];

    public void Add(CapabilityStatement.ResourceComponent resource) => _resources.Add(resource);

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
                Documentation = "Public catalogue resources are readable without signing in; client resources need a care relationship or consent.",
                Resource = [.. _resources],
            },
        ],
    };
}
