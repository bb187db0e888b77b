using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Participation.Budgeting;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>The public list of budgeting rounds; staff start and import rounds from here.</summary>
public sealed class IndexModel(BudgetRounds rounds, IAuthorizationService authorization) : PageModel
{
    public List<BudgetRound> Rounds { get; private set; } = [];
    public bool IsStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await rounds.AllAsync(ct);
        IsStaff = await BudgetingPages.IsStaffAsync(authorization, User);
    }
}
