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

/// <summary>Refers the client, or hands the path over, to another organisation of the network.</summary>
public sealed class ReferModel(ClientPaths paths, CurrentActor actor, PolkuDb db, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Episode { get; set; }

    [BindProperty]
    public ReferInput Input { get; set; } = new();

    public string ClientName { get; private set; } = "";
    public List<SelectListItem> Organisations { get; private set; } = [];

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<ReferralKind>().Select(k => new SelectListItem(texts["ReferralKind." + k], k.ToString()));

    public IEnumerable<SelectListItem> ConsentOptions =>
    [
        new(texts["Paths.ClientConsented"], "yes"),
        new(texts["Paths.WithoutConsent"], "override"),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Consent == "override" && string.IsNullOrWhiteSpace(Input.OverrideReason))
        {
            ModelState.AddModelError("Input.OverrideReason", texts["Validation.ReferralOverrideReason"]);
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ?? Page();
        }

        var outcome = await paths.RequestReferralAsync(
            await actor.GetAsync(ct), Id,
            new ReferralInput(Episode, Input.Kind, Input.ToOrganisationId!.Value, null, null, Input.Reason!, Input.Consent == "yes", Input.OverrideReason), ct);
        if (outcome.Error is { } error)
        {
            if (PathResults.Http(error) is { } http)
            {
                return http;
            }

            ModelState.AddModelError(error == PathError.SameOrganisation ? "Input.ToOrganisationId" : string.Empty, texts[PathResults.Message(error)]);
            return await LoadAsync(ct) ?? Page();
        }

        TempData["PathMessage"] = "Paths.Done.Refer";
        return Redirect($"/Paths/Client/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var outcome = await paths.PathAsync(await actor.GetAsync(ct), Id, ct);
        if (outcome.Value is not { } path)
        {
            return PathResults.Http(outcome.Error!.Value);
        }

        if (!path.Episodes.Any(e => e.Id == Episode && e.IsOpen))
        {
            return NotFound();
        }

        ClientName = path.Client.FullName;
        Organisations = await Shared.UnitOptions.ListAsync(db, texts["Form.Choose"], ct);
        return null;
    }

    public sealed class ReferInput
    {
        [Display(Name = "Paths.Kind")]
        public ReferralKind Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Paths.To")]
        public int? ToOrganisationId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Paths.Reason")]
        public string? Reason { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^(yes|override)$", ErrorMessage = "Validation.Choice")]
        [Display(Name = "Paths.ConsentBasis")]
        public string? Consent { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Paths.OverrideReason")]
        public string? OverrideReason { get; set; }
    }
}
