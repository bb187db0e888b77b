using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Localisation;
using Polku.Core.Participation.Feedback;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Feedback;

/// <summary>
/// The feedback form of a unit, reached from a link or the QR code on its door. Anyone may give feedback without
/// signing in; a signed-in client may choose to sign it. The form holds no hidden identifiers and sets no cookie of its own.
/// </summary>
public sealed class GiveModel(PolkuDb db, FeedbackLoop loop, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Unit { get; set; }

    /// <summary>The children's variant: simpler words and smiley faces.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Child { get; set; }

    /// <summary>The touchpoint (visit) the feedback is about, when given from the client's own path; kept only with signed feedback.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Touchpoint { get; set; }

    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    public LocalisedText? UnitName { get; private set; }
    public bool CanSign { get; private set; }
    public List<SelectListItem> ServiceOptions { get; private set; } = [];

    public IEnumerable<SelectListItem> RecommendationOptions =>
        Enumerable.Range(0, 11).Select(i => new SelectListItem(
            i switch
            {
                0 => $"0 – {texts["Feedback.Scale.Unlikely"]}",
                10 => $"10 – {texts["Feedback.Scale.Likely"]}",
                _ => i.ToString(CultureInfo.CurrentCulture),
            },
            i.ToString(CultureInfo.InvariantCulture)));

    public IEnumerable<SelectListItem> StatementOptions =>
        Enumerable.Range(1, 5).Select(i => new SelectListItem(
            Child ? $"{Smileys[i - 1]} {texts["Feedback.Smiley." + i]}" : $"{i} – {texts["Feedback.Agree." + i]}",
            i.ToString(CultureInfo.InvariantCulture)));

    private static readonly string[] Smileys = ["😢", "🙁", "😐", "🙂", "😄"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Input.Recommendation is null && Input.GotHelp is null && Input.Respected is null && Input.Listened is null
            && string.IsNullOrWhiteSpace(Input.Comment))
        {
            ModelState.AddModelError("Input.GotHelp", texts["Feedback.Problem.Empty"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var who = await actor.GetAsync(ct);
        var form = new FeedbackForm(
            Unit, Input.ServiceId, Child ? FeedbackVariant.Child : FeedbackVariant.Adult, PolkuCultures.CurrentLanguage,
            Child ? null : Input.Recommendation, Input.GotHelp, Input.Respected, Input.Listened, Input.Comment, Touchpoint);
        var result = await loop.GiveAsync(form, Input.Sign && CanSign ? who : null, ct);
        if (result.Problem is { } problem)
        {
            ModelState.AddModelError("Input.Comment", texts["Feedback.Problem." + problem]);
            return Page();
        }

        return Redirect($"/Feedback/{Unit}/Thanks");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        UnitName = await db.Organisations.Where(o => o.Id == Unit).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (UnitName is null)
        {
            return false;
        }

        var language = PolkuCultures.CurrentLanguage;
        ServiceOptions = [new SelectListItem(texts["Feedback.NoService"], "")];
        ServiceOptions.AddRange((await db.Services.AsNoTracking().Where(s => s.ResponsibleOrganisationId == Unit).ToListAsync(ct))
            .Select(s => new SelectListItem(s.Name.In(language), s.Id.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(s => s.Text, StringComparer.CurrentCulture));
        var who = await actor.GetAsync(ct);
        CanSign = who.ClientId is not null && who.IsInRole(Roles.Client);
        return true;
    }

    public sealed class FeedbackInput
    {
        [Range(0, 10, ErrorMessage = "Validation.Choice")]
        [Display(Name = "Feedback.Recommendation")]
        public int? Recommendation { get; set; }

        [Range(1, 5, ErrorMessage = "Validation.Choice")]
        [Display(Name = "Feedback.GotHelp")]
        public int? GotHelp { get; set; }

        [Range(1, 5, ErrorMessage = "Validation.Choice")]
        [Display(Name = "Feedback.Respected")]
        public int? Respected { get; set; }

        [Range(1, 5, ErrorMessage = "Validation.Choice")]
        [Display(Name = "Feedback.Listened")]
        public int? Listened { get; set; }

        [StringLength(FeedbackItem.CommentMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Feedback.Comment")]
        public string? Comment { get; set; }

        [Display(Name = "Feedback.Service")]
        public int? ServiceId { get; set; }

        [Display(Name = "Feedback.Sign")]
        public bool Sign { get; set; }
    }
}
