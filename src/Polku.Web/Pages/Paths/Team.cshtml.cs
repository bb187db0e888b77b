using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
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
        if (await paths.ClientOfEpisodeAsync(Id, ct) is not { } clientId)
        {
            return NotFound();
        }

        var outcome = await paths.PathAsync(await actor.GetAsync(ct), clientId, ct);
        if (outcome.Value is not { } path)
        {
            return PathResults.Http(outcome.Error!.Value);
        }

        var episode = path.Episodes.Single(e => e.Id == Id);
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
        var language = PolkuCultures.CurrentLanguage;
        Professionals = [.. (await db.Professionals.AsNoTracking().Include(p => p.Organisation).ToListAsync(ct))
            .Where(p => !current.Contains(p.Id))
            .OrderBy(p => p.LastName, StringComparer.CurrentCulture)
            .Select(p => new SelectListItem($"{p.FullName}, {p.Title.In(language)} ({p.Organisation!.Name.In(language)})", p.Id.ToString(CultureInfo.InvariantCulture)))];
        Professionals.Insert(0, new SelectListItem(texts["Form.Choose"], ""));
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
