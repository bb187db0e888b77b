using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Segmentation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Admin;

/// <summary>Segmentation instrument versions; an administrator loads a new version as JSON. Old assessments keep theirs.</summary>
public sealed class InstrumentsModel(Instruments instruments, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public UploadInput Input { get; set; } = new();

    public List<InstrumentVersion> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Versions = await instruments.AllAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var upload = await instruments.UploadAsync(Input.Json, (await actor.GetAsync(ct)).DisplayName, ct);
            if (upload.Stored is { } stored)
            {
                TempData["Loaded"] = $"{stored.Key} v{stored.Version.ToString(CultureInfo.InvariantCulture)}";
                return RedirectToPage();
            }

            foreach (var error in upload.Errors)
            {
                ModelState.AddModelError("Input.Json", texts["Instrument.Error." + error.Code, error.Field]);
            }
        }

        Versions = await instruments.AllAsync(ct);
        return Page();
    }

    public sealed class UploadInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500_000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Instruments.Json")]
        public string Json { get; set; } = "";
    }
}
