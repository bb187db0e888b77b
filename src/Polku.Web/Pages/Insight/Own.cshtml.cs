using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Data;
using Polku.Core.Insight;
using Polku.Core.Localisation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Insight;

/// <summary>
/// The dashboard of Polku's own data (SPEC §3.5): one section per data source (<see cref="IDashboardSection"/>; so
/// far the customership distribution and transitions), each table with a CSV download, filtered by period, area
/// (municipality) and unit. A plain GET form, so a selection is a link.
/// </summary>
public sealed class OwnModel(OwnDataSections sections, PolkuDb db, Polku.Core.Networks.ServiceNetworks networks, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    public IReadOnlyList<(IDashboardSection Section, IReadOnlyList<DashboardTable> Tables)> Sections { get; private set; } = [];

    public List<SelectListItem> AreaOptions { get; } = [];

    public List<SelectListItem> UnitOptions { get; } = [];

    public List<SelectListItem> NetworkOptions { get; } = [];

    private List<Polku.Core.Networks.ServiceNetwork> _networks = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadOptionsAsync(ct);
        if (TryFilter(out var filter))
        {
            Sections = await sections.BuildAsync(filter, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string table, CancellationToken ct)
    {
        _networks = await networks.VisibleAsync(await actor.GetAsync(ct), ct);
        if (!TryFilter(out var filter))
        {
            return RedirectToPage();
        }

        var found = (await sections.BuildAsync(filter, ct)).SelectMany(s => s.Tables).FirstOrDefault(t => t.Id == table);
        return found is null
            ? NotFound()
            : File(new UTF8Encoding(false).GetBytes(DashboardTables.ToCsv(found)), "text/csv; charset=utf-8", found.Id + ".csv");
    }

    /// <summary>The query string that repeats the current filter, for the CSV links.</summary>
    public string FilterQuery() =>
        (Filter.From is { } from ? "&Filter.From=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
        + (Filter.To is { } to ? "&Filter.To=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
        + (string.IsNullOrEmpty(Filter.Area) ? "" : "&Filter.Area=" + Uri.EscapeDataString(Filter.Area))
        + (Filter.Unit is { } unit ? "&Filter.Unit=" + unit.ToString(CultureInfo.InvariantCulture) : "")
        + (Filter.Network is { } network ? "&Filter.Network=" + network.ToString(CultureInfo.InvariantCulture) : "");

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        AreaOptions.Add(new SelectListItem(texts["Insight.Own.All"], ""));
        foreach (var m in (await db.Municipalities.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.Name.InCurrentCulture(), StringComparer.CurrentCulture))
        {
            AreaOptions.Add(new SelectListItem(m.Name.InCurrentCulture(), m.Code));
        }

        UnitOptions.AddRange(await Shared.UnitOptions.ListAsync(db, texts["Insight.Own.All"], ct));
        _networks = await networks.VisibleAsync(await actor.GetAsync(ct), ct);
        NetworkOptions.Add(new SelectListItem(texts["Insight.Own.All"], ""));
        NetworkOptions.AddRange(_networks.Select(n => new SelectListItem(n.Name.InCurrentCulture(), n.Id.ToString(CultureInfo.InvariantCulture))));
    }

    private bool TryFilter(out OwnDataFilter filter)
    {
        filter = new OwnDataFilter();
        if (!ModelState.IsValid)
        {
            return false;
        }

        if (Filter is { From: { } from, To: { } to } && to < from)
        {
            ModelState.AddModelError("Filter.To", texts["Insight.Filter.ToBeforeFrom"]);
            return false;
        }

        IReadOnlyList<int>? units = null;
        if (Filter.Network is { } networkId)
        {
            if (_networks.FirstOrDefault(n => n.Id == networkId) is not { } network)
            {
                ModelState.AddModelError("Filter.Network", texts["Networks.Problem.NotFound"]);
                return false;
            }

            units = network.MemberIds;
        }

        filter = new OwnDataFilter(Filter.From, Filter.To, string.IsNullOrEmpty(Filter.Area) ? null : Filter.Area, Filter.Unit, units);
        return true;
    }

    public sealed class FilterInput
    {
        [Display(Name = "Insight.Filter.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Insight.Filter.To")]
        public DateOnly? To { get; set; }

        [Display(Name = "Insight.Own.Area")]
        [RegularExpression("^[0-9]{3}$", ErrorMessage = "Insight.Filter.BadArea")]
        public string? Area { get; set; }

        [Display(Name = "Insight.Own.Unit")]
        public int? Unit { get; set; }

        [Display(Name = "Insight.Own.Network")]
        public int? Network { get; set; }
    }
}
