using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Polku.Web.Tests;

/// <summary>
/// A small OpenID Connect provider for the tests, served over https by Kestrel on a loopback port: discovery, keys,
/// authorisation (code flow with PKCE, answered as a form post as real providers do), token and userinfo endpoints,
/// with RS256-signed ID tokens. It signs in whoever <see cref="NextUser"/> names, without asking. Its certificate is
/// self-signed; <see cref="TrustingHandler"/> trusts exactly that certificate.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "polku-test";
    public const string ClientSecret = "polku-test-secret";

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, ProviderUser> _accessTokens = new();
    private WebApplication? _app;

    /// <summary>The user the next authorisation request signs in.</summary>
    public ProviderUser NextUser { get; set; } = new("sub-0", null, false);

    public X509Certificate2 Certificate { get; } = SelfSigned();
    public Uri Authority { get; private set; } = new("https://127.0.0.1");

    /// <summary>Token requests that were answered (the round trip really reached the token endpoint).</summary>
    public int TokensIssued => _tokensIssued;
    private int _tokensIssued;

    public sealed record ProviderUser(string Subject, string? Email, bool? EmailVerified, string Name = "Testi Käyttäjä");

    private sealed record Grant(ProviderUser User, string ClientId, string RedirectUri, string? Nonce, string Challenge);

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var provider = new TestOpenIdProvider();
        await provider.RunAsync();
        return provider;
    }

    /// <summary>An HTTP handler that trusts this provider's certificate (and no other self-signed one).</summary>
    public HttpClientHandler TrustingHandler() => new()
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || certificate?.Thumbprint == Certificate.Thumbprint,
    };

    private async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate)));
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(Discovery()));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_signingKey.ExportParameters(false)) { KeyId = "test-key" });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapGet("/userinfo", UserInfo);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = new Uri(address);
    }

    private string Issuer => Authority.ToString().TrimEnd('/');

    private Dictionary<string, object> Discovery() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["userinfo_endpoint"] = Issuer + "/userinfo",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = Code,
        ["subject_types_supported"] = PublicSubjects,
        ["id_token_signing_alg_values_supported"] = Rs256,
        ["code_challenge_methods_supported"] = S256,
        ["token_endpoint_auth_methods_supported"] = ClientAuthentication,
    };

    private static readonly string[] Code = ["code"];
    private static readonly string[] PublicSubjects = ["public"];
    private static readonly string[] Rs256 = ["RS256"];
    private static readonly string[] S256 = ["S256"];
    private static readonly string[] ClientAuthentication = ["client_secret_post", "client_secret_basic"];

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["redirect_uri"]))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(NextUser, ClientId, q["redirect_uri"]!, q["nonce"], q["code_challenge"]!);
        var redirect = q["redirect_uri"].ToString();
        var state = q["state"].ToString();
        if (q["response_mode"] == "form_post")
        {
            var html = $"""
                <!doctype html><html><body onload="document.forms[0].submit()">
                <form method="post" action="{WebUtility.HtmlEncode(redirect)}">
                <input type="hidden" name="code" value="{code}">
                <input type="hidden" name="state" value="{WebUtility.HtmlEncode(state)}">
                </form></body></html>
                """;
            return Results.Content(html, "text/html");
        }

        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || grant.RedirectUri != form["redirect_uri"] || Challenge(form["code_verifier"].ToString()) != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = grant.User.Subject, ["name"] = grant.User.Name };
        if (grant.Nonce is not null)
        {
            claims["nonce"] = grant.Nonce;
        }

        AddEmail(claims, grant.User);
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_signingKey) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });
        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _accessTokens[accessToken] = grant.User;
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_accessTokens.TryGetValue(header["Bearer ".Length..], out var user))
        {
            return Results.StatusCode(401);
        }

        var claims = new Dictionary<string, object> { ["sub"] = user.Subject, ["name"] = user.Name };
        AddEmail(claims, user);
        return Results.Json(claims);
    }

    private static void AddEmail(Dictionary<string, object> claims, ProviderUser user)
    {
        if (user.Email is not null)
        {
            claims["email"] = user.Email;
        }

        if (user.EmailVerified is { } verified)
        {
            claims["email_verified"] = verified;
        }
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _signingKey.Dispose();
        Certificate.Dispose();
    }
}
