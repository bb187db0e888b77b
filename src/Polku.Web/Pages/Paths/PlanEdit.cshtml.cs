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
/// Making or revising an episode's client plan in the meeting with the client: goals in the client's words with their
/// five levels, agreed actions with who does them, follow-up dates. Works without JavaScript: "add a goal from a
/// template" posts the form back with one more goal filled in, and nothing is saved until "save".
/// </summary>
public sealed class PlanEditModel(ClientPlans plans, GoalTemplateStore templates, CurrentActor actor, IStringLocalizer<Texts> texts, TimeProvider clock) : PageModel
{
    private const int SpareGoals = 1;
    private const int SpareActions = 2;
    private const int SpareDates = 2;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public PlanView? View { get; private set; }

    public IEnumerable<SelectListItem> Templates { get; private set; } = [];

    public IEnumerable<SelectListItem> Owners =>
        new[] { new SelectListItem(texts["Plans.ChooseOwner"], "") }
            .Concat(Enum.GetValues<ActionOwner>().Select(o => new SelectListItem(texts["Plans.Owner." + o], o.ToString())));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (View!.Plan is { } plan)
        {
            var content = plan.Current.Content;
            Input.Goals = [.. content.Goals.Select(g => new GoalInput
            {
                Id = g.Id, TemplateKey = g.TemplateKey, ClientWords = g.ClientWords, ProfessionalWords = g.ProfessionalWords, Levels = [.. g.Levels],
            })];
            Input.Actions = [.. content.Actions.Select(a => new ActionInput { Owner = a.Owner, OwnerName = a.OwnerName, What = a.What, Due = a.Due })];
            Input.FollowUps = [.. content.FollowUps.Select(d => (DateOnly?)d)];
        }

        Pad();
        return Page();
    }

    /// <summary>Adds a goal started from the chosen template; nothing is saved.</summary>
    public async Task<IActionResult> OnPostTemplateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Input.Goals.RemoveAll(g => g.IsEmpty);
        var current = await templates.CurrentAsync(ct);
        if (current.Find(Input.Template) is { } template && Input.Goals.Count < ClientPlan.MaxGoals)
        {
            Input.Goals.Add(new GoalInput
            {
                TemplateKey = template.Key,
                ProfessionalWords = template.Title.In(PolkuCultures.CurrentLanguage),
                Levels = [.. current.LevelsIn(PolkuCultures.CurrentLanguage)],
            });
        }

        Input.Template = null;
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var draft = new PlanDraft(
            [.. Input.Goals.Select(g => g.ToDraft())],
            [.. Input.Actions.Select(a => a.ToDraft())],
            Input.FollowUps);
        var (_, problem, errors) = await plans.SaveAsync(await actor.GetAsync(ct), Id, draft, ct);
        if (PlanResults.Http(problem) is { } refused)
        {
            return refused;
        }

        if (errors.Count > 0)
        {
            PlanResults.AddErrors(ModelState, errors, texts);
            if (await LoadAsync(ct) is { } gone)
            {
                return gone;
            }

            Pad();
            return Page();
        }

        TempData["PlanMessage"] = "Plans.Done.Saved";
        return Redirect($"/Paths/Episode/{Id}/Plan");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (reading, problem) = await plans.ReadAsync(await actor.GetAsync(ct), Id, ct);
        if (reading is null)
        {
            return PlanResults.Http(problem);
        }

        if (!reading.Episode.IsOpen)
        {
            return new ConflictResult();
        }

        View = PlanView.Of(reading, FinnishTime.Today(clock));
        var language = PolkuCultures.CurrentLanguage;
        Templates = new[] { new SelectListItem(texts["Plans.ChooseTemplate"], "") }
            .Concat((await templates.CurrentAsync(ct)).For(reading.Episode.Customership).Select(t => new SelectListItem(t.Title.In(language), t.Key)));
        return null;
    }

    /// <summary>Empty slots after the written ones, so that a goal, an action or a date can be added without JavaScript.</summary>
    private void Pad()
    {
        foreach (var goal in Input.Goals)
        {
            while (goal.Levels.Count < GoalAttainment.LevelCount)
            {
                goal.Levels.Add(null);
            }
        }

        var goals = Input.Goals.Count(g => !g.IsEmpty);
        while (Input.Goals.Count == 0 || Input.Goals.Count < Math.Min(ClientPlan.MaxGoals, goals + SpareGoals))
        {
            Input.Goals.Add(new GoalInput { Levels = [.. Enumerable.Repeat<string?>(null, GoalAttainment.LevelCount)] });
        }

        while (Input.Actions.Count < Math.Min(ClientPlan.MaxActions, Input.Actions.Count(a => !a.IsEmpty) + SpareActions))
        {
            Input.Actions.Add(new ActionInput());
        }

        while (Input.FollowUps.Count < Math.Min(ClientPlan.MaxFollowUps, Input.FollowUps.Count(d => d is not null) + SpareDates))
        {
            Input.FollowUps.Add(null);
        }
    }

    public sealed class PlanInput
    {
        public List<GoalInput> Goals { get; set; } = [];
        public List<ActionInput> Actions { get; set; } = [];
        public List<DateOnly?> FollowUps { get; set; } = [];
        public string? Template { get; set; }
    }

    public sealed class GoalInput
    {
        public Guid? Id { get; set; }
        public string? TemplateKey { get; set; }
        public string? ClientWords { get; set; }
        public string? ProfessionalWords { get; set; }
        public List<string?> Levels { get; set; } = [];

        public bool IsEmpty => ToDraft().IsEmpty;

        public GoalDraft ToDraft() => new(ClientWords, ProfessionalWords, Levels, Id, TemplateKey);
    }

    public sealed class ActionInput
    {
        public ActionOwner? Owner { get; set; }
        public string? OwnerName { get; set; }
        public string? What { get; set; }
        public DateOnly? Due { get; set; }

        public bool IsEmpty => ToDraft().IsEmpty;

        public ActionDraft ToDraft() => new(Owner, OwnerName, What, Due);
    }
}
