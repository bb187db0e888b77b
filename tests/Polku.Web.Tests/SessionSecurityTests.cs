using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>
/// A browser's cookie jar kept by hand, so that a test can keep a copy of a session cookie after signing out and
/// replay it, as somebody who copied it would.
/// </summary>
internal sealed partial class CookieJar(HttpClient client)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string? this[string name] => _cookies.GetValueOrDefault(name);

    public void Set(string name, string value) => _cookies[name] = value;

    public async Task<HttpResponseMessage> GetAsync(string path, string? address = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request, address);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string postPath, Dictionary<string, string> fields, string? address = null)
    {
        using var page = await GetAsync(formPage, address);
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage}: {(int)page.StatusCode}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, postPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }),
        };
        return await SendAsync(request, address);
    }

    public Task<HttpResponseMessage> SignInAsync(string userName, string password = PolkuWebApp.DemoPassword, string? address = null) =>
        PostFormAsync("/Account/Login", "/Account/Login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password }, address);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? address)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }

        if (address is not null)
        {
            request.Headers.Add(TestAddress.Header, address);
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>Lets a test say which client address a request comes from (the test server has none).</summary>
internal static class TestAddress
{
    public const string Header = "X-Test-Client-Address";

    public static void Use(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
        services.AddSingleton<IStartupFilter, Filter>());

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Signing out ends the session on the server; sessions have idle and absolute lifetimes.</summary>
public sealed class SessionLifetimeTests(SessionLifetimeTests.App app) : IClassFixture<SessionLifetimeTests.App>
{
    public sealed class App() : PolkuWebApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
    {
        ["Sessions:IdleMinutes"] = "30",
        ["Sessions:AbsoluteHours"] = "2",
    })
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }

    private CookieJar NewBrowser() => new(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_AnOldCopyOfTheCookieOpensNothing()
    {
        var browser = NewBrowser();
        using var signedIn = await browser.SignInAsync("asiakas");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var copied = browser["polku.auth"]!;
        using (var me = await browser.GetAsync("/Me"))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        using var signedOut = await browser.PostFormAsync("/Account/Logout", "/Account/Logout", []);

        var thief = NewBrowser();
        thief.Set("polku.auth", copied);
        foreach (var path in new[] { "/Me", "/Me/Export" })
        {
            using var response = await thief.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Session_EndsAfterTheIdleTime()
    {
        var browser = NewBrowser();
        using var signedIn = await browser.SignInAsync("asiakas");

        app.Time.Advance(TimeSpan.FromMinutes(20));
        using (var active = await browser.GetAsync("/Me"))
        {
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        app.Time.Advance(TimeSpan.FromMinutes(31));
        using var idle = await browser.GetAsync("/Me");

        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
    }

    [Fact]
    public async Task Session_EndsAfterTheAbsoluteTime_HoweverActive()
    {
        var browser = NewBrowser();
        using var signedIn = await browser.SignInAsync("asiakas");

        for (var i = 0; i < 7; i++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(16));
            using var active = await browser.GetAsync("/Me");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        app.Time.Advance(TimeSpan.FromMinutes(16));
        using var expired = await browser.GetAsync("/Me");

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
    }
}

/// <summary>Sign-in throttling: 429 with a message, the same answer for known and unknown names, no cheap lock-out.</summary>
public sealed class SignInThrottleTests(SignInThrottleTests.App app) : IClassFixture<SignInThrottleTests.App>
{
    public sealed class App() : PolkuWebApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
    {
        ["SignIn:AttemptsPerAddressPerMinute"] = "8",
        ["SignIn:FailuresBeforeLock"] = "3",
        ["SignIn:FailuresPerUserName"] = "6",
    })
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            TestAddress.Use(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<PolkuUser>>(Hasher));
        }
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    public sealed class CountingHasher : IPasswordHasher<PolkuUser>
    {
        private readonly PasswordHasher<PolkuUser> _real = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(PolkuUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PolkuUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private CookieJar NewBrowser() => new(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));

    private static async Task<string> TextAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    [Fact]
    public async Task UnknownAndKnownUserNames_GetTheSameAnswer_AfterTheSameWork()
    {
        var browser = NewBrowser();
        var before = app.Hasher.Verifications;
        using var unknown = await browser.SignInAsync("ei-ketaan-tama", "vaara-salasana", "192.0.2.10");
        var afterUnknown = app.Hasher.Verifications;
        using var known = await browser.SignInAsync("johto", "vaara-salasana", "192.0.2.10");

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, app.Hasher.Verifications - afterUnknown);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Käyttäjätunnus tai salasana on väärin.", await TextAsync(unknown), StringComparison.Ordinal);
        Assert.Contains("Käyttäjätunnus tai salasana on väärin.", await TextAsync(known), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("muotoilija")]
    [InlineData("ei-olemassa-oleva")]
    public async Task RepeatedFailures_LockTheNameAtThatAddress_KnownOrNot_ButNotElsewhere(string userName)
    {
        var attacker = NewBrowser();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await attacker.SignInAsync(userName, "arvaus-" + i, "198.51.100.7");
            Assert.Contains("Käyttäjätunnus tai salasana on väärin.", await TextAsync(wrong), StringComparison.Ordinal);
        }

        using var locked = await attacker.SignInAsync(userName, PolkuWebApp.DemoPassword, "198.51.100.7");
        Assert.Contains("Tili on lukittu", await TextAsync(locked), StringComparison.Ordinal);

        if (userName == "muotoilija")
        {
            var owner = NewBrowser();
            using var real = await owner.SignInAsync(userName, PolkuWebApp.DemoPassword, "203.0.113.20");
            Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        }
    }

    [Fact]
    public async Task TooManyAttemptsFromOneAddress_Get429_WithAClearMessage()
    {
        var browser = NewBrowser();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 9; i++)
        {
            last?.Dispose();
            last = await browser.SignInAsync("user-" + i, "wrong", "192.0.2.99");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("Liian monta kirjautumisyritystä.", await TextAsync(last), StringComparison.Ordinal);
        Assert.True(last.Headers.RetryAfter is not null);
        last.Dispose();
    }

    [Fact]
    public async Task ManyFailuresForOneName_FromManyAddresses_AreRefusedForAWhile()
    {
        for (var i = 0; i < 6; i++)
        {
            using var wrong = await NewBrowser().SignInAsync("johto-arvattava", "wrong", $"198.18.0.{i + 1}");
        }

        using var refused = await NewBrowser().SignInAsync("johto-arvattava", "wrong", "198.18.0.200");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}

/// <summary>Responses with personal data are never stored by a browser or a proxy cache.</summary>
public sealed class NoStoreTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("asiakas", "/Me")]
    [InlineData("asiakas", "/Me/Export")]
    [InlineData("asiakas", "/Me/AccessLog")]
    [InlineData("ammattilainen", "/Paths")]
    [InlineData("ammattilainen", "/Clients")]
    public async Task SignedInPages_AreNoStore(string user, string path)
    {
        var client = await app.LogInAsAsync(user);

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Fhir_IsNoStore()
    {
        using var response = await app.Anonymous().GetAsync("/fhir/r4/metadata", Ct);

        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
