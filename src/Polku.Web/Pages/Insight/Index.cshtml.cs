using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Insight;
using Polku.Core.Localisation;

namespace Polku.Web.Pages.Insight;

/// <summary>
/// The knowledge-management dashboard of an uploaded register extract (SPEC §3.5, §5.1): upload persons.csv and
/// events.csv, then cost concentration, heavy users, levels, channels, referrals and waits, each as a table with a
/// CSV download, filtered by period and municipality. The extract stays in memory only (<see cref="ExtractSessions"/>).
/// </summary>
[RequestSizeLimit(MaxUploadBytes + (1 << 20))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + (1 << 20))]
public sealed class IndexModel(ExtractSessions sessions, TimeProvider time, IStringLocalizer<Texts> texts) : PageModel
{
    /// <summary>
    /// The two files together may be at most this large: 256 MiB, about 2.7 million events as <c>polku generate</c> writes
    /// them (about 95 bytes a row) — a 100 000-resident extract of about 1.4 million events is 135 MB.
    /// </summary>
    public const long MaxUploadBytes = 256L << 20;

    [BindProperty]
    public UploadInput Input { get; set; } = new();

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
        ModelState.Remove("Filter.From");
        ModelState.Remove("Filter.To");
        ModelState.Remove("Filter.Area");
        sessions.Forget(User);
        if (ModelState.IsValid && Input.Persons!.Length + Input.Events!.Length > MaxUploadBytes)
        {
            ModelState.AddModelError("Input.Events", texts["Insight.Upload.TooLarge"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Task.Run(() => Read(Input.Persons!, Input.Events!), ct);
        if (result.Error is { } error)
        {
            var problem = texts["Insight.Problem." + error.Problem];
            var field = error.File == Input.Persons!.FileName ? "Input.Persons" : "Input.Events";
            ModelState.AddModelError(field, error.Line == 0
                ? texts["Cli.Analyze.FileError", error.File, problem]
                : texts["Cli.Analyze.Error", error.File, error.Line.ToString("N0", CultureInfo.CurrentCulture), error.Column, problem]);
            return Page();
        }

        sessions.Keep(User, new LoadedExtract(result.Extract!, Input.Persons!.FileName, Input.Events!.FileName, time.GetUtcNow()));
        return RedirectToPage();
    }

    public IActionResult OnPostForget()
    {
        sessions.Forget(User);
        return RedirectToPage();
    }

    private static ExtractLoadResult Read(IFormFile persons, IFormFile events)
    {
        using var personsReader = new CsvRecordReader(new StreamReader(persons.OpenReadStream(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true));
        using var eventsReader = new CsvRecordReader(new StreamReader(events.OpenReadStream(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true));
        var capacity = (int)Math.Min(events.Length / 40, 4_000_000) + 16;
        return RegisterExtractReader.Load(personsReader, persons.FileName, eventsReader, events.FileName, capacity, keepDetail: true);
    }

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
