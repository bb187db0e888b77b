using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace Polku.Web.Setup;

/// <summary>Session lifetimes (configuration section <c>Sessions</c>; docs/security.md).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session ends after this long without a request.</summary>
    [Range(1, 24 * 60)]
    public int IdleMinutes { get; set; } = 60;

    /// <summary>A session ends this long after signing in, however active.</summary>
    [Range(1, 7 * 24)]
    public int AbsoluteHours { get; set; } = 10;
}

/// <summary>
/// Keeps signed-in sessions on the server, so the cookie holds only a random session key: signing out removes the
/// session, and an old copy of the cookie opens nothing. The store is the app's <see cref="IDistributedCache"/>
/// (in memory by default: a restart signs everybody out; several instances need a shared cache).
/// </summary>
public sealed class SessionTicketStore(IDistributedCache cache, TimeProvider time) : ITicketStore
{
    private const string Prefix = "polku.session.";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var expires = ticket.Properties.ExpiresUtc ?? time.GetUtcNow().AddHours(1);
        return cache.SetAsync(Prefix + key, TicketSerializer.Default.Serialize(ticket), new DistributedCacheEntryOptions { AbsoluteExpiration = expires });
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var bytes = await cache.GetAsync(Prefix + key);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);

    /// <summary>
    /// Cookie events for the absolute lifetime: the time of signing in is kept in the ticket (sliding renewal moves
    /// <c>IssuedUtc</c>, not this), and a ticket older than <see cref="SessionOptions.AbsoluteHours"/> is refused.
    /// </summary>
    public static void AddAbsoluteLifetime(CookieAuthenticationEvents events, TimeSpan limit)
    {
        const string signedIn = "polku.signed-in";
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = context =>
        {
            var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
            context.Properties.Items[signedIn] = now.ToString("O", CultureInfo.InvariantCulture);
            return signingIn(context);
        };

        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
            if (!context.Properties.Items.TryGetValue(signedIn, out var text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                || now - at >= limit)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validate(context);
        };
    }
}
