using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Panels;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Panels;

/// <summary>
/// One panel, public: purpose, seats per stratum, the candidate list under numbers, and after the draw the seed and
/// the protocol, meetings and proposals with answers. Signed-in residents volunteer here; staff (ServiceDesign)
/// publish the candidate list and make the draw.
/// </summary>
public sealed class PanelModel(CustomerPanels panels, IAuthorizationService authorization, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public PanelInput Input { get; set; } = new();

    public Panel Panel { get; private set; } = null!;
    public DrawResult? Protocol { get; private set; }
    public bool IsStaff { get; private set; }
    public bool HasVolunteered { get; private set; }
    public IReadOnlyList<StratumShortfall> Shortfalls { get; private set; } = [];

    /// <summary>The choices for the panel's own background question: "prefer not to say", then its strata.</summary>
    public IEnumerable<SelectListItem> StratumOptions =>
        Panel.Quotas.Where(q => q.Stratum != PanelVolunteer.Undisclosed).OrderBy(q => q.Stratum, StringComparer.CurrentCulture)
            .Select(q => new SelectListItem(q.Stratum, q.Stratum))
            .Prepend(new SelectListItem(texts["Panels.Undisclosed"], ""));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVolunteerAsync(int id, CancellationToken ct)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } user)
        {
            return Challenge();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The answer to the panel's own question must be one of its strata, or nothing ("prefer not to say").
        var field = "Input." + Panel.StratifyBy;
        var answer = Input.Answer(Panel.StratifyBy);
        if (!string.IsNullOrWhiteSpace(answer) && !StratumOptions.Any(o => o.Value == answer.Trim()))
        {
            ModelState.AddModelError(field, texts["Panels.Problem.UnknownStratum", texts["Panels.Field." + Panel.StratifyBy]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problem = await panels.VolunteerAsync(id, user, new PanelBackground(Input.AgeGroup, Input.Area, Input.Language, Input.LifeSituation), ct);
        return Done(id, problem, "Panels.Volunteered");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
            ? Done(id, await panels.WithdrawAsync(id, user, ct), "Panels.Withdrawn")
            : Challenge();

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        await IsStaffAsync() ? Done(id, await panels.PublishCandidatesAsync(id, ct), "Panels.Published") : Forbid();

    public async Task<IActionResult> OnPostDrawAsync(int id, CancellationToken ct)
    {
        if (!await IsStaffAsync())
        {
            return Forbid();
        }

        var draw = await panels.DrawAsync(id, Input.Seed, ct);
        if (draw.Problem is PanelProblem.Shortfall or PanelProblem.InvalidSeed)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            Shortfalls = draw.Result?.Shortfalls ?? [];
            ModelState.AddModelError("Input.Seed", texts["Panels.Problem." + draw.Problem]);
            return Page();
        }

        return Done(id, draw.Problem, "Panels.Drawn");
    }

    private RedirectToPageResult Done(int id, PanelProblem? problem, string done)
    {
        if (problem is null)
        {
            TempData["Panels.Done"] = done;
        }
        else
        {
            TempData["Panels.Problem"] = "Panels.Problem." + problem;
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> IsStaffAsync() => (await authorization.AuthorizeAsync(User, Policies.ServiceDesign)).Succeeded;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await panels.FindAsync(id, ct) is not { } panel)
        {
            return false;
        }

        Panel = panel;
        Protocol = panel.Protocol();
        IsStaff = await IsStaffAsync();
        var user = User.FindFirstValue(ClaimTypes.NameIdentifier);
        HasVolunteered = user is not null && panel.Volunteers.Any(v => v.UserId == user);
        return true;
    }
}

/// <summary>The volunteer's background (each optional: empty means "prefer not to say") and the staff's seed.</summary>
public class PanelInput
{
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Field.AgeGroup")]
    public string? AgeGroup { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Field.Area")]
    public string? Area { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Field.Language")]
    public string? Language { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Field.LifeSituation")]
    public string? LifeSituation { get; set; }

    [Display(Name = "Panels.Field.Seed")]
    public string? Seed { get; set; }

    public string? Answer(PanelDimension dimension) => dimension switch
    {
        PanelDimension.AgeGroup => AgeGroup,
        PanelDimension.Area => Area,
        PanelDimension.Language => Language,
        _ => LifeSituation,
    };
}
