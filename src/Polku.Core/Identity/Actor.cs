namespace Polku.Core.Identity;

/// <summary>The signed-in person on whose behalf Core acts: what they are allowed to do and how they appear in the audit log.</summary>
public sealed record Actor(
    string? UserId,
    string DisplayName,
    IReadOnlySet<string> Roles,
    int? ProfessionalId = null,
    int? OrganisationId = null,
    Guid? ClientId = null)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool DoesClientWork => ProfessionalId is not null && Roles.Overlaps(Identity.Roles.ClientWork);
}
