using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Participation.Panels;

namespace Polku.Web.Pages.Participation.Panels;

/// <summary>The public list of customer panels.</summary>
public sealed class IndexModel(CustomerPanels panels) : PageModel
{
    public List<Panel> Panels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Panels = await panels.AllAsync(ct);
}
