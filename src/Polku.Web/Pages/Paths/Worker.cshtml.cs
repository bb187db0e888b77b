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

/// <summary>Proposes the responsible worker of an episode; the role is theirs only when they accept it.</summary>
public sealed class WorkerModel(ClientPaths paths, CurrentActor actor, PolkuDb db, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public WorkerInput Input { get; set; } = new();

    public string ClientName { get; private set; } = "";
    public Guid ClientId { get; private set; }
    public List<SelectListItem> Professionals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ?? Page();
        }

        var outcome = await paths.ProposeWorkerAsync(await actor.GetAsync(ct), Id, Input.ProfessionalId!.Value, Input.Version, ct);
        if (outcome.Error is { } error)
        {
            if (PathResults.Http(error) is { } http)
            {
                return http;
            }

            ModelState.AddModelError(string.Empty, texts[PathResults.Message(error)]);
            return await LoadAsync(ct) ?? Page();
        }

        TempData["PathMessage"] = "Paths.Done.Proposed";
        return Redirect($"/Paths/Client/{outcome.Value!.ClientId}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (path, episode, refusal) = await PathResults.OpenEpisodeAsync(paths, await actor.GetAsync(ct), Id, ct);
        if (path is null || episode is null)
        {
            return refusal;
        }

        ClientName = path.Client.FullName;
        ClientId = path.Client.Id;
        Input.Version = episode.Version;
        Professionals = await Shared.ProfessionalOptions.ListAsync(db, texts["Form.Choose"], new HashSet<int>(), ct);
        return null;
    }

    public sealed class WorkerInput
    {
        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Paths.ResponsibleWorker")]
        public int? ProfessionalId { get; set; }
    }
}
