namespace Polku.Core.Identity;

/// <summary>Claim types Polku adds to a signed-in user's principal.</summary>
public static class PolkuClaims
{
    public const string DisplayName = "polku:name";
    public const string ProfessionalId = "polku:professional";
    public const string ClientId = "polku:client";
}
