using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Paths;
using Polku.Web.Pages.Paths;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>"Minun polkuni": the client's own path and map, responsible worker, pending referrals and a link to the access log.</summary>
public sealed class PathModel(ClientPaths paths, CurrentActor actor, IStringLocalizer<Texts> texts, TimeProvider clock) : PageModel
{
    public PathView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(MapLanes lanes = MapLanes.Providers, CancellationToken ct = default)
    {
        var who = await actor.GetAsync(ct);
        var outcome = await paths.PathAsync(who, who.ClientId!.Value, ct);
        if (outcome.Value is not { } path)
        {
            return PathResults.Http(outcome.Error!.Value)!;
        }

        View = PathView.Build(path, lanes, forProfessional: false, texts, clock);
        return Page();
    }
}
