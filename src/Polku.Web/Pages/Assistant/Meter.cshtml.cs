using System.ComponentModel.DataAnnotations;
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

/// <summary>The life-situation meter: ten scores and who is asking in, ranked services with their reasons out. A GET form.</summary>
public sealed class MeterModel(PolkuDb db, LifeSituationAdvice advice, IStringLocalizer<Texts> texts) : PageModel
{
    /// <summary>Scores by dimension index; a dictionary so that a link may give only some of them (M[6]=1).</summary>
    [BindProperty(SupportsGet = true)]
    public Dictionary<int, int?> M { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Assistant.Meter.Municipality")]
    public string? Municipality { get; set; }

    [BindProperty(SupportsGet = true)]
    [Range(0, 120, ErrorMessage = "Validation.Invalid")]
    [Display(Name = "Assistant.Meter.Age")]
    public int? Age { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Assistant.Meter.Language")]
    public string? ServiceLanguage { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Services.Channel")]
    public ChannelKind? Channel { get; set; }

    private static readonly string[] PolkuLanguages = ["fi", "sv", "en"];

    public List<Recommendation> Results { get; private set; } = [];
    private List<Municipality> _municipalities = [];

    public IEnumerable<SelectListItem> ScoreOptions =>
        Enumerable.Range(0, 11).Reverse().Select(v => new SelectListItem(
            v switch { 10 => texts["Assistant.Meter.Best"].Value, 0 => texts["Assistant.Meter.Worst"].Value, _ => v.ToString(System.Globalization.CultureInfo.CurrentCulture) },
            v.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public IEnumerable<SelectListItem> MunicipalityOptions =>
        new[] { new SelectListItem(texts["Services.Any"], "") }
            .Concat(_municipalities.OrderBy(m => m.Name.In(PolkuCultures.CurrentLanguage), StringComparer.CurrentCulture)
                .Select(m => new SelectListItem(m.Name.In(PolkuCultures.CurrentLanguage), m.Code)));

    public IEnumerable<SelectListItem> LanguageOptions =>
        new[] { new SelectListItem(texts["Services.Any"], "") }
            .Concat(PolkuLanguages.Select(l => new SelectListItem(texts["Language." + l], l)));

    public IEnumerable<SelectListItem> ChannelOptions =>
        new[] { new SelectListItem(texts["Services.Any"], "") }
            .Concat(Enum.GetValues<ChannelKind>().Select(k => new SelectListItem(texts["ChannelKind." + k], k.ToString())));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        _municipalities = await db.Municipalities.AsNoTracking().ToListAsync(ct);
        for (var i = 0; i < LifeVector.Count; i++)
        {
            M.TryAdd(i, null);
        }

        if (!Submitted || !ModelState.IsValid)
        {
            return Page();
        }

        Results = await advice.RecommendAsync(db, M, new RankingFilter(Municipality, Age, ServiceLanguage, Channel), ct);
        return Page();
    }
}
