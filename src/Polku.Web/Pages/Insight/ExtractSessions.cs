using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Polku.Core.Insight;

namespace Polku.Web.Pages.Insight;

/// <summary>An uploaded register extract, as read (with detail, for filtering), and when it was loaded.</summary>
public sealed record LoadedExtract(RegisterExtract Extract, string PersonsFile, string EventsFile, DateTimeOffset LoadedAt);

/// <summary>
/// Holds each signed-in user's uploaded register extract in memory only, for <see cref="IdleTime"/> after its last
/// use: the extract has pseudonymous personal data, so it is never written to disk or to the database, and it is
/// gone when the app restarts (the user uploads it again). One extract per user; a new upload replaces it.
/// </summary>
public sealed class ExtractSessions(IMemoryCache cache)
{
    public static readonly TimeSpan IdleTime = TimeSpan.FromMinutes(30);

    public LoadedExtract? Get(ClaimsPrincipal user) => cache.Get<LoadedExtract>(Key(user));

    public void Keep(ClaimsPrincipal user, LoadedExtract extract) =>
        cache.Set(Key(user), extract, new MemoryCacheEntryOptions { SlidingExpiration = IdleTime });

    public void Forget(ClaimsPrincipal user) => cache.Remove(Key(user));

    private static string Key(ClaimsPrincipal user) =>
        "insight-extract:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));
}
