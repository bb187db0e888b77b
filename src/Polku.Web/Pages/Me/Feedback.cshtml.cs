using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Participation.Feedback;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Me;

/// <summary>The client's own signed feedback and what came of it (anonymous feedback cannot be shown: it has no giver).</summary>
public sealed class FeedbackModel(FeedbackLoop loop, CurrentActor actor, PolkuDb db) : PageModel
{
    public List<FeedbackItem> Items { get; private set; } = [];
    public Dictionary<int, LocalisedText> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await loop.OwnAsync(await actor.GetAsync(ct), ct);
        var ids = Items.Select(i => i.OrganisationId).Distinct().ToList();
        Units = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
