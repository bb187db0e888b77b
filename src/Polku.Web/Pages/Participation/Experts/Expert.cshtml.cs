using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Catalogue;
using Polku.Core.Localisation;
using Polku.Core.Participation.Experts;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Experts;

/// <summary>Staff add an expert to the bank, or with <c>?id=N</c> change one's details and set them active or not.</summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class ExpertModel(ExpertBank bank, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public ExpertInput Input { get; set; } = new();

    /// <summary>The expert being edited; null when adding.</summary>
    public int? ExpertId { get; private set; }

    public IEnumerable<SelectListItem> AreaOptions => ExpertPages.AreaOptions(texts);
    public IEnumerable<SelectListItem> LanguageOptions => ExpertPages.LanguageOptions(texts);
    public IEnumerable<SelectListItem> DayOptions => ExpertPages.DayOptions();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            return Page();
        }

        if (await bank.FindExpertAsync(id.Value, ct) is not { } expert)
        {
            return NotFound();
        }

        ExpertId = expert.Id;
        Input = new ExpertInput
        {
            Name = expert.Name,
            Areas = [.. expert.Areas],
            Training = expert.Training,
            Languages = [.. expert.Languages.Where(l => ExpertCodes.Languages.Contains(l, StringComparer.Ordinal))],
            OtherLanguages = string.Join(", ", expert.Languages.Where(l => !ExpertCodes.Languages.Contains(l, StringComparer.Ordinal))),
            Days = [.. expert.Available.IsoDays()],
            Active = expert.Active,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        ExpertId = id;
        var areas = Input.Areas.Where(ExpertCodes.IsArea).ToList();
        if (areas.Count == 0)
        {
            ModelState.AddModelError("Input.Areas", texts["Experts.Validation.Areas"]);
        }

        var other = ExpertCodes.ParseLanguages(Input.OtherLanguages);
        if (other is null)
        {
            ModelState.AddModelError("Input.OtherLanguages", texts["Experts.Validation.OtherLanguages"]);
        }

        var languages = Input.Languages.Where(l => ExpertCodes.Languages.Contains(l, StringComparer.Ordinal)).Concat(other ?? []).ToList();
        if (other is not null && languages.Count == 0)
        {
            ModelState.AddModelError("Input.Languages", texts["Experts.Validation.Languages"]);
        }

        var days = Input.Days.Where(d => d is >= 1 and <= 7).Aggregate(Weekdays.None, (all, d) => all | WeekdaysExtensions.FromIsoDay(d));
        if (days == Weekdays.None)
        {
            ModelState.AddModelError("Input.Days", texts["Experts.Validation.Days"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (id is null)
        {
            await bank.AddExpertAsync(Input.Name, areas, Input.Training ?? "", languages, days, ct);
        }
        else if (await bank.UpdateExpertAsync(id.Value, Input.Name, areas, Input.Training ?? "", languages, days, Input.Active, ct) is not null)
        {
            return NotFound();
        }

        TempData["Experts.Done"] = "Experts.Saved";
        return RedirectToPage("Index");
    }

    public sealed class ExpertInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Experts.Field.Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Experts.Field.Areas")]
        public List<string> Areas { get; set; } = [];

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Experts.Field.Training")]
        public string? Training { get; set; }

        [Display(Name = "Experts.Field.Languages")]
        public List<string> Languages { get; set; } = [];

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Experts.Field.OtherLanguages")]
        public string? OtherLanguages { get; set; }

        /// <summary>ISO day numbers, 1 = Monday … 7 = Sunday.</summary>
        [Display(Name = "Experts.Field.Days")]
        public List<int> Days { get; set; } = [];

        [Display(Name = "Experts.Field.Active")]
        public bool Active { get; set; }
    }
}
