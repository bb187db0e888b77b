using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Clients.Assessments;

/// <summary>
/// One assessment: the state of its two parts, the one-time code for filling the client part at home, and once both
/// parts are answered the result (axes, customership, why, service approach, recommendations) and its confirmation.
/// </summary>
public sealed class DetailsModel(
    Core.Segmentation.Assessments assessments,
    ServiceCandidates candidates,
    CurrentActor actor,
    PolkuDb db,
    IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid AssessmentId { get; set; }

    [BindProperty]
    public ConfirmInput Input { get; set; } = new();

    public OpenAssessment? Open { get; private set; }
    public ScoringResult? Result { get; private set; }
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];
    public bool IsReassessment { get; private set; }

    public IEnumerable<SelectListItem> OutcomeOptions =>
        Enum.GetValues<Customership>()
            .Where(c => c != Customership.Exit || IsReassessment)
            .Select(c => new SelectListItem(texts["Customership." + c], c.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null)
        {
            return loaded;
        }

        Input = new ConfirmInput { Outcome = Open!.Assessment.Computed?.ToString() ?? "" };
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        var issued = await assessments.IssueCodeAsync(await actor.GetAsync(ct), Id, AssessmentId, ct);
        if (issued.Error is { } error)
        {
            return AssessmentPageResults.For(error);
        }

        TempData["Code"] = issued.Value.Code;
        return Redirect($"/Clients/{Id}/Assessments/{AssessmentId}#code");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = Enum.Parse<Customership>(Input.Outcome);
            var confirmed = await assessments.ConfirmAsync(await actor.GetAsync(ct), Id, AssessmentId, outcome, Input.Reason, ct);
            switch (confirmed.Error)
            {
                case null:
                    TempData["Saved"] = "confirmed";
                    return Redirect($"/Clients/{Id}/Assessments/{AssessmentId}");
                case SegmentationError.ReasonRequired:
                    ModelState.AddModelError("Input.Reason", texts["Validation.OverrideReason"]);
                    break;
                case SegmentationError.ExitOnlyOnReassessment:
                case SegmentationError.NotScored:
                    ModelState.AddModelError("Input.Outcome", texts["Validation.Choice"]);
                    break;
                default:
                    return AssessmentPageResults.For(confirmed.Error.Value);
            }
        }

        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var opened = await assessments.OpenAsync(await actor.GetAsync(ct), Id, AssessmentId, AuditAction.Read, ct);
        if (opened.Value is not { } open)
        {
            return AssessmentPageResults.For(opened.Error!.Value);
        }

        Open = open;
        var a = open.Assessment;
        IsReassessment = await assessments.IsReassessmentAsync(a, ct);
        if (a.HasClientPart && a.HasProfessionalPart)
        {
            var clientAnswers = a.AnswersOf(AssessmentPart.Client);
            Result = SegmentationScoring.Score(open.Instrument, clientAnswers, a.AnswersOf(AssessmentPart.Professional));
            var client = open.Client;
            var hasChildren = client.FamilyRole == FamilyRole.Child
                || (client.FamilyId is { } family && await db.Clients.AnyAsync(c => c.FamilyId == family && c.FamilyRole == FamilyRole.Child, ct));
            var context = RecommendationContexts.For(a.Outcome ?? Result.Customership, client, hasChildren, open.Instrument, clientAnswers);
            Recommendations = ServiceRecommender.Recommend(await candidates.ForAsync(context, ct), context);
        }

        return null;
    }

    public sealed class ConfirmInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^(SelfActing|Community|Cooperating|Network|Exit)$", ErrorMessage = "Validation.Choice")]
        [Display(Name = "Result.Outcome")]
        public string Outcome { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Result.Reason")]
        public string? Reason { get; set; }
    }
}
