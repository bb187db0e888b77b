using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Participation.Feedback;

namespace Polku.Web.Pages.Feedback.Manage;

/// <summary>A manager's view of one unit's feedback: the items in the loop, development actions and the figures.</summary>
public sealed class IndexModel(PolkuDb db, FeedbackLoop loop, FeedbackFigures figures, TimeProvider clock, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Feedback.Unit")]
    public int? Unit { get; set; }

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public List<SelectListItem> UnitOptions { get; private set; } = [];
    public List<FeedbackItem> Items { get; private set; } = [];
    public UnitOutcomes Outcomes { get; private set; } = new(new Dictionary<FeedbackState, int>(), []);
    public List<FeedbackFigure> ByUnit { get; private set; } = [];
    public List<FeedbackFigure> ByService { get; private set; } = [];
    public List<FeedbackFigure> ByCustomership { get; private set; } = [];
    public Dictionary<string, string> ServiceNames { get; private set; } = [];
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Unit is not { } unit)
        {
            return BadRequest();
        }

        if (Input.Items.Count == 0)
        {
            ModelState.AddModelError("Input.TitleFi", texts["Feedback.Problem.NoItems"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await loop.StartActionAsync(unit, new LocalisedText(Input.TitleFi!, Input.TitleSv, Input.TitleEn), null, Input.Items, ct);
        if (result.Problem is { } problem)
        {
            ModelState.AddModelError("Input.TitleFi", texts["Feedback.Problem." + problem]);
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/Feedback/Manage/Action/{result.Value}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var language = PolkuCultures.CurrentLanguage;
        var units = await db.Organisations.AsNoTracking().ToListAsync(ct);
        UnitOptions = units.Select(o => new SelectListItem(o.Name.In(language), o.Id.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(o => o.Text, StringComparer.CurrentCulture).ToList();
        To = FinnishTime.Today(clock);
        From = To.AddYears(-1).AddDays(1);
        ByUnit = await figures.ByAsync(FeedbackGrouping.Unit, From, To, ct: ct);
        ServiceNames = units.ToDictionary(u => u.Id.ToString(CultureInfo.InvariantCulture), u => u.Name.In(language));
        if (Unit is not { } unit)
        {
            return;
        }

        Items = await loop.ForUnitAsync(unit, ct);
        Outcomes = await loop.OutcomesAsync(unit, ct);
        ByService = await figures.ByAsync(FeedbackGrouping.Service, From, To, unit, ct: ct);
        ByCustomership = await figures.ByAsync(FeedbackGrouping.Customership, From, To, unit, ct: ct);
        foreach (var service in await db.Services.AsNoTracking().Where(s => s.ResponsibleOrganisationId == unit).ToListAsync(ct))
        {
            ServiceNames["service:" + service.Id.ToString(CultureInfo.InvariantCulture)] = service.Name.In(language);
        }
    }

    public sealed class ActionInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Action.TitleFi")]
        public string? TitleFi { get; set; }

        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Action.TitleSv")]
        public string? TitleSv { get; set; }

        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Action.TitleEn")]
        public string? TitleEn { get; set; }

        public List<Guid> Items { get; set; } = [];
    }
}

/// <summary>One table of feedback figures with its caption and how to name a group.</summary>
public sealed record FigureTable(string Caption, List<FeedbackFigure> Rows, Func<string, string> Name);
