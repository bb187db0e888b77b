namespace Polku.Web.Setup;

/// <summary>
/// Configuration section "Authentication:OpenIdConnect": sign-in through a production identity provider.
/// Users signed in this way are matched to a local account by a previous link, or by an e-mail address the provider
/// says it has verified (<c>email_verified</c>); roles stay in Polku.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = "oidc";

    public bool Enabled { get; set; }
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>Button text on the sign-in page, e.g. the name of the county's identity service.</summary>
    public string DisplayName { get; set; } = "";

    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            yield return $"{Section}:Authority must be an absolute https URL when OpenID Connect is enabled.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{Section}:ClientId is required when OpenID Connect is enabled.";
        }
    }
}
