using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;
using Polku.Web.Pages.Shared;

namespace Polku.Web.Pages.SelfAssessment;

/// <summary>
/// The client part at home, without signing in: the link or code the professional gave opens exactly that one client
/// part. It shows nothing about the client and never the results; once answered (or expired) the code stops working.
/// </summary>
public sealed class IndexModel(Core.Segmentation.Assessments assessments, IStringLocalizer<Texts> texts) : QuestionnairePageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Code.Label")]
    public string? Code { get; set; }

    public bool ShowQuestions => Instrument is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            await OpenAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await OpenAsync(ct))
        {
            return Page();
        }

        var saved = await assessments.AnswerWithCodeAsync(Code!, PostedAnswers(), ct);
        switch (saved.Error)
        {
            case null:
                return Redirect("/Assessment/Thanks");
            case SegmentationError.InvalidAnswers:
                ShowErrors(saved.AnswerErrors);
                return Page();
            default:
                Instrument = null;
                ModelState.AddModelError(nameof(Code), Localizer["Code.NotValid"]);
                return Page();
        }
    }

    private async Task<bool> OpenAsync(CancellationToken ct)
    {
        Instrument = string.IsNullOrWhiteSpace(Code) ? null : await assessments.InstrumentForCodeAsync(Code, ct);
        Part = AssessmentPart.Client;
        if (Instrument is null)
        {
            ModelState.AddModelError(nameof(Code), Localizer["Code.NotValid"]);
            return false;
        }

        return true;
    }
}
