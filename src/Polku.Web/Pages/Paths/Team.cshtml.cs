using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Paths;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Paths;

/// <summary>The care team of an episode: its current members with their since-dates, adding a professional and removing a member.</summary>
public sealed class TeamModel(ClientPaths paths, CurrentActor actor, PolkuDb db, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public TeamInput Input { get; set; } = new();

    public string ClientName { get; private set; } = "";
    public string EpisodeTitle { get; private set; } = "";
    public Guid ClientId { get; private set; }
    public List<(TeamMember Member, string Name)> Members { get; private set; } = [];
    public List<SelectListItem> Professionals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(keepVersion: false, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(keepVersion: true, ct) ?? Page();
        }

        var outcome = await paths.AddTeamMemberAsync(await actor.GetAsync(ct), Id, Input.ProfessionalId!.Value, Input.Version, ct);
        return await AfterAsync(outcome, "Paths.Done.TeamAdded", ct);
    }

    /// <summary>Removes one member; the form carries only the member's row id and the version seen.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int memberId, int version, CancellationToken ct)
    {
        ModelState.Clear();
        Input.Version = version;
        var outcome = await paths.RemoveTeamMemberAsync(await actor.GetAsync(ct), Id, memberId, version, ct);
        return await AfterAsync(outcome, "Paths.Done.TeamRemoved", ct);
    }

    private async Task<IActionResult> AfterAsync(PathOutcome<Episode> outcome, string done, CancellationToken ct)
    {
        if (outcome.Error is { } error)
        {
            if (PathResults.Http(error) is { } http)
            {
                return http;
            }

            ModelState.AddModelError(string.Empty, texts[PathResults.Message(error)]);
            return await LoadAsync(keepVersion: error != PathError.Conflict, ct) ?? Page();
        }

        TempData["PathMessage"] = done;
        return Redirect($"/Paths/Episode/{Id}/Team");
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
        if (!keepVersion)
        {
            Input.Version = episode.Version;
        }

        Members = [.. episode.Team.Where(t => t.Until is null).OrderBy(t => t.Since)
            .Select(t => (t, path.Professional(t.ProfessionalId)?.FullName ?? "–"))];
        var current = Members.Select(m => m.Member.ProfessionalId).ToHashSet();
        Professionals = await Shared.ProfessionalOptions.ListAsync(db, texts["Form.Choose"], current, ct);
        return null;
    }

    public sealed class TeamInput
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Paths.TeamMember")]
        public int? ProfessionalId { get; set; }
    }
}
