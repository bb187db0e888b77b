using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Capacity;
using Polku.Core.Localisation;

namespace Polku.Web.Pages.Insight;

/// <summary>
/// Capacity and flexibility (SPEC §3.7): the manager enters the chain of competence levels and sees the scenarios of
/// <see cref="ChainScenarios"/> side by side, each simulated with the same seed. A plain GET form (a calculation
/// changes nothing), so a comparison is a link; without a query it shows the demo county's chain.
/// </summary>
public sealed class CapacityModel(ExtractSessions sessions, IStringLocalizer<Texts> texts) : PageModel
{
    /// <summary>Arrivals and referral shares estimated from the register extract the manager has loaded on /Insight, if any.</summary>
    public ChainCalibration? Calibration { get; private set; }

    /// <summary>This page's link with the chain's arrivals and referral shares taken from <see cref="Calibration"/>.</summary>
    public string? CalibratedLink { get; private set; }

    [BindProperty(SupportsGet = true)]
    public ChainForm Input { get; set; } = new();

    public IReadOnlyList<ScenarioOutcome>? Outcomes { get; private set; }

    public IActionResult OnGet()
    {
        Calculate();
        return Page();
    }

    public IActionResult OnGetCsv()
    {
        Calculate();
        return Outcomes is null
            ? Page()
            : File(new UTF8Encoding(false).GetBytes(ScenarioOutcome.Csv(Outcomes)), "text/csv; charset=utf-8", "capacity-scenarios.csv");
    }

    /// <summary>This page's query string without the handler, for the CSV link.</summary>
    public string InputQuery() => string.Join('&', Request.Query.Where(q => q.Key is not "handler")
        .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? ""))));

    private void Calculate()
    {
        if (sessions.Get(User) is { } loaded)
        {
            Calibration = ChainCalibration.FromExtract(loaded.Extract);
            var universal = Calibration.Levels[(int)Polku.Core.Insight.ServiceLevel.Universal];
            var form = Request.Query.Keys.Any(k => k.StartsWith("Input.", StringComparison.Ordinal)) ? Input : ChainForm.From(ChainInput.Default);
            static string F(double value) => value.ToString("0.###", CultureInfo.CurrentCulture);
            var fields = new Dictionary<string, string?>
            {
                ["PerDay"] = F(universal.NewPerDay),
                ["ToBasicPercent"] = F(100 * Calibration.Share(Polku.Core.Insight.ServiceLevel.Universal, Polku.Core.Insight.ServiceLevel.Basic)),
                ["ToSpecialistPercent"] = F(100 * Calibration.Share(Polku.Core.Insight.ServiceLevel.Basic, Polku.Core.Insight.ServiceLevel.Specialist)),
                ["ServersUniversal"] = form.ServersUniversal,
                ["ServersBasic"] = form.ServersBasic,
                ["ServersSpecialist"] = form.ServersSpecialist,
                ["MeanUniversal"] = form.MeanUniversal,
                ["MeanBasic"] = form.MeanBasic,
                ["MeanSpecialist"] = form.MeanSpecialist,
                ["CostUniversal"] = form.CostUniversal,
                ["CostBasic"] = form.CostBasic,
                ["CostSpecialist"] = form.CostSpecialist,
                ["WaitingCost"] = form.WaitingCost,
            };
            CalibratedLink = "/Insight/Capacity?" + string.Join('&', fields.Select(f => "Input." + f.Key + "=" + Uri.EscapeDataString(f.Value ?? "")));
        }

        if (!Request.Query.Keys.Any(k => k.StartsWith("Input.", StringComparison.Ordinal)))
        {
            ModelState.Clear();
            Input = ChainForm.From(ChainInput.Default);
        }

        var perDay = Number(Input.PerDay, nameof(ChainForm.PerDay), 0.01, 10_000);
        int? Servers(string? text, string field) => Number(text, field, 1, 1000) is { } n && n == Math.Floor(n) ? (int)n : Whole(field);
        var servers = new[] { Servers(Input.ServersUniversal, nameof(ChainForm.ServersUniversal)), Servers(Input.ServersBasic, nameof(ChainForm.ServersBasic)), Servers(Input.ServersSpecialist, nameof(ChainForm.ServersSpecialist)) };
        var means = new[]
        {
            Number(Input.MeanUniversal, nameof(ChainForm.MeanUniversal), 0.001, 365),
            Number(Input.MeanBasic, nameof(ChainForm.MeanBasic), 0.001, 365),
            Number(Input.MeanSpecialist, nameof(ChainForm.MeanSpecialist), 0.001, 365),
        };
        var toBasic = Number(Input.ToBasicPercent, nameof(ChainForm.ToBasicPercent), 0, 100);
        var toSpecialist = Number(Input.ToSpecialistPercent, nameof(ChainForm.ToSpecialistPercent), 0, 100);
        var costs = new[]
        {
            Number(Input.CostUniversal, nameof(ChainForm.CostUniversal), 0, 1_000_000),
            Number(Input.CostBasic, nameof(ChainForm.CostBasic), 0, 1_000_000),
            Number(Input.CostSpecialist, nameof(ChainForm.CostSpecialist), 0, 1_000_000),
        };
        var waiting = Number(Input.WaitingCost, nameof(ChainForm.WaitingCost), 0, 1_000_000);
        if (!ModelState.IsValid || perDay is null || toBasic is null || toSpecialist is null || waiting is null)
        {
            return;
        }

        Outcomes = ScenarioOutcome.Compare(new ChainInput(perDay.Value, [.. servers.Select(s => s!.Value)], [.. means.Select(m => m!.Value)],
            toBasic.Value / 100, toSpecialist.Value / 100, [.. costs.Select(c => c!.Value)], waiting.Value));
    }

    private int? Whole(string field)
    {
        if (ModelState[$"Input.{field}"]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError($"Input.{field}", texts["Capacity.Page.Error.Whole"]);
        }

        return null;
    }

    /// <summary>A number in [min, max] as a person writes it: a comma or a point as the decimal separator, spaces as group separators.</summary>
    private double? Number(string? text, string field, double min, double max)
    {
        var key = $"Input.{field}";
        var plain = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.');
        if (plain.Length == 0)
        {
            ModelState.AddModelError(key, texts["Validation.Required", texts["Capacity.Field." + field]]);
            return null;
        }

        if (!double.TryParse(plain, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            ModelState.AddModelError(key, texts["Capacity.Page.Error.Number"]);
            return null;
        }

        if (value < min || value > max)
        {
            ModelState.AddModelError(key, texts["Capacity.Page.Error.Range", min.ToString(CultureInfo.CurrentCulture), max.ToString("N0", CultureInfo.CurrentCulture)]);
            return null;
        }

        return value;
    }

    public sealed class ChainForm
    {
        [Display(Name = "Capacity.Field.PerDay")]
        public string? PerDay { get; set; }

        [Display(Name = "Capacity.Field.ServersUniversal")]
        public string? ServersUniversal { get; set; }

        [Display(Name = "Capacity.Field.ServersBasic")]
        public string? ServersBasic { get; set; }

        [Display(Name = "Capacity.Field.ServersSpecialist")]
        public string? ServersSpecialist { get; set; }

        [Display(Name = "Capacity.Field.MeanUniversal")]
        public string? MeanUniversal { get; set; }

        [Display(Name = "Capacity.Field.MeanBasic")]
        public string? MeanBasic { get; set; }

        [Display(Name = "Capacity.Field.MeanSpecialist")]
        public string? MeanSpecialist { get; set; }

        [Display(Name = "Capacity.Field.ToBasicPercent")]
        public string? ToBasicPercent { get; set; }

        [Display(Name = "Capacity.Field.ToSpecialistPercent")]
        public string? ToSpecialistPercent { get; set; }

        [Display(Name = "Capacity.Field.CostUniversal")]
        public string? CostUniversal { get; set; }

        [Display(Name = "Capacity.Field.CostBasic")]
        public string? CostBasic { get; set; }

        [Display(Name = "Capacity.Field.CostSpecialist")]
        public string? CostSpecialist { get; set; }

        [Display(Name = "Capacity.Field.WaitingCost")]
        public string? WaitingCost { get; set; }

        public static ChainForm From(ChainInput input)
        {
            static string F(double value) => value.ToString("0.###", CultureInfo.CurrentCulture);
            return new ChainForm
            {
                PerDay = F(input.PerDay),
                ServersUniversal = F(input.Servers[0]),
                ServersBasic = F(input.Servers[1]),
                ServersSpecialist = F(input.Servers[2]),
                MeanUniversal = F(input.MeanDays[0]),
                MeanBasic = F(input.MeanDays[1]),
                MeanSpecialist = F(input.MeanDays[2]),
                ToBasicPercent = F(input.ToBasic * 100),
                ToSpecialistPercent = F(input.ToSpecialist * 100),
                CostUniversal = F(input.ServerCostPerDay[0]),
                CostBasic = F(input.ServerCostPerDay[1]),
                CostSpecialist = F(input.ServerCostPerDay[2]),
                WaitingCost = F(input.WaitingCostPerDay),
            };
        }
    }
}
