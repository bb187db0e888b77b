using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Participation.Panels;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>A customer panel run through its page like a browser without JavaScript, on both databases.</summary>
public abstract partial class PanelsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string postPath, params (string Key, string Value)[] fields)
    {
        var page = await client.GetStringAsync(formPage, Ct);
        var token = Token().Match(page);
        Assert.True(token.Success, "No antiforgery token on " + formPage + "\n" + page);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(postPath, new FormUrlEncodedContent(form), Ct);
    }

    private static async Task AssertRedirectAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync(Ct)}");

    [Fact]
    public async Task A_resident_volunteers_staff_publish_and_draw_and_the_protocol_is_public()
    {
        var name = "Raati " + Guid.NewGuid().ToString("N")[..8];
        int id;
        await using (var db = app.Database.CreateContext())
        {
            var unit = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct);
            var panel = new Panel { Name = name, OrganisationId = unit, Purpose = "Testi", Size = 1, StratifyBy = PanelDimension.AgeGroup, CreatedAt = DateTime.UtcNow };
            panel.Quotas.Add(new PanelQuota { Stratum = PanelVolunteer.Undisclosed, Seats = 1 });
            db.Panels.Add(panel);
            await db.SaveChangesAsync(Ct);
            id = panel.Id;
        }

        var page = $"/Participation/Panels/Panel?id={id}";
        var staff = await app.LogInAsAsync("muotoilija");
        var resident = await app.LogInAsAsync("asiakas");
        await AssertRedirectAsync(await PostAsync(resident, page, page + "&handler=Volunteer", ("Input.Area", "Järvilinna")));
        Assert.Contains("Olet ilmoittautunut ehdokkaaksi", await resident.GetStringAsync(page, Ct), StringComparison.Ordinal);

        var denied = await PostAsync(resident, page, page + "&handler=Publish");
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        await AssertRedirectAsync(await PostAsync(staff, page, page + "&handler=Publish"));
        var badSeed = await PostAsync(staff, page, page + "&handler=Draw", ("Input.Seed", "abc"));
        Assert.Contains("Anna siemenluku kokonaislukuna", await badSeed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await AssertRedirectAsync(await PostAsync(staff, page, page + "&handler=Draw", ("Input.Seed", "2026")));

        var html = await app.Anonymous().GetStringAsync(page, Ct);
        Assert.Contains("Arvontapöytäkirja", html, StringComparison.Ordinal);
        Assert.Contains("<dd>2026</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">001</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Laura", html, StringComparison.Ordinal);
        await using var check = app.Database.CreateContext();
        Assert.True(await check.PanelVolunteers.AnyAsync(v => v.PanelId == id && v.IsMember && v.Invited, Ct));
        Assert.Contains(name, await app.Anonymous().GetStringAsync("/Participation/Panels", Ct), StringComparison.Ordinal);
    }
}

public sealed class PanelsOnSqliteTests(SqliteApp app) : PanelsTests<SqliteApp>(app);

public sealed class PanelsOnPostgresTests(PostgresApp app) : PanelsTests<PostgresApp>(app);
