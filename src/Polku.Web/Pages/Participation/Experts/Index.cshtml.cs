using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Participation.Experts;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Experts;

/// <summary>
/// The experience-expert bank for staff (ServiceDesign): the experts with their areas, languages and weekdays, the
/// units' requests with their state, and the fees recorded. Experience areas are sensitive: never on a public page.
/// </summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class IndexModel(ExpertBank bank, PolkuDb db) : PageModel
{
    public List<Expert> Experts { get; private set; } = [];
    public List<ExpertRequest> Requests { get; private set; } = [];
    public Dictionary<int, int> MatchCounts { get; private set; } = [];
    public Dictionary<int, string> UnitNames { get; private set; } = [];
    public decimal FeesTotal { get; private set; }

    public string ExpertName(int? id) => Experts.FirstOrDefault(e => e.Id == id)?.Name ?? "–";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Experts = await bank.ExpertsAsync(ct);
        Requests = await bank.RequestsAsync(ct);
        MatchCounts = await bank.OpenMatchCountsAsync(ct);
        FeesTotal = Requests.Sum(r => r.Fee ?? 0m);
        var units = Requests.Select(r => r.OrganisationId).Distinct().ToList();
        var language = PolkuCultures.CurrentLanguage;
        UnitNames = (await db.Organisations.AsNoTracking().Where(o => units.Contains(o.Id)).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => o.Name.In(language));
    }
}
