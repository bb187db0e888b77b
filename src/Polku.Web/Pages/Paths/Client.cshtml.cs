using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Paths;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Paths;

/// <summary>A client's path for the professionals who may see it: episodes, referrals with their actions, the journey map.</summary>
public sealed class ClientModel(ClientPaths paths, CurrentActor actor, IStringLocalizer<Texts> texts, TimeProvider clock) : PageModel
{
    public PathView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, MapLanes lanes = MapLanes.Providers, CancellationToken ct = default)
    {
        var outcome = await paths.PathAsync(await actor.GetAsync(ct), id, ct);
        if (outcome.Value is not { } path)
        {
            return PathResults.Http(outcome.Error!.Value)!;
        }

        View = PathView.Build(path, lanes, forProfessional: true, texts, clock);
        return Page();
    }
}
