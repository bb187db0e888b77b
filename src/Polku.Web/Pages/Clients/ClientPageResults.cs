using Microsoft.AspNetCore.Mvc;
using Polku.Core.Clients;

namespace Polku.Web.Pages.Clients;

internal static class ClientPageResults
{
    /// <summary>The HTTP result when a client could not be opened: 403 when access was refused, 404 when there is no such client.</summary>
    public static IActionResult NotOpened(ClientOpening opening) =>
        opening.IsDenied ? new StatusCodeResult(StatusCodes.Status403Forbidden) : new NotFoundResult();
}
