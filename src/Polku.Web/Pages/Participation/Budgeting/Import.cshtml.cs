using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>Staff import a round from a Pabulib <c>.pb</c> file, all or nothing; every error names its line and field.</summary>
[Authorize(Policy = Policies.ServiceDesign)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel(BudgetRounds rounds, IStringLocalizer<Texts> texts) : PageModel
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    public const string FileField = "pabulibFile";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? pabulibFile, CancellationToken ct)
    {
        if (pabulibFile is null || pabulibFile.Length == 0)
        {
            ModelState.AddModelError(FileField, texts["Budgeting.FileMissing"]);
            return Page();
        }

        using var reader = new StreamReader(pabulibFile.OpenReadStream(), System.Text.Encoding.UTF8);
        var import = await rounds.ImportAsync(await reader.ReadToEndAsync(ct), ct);
        if (import.Round is { } round)
        {
            TempData["Budgeting.Done"] = "Budgeting.Imported";
            return RedirectToPage("Round", new { id = round.Id });
        }

        Errors = [.. import.Errors.Take(100).Select(e => e.Describe(CultureInfo.CurrentUICulture))];
        ModelState.AddModelError(FileField, texts["Budgeting.ImportFailed", import.Errors.Count]);
        return Page();
    }
}
