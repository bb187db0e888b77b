using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Insight;
using Polku.Core.Networks;
using Polku.Web.Setup;

namespace Polku.Web.Pages.ServiceNetworks;

/// <summary>
/// A network's page for its owner and the county: the effectiveness figures over the window, where each figure stands
/// against its threshold, the open alerts in the network's organisations (counts only) and the members.
/// </summary>
public sealed class DetailsModel(Polku.Core.Networks.ServiceNetworks networks, CurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public NetworkReport Report { get; private set; } = null!;

    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var reader = await actor.GetAsync(ct);
        var (report, problem) = await networks.ReportAsync(reader, Id, ct);
        if (NetworkResults.Http(problem) is { } refused)
        {
            return refused;
        }

        Report = report!;
        MayManage = Polku.Core.Networks.ServiceNetworks.MayManage(reader);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var (report, problem) = await networks.ReportAsync(await actor.GetAsync(ct), Id, ct);
        return NetworkResults.Http(problem)
            ?? File(new UTF8Encoding(false).GetBytes(DashboardTables.ToCsv(report!.Figures)), "text/csv; charset=utf-8", $"network-{Id}-{report.Figures.Id}.csv");
    }
}
