using System.Net;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>Sign-in, lockout and user administration. These change accounts, so they have an app of their own.</summary>
public abstract class AccountTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> NewUser(string userName = "uusi.hoitaja", string email = "uusi.hoitaja@polku.example", string role = "Professional", string password = "Vahva-Salasana-2026") => new()
    {
        ["Input.UserName"] = userName,
        ["Input.DisplayName"] = "Uusi Hoitaja",
        ["Input.Email"] = email,
        ["Input.Role"] = role,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task SignIn_WithEmptyFields_NamesBothFields()
    {
        using var response = await PolkuWebApp.PostFormAsync(app.Anonymous(), "/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Käyttäjätunnus on pakollinen tieto.", html, StringComparison.Ordinal);
        Assert.Contains("Salasana on pakollinen tieto.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_SaysSoWithoutTellingWhichWasWrong()
    {
        using var response = await PolkuWebApp.PostFormAsync(app.Anonymous(), "/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "johto", ["Input.Password"] = "wrong-password" });

        Assert.Contains("Käyttäjätunnus tai salasana on väärin.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PolkuWebApp.PostFormAsync(app.Anonymous(), "/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "muotoilija", ["Input.Password"] = "wrong-" + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await PolkuWebApp.PostFormAsync(app.Anonymous(), "/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "muotoilija", ["Input.Password"] = PolkuWebApp.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Tili on lukittu", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ammattilainen", "", "/Paths")]
    [InlineData("asiakas", "", "/Me")]
    [InlineData("johto", "", "/Insight")]
    [InlineData("yllapito", "", "/Admin/Users")]
    [InlineData("ammattilainen", "?ReturnUrl=%2FServices", "/Services")]
    [InlineData("asiakas", "?ReturnUrl=https%3A%2F%2Fevil.example%2F", "/Me")]
    public async Task SigningIn_LandsOnTheOwnDesk_UnlessALocalPageWasAsked(string user, string query, string expected)
    {
        var login = "/Account/Login" + query;
        using var response = await PolkuWebApp.PostFormAsync(app.Anonymous(), login, login,
            new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = PolkuWebApp.DemoPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await app.LogInAsAsync("asiakas");
        using var signedOut = await PolkuWebApp.PostFormAsync(client, "/Account/Logout", new Dictionary<string, string>());

        using var me = await client.GetAsync("/Me", Ct);

        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.StartsWith("/Account/Login", me.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadNewUsers() => new()
    {
        { "Input.UserName", "", "Käyttäjätunnus on pakollinen tieto." },
        { "Input.UserName", "a b", "Käyttäjätunnuksessa saa olla 3–64 merkkiä" },
        { "Input.UserName", "ammattilainen", "Käyttäjätunnus on jo käytössä." },
        { "Input.Email", "ei-sahkoposti", "Kirjoita sähköpostiosoite" },
        { "Input.Email", "ammattilainen@polku.example", "Sähköpostiosoite on jo käytössä." },
        { "Input.Role", "Superuser", "Valitse jokin vaihtoehdoista." },
        { "Input.Password", "Lyhyt-1", "Salasanassa on oltava vähintään 12 merkkiä." },
        { "Input.Password", "pelkkiapienia-kirjaimia", "Salasanassa on oltava vähintään yksi iso kirjain." },
        { "Input.DisplayName", "", "Nimi on pakollinen tieto." },
    };

    [Theory]
    [MemberData(nameof(BadNewUsers))]
    public async Task NewUser_WithBadInput_NamesTheField_AndCreatesNothing(string field, string value, string message)
    {
        var admin = await app.LogInAsAsync("yllapito");
        var before = await app.UserCountAsync();
        var form = NewUser();
        form[field] = value;

        using var response = await PolkuWebApp.PostFormAsync(admin, "/Admin/Users", form);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field.Replace('.', '_')}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.UserCountAsync());
    }

    [Fact]
    public async Task NewUser_WithGoodInput_CanSignIn_AndHasTheRole()
    {
        var admin = await app.LogInAsAsync("yllapito");

        using var created = await PolkuWebApp.PostFormAsync(admin, "/Admin/Users", NewUser("uusi.johtaja", "uusi.johtaja@polku.example", "Manager"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var user = await app.LogInAsAsync("uusi.johtaja", "Vahva-Salasana-2026");
        using var clients = await user.GetAsync("/Clients", Ct);
        Assert.Equal(HttpStatusCode.Redirect, clients.StatusCode);
        Assert.Contains("uusi.johtaja", await admin.GetStringAsync("/Admin/Users", Ct), StringComparison.Ordinal);
    }
}

public sealed class AccountOnSqliteTests(AccountOnSqliteTests.App app) : AccountTests<AccountOnSqliteTests.App>(app)
{
    public sealed class App() : PolkuWebApp(Core.Data.DatabaseProvider.Sqlite);
}

public sealed class AccountOnPostgresTests(AccountOnPostgresTests.App app) : AccountTests<AccountOnPostgresTests.App>(app)
{
    public sealed class App() : PolkuWebApp(Core.Data.DatabaseProvider.Postgres);
}
