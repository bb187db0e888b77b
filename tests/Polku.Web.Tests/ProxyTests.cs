using System.Net;
using Polku.Core.Data;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>
/// Behind a TLS-terminating proxy on loopback (a real Kestrel server, so requests come from 127.0.0.1): forwarded
/// headers from a known proxy make cookies <c>Secure</c> and FHIR URLs https; from anybody else they change nothing.
/// </summary>
public abstract class ProxyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract bool Trusted { get; }

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.ServerAddress };

    private static HttpRequestMessage ViaProxy(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        request.Headers.Add("X-Forwarded-Host", "county-proxy.example");
        return request;
    }

    [Fact]
    public async Task Cookies_AreSecure_OnlyWhenAKnownProxySaysHttps()
    {
        using var client = Client();
        using var request = ViaProxy("/Account/Login");

        using var response = await client.SendAsync(request, Ct);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Equal(Trusted, c.Contains("; secure", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task FhirUrls_FollowTheProxysSchemeAndHost_OnlyFromAKnownProxy()
    {
        using var client = Client();
        using var request = ViaProxy("/fhir/r4/metadata");

        using var response = await client.SendAsync(request, Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(Trusted, json.Contains("https://county-proxy.example/fhir/r4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAProxy_PlainHttpStaysUsable()
    {
        using var client = Client();

        using var response = await client.GetAsync("/Account/Login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class KnownProxyTests(KnownProxyTests.App app) : ProxyTests<KnownProxyTests.App>(app)
{
    protected override bool Trusted => true;

    public sealed class App() : PolkuWebApp(DatabaseProvider.Sqlite, realServer: true, settings: new Dictionary<string, string>
    {
        ["Proxy:ForwardedHeaders"] = "true",
        ["Proxy:KnownProxies:0"] = "127.0.0.1",
    });
}

public sealed class UnknownProxyTests(UnknownProxyTests.App app) : ProxyTests<UnknownProxyTests.App>(app)
{
    protected override bool Trusted => false;

    public sealed class App() : PolkuWebApp(DatabaseProvider.Sqlite, realServer: true, settings: new Dictionary<string, string>
    {
        ["Proxy:ForwardedHeaders"] = "true",
        ["Proxy:KnownProxies:0"] = "192.0.2.1",
    });
}
