using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Polku.Core.Audit;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;
using Polku.Web.Pages.Shared;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Clients.Assessments;

/// <summary>
/// The client part (<c>…/ClientPart</c>) or the professional part (<c>…/ProfessionalPart</c>) of an assessment,
/// filled in the meeting. Reading and saving are audited.
/// </summary>
public sealed class PartModel(Core.Segmentation.Assessments assessments, CurrentActor actor, IStringLocalizer<Texts> texts) : QuestionnairePageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid AssessmentId { get; set; }

    public string ClientName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string part, CancellationToken ct)
    {
        var opened = await assessments.OpenAsync(await actor.GetAsync(ct), Id, AssessmentId, AuditAction.Read, ct);
        if (opened.Value is not { } open)
        {
            return AssessmentPageResults.For(opened.Error!.Value);
        }

        Show(open, part);
        Prefill(open.Assessment.AnswersOf(Part));
        return open.Assessment.IsConfirmed ? AssessmentPageResults.For(SegmentationError.Confirmed) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string part, CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var opened = await assessments.OpenAsync(who, Id, AssessmentId, AuditAction.Read, ct);
        if (opened.Value is not { } open)
        {
            return AssessmentPageResults.For(opened.Error!.Value);
        }

        Show(open, part);
        var saved = Part == AssessmentPart.Client
            ? await assessments.AnswerClientPartAsync(who, Id, AssessmentId, PostedAnswers(), ct)
            : await assessments.AnswerProfessionalPartAsync(who, Id, AssessmentId, PostedAnswers(), ct);
        if (saved.Error is SegmentationError.InvalidAnswers)
        {
            ShowErrors(saved.AnswerErrors);
            return Page();
        }

        if (saved.Error is { } error)
        {
            return AssessmentPageResults.For(error);
        }

        TempData["Saved"] = "part";
        return Redirect($"/Clients/{Id}/Assessments/{AssessmentId}");
    }

    private void Show(OpenAssessment open, string part)
    {
        Instrument = open.Instrument;
        Part = part == "ClientPart" ? AssessmentPart.Client : AssessmentPart.Professional;
        ClientName = open.Client.FullName;
    }
}
