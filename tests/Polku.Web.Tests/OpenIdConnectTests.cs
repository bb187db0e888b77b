using System.Net;
using Polku.Core.Data;
using Polku.Testing;
using Polku.Web.Setup;

namespace Polku.Web.Tests;

public sealed class OpenIdConnectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhenEnabled_TheSignInPageOffersTheOrganisationsSignIn_AlongsideLocalAccounts()
    {
        await using var app = new PolkuWebApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
        {
            ["Authentication:OpenIdConnect:Enabled"] = "true",
            ["Authentication:OpenIdConnect:Authority"] = "https://tunnistus.jarvilaakso.example",
            ["Authentication:OpenIdConnect:ClientId"] = "polku",
            ["Authentication:OpenIdConnect:DisplayName"] = "Järvilaakson tunnistus",
        });
        await app.InitializeAsync();

        var html = await app.Anonymous().GetStringAsync("/Account/Login", Ct);

        Assert.Contains("Järvilaakson tunnistus", html, StringComparison.Ordinal);
        Assert.Contains("handler=External", html, StringComparison.Ordinal);
        Assert.NotNull(await app.LogInAsAsync("ammattilainen"));
    }

    [Fact]
    public async Task WhenDisabled_ThereIsNoExternalSignIn()
    {
        await using var app = new PolkuWebApp(DatabaseProvider.Sqlite);
        await app.InitializeAsync();

        var html = await app.Anonymous().GetStringAsync("/Account/Login", Ct);
        using var external = await PolkuWebApp.PostFormAsync(app.Anonymous(), "/Account/Login?handler=External", new Dictionary<string, string>());

        Assert.DoesNotContain("handler=External", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, external.StatusCode);
    }

    [Theory]
    [InlineData("http://tunnistus.example", "polku", "Authority")]
    [InlineData("", "polku", "Authority")]
    [InlineData("https://tunnistus.example", "", "ClientId")]
    public void EnabledWithBadSettings_IsRefusedAtStart_NamingTheSetting(string authority, string clientId, string setting)
    {
        var errors = new OpenIdConnectSettings { Enabled = true, Authority = authority, ClientId = clientId }.Validate().ToList();

        Assert.Contains(errors, e => e.Contains("Authentication:OpenIdConnect:" + setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Disabled_NeedsNoSettings() =>
        Assert.Empty(new OpenIdConnectSettings().Validate());
}
