using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;
using Polku.Web.Setup;

namespace Polku.Web.Pages.Participation.Budgeting;

/// <summary>What the budgeting pages share: who counts as staff, how rules and amounts read, the rule form.</summary>
public static class BudgetingPages
{
    /// <summary>Staff run rounds: service designers and managers (the ServiceDesign policy).</summary>
    public static async Task<bool> IsStaffAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.ServiceDesign)).Succeeded;

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);


    /// <summary>The round's rule in one sentence, followed by its bounds.</summary>
    public static string RuleText(BudgetRound round, IStringLocalizer<Texts> texts)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(texts);
        string kind = round.RuleKind switch
        {
            BudgetRuleKind.Knapsack => texts["Budgeting.RuleKind.Knapsack", BudgetTexts.Amount(round.MinSpendPercent ?? 0, CultureInfo.CurrentCulture)],
            BudgetRuleKind.MinimumProjects => texts["Budgeting.RuleKind.MinimumProjects", round.MinProjects],
            _ when round.MaxProjects is { } max => texts["Budgeting.RuleKind.Approval", round.MinProjects, max],
            _ => texts["Budgeting.RuleKind.MinimumProjects", round.MinProjects],
        };
        return kind + " (" + string.Join(", ", BudgetTexts.Describe(round.Rules, CultureInfo.CurrentUICulture)) + ")";
    }

    public static string Problem(IStringLocalizer<Texts> texts, BudgetOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = texts["Budgeting.Problem." + outcome.Problem].Value;
        return outcome.Violations.Count == 0
            ? text
            : text + " " + string.Join(" ", outcome.Violations.Select(v => BudgetTexts.Violation(v, CultureInfo.CurrentUICulture) + "."));
    }

    public static IEnumerable<SelectListItem> WinnerRuleOptions(IStringLocalizer<Texts> texts) =>
        Enum.GetValues<WinnerRule>().Select(r => new SelectListItem(texts["Budget.WinnerRule." + r], r.ToString()));

    public static IEnumerable<SelectListItem> RuleKindOptions(IStringLocalizer<Texts> texts) =>
        Enum.GetValues<BudgetRuleKind>().Select(k => new SelectListItem(texts["Budgeting.RuleKindName." + k], k.ToString()));
}

/// <summary>The voting rule as a form: the kind and its values.</summary>
public class RuleInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Budgeting.Field.RuleKind")]
    public BudgetRuleKind? RuleKind { get; set; }

    [Display(Name = "Budgeting.Field.WinnerRule")]
    public WinnerRule? WinnerRule { get; set; }

    [Range(typeof(decimal), "0", "100", ErrorMessage = "Budgeting.Validation.Percent")]
    [Display(Name = "Budgeting.Field.MinSpendPercent")]
    public decimal? MinSpendPercent { get; set; }

    [Range(0, 1000, ErrorMessage = "Validation.Number")]
    [Display(Name = "Budgeting.Field.MinProjects")]
    public int MinProjects { get; set; } = 1;

    [Range(1, 1000, ErrorMessage = "Validation.Number")]
    [Display(Name = "Budgeting.Field.MaxProjects")]
    public int? MaxProjects { get; set; }
}
