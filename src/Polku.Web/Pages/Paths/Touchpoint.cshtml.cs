using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core;
using Polku.Core.Catalogue;
using Polku.Core.Localisation;
using Polku.Core.Paths;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Paths;

/// <summary>Records a touchpoint of the signed-in professional with the client, with the client's rating if given.</summary>
public sealed class TouchpointModel(ClientPaths paths, CurrentActor actor, IStringLocalizer<Texts> texts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Episode { get; set; }

    [BindProperty]
    public TouchpointForm Input { get; set; } = new();

    public string ClientName { get; private set; } = "";

    public IEnumerable<SelectListItem> Channels => Enum.GetValues<ChannelKind>().Select(k => new SelectListItem(texts["ChannelKind." + k], k.ToString()));

    public IEnumerable<SelectListItem> Ratings =>
        new[] { new SelectListItem(texts["Paths.NoRating"], "") }.Concat(Enumerable.Range(1, 5).Select(i => new SelectListItem(texts["Paths.RatingValue", i], i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Date = FinnishTime.Today(clock);
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Date is { } day && day > FinnishTime.Today(clock))
        {
            ModelState.AddModelError("Input.Date", texts["Validation.NotInFuture"]);
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ?? Page();
        }

        var today = FinnishTime.Today(clock);
        var at = Input.Date == today ? clock.GetUtcNow().UtcDateTime : FinnishTime.StartOfDayUtc(Input.Date!.Value).AddHours(12);
        var outcome = await paths.RecordTouchpointAsync(await actor.GetAsync(ct), Id, new TouchpointInput(Episode, at, null, Input.Channel, Input.Rating, Input.Note), ct);
        if (outcome.Error is { } error)
        {
            if (PathResults.Http(error) is { } http)
            {
                return http;
            }

            ModelState.AddModelError(error == PathError.DateOutOfRange ? "Input.Date" : string.Empty, texts[PathResults.Message(error)]);
            return await LoadAsync(ct) ?? Page();
        }

        TempData["PathMessage"] = "Paths.Done.Touchpoint";
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
        return path.Episodes.Any(e => e.Id == Episode && e.IsOpen) ? null : NotFound();
    }

    public sealed class TouchpointForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Paths.Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Paths.Channel")]
        public ChannelKind Channel { get; set; } = ChannelKind.ServiceLocation;

        [Range(1, 5, ErrorMessage = "Validation.Choice")]
        [Display(Name = "Paths.Rating")]
        public int? Rating { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Paths.Note")]
        public string? Note { get; set; }
    }
}
