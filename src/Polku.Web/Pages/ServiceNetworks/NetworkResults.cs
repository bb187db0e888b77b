using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Polku.Core.Localisation;
using Polku.Core.Networks;

namespace Polku.Web.Pages.ServiceNetworks;

/// <summary>The one place where network problems become HTTP answers or field messages.</summary>
public static class NetworkResults
{
    /// <summary>The answer to a problem that is not about a field; null when there is none.</summary>
    public static IActionResult? Http(NetworkProblem? problem) => problem switch
    {
        null => null,
        NetworkProblem.NotFound => new NotFoundResult(),
        NetworkProblem.Denied => new StatusCodeResult(StatusCodes.Status403Forbidden),
        _ => null,
    };

    /// <summary>Each refused field's message, under <c>Input.</c> + its name, so the form shows it by the field.</summary>
    public static void AddErrors(ModelStateDictionary state, IEnumerable<NetworkFieldError> errors, IStringLocalizer<Texts> texts)
    {
        foreach (var error in errors)
        {
            state.AddModelError("Input." + error.Field, texts["Networks.Problem." + error.Problem]);
        }
    }
}
