using Microsoft.AspNetCore.Mvc;
using Polku.Core.Identity;
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

    /// <summary>
    /// Opens the path of an episode's client as the actor may see it (an audited read, through <see cref="ClientPaths"/>)
    /// with the episode; otherwise the HTTP result: 404 for an unknown episode, 403 when refused.
    /// </summary>
    public static async Task<(ClientPath? Path, Episode? Episode, IActionResult? Refusal)> OpenEpisodeAsync(
        ClientPaths paths, Actor actor, Guid episodeId, CancellationToken ct)
    {
        if (await paths.ClientOfEpisodeAsync(episodeId, ct) is not { } clientId)
        {
            return (null, null, new NotFoundResult());
        }

        var outcome = await paths.PathAsync(actor, clientId, ct);
        return outcome.Value is { } path
            ? (path, path.Episodes.Single(e => e.Id == episodeId), null)
            : (null, null, Http(outcome.Error!.Value) ?? new NotFoundResult());
    }
}
