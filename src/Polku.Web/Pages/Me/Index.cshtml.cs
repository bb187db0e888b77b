using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Web.Pages.Clients;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>The signed-in client's own data: basic details, who cares for them, their children, access log and export.</summary>
public sealed class IndexModel(ClientRecord record, CurrentActor actor) : PageModel
{
    public Client? Me { get; private set; }
    public List<(string Name, LocalisedText Title, LocalisedText Organisation)> CareTeam { get; private set; } = [];
    public List<Client> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (details, opening) = await record.OwnAsync(await actor.GetAsync(ct), ct);
        if (details is null)
        {
            return ClientPageResults.NotOpened(opening);
        }

        Me = details.Client;
        CareTeam = details.CareTeam.Select(m => (m.Name, m.Title, m.Organisation)).ToList();
        Children = details.Children;
        return Page();
    }
}
