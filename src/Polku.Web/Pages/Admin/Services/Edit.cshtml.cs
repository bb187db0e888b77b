using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Assistant;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;

namespace Polku.Web.Pages.Admin.Services;

/// <summary>An administrator edits a service's texts, codes and Polku's own additions, checked by <see cref="CatalogueRules"/>.</summary>
public sealed class EditModel(PolkuDb db, CatalogueSearch search, TimeProvider clock, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    /// <summary>The life-situation dimensions in the order of <see cref="ServiceInput.Need"/>.</summary>
    public static IReadOnlyList<LifeDimension> Dimensions { get; } = Enum.GetValues<LifeDimension>();

    public IEnumerable<SelectListItem> LevelOptions => Enum.GetNames<ServiceLevel>().Select(n => new SelectListItem(texts["ServiceLevel." + n], n));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } s)
        {
            return NotFound();
        }

        Input = new ServiceInput
        {
            NameFi = s.Name.Fi,
            NameSv = s.Name.Sv,
            NameEn = s.Name.En,
            SummaryFi = s.Summary.Fi,
            SummarySv = s.Summary.Sv,
            SummaryEn = s.Summary.En,
            TargetGroups = string.Join(", ", s.TargetGroups),
            LifeEvents = string.Join(", ", s.LifeEvents),
            ServiceClasses = string.Join(", ", s.ServiceClasses),
            Customerships = string.Join(", ", s.Customerships),
            Level = s.Level.ToString(),
            UnitCostEur = s.UnitCostEur,
            Need = LifeVector.TryParse(s.NeedProfile, out var own) ? [.. own!.Values.Select(v => (int?)v)] : new int?[LifeVector.Count],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.Services.SingleOrDefaultAsync(s => s.Id == id, ct) is not { } service)
        {
            return NotFound();
        }

        var customerships = new List<Customership>();
        foreach (var value in Split(Input.Customerships))
        {
            var fits = Customerships.Four.Where(c => c.ToString() == value).ToList();
            if (fits.Count == 1)
            {
                customerships.Add(fits[0]);
            }
            else
            {
                ModelState.AddModelError(Field(nameof(ServiceInput.Customerships)), texts["Catalogue.Problem.UnknownValue", value]);
            }
        }

        var needProfile = ReadNeedProfile();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        service.Name = new LocalisedText(Input.NameFi.Trim(), Blank(Input.NameSv), Blank(Input.NameEn));
        service.Summary = new LocalisedText(Input.SummaryFi.Trim(), Blank(Input.SummarySv), Blank(Input.SummaryEn));
        service.TargetGroups = Split(Input.TargetGroups);
        service.LifeEvents = Split(Input.LifeEvents);
        service.ServiceClasses = Split(Input.ServiceClasses);
        service.Customerships = customerships.Distinct().ToList();
        service.Level = Enum.Parse<ServiceLevel>(Input.Level);
        service.UnitCostEur = Input.UnitCostEur;
        service.NeedProfile = needProfile?.ToString();
        var fields = new Dictionary<string, string>
        {
            ["targetGroups"] = nameof(ServiceInput.TargetGroups),
            ["lifeEvents"] = nameof(ServiceInput.LifeEvents),
            ["serviceClasses"] = nameof(ServiceInput.ServiceClasses),
            ["unitCostEur"] = nameof(ServiceInput.UnitCostEur),
        };
        foreach (var problem in CatalogueRules.Check(service, service.Key))
        {
            var reason = texts["Catalogue.Problem." + problem.Reason, problem.Value ?? ""];
            ModelState.AddModelError(Field(fields.GetValueOrDefault(problem.Field, nameof(ServiceInput.NameFi))), reason);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        service.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        search.Invalidate();
        TempData["Saved"] = service.Key;
        return RedirectToPage("Index");
    }

    /// <summary>
    /// The need profile from the ten fields: null when all are empty (the demo profile of the service classes is then
    /// used), otherwise empty fields count as 0. A field that is not a whole number 0–10 gets an error naming it.
    /// </summary>
    private LifeVector? ReadNeedProfile()
    {
        // A value that fails to bind ends the bound array early; pad it so the page can show all ten fields again.
        Input.Need = [.. Input.Need.Take(LifeVector.Count), .. new int?[Math.Max(0, LifeVector.Count - Input.Need.Length)]];
        var values = new int[LifeVector.Count];
        var given = false;
        for (var i = 0; i < LifeVector.Count; i++)
        {
            var key = $"{nameof(Input)}.{nameof(ServiceInput.Need)}[{i}]";
            var value = Input.Need[i];
            var bindingFailed = ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;
            if (bindingFailed || value is < 0 or > 10)
            {
                // A binding error ("not valid") is replaced by the message that names the field; the typed text stays.
                var (raw, attempted) = (entry?.RawValue, entry?.AttemptedValue);
                ModelState.Remove(key);
                ModelState.AddModelError(key, texts["Validation.NeedScore", texts["LifeDimension." + Dimensions[i]]]);
                ModelState.SetModelValue(key, raw, attempted);
                continue;
            }

            given |= value is not null;
            values[i] = value ?? 0;
        }

        return given && ModelState.IsValid ? new LifeVector(values) : null;
    }

    private static string Field(string name) => $"{nameof(Input)}.{name}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Split(string? codes) =>
        (codes ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public sealed class ServiceInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.NameFi")]
        public string NameFi { get; set; } = "";

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.NameSv")]
        public string? NameSv { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.NameEn")]
        public string? NameEn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.SummaryFi")]
        public string SummaryFi { get; set; } = "";

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.SummarySv")]
        public string? SummarySv { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.SummaryEn")]
        public string? SummaryEn { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.TargetGroups")]
        public string? TargetGroups { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.LifeEvents")]
        public string? LifeEvents { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.ServiceClasses")]
        public string? ServiceClasses { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "EditService.Customerships")]
        public string? Customerships { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^(Universal|Basic|Specialist|Institutional)$", ErrorMessage = "Validation.Choice")]
        [Display(Name = "EditService.Level")]
        public string Level { get; set; } = nameof(ServiceLevel.Basic);

        [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Validation.Number")]
        [Display(Name = "EditService.UnitCost")]
        public decimal? UnitCostEur { get; set; }

        /// <summary>The need profile, one value 0–10 per <see cref="LifeDimension"/> in order; all empty for the demo profile.</summary>
        [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "Bound from the form's indexed fields.")]
        public int?[] Need { get; set; } = new int?[LifeVector.Count];
    }
}
