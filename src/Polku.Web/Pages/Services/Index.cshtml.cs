using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;

namespace Polku.Web.Pages.Services;

/// <summary>Browse and search the service catalogue. Public; a plain GET form, so it works without JavaScript.</summary>
public sealed class IndexModel(PolkuDb db, CatalogueSearch search, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Services.Query")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Services.TargetGroup")]
    public string? TargetGroup { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Services.LifeEvent")]
    public string? LifeEvent { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Services.Channel")]
    public ChannelKind? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Services.Area")]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Services.Customership")]
    public Customership? Customership { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Services.Level")]
    public ServiceLevel? Level { get; set; }

    /// <summary>Only the services an organisation is responsible for or produces (the link from the network page).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Organisation { get; set; }

    public List<Service> Results { get; private set; } = [];
    public Dictionary<string, LocalisedText> Municipalities { get; private set; } = [];
    public bool Filtered { get; private set; }

    public IEnumerable<SelectListItem> TargetGroupOptions => Codes(CatalogueCodes.TargetGroups);
    public IEnumerable<SelectListItem> LifeEventOptions => Codes(CatalogueCodes.LifeEvents);
    public IEnumerable<SelectListItem> ChannelOptions => Enums<ChannelKind>("ChannelKind.");
    public IEnumerable<SelectListItem> CustomershipOptions =>
        new[] { new SelectListItem(texts["Services.Any"], "") }
            .Concat(Customerships.Four.Select(c => new SelectListItem(texts["Customership." + c], c.ToString())));
    public IEnumerable<SelectListItem> LevelOptions => Enums<ServiceLevel>("ServiceLevel.");
    public IEnumerable<SelectListItem> AreaOptions =>
        new[] { new SelectListItem(texts["Services.Any"], "") }
            .Concat(Municipalities.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new SelectListItem($"{m.Value.In(PolkuCultures.CurrentLanguage)} ({m.Key})", m.Key)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        if (!ModelState.IsValid)
        {
            return;
        }

        var query = new CatalogueQuery(Q, Blank(TargetGroup), Blank(LifeEvent), Channel, Blank(Area), Customership, Level);
        Filtered = query != new CatalogueQuery() || Organisation is not null;
        var ids = await search.SearchAsync(db, query, ct: ct);
        var services = await db.Services.AsNoTracking().Include(s => s.ResponsibleOrganisation).Include(s => s.Channels)
            .Include(s => s.Producers)
            .Where(s => ids.Contains(s.Id))
            .Where(s => Organisation == null || s.ResponsibleOrganisationId == Organisation || s.Producers.Any(p => p.Id == Organisation))
            .ToDictionaryAsync(s => s.Id, ct);
        var language = PolkuCultures.CurrentLanguage;
        Results = string.IsNullOrWhiteSpace(Q)
            ? services.Values.OrderBy(s => s.Name.In(language), StringComparer.CurrentCulture).ToList()
            : ids.Where(services.ContainsKey).Select(id => services[id]).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private IEnumerable<SelectListItem> Codes(IReadOnlyDictionary<string, LocalisedText> codes) =>
        new[] { new SelectListItem(texts["Services.Any"], "") }
            .Concat(codes.Select(c => new SelectListItem($"{c.Value.In(PolkuCultures.CurrentLanguage)} ({c.Key})", c.Key)));

    private IEnumerable<SelectListItem> Enums<T>(string prefix)
        where T : struct, Enum =>
        new[] { new SelectListItem(texts["Services.Any"], "") }
            .Concat(Enum.GetNames<T>().Select(n => new SelectListItem(texts[prefix + n], n)));
}
