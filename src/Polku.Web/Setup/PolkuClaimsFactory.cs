using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Polku.Core.Identity;

namespace Polku.Web.Setup;

/// <summary>Adds Polku's own claims (display name, linked professional or client) to the sign-in cookie.</summary>
public sealed class PolkuClaimsFactory(
    UserManager<PolkuUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PolkuUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PolkuUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PolkuClaims.DisplayName, user.DisplayName));
        if (user.ProfessionalId is { } professionalId)
        {
            identity.AddClaim(new Claim(PolkuClaims.ProfessionalId, professionalId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.ClientId is { } clientId)
        {
            identity.AddClaim(new Claim(PolkuClaims.ClientId, clientId.ToString()));
        }

        return identity;
    }
}
