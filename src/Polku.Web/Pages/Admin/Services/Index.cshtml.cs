using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Admin.Services;

/// <summary>
/// Catalogue administration: the services, and the PTV v11 import (upload of the two list documents). The upload is
/// read as it arrives (<see cref="StreamedUpload"/>) and each document may be at most <see cref="MaxUploadBytes"/>:
/// a larger one is refused with its field named before anything is parsed.
/// </summary>
[StreamedForm]
[IgnoreAntiforgeryToken]
[RequestSizeLimit((800L << 20) + (1 << 20))]
public sealed class IndexModel(PolkuDb db, PtvImporter importer, CatalogueSearch search, IStringLocalizer<Texts> texts, IOptions<UploadLimits> limits)
    : PageModel
{
    /// <summary>Each document may be at most this large (<see cref="UploadLimits.PtvDocumentBytes"/>).</summary>
    public long MaxUploadBytes => limits.Value.PtvDocumentBytes;
    private const string ServicesField = "servicesFile";
    private const string ChannelsField = "channelsFile";

    public List<Service> Services { get; private set; } = [];
    public PtvImportReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var documents = new Dictionary<string, string>();
        var tooLarge = new List<string>();
        var (problem, _) = await StreamedUpload.ReadAsync(HttpContext, 2 * MaxUploadBytes + (1 << 20), async (name, fileName, stream) =>
        {
            if (name is ServicesField or ChannelsField && fileName.Length > 0 && !documents.ContainsKey(name))
            {
                if (await ReadAsync(stream, ct) is { } text)
                {
                    documents[name] = text;
                }
                else
                {
                    tooLarge.Add(name);
                }
            }
        }, ct);

        switch (problem)
        {
            case UploadProblem.NotAForm or UploadProblem.BadToken:
                return BadRequest();
            case UploadProblem.TooLarge:
                tooLarge.AddRange(new[] { ServicesField, ChannelsField }.Where(f => !documents.ContainsKey(f) && !tooLarge.Contains(f)).Take(1));
                break;
        }

        foreach (var field in new[] { ServicesField, ChannelsField })
        {
            if (tooLarge.Contains(field))
            {
                ModelState.AddModelError(field, texts["AdminServices.TooLarge", texts[field == ServicesField ? "AdminServices.ServicesFile" : "AdminServices.ChannelsFile"], MaxUploadBytes >> 20]);
            }
            else if (!documents.TryGetValue(field, out var text) || text.Length == 0)
            {
                ModelState.AddModelError(field, texts["AdminServices.FileMissing"]);
            }
        }

        if (ModelState.IsValid)
        {
            Report = await importer.ImportAsync(documents[ServicesField], documents[ChannelsField], ct);
            if (Report.Succeeded)
            {
                search.Invalidate();
            }
        }

        await LoadAsync(ct);
        var page = Page();
        page.StatusCode = tooLarge.Count > 0 ? StatusCodes.Status413PayloadTooLarge : null;
        return page;
    }

    /// <summary>The document as text, or null when it is larger than <see cref="MaxUploadBytes"/> (reading stops there).</summary>
    private async Task<string?> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Services = await db.Services.AsNoTracking().OrderBy(s => s.Name.Fi).ToListAsync(ct);
}
