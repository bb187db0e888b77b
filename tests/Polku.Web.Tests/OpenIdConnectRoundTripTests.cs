using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Data;
using Polku.Testing;
using Polku.Web.Setup;
using static Polku.Web.Tests.TestOpenIdProvider;

namespace Polku.Web.Tests;

/// <summary>
/// The whole OpenID Connect sign-in against a real provider started by the tests (<see cref="TestOpenIdProvider"/>,
/// over https): Polku's challenge, the provider's authorisation and form post back, Polku's token and userinfo requests
/// over the network, and the local sign-in. A provider's user is linked to a local account by e-mail only when the
/// provider says the address is verified; after that the link alone signs in.
/// </summary>
public sealed partial class OpenIdConnectRoundTripTests(OpenIdConnectRoundTripTests.Fixture fixture) : IClassFixture<OpenIdConnectRoundTripTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public TestOpenIdProvider Provider { get; private set; } = null!;
        public App App { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Provider = await StartAsync();
            App = new App(Provider);
            await App.InitializeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    public sealed class App(TestOpenIdProvider provider) : PolkuWebApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
    {
        ["Authentication:OpenIdConnect:Enabled"] = "true",
        ["Authentication:OpenIdConnect:Authority"] = provider.Authority.ToString(),
        ["Authentication:OpenIdConnect:ClientId"] = ClientId,
        ["Authentication:OpenIdConnect:ClientSecret"] = ClientSecret,
        ["Authentication:OpenIdConnect:DisplayName"] = "Testitunnistus",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // The provider's certificate is self-signed: Polku's back channel trusts exactly that one.
            builder.ConfigureTestServices(services => services.Configure<OpenIdConnectOptions>(OpenIdConnectSettings.Scheme,
                o => o.BackchannelHttpHandler = provider.TrustingHandler()));
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestOpenIdProvider Provider => fixture.Provider;

    /// <summary>
    /// Signs in through the provider as a browser would: returns Polku's client (with its cookies) and the page that
    /// Polku's external sign-in ended on (a redirect home, or the refusal page).
    /// </summary>
    private async Task<(HttpClient Polku, HttpResponseMessage End)> SignInAsync(ProviderUser user)
    {
        Provider.NextUser = user;
        var tokensBefore = Provider.TokensIssued;
        var polku = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

        using var challenge = await PolkuWebApp.PostFormAsync(polku, "/Account/Login", "/Account/Login?handler=External", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(Provider.Authority + "authorize?", authorize.ToString(), StringComparison.Ordinal);

        using var browser = new HttpClient(Provider.TrustingHandler());
        var formPost = await browser.GetStringAsync(authorize, Ct);
        var action = WebUtility.HtmlDecode(FormAction().Match(formPost).Groups[1].Value);
        var fields = HiddenField().Matches(formPost).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal("https://localhost/signin-oidc", action);

        using var callback = await polku.PostAsync(action, new FormUrlEncodedContent(fields), Ct);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync(Ct));
        Assert.Equal(tokensBefore + 1, Provider.TokensIssued);

        var end = await polku.GetAsync(callback.Headers.Location, Ct);
        return (polku, end);
    }

    private async Task<int> LoginsAsync(string userName)
    {
        await using var db = fixture.App.Database.CreateContext();
        return await db.UserLogins.CountAsync(l => db.Users.Any(u => u.Id == l.UserId && u.UserName == userName), Ct);
    }

    private static async Task AssertSignedInAsync(HttpClient polku, HttpResponseMessage end, string path, string landing)
    {
        Assert.True(end.StatusCode == HttpStatusCode.Redirect, await end.Content.ReadAsStringAsync(Ct));
        Assert.Equal(landing, end.Headers.Location!.OriginalString);
        using var page = await polku.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpClient polku, HttpResponseMessage end, string message, string path)
    {
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await end.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        using var page = await polku.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifiedEmail_OfALocalAccount_SignsIn_AndLinks_ThenTheLinkAloneSignsIn()
    {
        var (polku, end) = await SignInAsync(new ProviderUser("sub-professional", "AMMATTILAINEN@polku.example", EmailVerified: true));
        using (end)
        {
            await AssertSignedInAsync(polku, end, "/Clients", "/Paths");
        }

        Assert.Equal(1, await LoginsAsync("ammattilainen"));

        // The same provider user again, now without any e-mail: the link is enough.
        var (again, secondEnd) = await SignInAsync(new ProviderUser("sub-professional", null, null));
        using (secondEnd)
        {
            await AssertSignedInAsync(again, secondEnd, "/Clients", "/Paths");
        }

        Assert.Equal(1, await LoginsAsync("ammattilainen"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task UnverifiedEmail_IsNotLinked_AndDoesNotSignIn(bool? verified)
    {
        var (polku, end) = await SignInAsync(new ProviderUser("sub-unverified-" + verified, "yllapito@polku.example", verified));
        using (end)
        {
            await AssertRefusedAsync(polku, end, "tunnistuspalvelu ei ole vahvistanut sähköpostiosoitettasi", "/Admin/Services");
        }

        Assert.Equal(0, await LoginsAsync("yllapito"));
    }

    [Fact]
    public async Task VerifiedEmail_WithoutALocalAccount_DoesNotSignIn()
    {
        var (polku, end) = await SignInAsync(new ProviderUser("sub-stranger", "vieras@esimerkki.example", EmailVerified: true));
        using (end)
        {
            await AssertRefusedAsync(polku, end, "Polusta ei löytynyt sinulle käyttäjätiliä", "/Clients");
        }
    }

    [Fact]
    public async Task ASecondProviderAccount_WithTheSameVerifiedEmail_CannotTakeOverALinkedAccount()
    {
        var (first, firstEnd) = await SignInAsync(new ProviderUser("sub-manager", "johto@polku.example", EmailVerified: true));
        using (firstEnd)
        {
            await AssertSignedInAsync(first, firstEnd, "/Insight", "/Insight");
        }

        var (other, otherEnd) = await SignInAsync(new ProviderUser("sub-manager-impostor", "johto@polku.example", EmailVerified: true));
        using (otherEnd)
        {
            await AssertRefusedAsync(other, otherEnd, "Polusta ei löytynyt sinulle käyttäjätiliä", "/Insight");
        }

        Assert.Equal(1, await LoginsAsync("johto"));
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
