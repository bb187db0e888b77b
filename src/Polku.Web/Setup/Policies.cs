using Microsoft.AspNetCore.Authorization;
using Polku.Core.Identity;

namespace Polku.Web.Setup;

/// <summary>Authorisation policies by role. Client data needs more than a role: see <see cref="Polku.Core.Clients.ClientAccess"/>.</summary>
public static class Policies
{
    public const string ClientWork = nameof(ClientWork);
    public const string Client = nameof(Client);
    public const string Management = nameof(Management);
    public const string ServiceDesign = nameof(ServiceDesign);
    public const string Administration = nameof(Administration);

    /// <summary>Anyone who works for the county or a provider (not a client); pages decide further in Core.</summary>
    public const string Staff = nameof(Staff);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(ClientWork, p => p.RequireRole(Roles.ClientWork).RequireClaim(PolkuClaims.ProfessionalId));
        options.AddPolicy(Client, p => p.RequireRole(Roles.Client).RequireClaim(PolkuClaims.ClientId));
        options.AddPolicy(Management, p => p.RequireRole(Roles.Manager, Roles.Administrator));
        options.AddPolicy(ServiceDesign, p => p.RequireRole(Roles.ServiceDesigner, Roles.Manager));
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Professional, Roles.ResponsibleWorker, Roles.Manager, Roles.ServiceDesigner, Roles.Administrator));
    }
}
