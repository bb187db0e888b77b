using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Data;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>The assistant through HTTP without JavaScript: questions, situations, meter, messages to a human; on SQLite and PostgreSQL.</summary>
public abstract class AssistantTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> AskAsync(string question, string culture = "fi-FI")
    {
        var client = app.Anonymous();
        var response = await PolkuWebApp.PostFormAsync(client, "/Assistant/Ask?culture=" + culture, new Dictionary<string, string> { ["Input.Question"] = question });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return html;
    }

    [Theory]
    [InlineData("Mieheni lyö minua ja pelkään", "fi-FI")]
    [InlineData("Olen ajatellut itsemurhaa", "fi-FI")]
    [InlineData("Min man slår mig", "sv-FI")]
    [InlineData("Jag tänker på självmord", "sv-FI")]
    public async Task A_question_that_signals_danger_shows_112_before_anything_else(string question, string culture)
    {
        var html = await AskAsync(question, culture);
        var emergency = html.IndexOf("href=\"tel:112\"", StringComparison.Ordinal);
        var heading = html.IndexOf("<h1", StringComparison.Ordinal);
        Assert.True(emergency > 0 && emergency < heading, html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lapsen puheterapia", "fi-FI", "Lasten puheterapia")]
    [InlineData("Tarvitsen apua talousasioissa", "fi-FI", "talous")]
    [InlineData("omaishoitajan vapaapäivät", "fi-FI", "Omaishoitaja")]
    [InlineData("Jag behöver ekonomisk rådgivning", "sv-FI", "ekonomiska rådgivning")]
    [InlineData("Var finns närståendevårdarnas kamratstöd?", "sv-FI", "närståendevårdare")]
    public async Task A_free_text_question_finds_services_with_stemming(string question, string culture, string expected)
    {
        var html = await AskAsync(question, culture);
        Assert.Contains(expected, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"/Services/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Miten vaihdan auton kesärenkaat?", "fi-FI", "Emme löytäneet palvelua")]
    [InlineData("Hur byter jag sommardäck på bilen?", "sv-FI", "Vi hittade ingen tjänst")]
    public async Task When_nothing_fits_the_assistant_says_so_and_offers_a_human(string question, string culture, string honest)
    {
        var html = await AskAsync(question, culture);
        Assert.Contains(honest, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Assistant/Message\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_situation_leads_through_questions_to_advice_and_services_and_a_danger_answer_shows_112_first()
    {
        var client = app.Anonymous();
        var questions = await client.GetStringAsync("/Assistant/Situation/separating", Ct);
        Assert.Contains("Onko teillä alaikäisiä lapsia?", questions, StringComparison.Ordinal);

        var calm = await client.GetStringAsync("/Assistant/Situation/separating?answered=true&A0=yes&A1=no", Ct);
        Assert.Contains("Perheasioiden sovittelu", calm, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", calm, StringComparison.Ordinal);

        var afraid = await client.GetStringAsync("/Assistant/Situation/separating?answered=true&A0=yes&A1=yes&culture=sv-FI", Ct);
        Assert.True(afraid.IndexOf("tel:112", StringComparison.Ordinal) < afraid.IndexOf("<h1", StringComparison.Ordinal), afraid);
        Assert.Contains("skyddshem", afraid, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Assistant/Situation/nope", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("en jaksa enää elää", "fi-FI", "tel:0925250111")]
    [InlineData("itsetuhoisia ajatuksia", "fi-FI", "tel:0925250111")]
    [InlineData("jag vill inte leva mer", "sv-FI", "tel:0925250112")]
    [InlineData("she said \"I don't want to die\" but she has been cutting herself", "en-GB", "tel:0925250113")]
    public async Task Danger_in_ordinary_wording_shows_an_emergency_block_first_with_large_call_links_in_the_readers_language(string question, string culture, string crisis)
    {
        var html = await AskAsync(question, culture);
        var block = html.IndexOf("class=\"emergency\"", StringComparison.Ordinal);
        Assert.True(block > 0 && block < html.IndexOf("<h1", StringComparison.Ordinal), html);
        Assert.DoesNotContain("notice--urgent", html, StringComparison.Ordinal);
        foreach (var tel in new[] { "tel:112", "tel:116117", crisis, "tel:0800147111", "tel:080005005" })
        {
            Assert.Contains($"class=\"emergency__call", html[block..], StringComparison.Ordinal);
            Assert.Contains($"href=\"{tel}\"", html[block..], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("lapsi ei nuku yöllä", "fi-FI", "uni- ja arkivalmennus")]
    [InlineData("isäni muisti heikkenee", "fi-FI", "Muistipoliklinikka")]
    [InlineData("mitt barn sover inte", "sv-FI", "Sömn- och vardagscoachning")]
    public async Task Ordinary_wordings_find_the_fitting_service_and_say_what_the_question_was_understood_to_be_about(string question, string culture, string expected)
    {
        var html = await AskAsync(question, culture);
        Assert.Contains(expected, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("assistant-understood", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("puheterapia", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_yes_to_breathing_difficulty_shows_the_emergency_block_and_no_treat_at_home_advice()
    {
        var client = app.Anonymous();
        var calm = await client.GetStringAsync("/Assistant/Situation/child-ill?answered=true&A0=no&A1=no", Ct);
        Assert.Contains("Lievän flunssan voi hoitaa kotona", calm, StringComparison.Ordinal);

        var danger = await client.GetStringAsync("/Assistant/Situation/child-ill?answered=true&A0=yes&A1=no", Ct);
        Assert.True(danger.IndexOf("class=\"emergency\"", StringComparison.Ordinal) is > 0 and var at && at < danger.IndexOf("<h1", StringComparison.Ordinal), danger);
        Assert.DoesNotContain("hoitaa kotona", danger[danger.IndexOf("<h1", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Kotihoito-ohjeita ei näytetä", danger, StringComparison.Ordinal);

        var english = await client.GetStringAsync("/Assistant/Situation/child-ill?answered=true&A0=yes&A1=no&culture=en-GB", Ct);
        Assert.DoesNotContain("treated at home", english, StringComparison.Ordinal);
        Assert.Contains("tel:0925250113", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meter_ranks_finance_counselling_first_for_money_troubles_and_says_why()
    {
        var html = await app.Anonymous().GetStringAsync("/Assistant/Meter?submitted=true&M%5B6%5D=1&Age=35", Ct);
        var first = html.IndexOf("service-list__item", StringComparison.Ordinal);
        Assert.True(first > 0, html);
        var item = html[first..html.IndexOf("</li>", first, StringComparison.Ordinal)];
        Assert.Matches("talouden neuvonta|taloudellinen neuvonta", item);
        Assert.Contains("talous", item[item.IndexOf("<p>", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_message_is_stored_masked_answered_from_the_queue_and_the_answer_is_queued_to_the_resident()
    {
        var resident = app.Anonymous();
        var sent = await PolkuWebApp.PostFormAsync(resident, "/Assistant/Message", new Dictionary<string, string>
        {
            ["Input.Text"] = "Hei, hetuni on 010203A9521, tarvitsen neuvoja vauvan uniin. Soittakaa 040 765 4321.",
            ["Input.Name"] = "Maija",
            ["Input.Email"] = "maija@example.invalid",
            ["Input.Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var professional = await app.LogInAsAsync("ammattilainen");
        var queue = await professional.GetStringAsync("/Assistant/Queue", Ct);
        Assert.Contains("vauvan uniin", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("010203A9521", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("765 4321", queue, StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PolkuDb>();
        var message = await db.HandoffMessages.AsNoTracking().SingleAsync(m => m.ContactEmail == "maija@example.invalid", Ct);
        var answered = await PolkuWebApp.PostFormAsync(professional, "/Assistant/Queue", new Dictionary<string, string>
        {
            ["Id"] = message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answer"] = "Tervetuloa neuvolan unikouluun.",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.True(await db.Notifications.AnyAsync(n => n.Address == "maija@example.invalid" && n.TemplateKey == "Assistant.Reply", Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await resident.GetAsync("/Assistant/Queue", Ct)).StatusCode);

        // A social worker of another unit does client work, but her unit does not answer assistant messages.
        var otherUnit = await app.LogInAsAsync("vastuutyontekija");
        using var refused = await otherUnit.GetAsync("/Assistant/Queue", Ct);
        var refusedPage = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Yksikkösi ei ole niiden joukossa", refusedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Maija", refusedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_consent_or_contact_is_refused_with_messages()
    {
        var response = await PolkuWebApp.PostFormAsync(app.Anonymous(), "/Assistant/Message", new Dictionary<string, string>
        {
            ["Input.Text"] = "Apua",
            ["Input.Name"] = "Maija",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Viesti voidaan lähettää vain suostumuksellasi.", html, StringComparison.Ordinal);
        Assert.Contains("Anna puhelinnumero tai sähköpostiosoite, jotta voimme vastata.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_client_continues_the_conversation_on_their_own_page_and_can_turn_off_reminders()
    {
        var client = await app.LogInAsAsync("asiakas");
        var sent = await PolkuWebApp.PostFormAsync(client, "/Assistant/Message", new Dictionary<string, string>
        {
            ["Input.Text"] = "Voinko tuoda isovanhemman neuvolaan mukaan?",
            ["Input.Name"] = "Laura",
            ["Input.Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var own = await client.GetStringAsync("/Me/Messages", Ct);
        Assert.Contains("Voinko tuoda isovanhemman neuvolaan mukaan?", own, StringComparison.Ordinal);
        Assert.Contains("Odottaa vastausta.", own, StringComparison.Ordinal);

        var off = await PolkuWebApp.PostFormAsync(client, "/Me/Messages", new Dictionary<string, string> { ["Proactive"] = "off" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Olet kieltäytynyt ennakoivista muistutuksista", await client.GetStringAsync("/Me/Messages", Ct), StringComparison.Ordinal);
        await PolkuWebApp.PostFormAsync(client, "/Me/Messages", new Dictionary<string, string> { ["Proactive"] = "on" });
    }
}

public sealed class SqliteAssistantTests(SqliteApp app) : AssistantTests<SqliteApp>(app);

public sealed class PostgresAssistantTests(PostgresApp app) : AssistantTests<PostgresApp>(app);
