using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Plans;

namespace Polku.Web.Pages.Plans;

/// <summary>The one place where plan problems become HTTP answers or field messages.</summary>
public static class PlanResults
{
    /// <summary>The answer to a problem that is not about a field; null when there is none (or it is about a field).</summary>
    public static IActionResult? Http(PlanProblem? problem) => problem switch
    {
        null => null,
        PlanProblem.NotFound or PlanProblem.NoPlan => new NotFoundResult(),
        PlanProblem.Denied => new StatusCodeResult(StatusCodes.Status403Forbidden),
        PlanProblem.EpisodeClosed => new ConflictResult(),
        _ => null,
    };

    /// <summary>Each refused field's message, under <c>Input.</c> + its path, so the form shows it by the field.</summary>
    public static void AddErrors(ModelStateDictionary state, IEnumerable<PlanFieldError> errors, IStringLocalizer<Texts> texts)
    {
        foreach (var error in errors)
        {
            state.AddModelError("Input." + error.Field, texts["Plans.Problem." + error.Problem, ClientPlan.TextMaxLength]);
        }
    }
}
