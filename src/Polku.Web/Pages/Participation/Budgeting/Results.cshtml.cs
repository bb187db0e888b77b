using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Polku.Core.Participation.Budgeting;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>
/// The public results of a published round: votes per project, the winners, the rule that chose them and, for Equal
/// Shares, how each winner's cost was shared, why each other project was not funded and where the signed-in voter's
/// own share went.
/// </summary>
public sealed class ResultsModel(BudgetRounds rounds) : PageModel
{
    public BudgetResults Results { get; private set; } = null!;

    /// <summary>The signed-in resident's share, when they voted in the round and it was counted by Equal Shares.</summary>
    public VoterShares? MyShares { get; private set; }

    public IReadOnlyDictionary<string, BudgetProject> ByCode { get; private set; } = new Dictionary<string, BudgetProject>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await rounds.ResultsAsync(id, ct) is not { } results || results.Round.Phase != BudgetPhase.Published)
        {
            return NotFound();
        }

        Results = results;
        ByCode = results.Round.Projects.ToDictionary(p => p.Code, StringComparer.Ordinal);
        if (results.Outcome.VoterShare is not null && BudgetingPages.UserId(User) is { } userId
            && await rounds.BallotOfAsync(id, userId, ct) is { } ballot)
        {
            MyShares = results.Outcome.SharesOf(ballot);
        }

        return Page();
    }

    public string NameOf(string code) => ByCode.TryGetValue(code, out var p) ? p.Name : code;
}
