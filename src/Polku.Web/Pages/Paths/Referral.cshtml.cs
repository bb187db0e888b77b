using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Paths;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Paths;

/// <summary>One referral with the steps the reader may take: accept, reject with a reason, complete, revoke.</summary>
public sealed class ReferralModel(ClientPaths paths, CurrentActor actor, IStringLocalizer<Texts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public ClientPath? Path { get; private set; }
    public Referral? Referral { get; private set; }
    public bool CanAnswer { get; private set; }
    public bool CanRevoke { get; private set; }
    public bool CanComplete { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(ReferralAction action, CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        if (action == ReferralAction.Reject && string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", texts["Validation.RejectReason"]);
        }
        else
        {
            ModelState.Remove("Input.Reason");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ?? Page();
        }

        var outcome = await paths.ActAsync(who, Id, action, Input.Version, Input.Reason, ct);
        if (outcome.Error is { } error)
        {
            if (PathResults.Http(error) is { } http)
            {
                return http;
            }

            ModelState.AddModelError(string.Empty, texts[PathResults.Message(error)]);
            return await LoadAsync(ct) ?? Page();
        }

        TempData["PathMessage"] = "Paths.Done." + action;
        return Redirect($"/Paths/Client/{outcome.Value!.ClientId}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var who = await actor.GetAsync(ct);
        var clientId = await paths.ClientOfReferralAsync(Id, ct);
        if (clientId is null)
        {
            return NotFound();
        }

        var outcome = await paths.PathAsync(who, clientId.Value, ct);
        if (outcome.Value is not { } path)
        {
            return PathResults.Http(outcome.Error!.Value);
        }

        Path = path;
        Referral = path.Referrals.Single(r => r.Id == Id);
        Input.Version = Referral.Version;
        var organisationId = who.OrganisationId ?? 0;
        CanAnswer = Referral.Status == ReferralStatus.Requested && Referral.IsReceiver(organisationId, who.ProfessionalId ?? 0);
        CanComplete = Referral.Status == ReferralStatus.Accepted && Referral.ToOrganisationId == organisationId;
        CanRevoke = Referral.Status == ReferralStatus.Requested && Referral.FromOrganisationId == organisationId;
        return null;
    }

    public sealed class AnswerInput
    {
        public int Version { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Paths.RejectReason")]
        public string? Reason { get; set; }
    }
}
