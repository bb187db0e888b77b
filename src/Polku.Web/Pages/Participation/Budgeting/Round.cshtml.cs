using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>One round: its phase, rule and projects; residents propose and vote from here, staff review and move it on.</summary>
public sealed class RoundModel(BudgetRounds rounds, IAuthorizationService authorization, IStringLocalizer<Texts> texts) : PageModel
{
    public BudgetRound Round { get; private set; } = null!;
    public bool IsStaff { get; private set; }
    public bool HasVoted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(id, ct) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        IsStaff = await BudgetingPages.IsStaffAsync(authorization, User);
        HasVoted = BudgetingPages.UserId(User) is { } user && await rounds.HasVotedAsync(id, user, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, int projectId, CancellationToken ct) =>
        StaffActionAsync(id, () => rounds.ReviewAsync(id, projectId, accept: true, null, ct), "Budgeting.Accepted");

    public Task<IActionResult> OnPostAdvanceAsync(int id, CancellationToken ct) =>
        StaffActionAsync(id, () => rounds.AdvanceAsync(id, ct), "Budgeting.Advanced");

    /// <summary>The round as a Pabulib <c>.pb</c> file (staff only: it holds every ballot, under pseudonymous voter ids).</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        if (!await BudgetingPages.IsStaffAsync(authorization, User))
        {
            return Forbid();
        }

        return await rounds.ExportAsync(id, ct) is { } election
            ? File(new UTF8Encoding(false).GetBytes(PabulibWriter.Write(election)), "text/plain; charset=utf-8", $"polku-round-{id}.pb")
            : NotFound();
    }

    private async Task<IActionResult> StaffActionAsync(int id, Func<Task<BudgetOutcome>> action, string done)
    {
        if (!await BudgetingPages.IsStaffAsync(authorization, User))
        {
            return Forbid();
        }

        var outcome = await action();
        if (outcome.Succeeded)
        {
            TempData["Budgeting.Done"] = done;
        }
        else
        {
            TempData["Budgeting.Problem"] = BudgetingPages.Problem(texts, outcome);
        }

        return RedirectToPage(new { id });
    }
}
