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

    /// <summary>The errors (severity error or fatal) the validator finds in the resource, as readable lines.</summary>
    public List<string> Errors(Resource resource)
    {
        var outcome = _validator.Validate(resource);
        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")];
    }
}
