using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Panels;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Panels;

/// <summary>
/// Staff add a meeting to a panel (<c>?panel=N</c>: date and agenda; the drawn members are invited through the
/// outbox) or record the minutes of one (<c>?id=N</c>). The minutes are public on the panel's page.
/// </summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class MeetingModel(CustomerPanels panels, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public Panel Panel { get; private set; } = null!;
    public PanelMeeting? Meeting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? panel, CancellationToken ct)
    {
        if (!await LoadAsync(id, panel, ct))
        {
            return NotFound();
        }

        Input.Minutes = Meeting?.Minutes;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? panel, CancellationToken ct)
    {
        if (!await LoadAsync(id, panel, ct))
        {
            return NotFound();
        }

        if (Meeting is null)
        {
            if (Input.Date is null && ModelState.GetFieldValidationState("Input.Date") != ModelValidationState.Invalid)
            {
                ModelState.AddModelError("Input.Date", texts["Validation.Required", texts["Panels.Field.Date"]]);
            }

            if (string.IsNullOrWhiteSpace(Input.Agenda))
            {
                ModelState.AddModelError("Input.Agenda", texts["Validation.Required", texts["Panels.Agenda"]]);
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            var problem = await panels.AddMeetingAsync(Panel.Id, Input.Date!.Value, Input.Agenda!, ct);
            return Done(problem, "Panels.MeetingAdded");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return Done(await panels.RecordMinutesAsync(Meeting.Id, Input.Minutes ?? "", ct), "Panels.MinutesSaved");
    }

    private RedirectToPageResult Done(PanelProblem? problem, string done)
    {
        TempData[problem is null ? "Panels.Done" : "Panels.Problem"] = problem is null ? done : "Panels.Problem." + problem;
        return RedirectToPage("Panel", new { id = Panel.Id });
    }

    private async Task<bool> LoadAsync(int? id, int? panelId, CancellationToken ct)
    {
        if (id is { } meetingId)
        {
            Meeting = await panels.FindMeetingAsync(meetingId, ct);
            panelId = Meeting?.PanelId;
        }

        if (panelId is null || await panels.FindAsync(panelId.Value, ct) is not { } panel)
        {
            return false;
        }

        Panel = panel;
        return true;
    }
}

/// <summary>A new meeting's date and agenda, or an existing meeting's minutes.</summary>
public sealed class MeetingInput
{
    [DataType(DataType.Date)]
    [Display(Name = "Panels.Field.Date")]
    public DateOnly? Date { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Agenda")]
    public string? Agenda { get; set; }

    [StringLength(20000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Minutes")]
    public string? Minutes { get; set; }
}
