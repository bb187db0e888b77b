using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Data;
using Polku.Core.Localisation;
using Polku.Core.Networks;
using Polku.Web.Pages.Shared;
using Polku.Web.Setup;

namespace Polku.Web.Pages.ServiceNetworks;

/// <summary>
/// The county names a network's members and owner and sets its thresholds (managers and administrators). One form,
/// stored whole or not at all; every refused field gets its own message.
/// </summary>
public sealed class EditModel(Polku.Core.Networks.ServiceNetworks networks, CurrentActor actor, PolkuDb db, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public NetworkInput Input { get; set; } = new();

    public string? CurrentName { get; private set; }

    public List<SelectListItem> OwnerOptions { get; private set; } = [];

    public List<SelectListItem> MemberOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var reader = await actor.GetAsync(ct);
        if (!Polku.Core.Networks.ServiceNetworks.MayManage(reader))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Id is { } id)
        {
            var (network, problem) = await networks.ForEditAsync(reader, id, ct);
            if (NetworkResults.Http(problem) is { } refused)
            {
                return refused;
            }

            Input = NetworkInput.From(network!);
            CurrentName = network!.Name.InCurrentCulture();
        }

        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The rules live in Core: binding only collects the texts, so every message comes from one place.
        ModelState.Clear();
        var draft = new NetworkDraft(Input.NameFi, Input.NameSv, Input.NameEn, Input.DescriptionFi, Input.DescriptionSv, Input.DescriptionEn,
            Input.Owner, Input.Members, NetworkMeasure.All.ToDictionary(m => m.Code, m => Input.Thresholds.GetValueOrDefault(m.Code)));
        var (network, problem, errors) = await networks.SaveAsync(await actor.GetAsync(ct), Id, draft, ct);
        if (NetworkResults.Http(problem) is { } refused)
        {
            return refused;
        }

        if (errors.Count > 0)
        {
            NetworkResults.AddErrors(ModelState, errors, texts);
            await LoadOptionsAsync(ct);
            return Page();
        }

        TempData["NetworkMessage"] = "Networks.Saved";
        return Redirect($"/ServiceNetworks/{network!.Id}");
    }

    /// <summary>The label of a measure's threshold field: its name, unit and which side raises the alert.</summary>
    public string ThresholdLabel(NetworkMeasure measure) =>
        $"{texts[measure.LabelKey]} ({texts["Networks.Unit." + measure.Format]}; {texts[measure.BadWhenAbove ? "Networks.Direction.Above" : "Networks.Direction.Below"]})";

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        foreach (var measure in NetworkMeasure.All)
        {
            Input.Thresholds.TryAdd(measure.Code, null);
        }

        OwnerOptions = await ProfessionalOptions.ListAsync(db, texts["Networks.Field.Owner.None"], new HashSet<int>(), ct);
        MemberOptions = await UnitOptions.GroupedAsync(db, key => texts[key], ct);
        foreach (var option in MemberOptions)
        {
            option.Selected = Input.Members.Contains(int.Parse(option.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public sealed class NetworkInput
    {
        [Display(Name = "Networks.Field.NameFi")]
        [Required]
        public string? NameFi { get; set; }

        [Display(Name = "Networks.Field.NameSv")]
        public string? NameSv { get; set; }

        [Display(Name = "Networks.Field.NameEn")]
        public string? NameEn { get; set; }

        [Display(Name = "Networks.Field.DescriptionFi")]
        public string? DescriptionFi { get; set; }

        [Display(Name = "Networks.Field.DescriptionSv")]
        public string? DescriptionSv { get; set; }

        [Display(Name = "Networks.Field.DescriptionEn")]
        public string? DescriptionEn { get; set; }

        [Display(Name = "Networks.Field.Owner")]
        public int? Owner { get; set; }

        [Display(Name = "Networks.Field.Members")]
        [Required]
        public List<int> Members { get; set; } = [];

        /// <summary>The typed threshold per measure code, as text (Core parses it).</summary>
        public Dictionary<string, string?> Thresholds { get; set; } = [];

        public static NetworkInput From(ServiceNetwork n) => new()
        {
            NameFi = n.Name.Fi,
            NameSv = n.Name.Sv,
            NameEn = n.Name.En,
            DescriptionFi = n.Description?.Fi,
            DescriptionSv = n.Description?.Sv,
            DescriptionEn = n.Description?.En,
            Owner = n.OwnerProfessionalId,
            Members = [.. n.MemberIds],
            Thresholds = n.Thresholds.ToDictionary(
                t => t.Measure, t => (string?)t.Value.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)),
        };
    }
}
