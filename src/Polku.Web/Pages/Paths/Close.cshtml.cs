using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Localisation;
using Polku.Core.Paths;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Paths;

/// <summary>Closes an episode; refused, naming them, while referrals of the episode still wait for an answer.</summary>
public sealed class CloseModel(ClientPaths paths, ClientAccess access, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    private IReadOnlyDictionary<int, Organisation> _organisations = new Dictionary<int, Organisation>();

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public CloseInput Input { get; set; } = new();

    public string ClientName { get; private set; } = "";
    public string EpisodeTitle { get; private set; } = "";
    public Guid ClientId { get; private set; }

    /// <summary>The episode's referrals that still wait for an answer; closing is refused while there are any.</summary>
    public List<Referral> Pending { get; private set; } = [];

    public string OrganisationName(int id, string language) => _organisations.TryGetValue(id, out var o) ? o.Name.In(language) : "–";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(keepVersion: false, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(keepVersion: true, ct) ?? Page();
        }

        var me = await actor.GetAsync(ct);
        var outcome = await paths.CloseEpisodeAsync(me, Id, Input.Version, Input.Reason, ct);
        if (outcome.Error is { } error)
        {
            if (PathResults.Http(error) is { } http)
            {
                return http;
            }

            ModelState.AddModelError(string.Empty, texts[PathResults.Message(error)]);
            return await LoadAsync(keepVersion: error != PathError.Conflict, ct) ?? Page();
        }

        TempData["PathMessage"] = "Paths.Done.Closed";
        var clientId = outcome.Value!.ClientId;

        // Closing ends team-based care relationships, possibly the closer's own: then the desk is where they can go.
        return (await access.DecideAsync(me, clientId, ct)).Allowed ? Redirect($"/Paths/Client/{clientId}") : Redirect("/Paths");
    }

    private async Task<IActionResult?> LoadAsync(bool keepVersion, CancellationToken ct)
    {
        var (path, episode, refusal) = await PathResults.OpenEpisodeAsync(paths, await actor.GetAsync(ct), Id, ct);
        if (path is null || episode is null)
        {
            return refusal;
        }

        var clientId = path.Client.Id;
        if (!episode.IsOpen)
        {
            return Redirect($"/Paths/Client/{clientId}");
        }

        ClientName = path.Client.FullName;
        ClientId = clientId;
        EpisodeTitle = episode.Title;
        _organisations = path.Organisations;
        Pending = [.. path.Referrals.Where(r => r.EpisodeId == Id && r.Status == ReferralStatus.Requested)];
        if (!keepVersion)
        {
            Input.Version = episode.Version;
        }

        return null;
    }

    public sealed class CloseInput
    {
        public int Version { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Paths.CloseReason")]
        public string? Reason { get; set; }
    }
}
