using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Localization;
using Polku.Core.Catalogue;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;

namespace Polku.Web.Fhir;

/// <summary>
/// Polku's own conformance resources, published so that a validator (or any client) can resolve every canonical URL
/// Polku's resources use: a <c>CodeSystem</c> for each Polku code system and a <c>StructureDefinition</c> for each
/// Polku extension, at <c>https://polku.example/fhir/CodeSystem/{name}</c> and
/// <c>…/StructureDefinition/{name}</c>. Read by id (the name) or searched by <c>url</c>; public, no sign-in.
/// Displays are Finnish with Swedish and English designations, from the same texts as the pages.
/// </summary>
public static class ConformanceFhir
{
    public const string Channel = "channel";
    public const string Customership = "customership";
    public const string CareRole = "care-role";
    public const string ReferralKind = "referral-kind";
    public const string SegmentationDomain = "segmentation-domain";
    public const string OrganisationKind = "organisation-kind";
    public const string ScalePrefix = "scale-";
    public const string ExperienceRating = "experience-rating";
    public const string GasLevel = "gas-level";

    public const string ResponsibleWorker = "responsible-worker";

    private static readonly string[] Languages = ["fi", "sv", "en"];

    public static IEndpointRouteBuilder MapConformanceFhir(this IEndpointRouteBuilder fhir)
    {
        var capabilities = fhir.ServiceProvider.GetRequiredService<FhirCapabilities>();
        capabilities.Declare(
            "CodeSystem",
            "Polku's own code systems (public), read by id or by canonical URL.",
            new FhirSearch("url", SearchParamType.Uri, "the canonical URL, e.g. " + FhirEndpoints.CodeSystemUrl(Channel)));
        capabilities.Declare(
            "StructureDefinition",
            "Polku's extensions (public), read by id or by canonical URL.",
            new FhirSearch("url", SearchParamType.Uri, "the canonical URL, e.g. " + FhirEndpoints.ExtensionUrl(ExperienceRating)));

        fhir.MapGet("/CodeSystem/{id}", async (string id, Instruments instruments, IStringLocalizer<Texts> texts, CancellationToken ct) =>
            (await CodeSystemsAsync(instruments, texts, ct)).FirstOrDefault(c => c.Id == id) is { } found
                ? FhirEndpoints.Resource(found)
                : FhirEndpoints.NotFound("code system"));
        fhir.MapGet("/CodeSystem", async (HttpRequest request, Instruments instruments, IStringLocalizer<Texts> texts, CancellationToken ct, string? url = null) =>
            FhirEndpoints.Resource(FhirEndpoints.SearchSet(request, (await CodeSystemsAsync(instruments, texts, ct)).Where(c => UrlMatches(c.Url, url)))));
        fhir.MapGet("/StructureDefinition/{id}", (string id) =>
            StructureDefinitions().FirstOrDefault(s => s.Id == id) is { } found
                ? FhirEndpoints.Resource(found)
                : FhirEndpoints.NotFound("structure definition"));
        fhir.MapGet("/StructureDefinition", (HttpRequest request, string? url = null) =>
            FhirEndpoints.Resource(FhirEndpoints.SearchSet(request, StructureDefinitions().Where(s => UrlMatches(s.Url, url)))));
        return fhir;
    }

    /// <summary>A <c>url</c> search: the canonical URL, optionally with <c>|version</c> (Polku publishes one version of each).</summary>
    public static bool UrlMatches(string? canonical, string? url) =>
        string.IsNullOrWhiteSpace(url) || string.Equals(canonical, url.Split('|')[0].Trim(), StringComparison.Ordinal);

    public static async Task<List<CodeSystem>> CodeSystemsAsync(Instruments instruments, IStringLocalizer<Texts> texts, CancellationToken ct)
    {
        var systems = new List<CodeSystem>
        {
            Enumerated<ChannelKind>(Channel, "PolkuChannel", "The channel of a touchpoint (Encounter.class).", texts, "ChannelKind."),
            Enumerated<Core.Segmentation.Customership>(Customership, "PolkuCustomership", "The customerships of the segmentation (EpisodeOfCare.type, HealthcareService.program).", texts, "Customership."),
            Enumerated<Core.Paths.ReferralKind>(ReferralKind, "PolkuReferralKind", "Referral or handover of ownership (ServiceRequest.category).", texts, "ReferralKind."),
            Enumerated<ItemDomain>(SegmentationDomain, "PolkuSegmentationDomain", "What a segmentation item asks about (Questionnaire.item.code).", texts, "ItemDomain."),
            Enumerated<Core.Catalogue.OrganisationKind>(OrganisationKind, "PolkuOrganisationKind", "The kind of an organisation of the network (Organization.type).", texts, "OrganisationKind."),
            System(CareRole, "PolkuCareRole", "A member's role in a care team (CareTeam.participant.role).", [Concept(ResponsibleWorker, texts, "Paths.ResponsibleWorker")]),
        };

        // A scale is defined by the instruments that use it; the newest loaded version gives the labels.
        var scales = new Dictionary<string, Scale>(StringComparer.Ordinal);
        foreach (var stored in await instruments.AllAsync(ct))
        {
            foreach (var scale in stored.Parse().Scales)
            {
                scales.TryAdd(scale.Key, scale);
            }
        }

        systems.AddRange(scales.Values.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => System(
            ScalePrefix + s.Key,
            "PolkuScale" + string.Concat(s.Key.Split('-', '_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])),
            $"The answer options of the segmentation scale '{s.Key}' (QuestionnaireResponse answers).",
            [.. s.Options.Select(o => Concept(o.Value.ToString(CultureInfo.InvariantCulture), o.Label))])));
        return systems;
    }

    public static List<StructureDefinition> StructureDefinitions() =>
    [
        IntegerExtension(
            ExperienceRating, "PolkuExperienceRating", "Experience rating", "Encounter", 1, 5,
            "The client's experience of a touchpoint on a scale of 1 (poor) to 5 (very good), when the client gave one.",
            "Experience rating 1–5", "The client's experience of the touchpoint, 1 (poor) to 5 (very good)."),
        IntegerExtension(
            GasLevel, "PolkuGasLevel", "Goal Attainment Scaling level", "Goal", -2, 2,
            "The latest Goal Attainment Scaling level of a goal of a client plan: −2 (much less than expected), −1, 0 (the expected outcome), +1 or +2 (much more than expected), as scored at the latest follow-up. The five levels are defined in words when the goal is made.",
            "GAS level −2…+2", "The goal's latest Goal Attainment Scaling level, −2 to +2."),
    ];

    /// <summary>A simple extension of Polku's: one integer between <paramref name="min"/> and <paramref name="max"/> on <paramref name="context"/>.</summary>
    private static StructureDefinition IntegerExtension(
        string id, string name, string title, string context, int min, int max, string description, string shortText, string definition) => new()
        {
            Id = id,
            Url = FhirEndpoints.ExtensionUrl(id),
            Version = "1",
            Name = name,
            Title = title,
            Status = PublicationStatus.Active,
            Publisher = "Polku",
            Description = new Markdown(description),
            FhirVersion = FHIRVersion.N4_0_1,
            Kind = StructureDefinition.StructureDefinitionKind.ComplexType,
            Abstract = false,
            Context = [new StructureDefinition.ContextComponent { Type = StructureDefinition.ExtensionContextType.Element, Expression = context }],
            Type = "Extension",
            BaseDefinition = "http://hl7.org/fhir/StructureDefinition/Extension",
            Derivation = StructureDefinition.TypeDerivationRule.Constraint,
            Differential = new StructureDefinition.DifferentialComponent
            {
                Element =
            [
                new ElementDefinition("Extension") { ElementId = "Extension", Short = shortText, Definition = new Markdown(definition), Max = "1" },
                new ElementDefinition("Extension.extension") { ElementId = "Extension.extension", Max = "0" },
                new ElementDefinition("Extension.url") { ElementId = "Extension.url", Fixed = new FhirUri(FhirEndpoints.ExtensionUrl(id)) },
                new ElementDefinition("Extension.value[x]")
                {
                    ElementId = "Extension.value[x]",
                    Min = 1,
                    Type = [new ElementDefinition.TypeRefComponent { Code = "integer" }],
                    MinValue = new Integer(min),
                    MaxValue = new Integer(max),
                },
            ],
            },
        };

    private static CodeSystem Enumerated<TEnum>(string id, string name, string description, IStringLocalizer<Texts> texts, string keyPrefix)
        where TEnum : struct, Enum =>
        System(id, name, description, [.. Enum.GetNames<TEnum>().Select(code => Concept(code, texts, keyPrefix + code))]);

    private static CodeSystem System(string id, string name, string description, List<CodeSystem.ConceptDefinitionComponent> concepts) => new()
    {
        Id = id,
        Url = FhirEndpoints.CodeSystemUrl(id),
        Version = "1",
        Name = name,
        Status = PublicationStatus.Active,
        Publisher = "Polku",
        Description = new Markdown(description),
        Language = "fi",
        CaseSensitive = true,
        Content = CodeSystemContentMode.Complete,
        Count = concepts.Count,
        Concept = concepts,
    };

    private static CodeSystem.ConceptDefinitionComponent Concept(string code, IStringLocalizer<Texts> texts, string key)
    {
        var original = CultureInfo.CurrentUICulture;
        try
        {
            var labels = Languages.Select(language =>
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                return texts[key].Value;
            }).ToList();
            return Concept(code, new LocalisedText(labels[0], labels[1], labels[2]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    private static CodeSystem.ConceptDefinitionComponent Concept(string code, LocalisedText label) => new()
    {
        Code = code,
        Display = label.Fi,
        Designation = [.. new[] { ("sv", label.Sv), ("en", label.En) }
            .Where(d => !string.IsNullOrWhiteSpace(d.Item2))
            .Select(d => new CodeSystem.DesignationComponent { Language = d.Item1, Value = d.Item2 })],
    };
}
