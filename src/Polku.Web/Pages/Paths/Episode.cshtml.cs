using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Paths;
using Polku.Web.Setup;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Web.Pages.Paths;

/// <summary>Opens a new episode of the client's path, led by the professional's organisation.</summary>
public sealed class EpisodeModel(ClientPaths paths, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EpisodeInput Input { get; set; } = new();

    public string ClientName { get; private set; } = "";

    public IEnumerable<SelectListItem> Customerships =>
        new[] { new SelectListItem(texts["Paths.FromAssessment"], "") }
            .Concat(Enum.GetValues<Customership>().Where(c => c != Customership.Exit).Select(c => new SelectListItem(texts["Customership." + c], c.ToString())));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ?? Page();
        }

        var outcome = await paths.OpenEpisodeAsync(await actor.GetAsync(ct), Id, Input.Title!, Input.Customership, ct);
        if (outcome.Error is { } error)
        {
            return PathResults.Http(error) ?? BadRequest();
        }

        TempData["PathMessage"] = "Paths.Done.Episode";
        return Redirect($"/Paths/Client/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await paths.PathAsync(await actor.GetAsync(ct), Id, ct);
        if (outcome.Value is not { } path)
        {
            return PathResults.Http(outcome.Error!.Value);
        }

        ClientName = path.Client.FullName;
        return null;
    }

    public sealed class EpisodeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Paths.EpisodeName")]
        public string? Title { get; set; }

        [Display(Name = "Paths.Customership")]
        public Customership? Customership { get; set; }
    }
}
