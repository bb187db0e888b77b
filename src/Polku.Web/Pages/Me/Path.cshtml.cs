using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Clients;
using Polku.Core.Localisation;
using Polku.Core.Paths;
using Polku.Web.Pages.Paths;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>
/// "Minun polkuni": the client's own path and map, responsible worker, pending referrals and a link to the access log.
/// A guardian also sees the paths of their minor children (<c>?client=</c>), through <see cref="ClientAccess"/>.
/// </summary>
public sealed class PathModel(ClientPaths paths, ClientAccess access, CurrentActor actor, IStringLocalizer<Texts> texts, TimeProvider clock) : PageModel
{
    public PathView? View { get; private set; }
    public List<Client> Children { get; private set; } = [];
    public bool IsOwn { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? client, MapLanes lanes = MapLanes.Providers, CancellationToken ct = default)
    {
        var who = await actor.GetAsync(ct);
        var me = who.ClientId!.Value;
        var outcome = await paths.PathAsync(who, client ?? me, ct);
        if (outcome.Value is not { } path)
        {
            return PathResults.Http(outcome.Error!.Value)!;
        }

        IsOwn = path.Client.Id == me;
        View = PathView.Build(path, lanes, forProfessional: false, texts, clock);
        Children = await access.MinorChildrenAsync(me, ct);
        return Page();
    }
}
