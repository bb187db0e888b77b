using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me.Assessments;

/// <summary>The signed-in client's assessments whose client part is waiting for answers.</summary>
public sealed class IndexModel(Core.Segmentation.Assessments assessments, CurrentActor actor) : PageModel
{
    public List<Core.Segmentation.Assessment> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Waiting = await assessments.OpenForClientAsync(await actor.GetAsync(ct), ct);
}
