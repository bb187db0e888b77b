using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Participation.Budgeting;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>A budgeting round run through the pages like a browser without JavaScript, on both databases.</summary>
public abstract partial class BudgetingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>Takes the antiforgery token from <paramref name="formPage"/> and posts the fields (keys may repeat) to <paramref name="postPath"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string postPath, params (string Key, string Value)[] fields)
    {
        var page = await client.GetStringAsync(formPage, Ct);
        var token = Token().Match(page);
        Assert.True(token.Success, "No antiforgery token on " + formPage + "\n" + page);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(postPath, new FormUrlEncodedContent(form), Ct);
    }

    private static async Task AssertRedirectAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

    private async Task<BudgetRound> RoundAsync(string name)
    {
        await using var db = app.Database.CreateContext();
        return await db.BudgetRounds.Include(r => r.Projects.OrderBy(p => p.Id)).SingleAsync(r => r.Name == name, Ct);
    }

    [Fact]
    public async Task A_round_runs_from_proposals_to_published_results()
    {
        var staff = await app.LogInAsAsync("muotoilija");
        var resident = await app.LogInAsAsync("asiakas");
        var name = "Kierros " + Guid.NewGuid().ToString("N")[..8];
        await AssertRedirectAsync(await PostAsync(staff, "/Participation/Budgeting/New", "/Participation/Budgeting/New",
            ("Input.Name", name), ("Input.Area", "Järvilinna"), ("Input.Budget", "10000"),
            ("Input.RuleKind", "Approval"), ("Input.MinProjects", "1"), ("Input.MaxProjects", "1")));
        var id = (await RoundAsync(name)).Id;
        var round = $"/Participation/Budgeting/Round?id={id}";

        await AssertRedirectAsync(await PostAsync(resident, $"/Participation/Budgeting/Propose?id={id}", $"/Participation/Budgeting/Propose?id={id}",
            ("Input.Name", "Leikkipuiston keinut"), ("Input.Description", "Uudet keinut"), ("Input.Cost", "6000")));
        await AssertRedirectAsync(await PostAsync(resident, $"/Participation/Budgeting/Propose?id={id}", $"/Participation/Budgeting/Propose?id={id}",
            ("Input.Name", "Uimaranta"), ("Input.Cost", "9000")));
        var tooExpensive = await PostAsync(resident, $"/Participation/Budgeting/Propose?id={id}", $"/Participation/Budgeting/Propose?id={id}",
            ("Input.Name", "Uimahalli"), ("Input.Cost", "20000"));
        Assert.Contains("eikä suurempi kuin koko budjetti", await tooExpensive.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await AssertRedirectAsync(await PostAsync(staff, round, round + "&handler=Advance"));
        var projects = (await RoundAsync(name)).Projects;
        await AssertRedirectAsync(await PostAsync(staff, round, round + $"&handler=Accept&projectId={projects[0].Id}"));
        var reject = $"/Participation/Budgeting/Reject?id={id}&projectId={projects[1].Id}";
        var noReason = await PostAsync(staff, reject, reject, ("Input.Reason", ""));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        await AssertRedirectAsync(await PostAsync(staff, reject, reject, ("Input.Reason", "Ranta on valtion maalla")));
        AssertDenied(await PostAsync(resident, round, round + "&handler=Advance"));
        await AssertRedirectAsync(await PostAsync(staff, round, round + "&handler=Advance"));
        Assert.Contains("Ranta on valtion maalla", await resident.GetStringAsync(round, Ct), StringComparison.Ordinal);

        var vote = $"/Participation/Budgeting/Vote?id={id}";
        await AssertRedirectAsync(await PostAsync(resident, vote, vote, ("Choices", projects[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var again = await PostAsync(resident, vote, vote, ("Choices", projects[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Olet jo äänestänyt", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var rules = $"/Participation/Budgeting/Rules?id={id}";
        var locked = await PostAsync(staff, rules, rules, ("Input.RuleKind", "MinimumProjects"), ("Input.MinProjects", "2"));
        Assert.Contains("ensimmäinen ääni on jo annettu", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/Participation/Budgeting/Results?id={id}", Ct)).StatusCode);
        await AssertRedirectAsync(await PostAsync(staff, round, round + "&handler=Advance"));
        var results = await app.Anonymous().GetStringAsync($"/Participation/Budgeting/Results?id={id}", Ct);
        Assert.Contains("Leikkipuiston keinut", results, StringComparison.Ordinal);
        Assert.Contains("Hyväksyntä: valitse 1–1 hanketta", results, StringComparison.Ordinal);
        Assert.Contains("Toteutetaan", results, StringComparison.Ordinal);
        Assert.DoesNotContain("Uimaranta", results, StringComparison.Ordinal);

        var exported = await staff.GetStringAsync(round + "&handler=Export", Ct);
        Assert.StartsWith("META\n", exported, StringComparison.Ordinal);
        AssertDenied(await resident.GetAsync(round + "&handler=Export", Ct));
        var import = await PolkuWebApp.PostFilesAsync(staff, "/Participation/Budgeting/Import", "/Participation/Budgeting/Import", ("pabulibFile", "round.pb", exported));
        await AssertRedirectAsync(import);
        var copyId = int.Parse(import.Headers.Location!.OriginalString.Split("id=")[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(exported, await staff.GetStringAsync($"/Participation/Budgeting/Round?id={copyId}&handler=Export", Ct));
    }

    [Fact]
    public async Task An_Equal_Shares_round_explains_its_winners_shows_the_shares_chart_and_the_voters_own_share()
    {
        var staff = await app.LogInAsAsync("muotoilija");
        var resident = await app.LogInAsAsync("asiakas");
        var name = "Tasaosuus " + Guid.NewGuid().ToString("N")[..8];
        await AssertRedirectAsync(await PostAsync(staff, "/Participation/Budgeting/New", "/Participation/Budgeting/New",
            ("Input.Name", name), ("Input.Area", "Järvilinna"), ("Input.Budget", "10000"), ("Input.RuleKind", "Approval"),
            ("Input.WinnerRule", "EqualSharesAdd1"), ("Input.MinProjects", "1"), ("Input.MaxProjects", "2")));
        var id = (await RoundAsync(name)).Id;
        var round = $"/Participation/Budgeting/Round?id={id}";
        Assert.Equal(WinnerRule.EqualSharesAdd1, (await RoundAsync(name)).WinnerRule);
        await AssertRedirectAsync(await PostAsync(resident, $"/Participation/Budgeting/Propose?id={id}", $"/Participation/Budgeting/Propose?id={id}",
            ("Input.Name", "Kirjastokassit"), ("Input.Cost", "6000")));
        await AssertRedirectAsync(await PostAsync(staff, round, round + "&handler=Advance"));
        var project = (await RoundAsync(name)).Projects.Single();
        await AssertRedirectAsync(await PostAsync(staff, round, round + $"&handler=Accept&projectId={project.Id}"));
        await AssertRedirectAsync(await PostAsync(staff, round, round + "&handler=Advance"));
        var vote = $"/Participation/Budgeting/Vote?id={id}";
        await AssertRedirectAsync(await PostAsync(resident, vote, vote, ("Choices", project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await AssertRedirectAsync(await PostAsync(staff, round, round + "&handler=Advance"));

        var results = await resident.GetStringAsync($"/Participation/Budgeting/Results?id={id}", Ct);

        Assert.Contains("Tasaosuusmenetelmä, add1-täydennys", results, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-labelledby=\"shares-title shares-desc\"", results, StringComparison.Ordinal);
        Assert.Contains("Miten kustannukset jaettiin kannattajien kesken", results, StringComparison.Ordinal);
        Assert.Contains("Oma osuutesi", results, StringComparison.Ordinal);
        Assert.Contains("Kirjastokassit:", results, StringComparison.Ordinal);
        Assert.DoesNotContain("Oma osuutesi", await app.Anonymous().GetStringAsync($"/Participation/Budgeting/Results?id={id}", Ct), StringComparison.Ordinal);
        var exported = await staff.GetStringAsync(round + "&handler=Export", Ct);
        Assert.Contains("rule;equalshares/add1\n", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_pabulib_file_is_refused_with_its_line_and_field()
    {
        var staff = await app.LogInAsAsync("muotoilija");
        await using var db = app.Database.CreateContext();
        var before = await db.BudgetRounds.CountAsync(Ct);

        var response = await PolkuWebApp.PostFilesAsync(staff, "/Participation/Budgeting/Import", "/Participation/Budgeting/Import",
            ("pabulibFile", "broken.pb", "META\nkey;value\nbudget;1000\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;kallis\nVOTES\nvoter_id;vote\nv1;1\n"));

        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("PROJECTS, rivi 7", page, StringComparison.Ordinal);
        Assert.Contains("cost", page, StringComparison.Ordinal);
        Assert.Equal(before, await db.BudgetRounds.CountAsync(Ct));
    }

    [Fact]
    public async Task Only_staff_start_rounds()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Participation/Budgeting/New", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LogInAsAsync("asiakas")).GetAsync("/Participation/Budgeting/New", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/Participation/Budgeting", Ct)).StatusCode);
    }
}

public sealed class BudgetingOnSqliteTests(SqliteApp app) : BudgetingTests<SqliteApp>(app);

public sealed class BudgetingOnPostgresTests(PostgresApp app) : BudgetingTests<PostgresApp>(app);
