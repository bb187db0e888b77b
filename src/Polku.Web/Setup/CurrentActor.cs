using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Identity;

namespace Polku.Web.Setup;

/// <summary>Builds the Core <see cref="Actor"/> for the signed-in user of the current request.</summary>
public sealed class CurrentActor(IHttpContextAccessor http, PolkuDb db)
{
    private Actor? _actor;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (_actor is not null)
        {
            return _actor;
        }

        var user = http.HttpContext?.User ?? new ClaimsPrincipal();
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var professionalId = int.TryParse(user.FindFirstValue(PolkuClaims.ProfessionalId), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        var clientId = Guid.TryParse(user.FindFirstValue(PolkuClaims.ClientId), out var c) ? c : (Guid?)null;
        var organisationId = professionalId is null
            ? null
            : await db.Professionals.Where(x => x.Id == professionalId).Select(x => (int?)x.OrganisationId).FirstOrDefaultAsync(ct);

        _actor = new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.FindFirstValue(PolkuClaims.DisplayName) ?? user.Identity?.Name ?? "",
            roles,
            professionalId,
            organisationId,
            clientId);
        return _actor;
    }
}
