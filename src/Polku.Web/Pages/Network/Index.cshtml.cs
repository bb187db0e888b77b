using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Web.Pages.Network;

/// <summary>The organisations of the service network, by kind. Public information.</summary>
public sealed class IndexModel(PolkuDb db) : PageModel
{
    public List<IGrouping<OrganisationKind, Organisation>> Groups { get; private set; } = [];
    public Dictionary<string, LocalisedText> Municipalities { get; private set; } = [];

    /// <summary>How many catalogue services each organisation is responsible for, by organisation id.</summary>
    public Dictionary<int, int> ServiceCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var language = PolkuCultures.CurrentLanguage;
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        Groups = organisations
            .OrderBy(o => o.Name.In(language), StringComparer.CurrentCulture)
            .GroupBy(o => o.Kind)
            .OrderBy(g => g.Key)
            .ToList();
        Municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        ServiceCounts = await db.Services.GroupBy(s => s.ResponsibleOrganisationId).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
    }
}
