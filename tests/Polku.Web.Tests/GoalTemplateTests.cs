using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Plans;
using Polku.Testing;

namespace Polku.Web.Tests;

public sealed class GoalTemplateOnSqliteTests(SqliteApp app) : GoalTemplateTests<SqliteApp>(app);

public sealed class GoalTemplateOnPostgresTests(PostgresApp app) : GoalTemplateTests<PostgresApp>(app);

/// <summary>
/// The county edits its goal templates (SPEC §3.10): a save is a new version with its author, keys stay, a removed
/// template is no longer suggested and a new one is; bad rows are refused by field with nothing stored.
/// </summary>
public abstract class GoalTemplateTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<GoalTemplates> CurrentAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GoalTemplateStore>().CurrentAsync(Ct);
    }

    private async Task<int> VersionsAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.GoalTemplateVersions.CountAsync(Ct);
    }

    /// <summary>The form as the page posts it: every template as it stands, then the changes.</summary>
    private static Dictionary<string, string> Form(GoalTemplates current, Action<Dictionary<string, string>> change)
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; i < current.All.Count; i++)
        {
            var t = current.All[i];
            form[$"Rows[{i}].Key"] = t.Key;
            form[$"Rows[{i}].Fi"] = t.Title.Fi;
            form[$"Rows[{i}].Sv"] = t.Title.Sv ?? "";
            form[$"Rows[{i}].En"] = t.Title.En ?? "";
            for (var c = 0; c < t.Customerships.Count; c++)
            {
                form[$"Rows[{i}].Customerships[{c}]"] = t.Customerships[c].ToString();
            }
        }

        change(form);
        return form;
    }

    [Fact]
    public async Task ASave_IsANewVersion_ThatPlansStartFrom()
    {
        var before = await CurrentAsync();
        var removed = before.All[1];
        var renamed = before.All[0];
        var admin = await app.LogInAsAsync("yllapito");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/GoalTemplates", Ct));
        Assert.Contains(renamed.Title.Fi, page, StringComparison.Ordinal);

        var n = before.All.Count;
        using var saved = await PolkuWebApp.PostFormAsync(admin, "/Admin/GoalTemplates", Form(before, form =>
        {
            form["Rows[0].Sv"] = "Hälsosamma vardagsval";
            form["Rows[1].Remove"] = "true";
            form[$"Rows[{n}].Fi"] = "Arjen rytmi löytyy";
            form[$"Rows[{n}].Sv"] = "Vardagen får en rytm";
        }));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Ct));
        var after = await CurrentAsync();
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(n, after.All.Count);
        Assert.Equal("Hälsosamma vardagsval", after.Find(renamed.Key)!.Title.Sv);
        Assert.Null(after.Find(removed.Key));
        var added = Assert.Single(after.All, t => t.Title.Fi == "Arjen rytmi löytyy");
        Assert.Equal("arjen-rytmi-loytyy", added.Key);
        Assert.Empty(added.Customerships);
        await using (var db = app.Database.CreateContext())
        {
            var version = await db.GoalTemplateVersions.AsNoTracking().SingleAsync(v => v.Version == after.Version, Ct);
            Assert.Equal("Joonas Heikura", version.AuthorName);
        }

        // The nurse's plan form suggests the new template and no longer the removed one.
        var episode = (await app.EpisodesAsync("laura-aaltola")).First(e => e.IsOpen);
        var nurse = await app.LogInAsAsync("ammattilainen");
        var edit = WebUtility.HtmlDecode(await nurse.GetStringAsync($"/Paths/Episode/{episode.Id}/Plan/Edit", Ct));
        Assert.Contains("value=\"arjen-rytmi-loytyy\"", edit, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{removed.Key}\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRows_AreRefusedByField_AndNothingIsStored()
    {
        var current = await CurrentAsync();
        var versions = await VersionsAsync();
        var admin = await app.LogInAsAsync("yllapito");
        var n = current.All.Count;

        using var refused = await PolkuWebApp.PostFormAsync(admin, "/Admin/GoalTemplates", Form(current, form =>
        {
            form["Rows[0].Fi"] = "";
            form[$"Rows[{n}].Sv"] = "Bara på svenska";
            form[$"Rows[{n + 1}].Fi"] = current.All[2].Title.Fi;
        }));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Anna tavoitepohjalle otsikko suomeksi.", html, StringComparison.Ordinal);
        Assert.Contains("Samanniminen tavoitepohja on jo listalla.", html, StringComparison.Ordinal);
        var field = System.Text.RegularExpressions.Regex.Match(html, $"<input[^>]*id=\"Rows_{n}__Fi\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", field, StringComparison.Ordinal);

        using var empty = await PolkuWebApp.PostFormAsync(admin, "/Admin/GoalTemplates", Form(current, form =>
        {
            for (var i = 0; i < n; i++)
            {
                form[$"Rows[{i}].Remove"] = "true";
            }
        }));
        Assert.Contains("Jätä vähintään yksi tavoitepohja.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var nurse = await app.LogInAsAsync("ammattilainen");
        using var denied = await PolkuWebApp.PostFormAsync(nurse, "/Paths", "/Admin/GoalTemplates", Form(current, _ => { }));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode); // a worker who is not an administrator: sent to sign in as one

        Assert.Equal(versions, await VersionsAsync());
        Assert.Equal(current.Version, (await CurrentAsync()).Version);
    }
}
