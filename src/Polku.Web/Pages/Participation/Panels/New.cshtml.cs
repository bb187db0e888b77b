using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Participation.Panels;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Panels;

/// <summary>
/// Staff found a customer panel: name, unit, purpose, the background question it is stratified by and the seats per
/// stratum (rows left empty are ignored; "prefer not to say" has its own seats). The size is the sum of the seats.
/// </summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class NewModel(CustomerPanels panels, PolkuDb db, IStringLocalizer<Texts> texts) : PageModel
{
    /// <summary>How many stratum rows the form offers; enough for age groups or areas of a unit.</summary>
    public const int QuotaRows = 6;

    [BindProperty]
    public NewPanelInput Input { get; set; } = new();

    public List<SelectListItem> Units { get; private set; } = [];

    public IEnumerable<SelectListItem> Dimensions =>
        Enum.GetValues<PanelDimension>().Select(d => new SelectListItem(texts["Panels.Field." + d], d.ToString()));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var quotas = ReadQuotas();
        if (ModelState.IsValid && !await db.Organisations.AnyAsync(o => o.Id == Input.OrganisationId, ct))
        {
            ModelState.AddModelError("Input.OrganisationId", texts["Validation.Required", texts["Panels.Field.Unit"]]);
        }

        var panel = ModelState.IsValid
            ? await panels.CreateAsync(Input.Name, Input.OrganisationId!.Value, Input.Purpose, Input.StratifyBy, quotas, ct)
            : null;
        if (panel is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("Input.Quotas[0].Stratum", texts["Panels.Problem.InvalidQuotas"]);
            }

            await LoadAsync(ct);
            return Page();
        }

        TempData["Panels.Done"] = "Panels.Created";
        return RedirectToPage("Panel", new { id = panel.Id });
    }

    /// <summary>The filled rows as quotas; a half-filled row, a repeated stratum or no seats at all is an error on its field.</summary>
    private List<StratumQuota> ReadQuotas()
    {
        var quotas = new List<StratumQuota>();
        for (var i = 0; i < Input.Quotas.Count; i++)
        {
            var row = Input.Quotas[i];
            var stratum = row.Stratum?.Trim();
            var row1 = (i + 1).ToString(CultureInfo.CurrentCulture);
            if (string.IsNullOrEmpty(stratum) && row.Seats is null or 0)
            {
                continue;
            }

            if (string.IsNullOrEmpty(stratum))
            {
                ModelState.AddModelError($"Input.Quotas[{i}].Stratum", texts["Panels.Problem.StratumMissing", row1]);
            }
            else if (row.Seats is null or < 1)
            {
                ModelState.AddModelError($"Input.Quotas[{i}].Seats", texts["Panels.Problem.SeatsMissing", row1]);
            }
            else if (string.Equals(stratum, PanelVolunteer.Undisclosed, StringComparison.OrdinalIgnoreCase)
                || quotas.Any(q => string.Equals(q.Stratum, stratum, StringComparison.OrdinalIgnoreCase)))
            {
                ModelState.AddModelError($"Input.Quotas[{i}].Stratum", texts["Panels.Problem.StratumTwice", row1, stratum]);
            }
            else
            {
                quotas.Add(new StratumQuota(stratum, row.Seats.Value));
            }
        }

        if (Input.UndisclosedSeats is > 0)
        {
            quotas.Add(new StratumQuota(PanelVolunteer.Undisclosed, Input.UndisclosedSeats.Value));
        }

        if (ModelState.IsValid && quotas.Count == 0)
        {
            ModelState.AddModelError("Input.Quotas[0].Stratum", texts["Panels.Problem.NoSeats"]);
        }

        return quotas;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        while (Input.Quotas.Count < QuotaRows)
        {
            Input.Quotas.Add(new QuotaRow());
        }

        Units = await Shared.UnitOptions.ListAsync(db, texts["Form.Choose"], ct);
    }
}

public sealed class NewPanelInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Field.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Panels.Field.Unit")]
    public int? OrganisationId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Field.Purpose")]
    public string Purpose { get; set; } = "";

    [Display(Name = "Panels.StratifyBy")]
    public PanelDimension StratifyBy { get; set; }

    public List<QuotaRow> Quotas { get; set; } = [];

    [Range(0, 1000, ErrorMessage = "Validation.Number")]
    [Display(Name = "Panels.Field.UndisclosedSeats")]
    public int? UndisclosedSeats { get; set; }
}

public sealed class QuotaRow
{
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Stratum")]
    public string? Stratum { get; set; }

    [Range(0, 1000, ErrorMessage = "Validation.Number")]
    [Display(Name = "Panels.Seats")]
    public int? Seats { get; set; }
}
