using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Web.Pages.Admin.Services;

/// <summary>Catalogue administration: the services, and the PTV v11 import (upload of the two list documents).</summary>
[RequestSizeLimit(2 * MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * MaxUploadBytes)]
public sealed class IndexModel(PolkuDb db, PtvImporter importer, CatalogueSearch search, IStringLocalizer<Texts> texts) : PageModel
{
    public const long MaxUploadBytes = 50 * 1024 * 1024;

    public List<Service> Services { get; private set; } = [];
    public PtvImportReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? servicesFile, IFormFile? channelsFile, CancellationToken ct)
    {
        if (servicesFile is null || servicesFile.Length == 0)
        {
            ModelState.AddModelError("servicesFile", texts["AdminServices.FileMissing"]);
        }

        if (channelsFile is null || channelsFile.Length == 0)
        {
            ModelState.AddModelError("channelsFile", texts["AdminServices.FileMissing"]);
        }

        if (ModelState.IsValid)
        {
            Report = await importer.ImportAsync(await ReadAsync(servicesFile!, ct), await ReadAsync(channelsFile!, ct), ct);
            if (Report.Succeeded)
            {
                search.Invalidate();
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private static async Task<string> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Services = await db.Services.AsNoTracking().OrderBy(s => s.Name.Fi).ToListAsync(ct);
}
