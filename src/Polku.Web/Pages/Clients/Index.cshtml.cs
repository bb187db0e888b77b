using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Clients;

/// <summary>The clients the signed-in professional may see: through a care relationship or the client's consent.</summary>
public sealed class IndexModel(ClientAccess access, CurrentActor actor) : PageModel
{
    public List<(Client Client, AuditPurpose Purpose)> Clients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Clients = await access.VisibleToAsync(await actor.GetAsync(ct), ct);
}
