using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Segmentation;
using Polku.Web.Setup;

namespace Polku.Web.Fhir;

/// <summary>
/// The segmentation instrument as a FHIR R4 <c>Questionnaire</c> and each assessment as <c>QuestionnaireResponse</c>s.
/// <para>The instrument is public: <c>GET /fhir/r4/Questionnaire/{key}-{version}</c>. Every item is a <c>choice</c> with
/// its scale's options as <c>answerOption.valueCoding</c> (code = the option's value); the client and the professional
/// items are grouped under the two top-level groups <c>client</c> and <c>professional</c>.</para>
/// <para>An assessment is exported as two responses, one per part, because FHIR gives a response exactly one
/// <c>author</c>: <c>GET /fhir/r4/QuestionnaireResponse/{assessment}-client</c> (author = the client, a <c>Patient</c>,
/// or the person who answered, by display) and <c>…-professional</c> (author = the <c>Practitioner</c>). Both need a
/// signed-in user with a care relationship (or the client's own access) and each read is audited.</para>
/// </summary>
public static class SegmentationFhir
{
    public const string QuestionnaireBase = FhirEndpoints.CanonicalBase + "Questionnaire/";
    public const string ClientGroup = "client";
    public const string ProfessionalGroup = "professional";

    public static IEndpointRouteBuilder MapSegmentationFhir(this IEndpointRouteBuilder fhir)
    {
        var capabilities = fhir.ServiceProvider.GetRequiredService<FhirCapabilities>();
        capabilities.Declare(
            "Questionnaire",
            "Segmentation instruments (public), one per loaded version: {key}-{version}. The version new assessments use is active, older ones retired.",
            new FhirSearch("url", SearchParamType.Uri, "the canonical URL, optionally with |version"),
            new FhirSearch("status", SearchParamType.Token, "active or retired"));
        capabilities.Declare(
            "QuestionnaireResponse",
            "Segmentation assessments, one response per part: {assessment}-client and {assessment}-professional. Needs a care relationship; audited.");

        fhir.MapGet("/Questionnaire", async (HttpRequest request, Instruments instruments, CancellationToken ct, string? url = null, string? status = null) =>
        {
            var wantedStatus = status?.Split('|')[^1].Trim();
            if (wantedStatus is not (null or "" or "active" or "retired" or "draft" or "unknown"))
            {
                return FhirEndpoints.BadSearch($"status: '{status}' is not a publication status (draft, active, retired, unknown).");
            }

            var version = url?.Split('|') is [_, var v] ? v.Trim() : null;
            var matches = (await QuestionnairesAsync(instruments, ct))
                .Where(q => ConformanceFhir.UrlMatches(q.Url, url) && (version is null || q.Version == version))
                .Where(q => string.IsNullOrEmpty(wantedStatus) || q.Status?.ToString().Equals(wantedStatus, StringComparison.OrdinalIgnoreCase) == true);
            return FhirEndpoints.Resource(FhirEndpoints.SearchSet(request, matches));
        });
        fhir.MapGet("/Questionnaire/{id}", async (string id, Instruments instruments, CancellationToken ct) =>
        {
            var dash = id.LastIndexOf('-');
            if (dash < 1 || !int.TryParse(id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return FhirEndpoints.NotFound("questionnaire");
            }

            return (await QuestionnairesAsync(instruments, ct)).FirstOrDefault(q => q.Id == id) is { } found
                ? FhirEndpoints.Resource(found)
                : FhirEndpoints.NotFound("questionnaire");
        });

        fhir.MapGet("/QuestionnaireResponse/{id}", async (string id, HttpContext http, CurrentActor current, Assessments assessments, Polku.Core.Data.PolkuDb db, CancellationToken ct) =>
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return FhirEndpoints.NotSignedIn();
            }

            var part = id.EndsWith("-" + ClientGroup, StringComparison.Ordinal) ? AssessmentPart.Client
                : id.EndsWith("-" + ProfessionalGroup, StringComparison.Ordinal) ? AssessmentPart.Professional
                : (AssessmentPart?)null;
            var guidText = part switch
            {
                AssessmentPart.Client => id[..^(ClientGroup.Length + 1)],
                AssessmentPart.Professional => id[..^(ProfessionalGroup.Length + 1)],
                _ => "",
            };
            if (part is null || !Guid.TryParse(guidText, out var assessmentId))
            {
                return FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, "No such response.");
            }

            var clientId = await db.Assessments.Where(a => a.Id == assessmentId).Select(a => (Guid?)a.ClientId).FirstOrDefaultAsync(ct);
            if (clientId is null)
            {
                return FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, "No such response.");
            }

            var opened = await assessments.OpenAsync(await current.GetAsync(ct), clientId.Value, assessmentId, AuditAction.Read, ct);
            if (opened.Value is not { } open)
            {
                return opened.Error == SegmentationError.Denied
                    ? FhirEndpoints.Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, "No care relationship with the client.")
                    : FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, "No such response.");
            }

            var answered = part == AssessmentPart.Client ? open.Assessment.HasClientPart : open.Assessment.HasProfessionalPart;
            return answered
                ? FhirEndpoints.Resource(ToResponse(open, part.Value))
                : FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, "That part has not been answered yet.");
        });
        return fhir;
    }

    /// <summary>Every loaded instrument version as a Questionnaire, the current one active and the older ones retired.</summary>
    public static async Task<List<Questionnaire>> QuestionnairesAsync(Instruments instruments, CancellationToken ct)
    {
        var current = await instruments.CurrentAsync(ct);
        return [.. (await instruments.AllAsync(ct)).Select(stored =>
        {
            var questionnaire = ToQuestionnaire(stored.Parse(), stored.LoadedAt);
            questionnaire.Status = stored.Id == current?.Id ? PublicationStatus.Active : PublicationStatus.Retired;
            return questionnaire;
        })];
    }

    public static string CanonicalUrl(Instrument instrument) => QuestionnaireBase + instrument.Key;

    public static string QuestionnaireId(Instrument instrument) => $"{instrument.Key}-{instrument.Version.ToString(CultureInfo.InvariantCulture)}";

    public static Questionnaire ToQuestionnaire(Instrument instrument, DateTime loadedAtUtc) => new()
    {
        Id = QuestionnaireId(instrument),
        Url = CanonicalUrl(instrument),
        Version = instrument.Version.ToString(CultureInfo.InvariantCulture),
        Name = "PolkuSegmentation",
        TitleElement = Translated(instrument.Title),
        Status = PublicationStatus.Active,
        Date = loadedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Language = "fi",
        Description = new Markdown(instrument.Introduction.Fi),
        Item =
        [
            Group(instrument, AssessmentPart.Client, ClientGroup, "Asiakkaan osa"),
            Group(instrument, AssessmentPart.Professional, ProfessionalGroup, "Ammattilaisen osa"),
        ],
    };

    public static QuestionnaireResponse ToResponse(OpenAssessment open, AssessmentPart part)
    {
        var a = open.Assessment;
        var instrument = open.Instrument;
        var answers = a.AnswersOf(part);
        var isClient = part == AssessmentPart.Client;
        var author = isClient
            ? (a.ClientPartVia == ClientPartChannel.Meeting || a.ClientPartBy == open.Client.FullName
                ? new ResourceReference("Patient/" + a.ClientId) { Display = a.ClientPartBy }
                : new ResourceReference { Display = a.ClientPartBy })
            : new ResourceReference("Practitioner/" + a.ProfessionalPartProfessionalId!.Value.ToString(CultureInfo.InvariantCulture)) { Display = a.ProfessionalPartBy };
        var authored = isClient ? a.ClientPartAt!.Value : a.ProfessionalPartAt!.Value;
        return new QuestionnaireResponse
        {
            Id = $"{a.Id}-{(isClient ? ClientGroup : ProfessionalGroup)}",
            Questionnaire = CanonicalUrl(instrument) + "|" + instrument.Version.ToString(CultureInfo.InvariantCulture),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference("Patient/" + a.ClientId),
            Authored = new DateTimeOffset(DateTime.SpecifyKind(authored, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            Author = author,
            Item =
            [
                new QuestionnaireResponse.ItemComponent
                {
                    LinkId = isClient ? ClientGroup : ProfessionalGroup,
                    Item =
                    [
                        .. instrument.ItemsOf(part).Where(i => answers.ContainsKey(i.Key)).Select(i => new QuestionnaireResponse.ItemComponent
                        {
                            LinkId = i.Key,
                            Text = i.Text.Fi,
                            Answer =
                            [
                                new QuestionnaireResponse.AnswerComponent
                                {
                                    Value = Option(instrument.ScaleOf(i), answers[i.Key]),
                                },
                            ],
                        }),
                    ],
                },
            ],
        };
    }

    private static Questionnaire.ItemComponent Group(Instrument instrument, AssessmentPart part, string linkId, string text) => new()
    {
        LinkId = linkId,
        Type = Questionnaire.QuestionnaireItemType.Group,
        Text = text,
        Item =
        [
            .. instrument.ItemsOf(part).Select(i => new Questionnaire.ItemComponent
            {
                LinkId = i.Key,
                TextElement = Translated(i.Text),
                Type = Questionnaire.QuestionnaireItemType.Choice,
                Required = true,
                Code = [new Coding(FhirEndpoints.CodeSystemUrl(ConformanceFhir.SegmentationDomain), i.Domain.ToString())],
                AnswerOption = [.. instrument.ScaleOf(i).Options.Select(o => new Questionnaire.AnswerOptionComponent { Value = Option(instrument.ScaleOf(i), o.Value) })],
            }),
        ],
    };

    private static Coding Option(Scale scale, int value) =>
        new(FhirEndpoints.CodeSystemUrl(ConformanceFhir.ScalePrefix + scale.Key), value.ToString(CultureInfo.InvariantCulture), scale.Options.First(o => o.Value == value).Label.Fi);

    /// <summary>The Finnish text with Swedish and English as the standard translation extension.</summary>
    private static FhirString Translated(Polku.Core.Catalogue.LocalisedText text)
    {
        var s = new FhirString(text.Fi);
        foreach (var (language, value) in new[] { ("sv", text.Sv), ("en", text.En) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                s.Extension.Add(new Extension
                {
                    Url = "http://hl7.org/fhir/StructureDefinition/translation",
                    Extension = [new Extension("lang", new Code(language)), new Extension("content", new FhirString(value))],
                });
            }
        }

        return s;
    }
}
