using Microsoft.AspNetCore.Mvc;
using Polku.Core.Segmentation;

namespace Polku.Web.Pages.Clients.Assessments;

internal static class AssessmentPageResults
{
    /// <summary>The HTTP result of an error that is not a form message: 403 for refused access, 404 otherwise.</summary>
    public static IActionResult For(SegmentationError error) => error switch
    {
        SegmentationError.Denied or SegmentationError.ProfessionalOnly => new StatusCodeResult(StatusCodes.Status403Forbidden),
        SegmentationError.Confirmed => new StatusCodeResult(StatusCodes.Status409Conflict),
        _ => new NotFoundResult(),
    };
}
