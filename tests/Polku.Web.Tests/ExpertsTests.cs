using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Polku.Core;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>The experience-expert bank run through its pages like a browser without JavaScript, on both databases.</summary>
public abstract partial class ExpertsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : PolkuWebApp
{
    private const string Bank = "/Participation/Experts";
    private const string ExpertPage = "/Participation/Experts/Expert";
    private const string RequestPage = "/Participation/Experts/Request";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"Request\?id=(\d+)")]
    private static partial Regex RequestId();

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex Inputs();

    private static bool IsChecked(string html, string name, string value) =>
        Inputs().Matches(html).Any(m => m.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal)
            && m.Value.Contains($"value=\"{value}\"", StringComparison.Ordinal)
            && m.Value.Contains("checked=\"checked\"", StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string postPath, params (string Key, string Value)[] fields)
    {
        var page = await client.GetStringAsync(formPage, Ct);
        var token = Token().Match(page);
        Assert.True(token.Success, "No antiforgery token on " + formPage + "\n" + page);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(postPath, new FormUrlEncodedContent(form), Ct);
    }

    private static async Task<string> AssertRedirectAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync(Ct)}");
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<string> AssertPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}\n{html}");
        return html;
    }

    private static string Name(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A date at least a month ahead on the given weekday, so it is never in the past in Finnish time.</summary>
    private static DateOnly Ahead(DayOfWeek day)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> UnitAsync()
    {
        await using var db = app.Database.CreateContext();
        return (await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct)).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<int> AddExpertAsync(HttpClient staff, string name, string area, string language, string day)
    {
        await AssertRedirectAsync(await PostAsync(staff, ExpertPage, ExpertPage,
            ("Input.Name", name), ("Input.Areas", area), ("Input.Training", "Kokemusasiantuntijakoulutus 2025"),
            ("Input.Languages", language), ("Input.Days", day)));
        await using var db = app.Database.CreateContext();
        return await db.Experts.Where(e => e.Name == name).Select(e => e.Id).SingleAsync(Ct);
    }

    private async Task<int> PostRequestAsync(HttpClient staff, string description, string area, string language, DateOnly date)
    {
        var location = await AssertRedirectAsync(await PostAsync(staff, RequestPage, RequestPage,
            ("Input.Unit", await UnitAsync()), ("Input.Description", description), ("Input.Area", area),
            ("Input.Language", language), ("Input.Date", Iso(date))));
        var id = RequestId().Match(location);
        Assert.True(id.Success, location);
        return int.Parse(id.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_resident_is_refused_the_bank_and_its_forms()
    {
        var resident = await app.LogInAsAsync("asiakas");
        foreach (var path in new[] { Bank, ExpertPage, RequestPage, RequestPage + "?id=1" })
        {
            var response = await resident.GetAsync(path, Ct);
            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal),
                $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        var anonymous = await app.Anonymous().GetAsync(Bank, Ct);
        Assert.Contains("/Account/Login", anonymous.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("/Participation/Experts\"", await resident.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_an_expert_with_errors_names_the_fields_and_stores_nothing()
    {
        var staff = await app.LogInAsAsync("muotoilija");
        await using var db = app.Database.CreateContext();
        var before = await db.Experts.CountAsync(Ct);

        var html = await AssertPageAsync(await PostAsync(staff, ExpertPage, ExpertPage, ("Input.Name", ""), ("Input.OtherLanguages", "so, x1")));

        Assert.Contains("Nimi on pakollinen tieto.", html, StringComparison.Ordinal);
        Assert.Contains("Kokemusalueet: valitse vähintään yksi.", html, StringComparison.Ordinal);
        Assert.Contains("Muut kielet: kirjoita kielikoodit", html, StringComparison.Ordinal);
        Assert.Contains("Käytettävissä viikonpäivinä: valitse vähintään yksi päivä.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Areas\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Areas\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.Experts.CountAsync(Ct));

        var noLanguage = await AssertPageAsync(await PostAsync(staff, ExpertPage, ExpertPage,
            ("Input.Name", "Kieletön"), ("Input.Areas", "youth"), ("Input.Days", "1")));
        Assert.Contains("Kielet: valitse tai kirjoita vähintään yksi kieli.", noLanguage, StringComparison.Ordinal);
        Assert.True(IsChecked(noLanguage, "Input.Areas", "youth"), noLanguage);
        Assert.False(IsChecked(noLanguage, "Input.Areas", "poverty"), noLanguage);
        Assert.Equal(before, await db.Experts.CountAsync(Ct));
    }

    [Fact]
    public async Task Staff_add_an_expert_and_edit_them_inactive()
    {
        var staff = await app.LogInAsAsync("muotoilija");
        var name = Name("Kaisa");
        await AssertRedirectAsync(await PostAsync(staff, ExpertPage, ExpertPage,
            ("Input.Name", name), ("Input.Areas", "mental-health"), ("Input.Areas", "substance-use"), ("Input.Training", "Koulutus 2025"),
            ("Input.Languages", "fi"), ("Input.OtherLanguages", "SO, ar"), ("Input.Days", "1"), ("Input.Days", "3")));

        await using var db = app.Database.CreateContext();
        var expert = await db.Experts.AsNoTracking().SingleAsync(e => e.Name == name, Ct);
        Assert.Equal(["mental-health", "substance-use"], expert.Areas);
        Assert.Equal(["ar", "fi", "so"], expert.Languages);
        Assert.Equal(Polku.Core.Catalogue.Weekdays.Monday | Polku.Core.Catalogue.Weekdays.Wednesday, expert.Available);
        Assert.True(expert.Active);

        var list = await staff.GetStringAsync(Bank, Ct);
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains("Mielenterveys, Päihteet ja riippuvuudet", list, StringComparison.Ordinal);
        Assert.Contains("ar, suomi, so", list, StringComparison.Ordinal);

        var edit = $"{ExpertPage}?id={expert.Id}";
        var form = await staff.GetStringAsync(edit, Ct);
        Assert.True(IsChecked(form, "Input.Areas", "mental-health"), form);
        Assert.False(IsChecked(form, "Input.Areas", "youth"), form);
        Assert.True(IsChecked(form, "Input.Days", "3"), form);
        Assert.True(IsChecked(form, "Input.Active", "true"), form);
        Assert.Contains("value=\"ar, so\"", form, StringComparison.Ordinal);

        await AssertRedirectAsync(await PostAsync(staff, edit, edit,
            ("Input.Name", name + " B"), ("Input.Areas", "mental-health"), ("Input.Training", "Koulutus 2025"),
            ("Input.Languages", "sv"), ("Input.Days", "5")));
        db.ChangeTracker.Clear();
        var edited = await db.Experts.AsNoTracking().SingleAsync(e => e.Id == expert.Id, Ct);
        Assert.Equal(name + " B", edited.Name);
        Assert.Equal(["mental-health"], edited.Areas);
        Assert.Equal(["sv"], edited.Languages);
        Assert.Equal(Polku.Core.Catalogue.Weekdays.Friday, edited.Available);
        Assert.False(edited.Active);
        Assert.Contains("Ei aktiivinen", await staff.GetStringAsync(Bank, Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(ExpertPage + "?id=999999", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_request_is_matched_booked_with_its_fee_and_cannot_be_booked_twice()
    {
        var staff = await app.LogInAsAsync("muotoilija");
        var name = Name("Leena");
        var expertId = await AddExpertAsync(staff, name, "disability", "en", "4");
        var thursday = Ahead(DayOfWeek.Thursday);
        var description = Name("Työpaja vammaispalveluista");

        var past = await AssertPageAsync(await PostAsync(staff, RequestPage, RequestPage,
            ("Input.Unit", await UnitAsync()), ("Input.Description", description), ("Input.Area", "disability"),
            ("Input.Language", "en"), ("Input.Date", Iso(FinnishTime.Today(TimeProvider.System).AddDays(-1)))));
        Assert.Contains("Päivämäärä ei voi olla menneisyydessä.", past, StringComparison.Ordinal);
        var missing = await AssertPageAsync(await PostAsync(staff, RequestPage, RequestPage, ("Input.Description", description)));
        Assert.Contains("Yksikkö on pakollinen tieto.", missing, StringComparison.Ordinal);
        Assert.Contains("Kokemusalue on pakollinen tieto.", missing, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.ExpertRequests.AnyAsync(r => r.Description == description, Ct));
        }

        var id = await PostRequestAsync(staff, description, "disability", "en", thursday);
        var page = $"{RequestPage}?id={id}";
        var html = await staff.GetStringAsync(page, Ct);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("Miksi sopii – kokemusalue: Vammaisuus; kieli: englanti; käytettävissä: Torstai", html, StringComparison.Ordinal);
        Assert.Contains($"Fees[{expertId}]", html, StringComparison.Ordinal);
        Assert.Contains("Avoin – sopivia asiantuntijoita 1", await staff.GetStringAsync(Bank, Ct), StringComparison.Ordinal);

        var book = $"{page}&expertId={expertId}&handler=Book";
        var negative = await AssertPageAsync(await PostAsync(staff, page, book, ($"Fees[{expertId}]", "-5")));
        Assert.Contains("Palkkio ei voi olla negatiivinen.", negative, StringComparison.Ordinal);
        Assert.Contains($"href=\"#Fees_{expertId}_\"", negative, StringComparison.Ordinal);
        var notANumber = await AssertPageAsync(await PostAsync(staff, page, book, ($"Fees[{expertId}]", "paljon")));
        Assert.Contains("Palkkio: anna summa euroina", notANumber, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False((await db.ExpertRequests.SingleAsync(r => r.Id == id, Ct)).Booked);
        }

        await AssertRedirectAsync(await PostAsync(staff, page, book, ($"Fees[{expertId}]", "150,50")));
        var booked = await staff.GetStringAsync(page, Ct);
        Assert.Contains("Asiantuntija on varattu ja palkkio kirjattu.", booked, StringComparison.Ordinal);
        Assert.Matches(@"<dd>150,50\s€</dd>", booked);
        var list = await staff.GetStringAsync(Bank, Ct);
        Assert.Matches($@"Varattu: {name}, palkkio 150,50\s€", list);
        Assert.Contains("Kirjatut palkkiot yhteensä", list, StringComparison.Ordinal);

        await AssertRedirectAsync(await PostAsync(staff, Bank, book, ($"Fees[{expertId}]", "99.5")));
        Assert.Contains("sitä ei voi varata toista kertaa", await staff.GetStringAsync(page, Ct), StringComparison.Ordinal);
        await using var check = app.Database.CreateContext();
        var stored = await check.ExpertRequests.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(expertId, stored.BookedExpertId);
        Assert.Equal(150.50m, stored.Fee);
    }

    [Fact]
    public async Task A_request_nobody_matches_says_so_and_what_would_widen_the_search()
    {
        var staff = await app.LogInAsAsync("muotoilija");
        var name = Name("Pekka");
        await AddExpertAsync(staff, name, "long-term-illness", "fi", "2");
        var id = await PostRequestAsync(staff, Name("Sairauden kanssa eläminen"), "long-term-illness", "sv", Ahead(DayOfWeek.Monday));

        var html = await staff.GetStringAsync($"{RequestPage}?id={id}", Ct);
        Assert.Contains("Yksikään asiantuntija ei sovi tähän pyyntöön", html, StringComparison.Ordinal);
        Assert.Contains($"{name}: puhuu muita kieliä (suomi); käytettävissä muina päivinä (ti)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Book", html, StringComparison.Ordinal);

        var sv = await app.LogInAsAsync("muotoilija");
        await AssertRedirectAsync(await PostAsync(sv, "/", "/Language", ("language", "sv"), ("returnUrl", "/")));
        var nobody = await sv.GetStringAsync($"{RequestPage}?id={await PostRequestAsync(staff, Name("Ingen"), "poverty", "sv", Ahead(DayOfWeek.Sunday))}", Ct);
        Assert.Contains("Banken har ingen aktiv expert inom det här erfarenhetsområdet.", nobody, StringComparison.Ordinal);
    }
}

public sealed class ExpertsOnSqliteTests(SqliteApp app) : ExpertsTests<SqliteApp>(app);

public sealed class ExpertsOnPostgresTests(PostgresApp app) : ExpertsTests<PostgresApp>(app);
