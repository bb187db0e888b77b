using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Testing;

namespace Polku.Web.Tests;

public sealed class CoWrittenNotesOnSqliteTests(SqliteApp app) : CoWrittenNotesTests<SqliteApp>(app);

public sealed class CoWrittenNotesOnPostgresTests(PostgresApp app) : CoWrittenNotesTests<PostgresApp>(app);

/// <summary>The professional's side of co-written notes through HTTP: care relationship required, every step audited.</summary>
public abstract partial class CoWrittenNotesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("revise=([0-9a-f-]{36})")]
    private static partial Regex ReviseLink();

    [Fact]
    public async Task ProfessionalDraftsAndRevises_ClientAnswers_AndBothViewsShowSideBySide()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");
        var page = $"/Paths/Client/{laura.Id}/Notes";

        using var empty = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Text"] = " " });
        var emptyHtml = await empty.Content.ReadAsStringAsync(Ct);
        Assert.True(empty.StatusCode == HttpStatusCode.OK, emptyHtml);
        Assert.Contains("Muistiinpano on pakollinen tieto.", emptyHtml, StringComparison.Ordinal);

        using var drafted = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Text"] = "Sovimme perhetyön kokeilusta." });
        Assert.True(drafted.StatusCode == HttpStatusCode.Redirect, await drafted.Content.ReadAsStringAsync(Ct));
        var html = await nurse.GetStringAsync(page, Ct);
        Assert.Contains("Sovimme perhetyön kokeilusta.", html, StringComparison.Ordinal);
        Assert.Contains("Muistiinpano tallennettiin.", html, StringComparison.Ordinal);
        var noteId = ReviseLink().Match(html).Groups[1].Value;

        var mother = await app.LogInAsAsync("asiakas");
        using var answered = await PolkuWebApp.PostFormAsync(mother, "/Me/Notes?answer=" + noteId, new Dictionary<string, string>
        {
            ["Answer"] = noteId,
            ["Input.Comment"] = "Toivon iltapäiväaikoja.",
            ["Input.Agrees"] = "true",
        });
        Assert.True(answered.StatusCode == HttpStatusCode.Redirect, await answered.Content.ReadAsStringAsync(Ct));

        // Times are shown in Finnish time (Europe/Helsinki), whatever the server's own zone is.
        await using (var db = app.Database.CreateContext())
        {
            var written = (await db.CoWrittenNotes.AsNoTracking().SingleAsync(n => n.Id == Guid.Parse(noteId), Ct)).WrittenAt;
            var shown = Polku.Core.FinnishTime.ToLocal(written).ToString("g", new System.Globalization.CultureInfo("fi-FI"));
            Assert.Contains(shown, WebUtility.HtmlDecode(await mother.GetStringAsync("/Me/Notes", Ct)), StringComparison.Ordinal);
            Assert.Contains(shown, WebUtility.HtmlDecode(await nurse.GetStringAsync(page, Ct)), StringComparison.Ordinal);
        }

        html = await nurse.GetStringAsync(page, Ct);
        Assert.Contains("Sovimme perhetyön kokeilusta.", html, StringComparison.Ordinal);
        Assert.Contains("Toivon iltapäiväaikoja.", html, StringComparison.Ordinal);
        Assert.Contains("Asiakas on samaa mieltä.", html, StringComparison.Ordinal);

        var revising = await nurse.GetStringAsync($"{page}?revise={noteId}", Ct);
        Assert.Contains("Sovimme perhetyön kokeilusta.</textarea>", revising, StringComparison.Ordinal);
        using var revised = await PolkuWebApp.PostFormAsync(nurse, $"{page}?revise={noteId}", new Dictionary<string, string>
        {
            ["Revise"] = noteId,
            ["Input.Text"] = "Sovimme perhetyön kokeilusta iltapäivisin.",
        });
        Assert.True(revised.StatusCode == HttpStatusCode.Redirect, await revised.Content.ReadAsStringAsync(Ct));
        html = await nurse.GetStringAsync(page, Ct);
        Assert.Contains("Sovimme perhetyön kokeilusta iltapäivisin.", html, StringComparison.Ordinal);
        Assert.Contains("Toivon iltapäiväaikoja.", html, StringComparison.Ordinal);
        Assert.Contains("Asiakas ei ole ilmaissut olevansa samaa mieltä tästä tekstistä.", html, StringComparison.Ordinal);

        Assert.Contains("Aiemmat versiot (1)", html, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            var versions = (await db.CoWrittenNotes.AsNoTracking().SingleAsync(n => n.Id == Guid.Parse(noteId), Ct)).Versions.OrderBy(v => v.Number).ToList();
            Assert.Equal([1, 2], versions.Select(v => v.Number));
            Assert.Equal(["Sovimme perhetyön kokeilusta.", "Sovimme perhetyön kokeilusta iltapäivisin."], versions.Select(v => v.Text));
            Assert.All(versions, v => Assert.Equal("Anna-Kaisa Rinne", v.AuthorName));
            Assert.Equal("Toivon iltapäiväaikoja.", versions[0].ClientComment);
            Assert.True(versions[0].ClientAgrees);
            Assert.Null(versions[1].ClientAnsweredAt);
        }

        var audit = (await app.AuditEntriesAsync("laura-aaltola")).Where(e => e.Resource == AuditResources.CoWrittenNote && e.ActorName == "Anna-Kaisa Rinne").ToList();
        Assert.Contains(audit, e => e.Action == AuditAction.Change && e.Purpose == AuditPurpose.CareRelationship);
        Assert.Contains(audit, e => e.Action == AuditAction.Read && e.Purpose == AuditPurpose.CareRelationship);
    }

    [Fact]
    public async Task ProfessionalWithoutCareRelationship_CannotReadDraftOrRevise_AndTheRefusalIsAudited()
    {
        var eino = await app.ClientAsync("eino-lehtinen");
        var laura = await app.ClientAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");
        var page = $"/Paths/Client/{eino.Id}/Notes";

        using var read = await nurse.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        using var draft = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{laura.Id}/Notes", page, new Dictionary<string, string> { ["Input.Text"] = "Ei saa tallentua." });
        Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);

        using var own = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{laura.Id}/Notes", new Dictionary<string, string> { ["Input.Text"] = "Lauran muistiinpano." });
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var noteId = ReviseLink().Match(await nurse.GetStringAsync($"/Paths/Client/{laura.Id}/Notes", Ct)).Groups[1].Value;
        var worker = await app.LogInAsAsync("vastuutyontekija");
        var eetu = await app.ClientAsync("eetu-aaltola");
        using var borrowed = await PolkuWebApp.PostFormAsync(worker, $"/Paths/Client/{laura.Id}/Notes", $"/Paths/Client/{eetu.Id}/Notes", new Dictionary<string, string>
        {
            ["Revise"] = noteId,
            ["Input.Text"] = "Muutettu luvatta.",
        });
        Assert.Equal(HttpStatusCode.Forbidden, borrowed.StatusCode);

        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.CoWrittenNotes.AnyAsync(n => n.ClientId == eino.Id, Ct));
            Assert.Equal("Lauran muistiinpano.", (await db.CoWrittenNotes.SingleAsync(n => n.Id == Guid.Parse(noteId), Ct)).ProfessionalText);
        }

        Assert.Contains(await app.AuditEntriesAsync("eino-lehtinen"), e => e.Resource == AuditResources.CoWrittenNote && e.Action == AuditAction.Denied);
    }

    [Fact]
    public async Task OnlyTheAuthorRevises_AColleagueWithACareRelationshipIsRefused_AndTheTextStaysTheAuthors()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");
        var page = $"/Paths/Client/{laura.Id}/Notes";
        using var drafted = await PolkuWebApp.PostFormAsync(nurse, page, new Dictionary<string, string> { ["Input.Text"] = "Rinteen oma kirjaus." });
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        string noteId;
        await using (var lookup = app.Database.CreateContext())
        {
            noteId = (await lookup.CoWrittenNotes.SingleAsync(n => n.ProfessionalText == "Rinteen oma kirjaus.", Ct)).Id.ToString();
        }

        Assert.Contains($"revise={noteId}", await nurse.GetStringAsync(page, Ct), StringComparison.Ordinal);

        // Minna Karjalainen has her own care relationship with Laura: she reads the note but is not offered to revise it.
        var colleague = await app.LogInAsAsync("vastuutyontekija");
        var seen = await colleague.GetStringAsync(page, Ct);
        Assert.Contains("Rinteen oma kirjaus.", seen, StringComparison.Ordinal);
        Assert.DoesNotContain($"revise={noteId}", seen, StringComparison.Ordinal);
        Assert.Contains("Vain muistiinpanon kirjoittaja voi muokata sitä.", seen, StringComparison.Ordinal);
        var form = await colleague.GetStringAsync($"{page}?revise={noteId}", Ct);
        Assert.DoesNotContain("Rinteen oma kirjaus.</textarea>", form, StringComparison.Ordinal);

        using var revised = await PolkuWebApp.PostFormAsync(colleague, page, $"{page}?revise={noteId}", new Dictionary<string, string>
        {
            ["Revise"] = noteId,
            ["Input.Text"] = "Karjalaisen muutos toisen nimissä.",
        });
        Assert.Equal(HttpStatusCode.Forbidden, revised.StatusCode);

        await using var db = app.Database.CreateContext();
        var note = await db.CoWrittenNotes.AsNoTracking().SingleAsync(n => n.Id == Guid.Parse(noteId), Ct);
        Assert.Equal("Rinteen oma kirjaus.", note.ProfessionalText);
        Assert.Equal("Anna-Kaisa Rinne", note.ProfessionalName);
        Assert.Single(note.Versions);
    }
}
