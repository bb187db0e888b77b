using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Polku.Web.Tests.Fhir;

/// <summary>
/// Firely's validator against the base R4 StructureDefinitions (the specification package of
/// <c>Hl7.Fhir.Specification.Data.R4</c>) plus the conformance resources Polku itself publishes (its extensions'
/// StructureDefinitions and its CodeSystems, as read from the running app), so that nothing Polku defines is unknown.
/// </summary>
public sealed class FhirValidation
{
    // Extracting and indexing the specification package takes seconds; every test class shares one.
    private static readonly Lazy<IAsyncResourceResolver> Core = new(() => new CachedResolver(ZipSource.CreateValidationSource()));

    private readonly Validator _validator;

    public FhirValidation(IEnumerable<Resource> polkuConformance)
    {
        var resolver = new CachedResolver(new SnapshotSource(new MultiResolver(Core.Value, new InMemoryResourceResolver(polkuConformance))));
        _validator = new Validator(resolver, new LocalTerminologyService(resolver));
    }

    /// <summary>The warnings the validator has reported so far (they do not fail a test; they are printed).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The errors (severity error or fatal) the validator finds in the resource, as readable lines.</summary>
    public List<string> Errors(Resource resource)
    {
        var outcome = _validator.Validate(resource);
        Warnings.AddRange(outcome.Issue
            .Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning)
            .Select(i => $"{resource.TypeName} {string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}"));
        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")];
    }
}

/// <summary>The validator the conformance test relies on does find errors.</summary>
public sealed class FhirValidationTests
{
    [Fact]
    public void A_consent_without_policy_and_an_episode_without_status_are_errors()
    {
        var validation = new FhirValidation([]);
        var consent = new Consent
        {
            Status = Consent.ConsentState.Active,
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
            Category = [new CodeableConcept("http://loinc.org", "59284-0")],
        };
        Assert.Contains(validation.Errors(consent), e => e.Contains("ppc-1", StringComparison.Ordinal));

        consent.PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN");
        Assert.Empty(validation.Errors(consent));

        Assert.NotEmpty(validation.Errors(new EpisodeOfCare { Patient = new ResourceReference("Patient/1") }));
    }
}
