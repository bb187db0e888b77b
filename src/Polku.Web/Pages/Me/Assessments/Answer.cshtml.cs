using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Polku.Core.Audit;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;
using Polku.Web.Pages.Clients.Assessments;
using Polku.Web.Pages.Shared;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me.Assessments;

/// <summary>The signed-in client fills their own client part before the visit.</summary>
public sealed class AnswerModel(Core.Segmentation.Assessments assessments, CurrentActor actor, IStringLocalizer<Texts> texts) : QuestionnairePageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    public Guid AssessmentId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var opened = await assessments.OpenAsync(who, who.ClientId!.Value, AssessmentId, AuditAction.Read, ct);
        if (opened.Value is not { } open || open.Assessment.IsConfirmed)
        {
            return AssessmentPageResults.For(opened.Error ?? SegmentationError.Confirmed);
        }

        Instrument = open.Instrument;
        Part = AssessmentPart.Client;
        Prefill(open.Assessment.AnswersOf(Part));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var opened = await assessments.OpenAsync(who, who.ClientId!.Value, AssessmentId, AuditAction.Read, ct);
        if (opened.Value is not { } open)
        {
            return AssessmentPageResults.For(opened.Error!.Value);
        }

        Instrument = open.Instrument;
        Part = AssessmentPart.Client;
        var saved = await assessments.AnswerClientPartAsync(who, who.ClientId!.Value, AssessmentId, PostedAnswers(), ct);
        if (saved.Error is SegmentationError.InvalidAnswers)
        {
            ShowErrors(saved.AnswerErrors);
            return Page();
        }

        if (saved.Error is { } error)
        {
            return AssessmentPageResults.For(error);
        }

        TempData["Saved"] = "client-part";
        return Redirect("/Me/Assessments");
    }
}
