using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core;
using Polku.Core.Localisation;
using Polku.Core.Plans;
using Polku.Web.Pages.Plans;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>
/// The client's own plan (or a guardian's view of a child's): the goals, who does what, progress, and the client's
/// own comment and agreement on the version in force, which the professional sees next to the plan.
/// </summary>
public sealed class PlanModel(ClientPlans plans, CurrentActor actor, IStringLocalizer<Texts> texts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public PlanView? View { get; private set; }

    public IEnumerable<SelectListItem> Choices =>
    [
        new SelectListItem(texts["Plans.Answer.Agree"], bool.TrueString),
        new SelectListItem(texts["Plans.Answer.Disagree"], bool.FalseString),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (View!.Current is { ClientAnsweredAt: not null } current)
        {
            Input = new AnswerInput { Comment = current.ClientComment, Agrees = current.ClientAgrees };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Input.Agrees is null)
        {
            ModelState.AddModelError("Input.Agrees", texts["Plans.Problem.AnswerRequired"]);
        }
        else
        {
            var problem = await plans.AnswerAsync(await actor.GetAsync(ct), Id, Input.Comment, Input.Agrees.Value, ct);
            if (PlanResults.Http(problem) is { } refused)
            {
                return refused;
            }

            if (problem is null)
            {
                TempData["PlanMessage"] = "Plans.Done.Answered";
                return Redirect($"/Me/Plan/{Id}");
            }

            ModelState.AddModelError("Input.Comment", texts["Plans.Problem." + problem, ClientPlan.TextMaxLength]);
        }

        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (reading, problem) = await plans.ReadAsync(await actor.GetAsync(ct), Id, ct);
        if (reading is null)
        {
            return PlanResults.Http(problem);
        }

        View = PlanView.Of(reading, FinnishTime.Today(clock));
        return null;
    }

    public sealed class AnswerInput
    {
        public string? Comment { get; set; }
        public bool? Agrees { get; set; }
    }
}
