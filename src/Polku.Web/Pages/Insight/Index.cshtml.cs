using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Polku.Core.Insight;
using Polku.Core.Localisation;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Insight;

/// <summary>
/// The knowledge-management dashboard of an uploaded register extract (SPEC §3.5, §5.1): upload persons.csv and
/// events.csv, then cost concentration, heavy users, levels, channels, referrals and waits, each as a table with a
/// CSV download, filtered by period and municipality. The extract stays in memory only (<see cref="ExtractSessions"/>).
/// </summary>
/// <remarks>
/// The upload is read as it arrives (<see cref="StreamedUpload"/>): persons.csv straight into the parser, then
/// events.csv, so the extract never touches the disk and the size limit stops the upload with this page's message.
/// </remarks>
[StreamedForm]
[IgnoreAntiforgeryToken]
[RequestSizeLimit((1024L << 20) + (1 << 20))]
public sealed class IndexModel(ExtractSessions sessions, TimeProvider time, IStringLocalizer<Texts> texts, IAntiforgery antiforgery,
    IOptions<UploadLimits> limits) : PageModel
{
    /// <summary>The two files together may be at most this large (<see cref="UploadLimits.ExtractBytes"/>).</summary>
    public long MaxUploadBytes => limits.Value.ExtractBytes;

    /// <summary>The upload form's fields (for the labels and messages; the files themselves are streamed).</summary>
    public UploadInput Input { get; } = new();

    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    public LoadedExtract? Loaded { get; private set; }

    public AnalysisReport? Report { get; private set; }

    public IReadOnlyList<DashboardTable> Tables { get; private set; } = [];

    public IActionResult OnGet()
    {
        Analyze();
        return Page();
    }

    /// <summary>The query string that repeats the current filter, for links (CSV downloads).</summary>
    public string FilterQuery() =>
        (Filter.From is { } from ? "&Filter.From=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
        + (Filter.To is { } to ? "&Filter.To=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
        + (string.IsNullOrEmpty(Filter.Area) ? "" : "&Filter.Area=" + Uri.EscapeDataString(Filter.Area));

    public IActionResult OnGetCsv(string table)
    {
        Loaded = sessions.Get(User);
        if (Loaded is null || !TryFilter(out var filter))
        {
            return RedirectToPage();
        }

        var found = DashboardTables.Build(ExtractAnalysis.Analyze(RegisterExtractFilter.Apply(Loaded.Extract, filter))).FirstOrDefault(t => t.Id == table);
        return found is null
            ? NotFound()
            : File(new UTF8Encoding(false).GetBytes(DashboardTables.ToCsv(found)), "text/csv; charset=utf-8", found.Id + ".csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        sessions.Forget(User);

        // The CSV reader reads synchronously: allowed for this request, and done on a worker thread.
        if (HttpContext.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        var staged = new RegisterExtractReader.Staged(keepDetail: true);
        var capacity = (int)Math.Min((Request.ContentLength ?? 0) / 40, 4_000_000) + 16;
        string? personsName = null, eventsName = null;
        ExtractLoadResult? result = null;
        var (problem, field) = await StreamedUpload.ReadAsync(HttpContext, MaxUploadBytes, async (name, fileName, stream) =>
        {
            if (fileName.Length == 0 || result is not null)
            {
                return;
            }

            if (name == PersonsField && personsName is null)
            {
                personsName = fileName;
                if (await Task.Run(() => { using var csv = Csv(stream); return staged.ReadPersons(csv, fileName); }, ct) is { } error)
                {
                    result = error;
                }
            }
            else if (name == EventsField && personsName is not null && eventsName is null)
            {
                eventsName = fileName;
                result = await Task.Run(() => { using var csv = Csv(stream); return staged.ReadEvents(csv, fileName, capacity); }, ct);
            }
        }, ct);

        switch (problem)
        {
            case UploadProblem.NotAForm or UploadProblem.BadToken:
                return BadRequest();
            case UploadProblem.TooLarge:
                ModelState.AddModelError(field == PersonsField ? PersonsField : EventsField, texts["Insight.Upload.TooLarge", MaxUploadBytes >> 20]);
                var tooLarge = Page();
                tooLarge.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return tooLarge;
        }

        if (personsName is null)
        {
            ModelState.AddModelError(PersonsField, texts["Validation.Required", texts["Insight.Upload.Persons"]]);
        }

        if (eventsName is null && result?.Error is null)
        {
            ModelState.AddModelError(EventsField, texts["Validation.Required", texts["Insight.Upload.Events"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (result!.Error is { } failure)
        {
            var text = texts["Insight.Problem." + failure.Problem];
            ModelState.AddModelError(failure.File == personsName && eventsName is null ? PersonsField : EventsField, failure.Line == 0
                ? texts["Cli.Analyze.FileError", failure.File, text]
                : texts["Cli.Analyze.Error", failure.File, failure.Line.ToString("N0", CultureInfo.CurrentCulture), failure.Column, text]);
            return Page();
        }

        sessions.Keep(User, new LoadedExtract(result.Extract!, personsName!, eventsName!, time.GetUtcNow()));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostForgetAsync()
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        sessions.Forget(User);
        return RedirectToPage();
    }

    private const string PersonsField = "Input.Persons";
    private const string EventsField = "Input.Events";

    private static CsvRecordReader Csv(Stream stream) =>
        new(new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));

    private void Analyze()
    {
        Loaded = sessions.Get(User);
        if (Loaded is null || !TryFilter(out var filter))
        {
            return;
        }

        Report = ExtractAnalysis.Analyze(RegisterExtractFilter.Apply(Loaded.Extract, filter));
        Tables = DashboardTables.Build(Report);
    }

    /// <summary>The filter of the query string; false (with errors in ModelState) when it is not valid.</summary>
    private bool TryFilter(out ExtractFilter filter)
    {
        filter = new ExtractFilter();
        short? area = null;
        if (!string.IsNullOrEmpty(Filter.Area))
        {
            if (Filter.Area.Length != 3 || !Filter.Area.All(char.IsAsciiDigit))
            {
                ModelState.AddModelError("Filter.Area", texts["Insight.Filter.BadArea"]);
                return false;
            }

            area = short.Parse(Filter.Area, CultureInfo.InvariantCulture);
        }

        if (Filter is { From: { } from, To: { } to } && to < from)
        {
            ModelState.AddModelError("Filter.To", texts["Insight.Filter.ToBeforeFrom"]);
            return false;
        }

        filter = new ExtractFilter(Filter.From, Filter.To, area);
        return true;
    }

    public sealed class UploadInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Insight.Upload.Persons")]
        public IFormFile? Persons { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Insight.Upload.Events")]
        public IFormFile? Events { get; set; }
    }

    public sealed class FilterInput
    {
        [Display(Name = "Insight.Filter.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Insight.Filter.To")]
        public DateOnly? To { get; set; }

        [Display(Name = "Insight.Filter.Area")]
        public string? Area { get; set; }
    }
}
