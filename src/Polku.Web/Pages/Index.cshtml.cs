using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;

namespace Polku.Web.Pages;

public sealed class IndexModel(PolkuDb db) : PageModel
{
    public int OrganisationCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganisationCount = await db.Organisations.CountAsync(ct);
    }
}
