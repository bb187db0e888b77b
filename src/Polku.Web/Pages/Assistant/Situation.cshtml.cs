using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Assistant;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Web.Pages.Assistant;

/// <summary>
/// One guided situation: its yes/no questions as a GET form (the answers are not personal identifiers), then advice,
/// self-care guidance and services, with the emergency numbers first when an answer signals danger.
/// </summary>
public sealed class SituationModel(PolkuDb db, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool Answered { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? A0 { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? A1 { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? A2 { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? A3 { get; set; }

    public GuidedSituation? Situation { get; private set; }
    public UrgencyKind Urgency { get; private set; }
    public List<Service> Services { get; private set; } = [];

    public IEnumerable<SelectListItem> YesNo =>
    [
        new(texts["Assistant.Choose"], ""),
        new(texts["Assistant.Yes"], "yes"),
        new(texts["Assistant.No"], "no"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Situation = Guidance.Find(Key);
        if (Situation is null)
        {
            return NotFound();
        }

        string?[] answers = [A0, A1, A2, A3];
        var yes = Situation.Questions.Where((q, i) => i < answers.Length && answers[i] == "yes").Select(q => q.Key).ToList();
        Urgency = Situation.UrgencyOf(yes);
        if (Answered)
        {
            var keys = Situation.ServicesFor(yes);
            var found = await db.Services.AsNoTracking().Where(s => keys.Contains(s.Key)).ToListAsync(ct);
            Services = [.. found.OrderBy(s => keys.IndexOf(s.Key))];
        }

        return Page();
    }
}
