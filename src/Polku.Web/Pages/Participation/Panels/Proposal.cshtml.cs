using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Panels;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Panels;

/// <summary>
/// Staff record a proposal the panel made (<c>?panel=N</c>: title and text) or give the organisation's answer to one
/// (<c>?id=N</c>; the members are told through the outbox). Proposals and answers are public on the panel's page.
/// </summary>
[Authorize(Policy = Policies.ServiceDesign)]
public sealed class ProposalModel(CustomerPanels panels, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public Panel Panel { get; private set; } = null!;
    public PanelProposal? Proposal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? panel, CancellationToken ct)
    {
        if (!await LoadAsync(id, panel, ct))
        {
            return NotFound();
        }

        Input.Answer = Proposal?.Answer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? panel, CancellationToken ct)
    {
        if (!await LoadAsync(id, panel, ct))
        {
            return NotFound();
        }

        if (Proposal is null && string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", texts["Validation.Required", texts["Panels.Field.ProposalTitle"]]);
        }

        if (Proposal is not null && string.IsNullOrWhiteSpace(Input.Answer))
        {
            ModelState.AddModelError("Input.Answer", texts["Validation.Required", texts["Panels.Answer"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problem = Proposal is null
            ? await panels.ProposeAsync(Panel.Id, Input.Title!, Input.Text ?? "", ct)
            : await panels.AnswerAsync(Proposal.Id, Input.Answer!, ct);
        TempData[problem is null ? "Panels.Done" : "Panels.Problem"] =
            problem is null ? (Proposal is null ? "Panels.ProposalAdded" : "Panels.AnswerSaved") : "Panels.Problem." + problem;
        return RedirectToPage("Panel", new { id = Panel.Id });
    }

    private async Task<bool> LoadAsync(int? id, int? panelId, CancellationToken ct)
    {
        if (id is { } proposalId)
        {
            Proposal = await panels.FindProposalAsync(proposalId, ct);
            panelId = Proposal?.PanelId;
        }

        if (panelId is null || await panels.FindAsync(panelId.Value, ct) is not { } panel)
        {
            return false;
        }

        Panel = panel;
        return true;
    }
}

/// <summary>A new proposal's title and text, or the organisation's answer to an existing one.</summary>
public sealed class ProposalInput
{
    [StringLength(300, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Field.ProposalTitle")]
    public string? Title { get; set; }

    [StringLength(8000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Field.ProposalText")]
    public string? Text { get; set; }

    [StringLength(8000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Panels.Answer")]
    public string? Answer { get; set; }
}
