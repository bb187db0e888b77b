using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Networks;
using Polku.Web.Setup;

namespace Polku.Web.Pages.ServiceNetworks;

/// <summary>The service networks the reader may see: every network for the county's management, the owned ones for an owner.</summary>
public sealed class IndexModel(Polku.Core.Networks.ServiceNetworks networks, CurrentActor actor) : PageModel
{
    public List<ServiceNetwork> Networks { get; private set; } = [];

    public bool MayManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reader = await actor.GetAsync(ct);
        MayManage = Polku.Core.Networks.ServiceNetworks.MayManage(reader);
        Networks = await networks.VisibleAsync(reader, ct);
    }
}
