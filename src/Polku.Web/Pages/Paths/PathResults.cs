using Microsoft.AspNetCore.Mvc;
using Polku.Core.Paths;

namespace Polku.Web.Pages.Paths;

/// <summary>Maps the expected failures of client paths to HTTP results or a message key, in one place.</summary>
internal static class PathResults
{
    /// <summary>The HTTP result for an error that is not a form message: 403 when refused, 404 when not found.</summary>
    public static IActionResult? Http(PathError error) => error switch
    {
        PathError.Denied or PathError.ProfessionalOnly => new StatusCodeResult(StatusCodes.Status403Forbidden),
        PathError.NotFound => new NotFoundResult(),
        _ => null,
    };

    /// <summary>The resource key of the message shown to the user.</summary>
    public static string Message(PathError error) => "PathError." + error;
}
