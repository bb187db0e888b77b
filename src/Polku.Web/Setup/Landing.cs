using Polku.Core.Identity;

namespace Polku.Web.Setup;

/// <summary>Where a person lands after signing in without a page to return to: their own desk, not the front page.</summary>
public static class Landing
{
    public static string For(IReadOnlyCollection<string> roles, bool hasProfessional, bool hasClient) =>
        roles switch
        {
            _ when roles.Contains(Roles.Client) && hasClient => "/Me",
            _ when hasProfessional && roles.Any(r => Roles.ClientWork.Contains(r)) => "/Paths",
            _ when roles.Contains(Roles.Manager) => "/Insight",
            _ when roles.Contains(Roles.Administrator) => "/Admin/Users",
            _ when roles.Contains(Roles.ServiceDesigner) => "/Participation/Panels",
            _ => "/",
        };
}
