using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Segmentation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Clients.Assessments;

/// <summary>A client's customership assessments over time, with the transitions; a professional starts a new one here.</summary>
public sealed class IndexModel(Core.Segmentation.Assessments assessments, CurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string ClientName { get; private set; } = "";
    public List<Assessment> History { get; private set; } = [];

    /// <summary>Confirmed outcomes oldest first, for the transitions.</summary>
    public List<Assessment> Confirmed => [.. History.Where(a => a.IsConfirmed).OrderBy(a => a.ConfirmedAt)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await assessments.HistoryAsync(await actor.GetAsync(ct), Id, ct);
        if (result.Error is { } error)
        {
            return AssessmentPageResults.For(error);
        }

        (var client, History) = result.Value;
        ClientName = client.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await assessments.StartAsync(await actor.GetAsync(ct), Id, ct);
        return result.Value is { } started
            ? Redirect($"/Clients/{Id}/Assessments/{started.Id}")
            : AssessmentPageResults.For(result.Error!.Value);
    }
}
