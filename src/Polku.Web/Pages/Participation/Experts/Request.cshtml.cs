using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Participation.Experts;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Experts;

/// <summary>
/// Staff post a unit's request for an experience expert; with <c>?id=N</c> the request with its matching experts, why
/// each matches, and a booking form with the fee per match; once booked, who and for what fee.
/// </summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class RequestModel(ExpertBank bank, PolkuDb db, TimeProvider clock, IStringLocalizer<Texts> texts) : PageModel
{
    /// <summary>The new request's form; bound only by its own handler, so a booking does not validate it.</summary>
    public RequestInput Input { get; set; } = new();

    /// <summary>The fee field of each match's booking form, by expert id; a booking posts only its own.</summary>
    public Dictionary<int, string?> Fees { get; } = [];

    /// <summary>The request shown; null on the new-request form.</summary>
    public ExpertRequest? Wanted { get; private set; }

    public string UnitName { get; private set; } = "";
    public IReadOnlyList<Expert> Matches { get; private set; } = [];
    public IReadOnlyList<ExpertNearMiss> NearMisses { get; private set; } = [];
    public Expert? BookedExpert { get; private set; }
    public List<SelectListItem> UnitOptions { get; private set; } = [];

    public IEnumerable<SelectListItem> AreaOptions => ExpertPages.WithChoose(texts, ExpertPages.AreaOptions(texts));
    public IEnumerable<SelectListItem> LanguageOptions => ExpertPages.WithChoose(texts, ExpertPages.LanguageOptions(texts));

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            await LoadUnitsAsync(ct);
            return Page();
        }

        return await LoadAsync(id.Value, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await TryUpdateModelAsync(Input, nameof(Input));
        if (Input.Date is { } date && date < FinnishTime.Today(clock))
        {
            ModelState.AddModelError("Input.Date", texts["Experts.Validation.DateInPast"]);
        }

        if (Input.Area is { } area && !ExpertCodes.IsArea(area))
        {
            ModelState.AddModelError("Input.Area", texts["Validation.Choice"]);
        }

        if (Input.Language is { } language && !ExpertCodes.Languages.Contains(language, StringComparer.Ordinal))
        {
            ModelState.AddModelError("Input.Language", texts["Validation.Choice"]);
        }

        if (Input.Unit is { } unit && !await db.Organisations.AnyAsync(o => o.Id == unit, ct))
        {
            ModelState.AddModelError("Input.Unit", texts["Validation.Choice"]);
        }

        var request = ModelState.IsValid
            ? await bank.RequestAsync(Input.Unit!.Value, Input.Description, Input.Area!, Input.Language!, Input.Date!.Value, ct)
            : null;
        if (request is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("Input.Description", texts["Experts.Problem.Empty"]);
            }

            await LoadUnitsAsync(ct);
            return Page();
        }

        TempData["Experts.Done"] = "Experts.Requested";
        return RedirectToPage(new { id = request.Id });
    }

    public async Task<IActionResult> OnPostBookAsync(int id, int expertId, CancellationToken ct)
    {
        var field = $"{nameof(Fees)}[{expertId.ToString(CultureInfo.InvariantCulture)}]";
        Fees[expertId] = Request.Form[field].ToString();
        var fee = ExpertPages.ParseFee(Fees[expertId]);
        ExpertProblem? problem = fee switch
        {
            null => null,
            < 0 => ExpertProblem.InvalidFee,
            _ => await bank.BookAsync(id, expertId, fee.Value, ct),
        };
        if (fee is null || problem == ExpertProblem.InvalidFee)
        {
            ModelState.AddModelError(field, texts[fee is null ? "Experts.Validation.Fee" : "Experts.Problem.InvalidFee"]);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        if (problem == ExpertProblem.NotFound)
        {
            TempData["Experts.Problem"] = "Experts.Problem.NotFound";
            return RedirectToPage("Index");
        }

        if (problem is null)
        {
            TempData["Experts.Done"] = "Experts.BookedDone";
        }
        else
        {
            TempData["Experts.Problem"] = "Experts.Problem." + problem;
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await bank.FindRequestAsync(id, ct) is not { } request)
        {
            return false;
        }

        Wanted = request;
        var language = PolkuCultures.CurrentLanguage;
        UnitName = (await db.Organisations.AsNoTracking().Where(o => o.Id == request.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct))?.In(language) ?? "–";
        if (request.BookedExpertId is { } booked)
        {
            BookedExpert = await bank.FindExpertAsync(booked, ct);
            return true;
        }

        Matches = await bank.MatchesAsync(id, ct);
        NearMisses = Matches.Count == 0 ? await bank.NearMissesAsync(id, ct) : [];
        foreach (var match in Matches)
        {
            Fees.TryAdd(match.Id, null);
        }

        return true;
    }

    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        UnitOptions = await Shared.UnitOptions.ListAsync(db, texts["Form.Choose"], ct);
    }

    public sealed class RequestInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Experts.Field.Unit")]
        public int? Unit { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Experts.Field.Description")]
        public string Description { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Experts.Field.Area")]
        public string? Area { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Experts.Field.Language")]
        public string? Language { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Experts.Field.Date")]
        public DateOnly? Date { get; set; }
    }
}
