using System.Net;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Plans;
using Polku.Testing;

namespace Polku.Web.Tests;

public sealed class ClientPlanOnSqliteTests(SqliteApp app) : ClientPlanTests<SqliteApp>(app);

public sealed class ClientPlanOnPostgresTests(PostgresApp app) : ClientPlanTests<PostgresApp>(app);

/// <summary>
/// Client plans through HTTP (SPEC §3.10): the nurse makes and revises a plan with the client, the client answers it
/// from home, a follow-up scores the goals; bad input is refused by field with nothing stored; only a care
/// relationship (or the client's own data) opens a plan, and every step is in the client's audit log.
/// </summary>
public abstract class ClientPlanTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> EpisodeAsync(string clientKey)
    {
        var episodes = await app.EpisodesAsync(clientKey);
        return episodes.OrderBy(e => e.StartedAt).First().Id;
    }

    private async Task<ClientPlan?> PlanAsync(Guid episodeId)
    {
        await using var db = app.Database.CreateContext();
        return await db.ClientPlans.AsNoTracking().SingleOrDefaultAsync(p => p.EpisodeId == episodeId, Ct);
    }

    private static Dictionary<string, string> Goal(Dictionary<string, string> form, int i, string clientWords, string? level = "taso")
    {
        form[$"Input.Goals[{i}].ClientWords"] = clientWords;
        for (var k = 0; k < 5; k++)
        {
            form[$"Input.Goals[{i}].Levels[{k}]"] = level is null ? "" : $"{level} {k - 2}";
        }

        return form;
    }

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheDemoPlan_ShowsGoalsInTheClientsWords_ItsScale_ProgressAndTheClientsAnswer()
    {
        var episode = await EpisodeAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");

        var html = WebUtility.HtmlDecode(await nurse.GetStringAsync($"/Paths/Episode/{episode}/Plan", Ct));

        Assert.Contains("Haluan jaksaa leikkiä vauvan kanssa ja nauttia siitä.", html, StringComparison.Ordinal);
        Assert.Contains("Leikkihetki vauvan kanssa useimpina päivinä", html, StringComparison.Ordinal);
        Assert.Contains("Toivon kotikäyntejä iltapäivisin.", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"plan-chart\"", html, StringComparison.Ordinal);

        // One follow-up: levels 0 and −1 → T = 50 + 10·(−1)/√(0.7·2 + 0.3·4) = 43.8.
        Assert.Contains("43,8", html, StringComparison.Ordinal);
        var audit = await app.AuditEntriesAsync("laura-aaltola");
        Assert.Contains(audit, e => e.Resource == AuditResources.Plan && e.Action == AuditAction.Read && e.Purpose == AuditPurpose.CareRelationship);
    }

    [Fact]
    public async Task BadInput_IsRefusedByField_AndNothingIsStored()
    {
        var episode = await EpisodeAsync("jessica-toivonen");
        var nurse = await app.LogInAsAsync("ammattilainen");
        var edit = $"/Paths/Episode/{episode}/Plan/Edit";
        var yesterday = Day(DateTime.UtcNow.AddDays(-2));

        var form = Goal(new Dictionary<string, string>(), 0, "", "taso");
        form["Input.Goals[1].Levels[0]"] = "";
        form["Input.Actions[0].What"] = "Soittaa neuvolaan.";
        form["Input.FollowUps[0]"] = yesterday;
        using var refused = await PolkuWebApp.PostFormAsync(nurse, edit, form);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kirjoita tavoite asiakkaan omin sanoin.", html, StringComparison.Ordinal);
        Assert.Contains("Kerro, kuka toimen tekee.", html, StringComparison.Ordinal);
        Assert.Contains("Uusi seurantapäivä ei voi olla menneisyydessä.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Goals_0__ClientWords\"", html, StringComparison.Ordinal);
        Assert.Null(await PlanAsync(episode));

        var noLevel = Goal(new Dictionary<string, string>(), 0, "Haluan nukkua yöt.");
        noLevel["Input.Goals[0].Levels[2]"] = " ";
        noLevel["Input.FollowUps[0]"] = Day(DateTime.UtcNow.AddDays(30));
        using var missingLevel = await PolkuWebApp.PostFormAsync(nurse, edit, noLevel);
        Assert.Contains("Kuvaa tämä asteikon taso.", WebUtility.HtmlDecode(await missingLevel.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Null(await PlanAsync(episode));

        using var noDate = await PolkuWebApp.PostFormAsync(nurse, edit, Goal(new Dictionary<string, string>(), 0, "Haluan nukkua yöt."));
        Assert.Contains("Anna ainakin yksi seurantapäivä.", WebUtility.HtmlDecode(await noDate.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Null(await PlanAsync(episode));

        // Refused input is no change: the log shows the readings of the form, not a change.
        var audit = (await app.AuditEntriesAsync("jessica-toivonen")).Where(e => e.Resource == AuditResources.Plan).ToList();
        Assert.Contains(audit, e => e.Action == AuditAction.Read);
        Assert.DoesNotContain(audit, e => e.Action == AuditAction.Change);
    }

    [Fact]
    public async Task NurseMakesAndRevises_ClientAnswersFromHome_FollowUpScoresTheGoals_AllVersionedAndAudited()
    {
        var episode = await EpisodeAsync("laura-aaltola");
        var nurse = await app.LogInAsAsync("ammattilainen");
        var before = (await PlanAsync(episode))!;

        // The nurse revises the demo plan: the first goal is kept (its id posted back), a new one is added.
        var edit = $"/Paths/Episode/{episode}/Plan/Edit";
        var goal0 = before.Current.Content.Goals[0];
        var form = new Dictionary<string, string>
        {
            ["Input.Goals[0].Id"] = goal0.Id.ToString(),
            ["Input.Goals[0].ClientWords"] = goal0.ClientWords,
        };
        for (var k = 0; k < 5; k++)
        {
            form[$"Input.Goals[0].Levels[{k}]"] = goal0.Levels[k];
        }

        Goal(form, 1, "Haluan käydä perhekahvilassa.");
        form["Input.Actions[0].Owner"] = "Ngo";
        form["Input.Actions[0].OwnerName"] = "MLL";
        form["Input.Actions[0].What"] = "Perhekahvila torstaisin.";
        form["Input.FollowUps[0]"] = Day(DateTime.UtcNow.AddDays(21));
        using var saved = await PolkuWebApp.PostFormAsync(nurse, edit, form);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Ct));

        var revised = (await PlanAsync(episode))!;
        Assert.Equal(before.Versions.Count + 1, revised.Versions.Count);
        Assert.Equal(goal0.Id, revised.Current.Content.Goals[0].Id);
        Assert.Equal("Haluan käydä perhekahvilassa.", revised.Current.Content.Goals[1].ClientWords);
        Assert.Null(revised.Current.ClientAnsweredAt);
        Assert.True(revised.Versions.Single(v => v.Number == before.Current.Number).ClientAgrees);

        // The client answers from home.
        var laura = await app.LogInAsAsync("asiakas");
        var mine = WebUtility.HtmlDecode(await laura.GetStringAsync($"/Me/Plan/{episode}", Ct));
        Assert.Contains("Haluan käydä perhekahvilassa.", mine, StringComparison.Ordinal);
        using var answered = await PolkuWebApp.PostFormAsync(laura, $"/Me/Plan/{episode}", new Dictionary<string, string>
        {
            ["Input.Agrees"] = "false",
            ["Input.Comment"] = "Torstai ei sovi, tiistai sopisi.",
        });
        Assert.True(answered.StatusCode == HttpStatusCode.Redirect, await answered.Content.ReadAsStringAsync(Ct));
        var answeredPlan = (await PlanAsync(episode))!;
        Assert.False(answeredPlan.Current.ClientAgrees);
        Assert.Equal("Torstai ei sovi, tiistai sopisi.", answeredPlan.Current.ClientComment);
        var nurseView = WebUtility.HtmlDecode(await nurse.GetStringAsync($"/Paths/Episode/{episode}/Plan", Ct));
        Assert.Contains("Torstai ei sovi, tiistai sopisi.", nurseView, StringComparison.Ordinal);

        // A follow-up: a score outside the scale and a goal left unscored are refused, then both goals scored.
        var plan = $"/Paths/Episode/{episode}/Plan";
        var today = Day(DateTime.UtcNow);
        using var bad = await PolkuWebApp.PostFormAsync(nurse, plan, new Dictionary<string, string>
        {
            ["Input.On"] = "",
            ["Input.Scores[0]"] = "5",
            ["Input.LifeSituation[0]"] = "7",
            ["Input.LifeSituation[1]"] = "",
            ["Input.LifeSituation[2]"] = "",
            ["Input.LifeSituation[3]"] = "11",
            ["Input.LifeSituation[4]"] = "",
            ["Input.LifeSituation[5]"] = "",
            ["Input.LifeSituation[6]"] = "",
            ["Input.LifeSituation[7]"] = "",
            ["Input.LifeSituation[8]"] = "",
            ["Input.LifeSituation[9]"] = "",
        });
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Anna päivä.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Anna tämäkin arvio tai jätä koko mittari tyhjäksi.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Arvion pitää olla 0–10.", badHtml, StringComparison.Ordinal);
        var unscored = System.Text.RegularExpressions.Regex.Match(badHtml, "<select[^>]*id=\"Input_LifeSituation_1_\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", unscored, StringComparison.Ordinal);
        Assert.Contains("Arvion on oltava −2…+2.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Arvioi tämä tavoite.", badHtml, StringComparison.Ordinal);
        Assert.Equal(answeredPlan.FollowUps.Count, (await PlanAsync(episode))!.FollowUps.Count);

        using var scored = await PolkuWebApp.PostFormAsync(nurse, plan, new Dictionary<string, string>
        {
            ["Input.On"] = today,
            ["Input.Scores[0]"] = "1",
            ["Input.Scores[1]"] = "2",
            ["Input.Note"] = "Hyvä kuukausi.",
            ["Input.LifeSituation[0]"] = "7",
            ["Input.LifeSituation[1]"] = "8",
            ["Input.LifeSituation[2]"] = "6",
            ["Input.LifeSituation[3]"] = "9",
            ["Input.LifeSituation[4]"] = "7",
            ["Input.LifeSituation[5]"] = "10",
            ["Input.LifeSituation[6]"] = "4",
            ["Input.LifeSituation[7]"] = "7",
            ["Input.LifeSituation[8]"] = "6",
            ["Input.LifeSituation[9]"] = "8",
        });
        Assert.True(scored.StatusCode == HttpStatusCode.Redirect, await scored.Content.ReadAsStringAsync(Ct));
        var followedUp = (await PlanAsync(episode))!;
        var last = followedUp.FollowUps.MaxBy(f => f.Number)!;
        Assert.Equal([1, 2], last.Scores.Select(s => s.Level));
        Assert.Equal([7, 8, 6, 9, 7, 10, 4, 7, 6, 8], last.LifeSituation!.Values);
        Assert.Equal(followedUp.Current.Number, last.PlanVersion);

        // T = 50 + 10·3/√(0.7·2 + 0.3·4) = 68.6
        Assert.Equal(68.6, Math.Round(last.TScore, 1));
        var clientView = WebUtility.HtmlDecode(await laura.GetStringAsync($"/Me/Plan/{episode}", Ct));
        Assert.Contains("68,6", clientView, StringComparison.Ordinal);
        Assert.Contains("id=\"plan-meter\"", clientView, StringComparison.Ordinal);

        var audit = (await app.AuditEntriesAsync("laura-aaltola")).Where(e => e.Resource == AuditResources.Plan).ToList();
        Assert.Contains(audit, e => e.Action == AuditAction.Change && e.ActorName == "Anna-Kaisa Rinne");
        Assert.Contains(audit, e => e.Action == AuditAction.Change && e.Purpose == AuditPurpose.OwnData);
        Assert.Contains(audit, e => e.Action == AuditAction.Read && e.Purpose == AuditPurpose.OwnData);
    }

    [Fact]
    public async Task OnlyACareRelationship_OpensAPlan_NotAConsent_AndTheRefusalIsAudited()
    {
        var eino = await app.ClientAsync("eino-lehtinen");
        var episode = await EpisodeAsync("eino-lehtinen");
        var nurse = await app.LogInAsAsync("ammattilainen");

        using (var noRelation = await nurse.GetAsync($"/Paths/Episode/{episode}/Plan", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noRelation.StatusCode);
        }

        // A consent lets the nurse's unit read Eino's path, but not his plan.
        var organisation = await app.OrganisationIdAsync("perhekeskus-jarvilinna");
        await using (var db = app.Database.CreateContext())
        {
            db.Consents.Add(new Consent
            {
                ClientId = eino.Id,
                OrganisationId = organisation,
                Purpose = new Polku.Core.Catalogue.LocalisedText("Tiedonsaanti"),
                GivenAt = DateTime.UtcNow.AddDays(-1),
            });
            await db.SaveChangesAsync(Ct);
        }

        using (var path = await nurse.GetAsync($"/Paths/Client/{eino.Id}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, path.StatusCode);
        }

        using var plan = await nurse.GetAsync($"/Paths/Episode/{episode}/Plan", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, plan.StatusCode);
        using var edit = await PolkuWebApp.PostFormAsync(nurse, $"/Paths/Client/{eino.Id}", $"/Paths/Episode/{episode}/Plan/Edit",
            Goal(new Dictionary<string, string> { ["Input.FollowUps[0]"] = Day(DateTime.UtcNow.AddDays(7)) }, 0, "Kauppaan."));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Single((await PlanAsync(episode))!.Versions);

        var denied = (await app.AuditEntriesAsync("eino-lehtinen")).Where(e => e.Resource == AuditResources.Plan && e.Action == AuditAction.Denied).ToList();
        Assert.True(denied.Count >= 3);

        var manager = await app.LogInAsAsync("johto");
        using var byManager = await manager.GetAsync($"/Paths/Episode/{episode}/Plan", Ct);
        Assert.NotEqual(HttpStatusCode.OK, byManager.StatusCode);
    }

    [Fact]
    public async Task AnOverdueFollowUp_IsAnAlertToTheResponsibleWorkerAndTheUnit_AndAFutureOneIsNot()
    {
        var eino = await EpisodeAsync("eino-lehtinen");
        var laura = await EpisodeAsync("laura-aaltola");
        using var scope = app.Services.CreateScope();
        var alerts = await scope.ServiceProvider.GetRequiredService<Polku.Core.Paths.PathAlerts>().AllAsync(Ct);

        var overdue = Assert.Single(alerts, a => a.Kind == Polku.Core.Paths.AlertKind.FollowUpOverdue && a.EpisodeId == eino);
        var episode = (await app.EpisodesAsync("eino-lehtinen")).Single(e => e.Id == eino);
        Assert.Contains(episode.ResponsibleWorkerId!.Value, overdue.Professionals);
        Assert.Contains(episode.OrganisationId, overdue.Organisations);
        Assert.DoesNotContain(alerts, a => a.Kind == Polku.Core.Paths.AlertKind.FollowUpOverdue && a.EpisodeId == laura);
    }

    [Fact]
    public async Task Fhir_CarePlanAndGoals_AreInEverything_ForACareRelationship_WithTheGasLevel_AndNotForAConsent()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        var episode = await EpisodeAsync("laura-aaltola");
        var plan = (await PlanAsync(episode))!;
        var nurse = await app.LogInAsAsync("ammattilainen");

        var parser = new FhirJsonDeserializer();
        var bundle = parser.Deserialize<Hl7.Fhir.Model.Bundle>(await nurse.GetStringAsync($"/fhir/r4/Patient/{laura.Id}/$everything", Ct));
        var carePlan = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.CarePlan>());
        Assert.Equal(plan.Id.ToString(), carePlan.Id);
        Assert.Equal("EpisodeOfCare/" + episode, carePlan.SupportingInfo.Single().Reference);
        var goals = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Goal>().ToList();
        Assert.Equal(plan.Current.Content.Goals.Count, goals.Count);
        Assert.Equal(carePlan.Goal.Select(g => g.Reference), goals.Select(g => "Goal/" + g.Id));
        // The first goal's latest score (other tests in this class may have followed the plan up since the demo's 0).
        var goal0 = plan.Current.Content.Goals[0];
        var latest = plan.FollowUps.OrderBy(f => f.On).ThenBy(f => f.Number).SelectMany(f => f.Scores).Last(x => x.GoalId == goal0.Id).Level;
        var first = goals.Single(g => g.Description.Text == goal0.ClientWords);
        Assert.True(latest >= 0);
        Assert.Equal("achieved", first.AchievementStatus!.Coding.Single().Code);
        var gas = Assert.Single(first.Extension, x => x.Url == Polku.Web.Fhir.PlansFhir.GasLevelExtension);
        Assert.Equal(latest, Assert.IsType<Hl7.Fhir.Model.Integer>(gas.Value).Value);

        using var byId = await nurse.GetAsync($"/fhir/r4/Goal/{first.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);

        // A unit that may read Eino's path on a consent does not get his plan.
        var eino = await app.ClientAsync("eino-lehtinen");
        await using (var db = app.Database.CreateContext())
        {
            db.Consents.Add(new Consent
            {
                ClientId = eino.Id,
                OrganisationId = await app.OrganisationIdAsync("perhekeskus-jarvilinna"),
                Purpose = new Polku.Core.Catalogue.LocalisedText("Tiedonsaanti"),
                GivenAt = DateTime.UtcNow.AddDays(-1),
            });
            await db.SaveChangesAsync(Ct);
        }

        var onConsent = parser.Deserialize<Hl7.Fhir.Model.Bundle>(await nurse.GetStringAsync($"/fhir/r4/Patient/{eino.Id}/$everything", Ct));
        Assert.Contains(onConsent.Entry, e => e.Resource is Hl7.Fhir.Model.EpisodeOfCare);
        Assert.DoesNotContain(onConsent.Entry, e => e.Resource is Hl7.Fhir.Model.CarePlan or Hl7.Fhir.Model.Goal);
        var einoPlan = (await PlanAsync(await EpisodeAsync("eino-lehtinen")))!;
        using var carePlanById = await nurse.GetAsync($"/fhir/r4/CarePlan/{einoPlan.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, carePlanById.StatusCode);
    }

    [Fact]
    public void TScore_IsKiresukAndShermans_WithRhoPointThree()
    {
        Assert.Equal(50, GoalAttainment.TScore([0, 0, 0]));
        Assert.Equal(70, GoalAttainment.TScore([2]), 10);
        Assert.Equal(50 + (10 * -3 / Math.Sqrt((0.7 * 3) + (0.3 * 9))), GoalAttainment.TScore([-1, -1, -1]), 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => GoalAttainment.TScore([3]));
    }
}
