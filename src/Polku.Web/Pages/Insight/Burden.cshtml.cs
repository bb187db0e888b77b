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
/// Administrative burden with the Standard Cost Model (SPEC §3.5): the manager enters per service the time and
/// out-of-pocket money one event takes from a client and the events a year, before and after a change. A plain GET
/// form (a calculation changes nothing), so a scenario is a link; without a query it shows the SPEC's worked example.
/// The rows are plain <see cref="RowInput"/>s, so filling them from the service catalogue later only builds the list.
/// </summary>
public sealed class BurdenModel(IStringLocalizer<Texts> texts) : PageModel
{
    public const int RowsPerScenario = 5;

    [BindProperty(SupportsGet = true)]
    public BurdenInput Input { get; set; } = new();

    public BurdenComparison? Result { get; private set; }

    public IActionResult OnGet()
    {
        Calculate();
        return Page();
    }

    public IActionResult OnGetCsv(string table)
    {
        Calculate();
        if (Result is null)
        {
            return Page();
        }

        var csv = table switch
        {
            "before" => BurdenCsv.Scenario(Result.Before),
            "after" => BurdenCsv.Scenario(Result.After),
            "comparison" => BurdenCsv.Comparison(Result),
            _ => null,
        };
        return csv is null ? NotFound() : File(new UTF8Encoding(false).GetBytes(csv), "text/csv; charset=utf-8", $"burden-{table}.csv");
    }

    /// <summary>This page's query string without the handler, for the CSV links.</summary>
    public string InputQuery() => string.Join('&', Request.Query.Where(q => q.Key is not ("handler" or "table"))
        .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? ""))));

    private void Calculate()
    {
        if (!Request.Query.Keys.Any(k => k.StartsWith("Input.", StringComparison.Ordinal)))
        {
            ModelState.Clear();
            Input = BurdenInput.Example(texts["Burden.Example.Service"]);
        }

        var before = Rows(Input.Before, "Before");
        var after = Rows(Input.After, "After");
        Input.Pad();
        if (ModelState.IsValid)
        {
            Result = StandardCostModel.Compare(before, after);
        }
    }

    private List<BurdenItem> Rows(List<RowInput> rows, string scenario)
    {
        var items = new List<BurdenItem>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var prefix = $"Input.{scenario}[{i}].";
            if (string.IsNullOrWhiteSpace(row.Service) && string.IsNullOrWhiteSpace(row.Hours) && string.IsNullOrWhiteSpace(row.Euros) && string.IsNullOrWhiteSpace(row.Events))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Service))
            {
                ModelState.AddModelError(prefix + nameof(RowInput.Service), texts["Burden.Error.Service"]);
            }

            var hours = Number(row.Hours, prefix + nameof(RowInput.Hours));
            var euros = Number(row.Euros, prefix + nameof(RowInput.Euros));
            var events = Number(row.Events, prefix + nameof(RowInput.Events));
            if (events is { } e && decimal.Truncate(e) != e)
            {
                ModelState.AddModelError(prefix + nameof(RowInput.Events), texts["Burden.Error.WholeNumber"]);
                events = null;
            }

            if (!string.IsNullOrWhiteSpace(row.Service) && hours is { } h && euros is { } m && events is { } n)
            {
                items.Add(new BurdenItem(row.Service.Trim(), h, m, (long)n));
            }
        }

        return items;
    }

    /// <summary>A number ≥ 0 as a person writes it: a comma or a point as the decimal separator, spaces as group separators.</summary>
    private decimal? Number(string? text, string field)
    {
        var plain = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.');
        if (plain.Length == 0)
        {
            ModelState.AddModelError(field, texts["Validation.Required"]);
            return null;
        }

        if (!decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1_000_000_000_000m)
        {
            ModelState.AddModelError(field, texts["Burden.Error.Number"]);
            return null;
        }

        return value;
    }

    public sealed class BurdenInput
    {
        public List<RowInput> Before { get; set; } = [];

        public List<RowInput> After { get; set; } = [];

        /// <summary>SPEC §3.5: an application takes 5 h and 2 € from 100 000 clients a year; online it takes 1 h and nothing.</summary>
        public static BurdenInput Example(string service) => new()
        {
            Before = [new RowInput { Service = service, Hours = Format(5m), Euros = Format(2m), Events = Format(100_000m) }],
            After = [new RowInput { Service = service, Hours = Format(1m), Euros = Format(0m), Events = Format(100_000m) }],
        };

        /// <summary>Adds empty rows up to <see cref="RowsPerScenario"/> so there is room for more services.</summary>
        public void Pad()
        {
            while (Before.Count < RowsPerScenario)
            {
                Before.Add(new RowInput());
            }

            while (After.Count < RowsPerScenario)
            {
                After.Add(new RowInput());
            }
        }

        private static string Format(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);
    }

    public sealed class RowInput
    {
        [Display(Name = "Burden.Service")]
        public string? Service { get; set; }

        [Display(Name = "Burden.Hours")]
        public string? Hours { get; set; }

        [Display(Name = "Burden.Euros")]
        public string? Euros { get; set; }

        [Display(Name = "Burden.Events")]
        public string? Events { get; set; }
    }
}
