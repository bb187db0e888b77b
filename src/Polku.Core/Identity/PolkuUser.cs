using Microsoft.AspNetCore.Identity;

namespace Polku.Core.Identity;

/// <summary>A person who signs in. A user is linked to a professional record, to a client record, or to neither.</summary>
public class PolkuUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Preferred user-interface language: fi, sv or en.</summary>
    public string Language { get; set; } = "fi";

    public int? ProfessionalId { get; set; }

    public Guid? ClientId { get; set; }
}
