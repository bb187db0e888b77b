using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Participation.Panels;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Panels;

/// <summary>The public list of customer panels; staff (ServiceDesign) also see the way to found one.</summary>
public sealed class IndexModel(CustomerPanels panels, IAuthorizationService authorization) : PageModel
{
    public List<Panel> Panels { get; private set; } = [];
    public bool IsStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Panels = await panels.AllAsync(ct);
        IsStaff = (await authorization.AuthorizeAsync(User, Policies.ServiceDesign)).Succeeded;
    }
}
