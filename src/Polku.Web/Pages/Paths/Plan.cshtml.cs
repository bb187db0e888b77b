using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core;
using Polku.Core.Localisation;
using Polku.Core.Plans;
using Polku.Web.Pages.Plans;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Paths;

/// <summary>
/// The professional's view of an episode's client plan: the version in force with the client's answer, progress, the
/// earlier versions, and the follow-up form that scores each goal on its scale. Reading needs a care relationship
/// (<see cref="ClientPlans"/>); so does a follow-up.
/// </summary>
public sealed class PlanModel(ClientPlans plans, CurrentActor actor, IStringLocalizer<Texts> texts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public FollowUpInput Input { get; set; } = new();

    public PlanView? View { get; private set; }

    /// <summary>The meter's scores 10…0 with an empty first choice (the meter is optional).</summary>
    public IEnumerable<SelectListItem> MeterScores =>
        new[] { new SelectListItem("–", "") }.Concat(Enumerable.Range(0, 11).Reverse().Select(v => new SelectListItem(
            v switch { 10 => texts["Assistant.Meter.Best"].Value, 0 => texts["Assistant.Meter.Worst"].Value, _ => v.ToString(System.Globalization.CultureInfo.CurrentCulture) },
            v.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public IEnumerable<SelectListItem> Levels =>
        Enumerable.Range(GoalAttainment.Lowest, GoalAttainment.LevelCount)
            .Select(l => new SelectListItem(PlanView.Level(l), l.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.On = FinnishTime.Today(clock);
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (_, problem, errors) = await plans.FollowUpAsync(await actor.GetAsync(ct), Id, Input.On, Input.Scores, Input.Note, Input.LifeSituation, ct);
        if (PlanResults.Http(problem) is { } refused)
        {
            return refused;
        }

        if (errors.Count > 0)
        {
            PlanResults.AddErrors(ModelState, errors, texts);
            return await LoadAsync(ct) ?? Page();
        }

        TempData["PlanMessage"] = "Plans.Done.FollowUp";
        return Redirect($"/Paths/Episode/{Id}/Plan");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (reading, problem) = await plans.ReadAsync(await actor.GetAsync(ct), Id, ct);
        if (reading is null)
        {
            return PlanResults.Http(problem);
        }

        View = PlanView.Of(reading, FinnishTime.Today(clock));
        while (reading.Plan is not null && Input.Scores.Count < reading.Plan.Current.Content.Goals.Count)
        {
            Input.Scores.Add(null);
        }

        while (Input.LifeSituation.Count < Polku.Core.Assistant.LifeVector.Count)
        {
            Input.LifeSituation.Add(null);
        }

        return null;
    }

    public sealed class FollowUpInput
    {
        public DateOnly? On { get; set; }
        public List<int?> Scores { get; set; } = [];

        /// <summary>The life-situation meter's ten scores by dimension; all empty when it is not filled in.</summary>
        public List<int?> LifeSituation { get; set; } = [];
        public string? Note { get; set; }
    }
}
