using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Plans;
using Polku.Core.Segmentation;
using Polku.Web.Pages.Plans;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Admin;

/// <summary>
/// The county's goal templates per customership: every template's title in three languages and the customerships it
/// suits (none = every one), removable, with empty rows for new ones. A save is a new version; earlier ones are listed.
/// </summary>
public sealed class GoalTemplatesModel(GoalTemplateStore store, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    /// <summary>Empty rows shown after the templates, so that templates can be added without JavaScript.</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public List<RowInput> Rows { get; set; } = [];

    public GoalTemplates Current { get; private set; } = GoalTemplates.Default;

    public List<GoalTemplateVersion> History { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CustomershipOptions =>
        [.. Enum.GetValues<Customership>().Where(c => c != Customership.Exit).Select(c => new SelectListItem(texts["Customership." + c], c.ToString()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Rows = [.. Current.All.Select(t => new RowInput { Key = t.Key, Fi = t.Title.Fi, Sv = t.Title.Sv, En = t.Title.En, Customerships = [.. t.Customerships] })];
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var drafts = Rows.Select(r => new GoalTemplateDraft(r.Key, r.Fi, r.Sv, r.En, r.Customerships, r.Remove)).ToList();
        var (saved, problem, errors) = await store.SaveAsync(await actor.GetAsync(ct), drafts, ct);
        if (PlanResults.Http(problem) is { } refused)
        {
            return refused;
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, texts["Plans.Problem." + error.Problem, GoalTemplateStore.TitleMaxLength]);
            }

            await LoadAsync(ct);
            Pad();
            return Page();
        }

        TempData["GoalTemplatesSaved"] = saved!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await store.CurrentAsync(ct);
        History = await store.HistoryAsync(ct);
    }

    private void Pad()
    {
        var blanks = Rows.Count(r => r.Key is null && string.IsNullOrWhiteSpace(r.Fi) && string.IsNullOrWhiteSpace(r.Sv) && string.IsNullOrWhiteSpace(r.En));
        for (var i = blanks; i < BlankRows; i++)
        {
            Rows.Add(new RowInput());
        }
    }

    public sealed class RowInput
    {
        public string? Key { get; set; }
        public string? Fi { get; set; }
        public string? Sv { get; set; }
        public string? En { get; set; }
        public List<Customership> Customerships { get; set; } = [];
        public bool Remove { get; set; }
    }
}
