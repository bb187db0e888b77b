using System.Globalization;
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

    /// <summary>All six stratum rows of the form, as a browser posts them (the rows not given are empty).</summary>
    private static IEnumerable<(string, string)> QuotaRows(params (string Stratum, string Seats)[] rows) =>
        Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            ($"Input.Quotas[{i}].Stratum", i < rows.Length ? rows[i].Stratum : ""),
            ($"Input.Quotas[{i}].Seats", i < rows.Length ? rows[i].Seats : ""),
        });

    [Fact]
    public async Task Staff_found_a_panel_hold_meetings_and_answer_proposals_and_the_public_page_shows_it_all()
    {
        var staff = await app.LogInAsAsync("muotoilija");
        var resident = await app.LogInAsAsync("asiakas");
        Assert.Contains("/Participation/Panels/New", await staff.GetStringAsync("/Participation/Panels", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("/Participation/Panels/New", await resident.GetStringAsync("/Participation/Panels", Ct), StringComparison.Ordinal);
        var denied = await resident.GetAsync("/Participation/Panels/New", Ct);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        int unit;
        await using (var db = app.Database.CreateContext())
        {
            unit = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct);
        }

        var name = "Raati " + Guid.NewGuid().ToString("N")[..8];
        var form = "/Participation/Panels/New";
        var wrong = await PostAsync(staff, form, form, [
            ("Input.Name", name), ("Input.OrganisationId", unit.ToString(CultureInfo.InvariantCulture)), ("Input.Purpose", "Palvelujen kehittäminen"),
            ("Input.StratifyBy", "AgeGroup"), .. QuotaRows(("18-29", ""), ("", "2"), ("30-44", "2"), ("30-44", "1"))]);
        var errors = await wrong.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Rivi 1: anna paikkojen määrä", errors, StringComparison.Ordinal);
        Assert.Contains("Rivi 2: anna ositteen nimi", errors, StringComparison.Ordinal);
        Assert.Contains("Rivi 4: osite ”30-44” on jo annettu", errors, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Quotas_0__Seats\"", errors, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.Panels.AnyAsync(p => p.Name == name, Ct));
        }

        var created = await PostAsync(staff, form, form, [
            ("Input.Name", name), ("Input.OrganisationId", unit.ToString(CultureInfo.InvariantCulture)), ("Input.Purpose", "Palvelujen kehittäminen"),
            ("Input.StratifyBy", "AgeGroup"), ("Input.UndisclosedSeats", "1"), .. QuotaRows(("18-29", "1"), ("", ""), ("30-44", "2"))]);
        await AssertRedirectAsync(created);
        int id;
        await using (var db = app.Database.CreateContext())
        {
            var panel = await db.Panels.Include(p => p.Quotas).SingleAsync(p => p.Name == name, Ct);
            Assert.Equal(4, panel.Size);
            Assert.Equal(["18-29", "30-44", PanelVolunteer.Undisclosed], panel.Quotas.Select(q => q.Stratum).Order(StringComparer.Ordinal));
            id = panel.Id;
        }

        var page = $"/Participation/Panels/Panel?id={id}";
        var html = await resident.GetStringAsync(page, Ct);
        Assert.Contains("<option value=\"30-44\">30-44</option>", html, StringComparison.Ordinal);
        var unknown = await PostAsync(resident, page, page + "&handler=Volunteer", ("Input.AgeGroup", "30–44"));
        Assert.Contains("Ikäryhmä: valitse jokin raadin vaihtoehdoista", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await AssertRedirectAsync(await PostAsync(resident, page, page + "&handler=Volunteer", ("Input.AgeGroup", "30-44")));
        await AssertRedirectAsync(await PostAsync(resident, page, page + "&handler=Withdraw"));
        Assert.Contains("Ilmoittautumisesi on peruttu", await resident.GetStringAsync(page, Ct), StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.PanelVolunteers.AnyAsync(v => v.PanelId == id, Ct));
        }

        await AssertRedirectAsync(await PostAsync(resident, page, page + "&handler=Volunteer", ("Input.AgeGroup", "30-44")));

        var newMeeting = $"/Participation/Panels/Meeting?panel={id}";
        var empty = await (await PostAsync(staff, newMeeting, newMeeting)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Päivämäärä on pakollinen tieto", empty[empty.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Esityslista on pakollinen tieto", empty, StringComparison.Ordinal);
        await AssertRedirectAsync(await PostAsync(staff, newMeeting, newMeeting, ("Input.Date", "2027-01-14"), ("Input.Agenda", "Odotusaulan viihtyisyys")));
        int meeting;
        await using (var db = app.Database.CreateContext())
        {
            meeting = await db.PanelMeetings.Where(m => m.PanelId == id).Select(m => m.Id).SingleAsync(Ct);
        }

        var minutes = $"/Participation/Panels/Meeting?id={meeting}";
        await AssertRedirectAsync(await PostAsync(staff, minutes, minutes, ("Input.Minutes", "Raati ehdotti leikkinurkkaa.")));

        var newProposal = $"/Participation/Panels/Proposal?panel={id}";
        Assert.Contains("Ehdotuksen otsikko on pakollinen tieto", await (await PostAsync(staff, newProposal, newProposal)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await AssertRedirectAsync(await PostAsync(staff, newProposal, newProposal, ("Input.Title", "Leikkinurkka"), ("Input.Text", "Lapsille tekemistä odotukseen.")));
        int proposal;
        await using (var db = app.Database.CreateContext())
        {
            proposal = await db.PanelProposals.Where(p => p.PanelId == id).Select(p => p.Id).SingleAsync(Ct);
        }

        var answer = $"/Participation/Panels/Proposal?id={proposal}";
        Assert.Contains("Organisaation vastaus on pakollinen tieto", await (await PostAsync(staff, answer, answer)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await AssertRedirectAsync(await PostAsync(staff, answer, answer, ("Input.Answer", "Toteutetaan tammikuussa.")));
        var residentAnswer = await resident.GetAsync(answer, Ct);
        Assert.Contains("/Account/AccessDenied", residentAnswer.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        var published = await app.Anonymous().GetStringAsync(page, Ct);
        Assert.Contains("Odotusaulan viihtyisyys", published, StringComparison.Ordinal);
        Assert.Contains("Raati ehdotti leikkinurkkaa.", published, StringComparison.Ordinal);
        Assert.Contains("Toteutetaan tammikuussa.", published, StringComparison.Ordinal);
        Assert.DoesNotContain("/Participation/Panels/Proposal?id=", published, StringComparison.Ordinal);
        await using var check = app.Database.CreateContext();
        Assert.Equal("Toteutetaan tammikuussa.", (await check.PanelProposals.SingleAsync(p => p.Id == proposal, Ct)).Answer);
    }
}

public sealed class PanelsOnSqliteTests(SqliteApp app) : PanelsTests<SqliteApp>(app);

public sealed class PanelsOnPostgresTests(PostgresApp app) : PanelsTests<PostgresApp>(app);
