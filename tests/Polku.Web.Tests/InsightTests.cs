using System.Globalization;
using System.Net;
using System.Text;
using Polku.Core.Insight;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>
/// The knowledge-management dashboards through HTTP. No storage is involved (the extract is kept in memory), so
/// SQLite is enough.
/// </summary>
public sealed class InsightTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string PersonsHeader = "person_id,birth_year,sex,municipality_code,household_id,language\n";
    private const string EventsHeader = "event_id,person_id,start,service_code,service_level,provider_id,provider_type,channel,cost_eur,referral_from,professional_id\n";

    private static readonly CultureInfo Finnish = new("fi-FI");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (string Persons, string Events) Generated(int persons, int seed)
    {
        var personsCsv = new StringWriter(CultureInfo.InvariantCulture);
        var eventsCsv = new StringWriter(CultureInfo.InvariantCulture);
        CountyGenerator.Generate(persons, new Random(seed), personsCsv, eventsCsv);
        return (personsCsv.ToString(), eventsCsv.ToString());
    }

    private static AnalysisReport Analyze(string persons, string events, ExtractFilter? filter = null)
    {
        using var p = new CsvRecordReader(new StringReader(persons));
        using var e = new CsvRecordReader(new StringReader(events));
        var extract = RegisterExtractReader.Load(p, "persons.csv", e, "events.csv", keepDetail: true).Extract!;
        return ExtractAnalysis.Analyze(RegisterExtractFilter.Apply(extract, filter ?? new ExtractFilter()));
    }

    /// <summary>
    /// Ten persons in 091 with visits and e-services (each by 10 persons), two of them also institutional (withheld);
    /// five persons in 564 with one visit each in 2024.
    /// </summary>
    private static (string Persons, string Events) SmallCells()
    {
        var persons = new StringBuilder(PersonsHeader);
        var events = new StringBuilder(EventsHeader);
        for (var i = 1; i <= 10; i++)
        {
            persons.Append(CultureInfo.InvariantCulture, $"P{i},1970,F,091,,fi\n");
            events.Append(CultureInfo.InvariantCulture, $"V{i},P{i},2025-02-01,S1,basic,PR1,public,visit,{i * 10}.5,,\n");
            events.Append(CultureInfo.InvariantCulture, $"W{i},P{i},2025-03-01,S2,universal,PR2,public,e_service,1.25,,\n");
        }

        events.Append("I1,P1,2025-04-01,S3,institutional,PR3,public,home,5000,,\n");
        events.Append("I2,P2,2025-04-01,S3,institutional,PR3,public,home,7000,,\n");
        for (var i = 11; i <= 15; i++)
        {
            persons.Append(CultureInfo.InvariantCulture, $"P{i},1950,M,564,,sv\n");
            events.Append(CultureInfo.InvariantCulture, $"V{i},P{i},2024-06-01,S1,basic,PR1,public,visit,100,,\n");
        }

        return (persons.ToString(), events.ToString());
    }

    /// <summary>A page's HTML with character references decoded (numbers have no-break spaces).</summary>
    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));

    private async Task<HttpClient> UploadAsync(string persons, string events, string user = "johto")
    {
        var client = await app.LogInAsAsync(user);
        using var response = await PolkuWebApp.UploadExtractAsync(client, persons, events);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return client;
    }

    [Fact]
    public async Task GeneratedCounty_Uploaded_CapacityPageEstimatesTheChainFromIt()
    {
        var (persons, events) = Generated(300, 11);
        var manager = await UploadAsync(persons, events);

        var page = await PageAsync(manager, "/Insight/Capacity");

        Assert.Contains("id=\"table-calibration\"", page, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/Insight/Capacity\\?Input\\.PerDay=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        var calibrated = await PageAsync(manager, link);
        Assert.Contains("id=\"table-scenarios\"", calibrated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedCounty_Uploaded_DashboardShowsItsFigures_WithLorenzChartAndTables()
    {
        var (persons, events) = Generated(300, 11);
        var expected = Analyze(persons, events);
        var manager = await UploadAsync(persons, events);

        var page = await PageAsync(manager, "/Insight");
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("<title id=\"lorenz-title\">Lorenzin käyrä</title>", page, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"lorenz-desc\">", page, StringComparison.Ordinal);
        Assert.Contains(expected.TopShare.P10!.Value.ToString("P1", Finnish), page, StringComparison.Ordinal);
        Assert.Contains(expected.Gini!.Value.ToString("N3", Finnish), page, StringComparison.Ordinal);
        Assert.Contains($"Asukkaita {expected.Persons.ToString("N0", Finnish)}, tapahtumia {expected.Events.ToString("N0", Finnish)}", page, StringComparison.Ordinal);
        foreach (var id in new[] { "concentration", "lorenz", "heavy_users", "levels", "channels", "referrals", "waits" })
        {
            Assert.Contains($"id=\"table-{id}\"", page, StringComparison.Ordinal);
            Assert.Contains($"/Insight?handler=Csv&table={id}", page, StringComparison.Ordinal);
        }

        var swedish = await PageAsync(manager, "/Insight?culture=sv-FI");
        Assert.Contains("Lorenzkurva", swedish, StringComparison.Ordinal);
        Assert.Contains(expected.TopShare.P10!.Value.ToString("P1", new CultureInfo("sv-FI")), swedish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_IsCultureInvariantUtf8_WithHeaderRow_AndTheAnalysisFigures()
    {
        var (persons, events) = Generated(120, 3);
        var expected = Analyze(persons, events);
        var manager = await UploadAsync(persons, events);

        using var response = await manager.GetAsync("/Insight?handler=Csv&table=concentration&culture=fi-FI", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var csv = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("measure,value,withheld", lines[0]);
        Assert.Equal("top_10," + expected.TopShare.P10!.Value.ToString("R", CultureInfo.InvariantCulture) + ",", lines[3]);
        Assert.Equal("gini," + expected.Gini!.Value.ToString("R", CultureInfo.InvariantCulture) + ",", lines[5]);

        var lorenz = await manager.GetStringAsync("/Insight?handler=Csv&table=lorenz&culture=sv-FI", Ct);
        Assert.Equal(102, lorenz.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\n0.5," + expected.Lorenz[50].Share!.Value.ToString("R", CultureInfo.InvariantCulture) + ",\n", lorenz, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmallCells_AreWithheld_OnThePage_AndInTheCsv()
    {
        var (persons, events) = SmallCells();
        var manager = await UploadAsync(persons, events);

        var page = await PageAsync(manager, "/Insight");
        Assert.Contains("ei näytetä: alle 5 henkilöä", page, StringComparison.Ordinal);
        Assert.Contains("laitospalvelut", page, StringComparison.Ordinal);
        Assert.DoesNotContain(12_000.ToString("N2", Finnish), page, StringComparison.Ordinal);
        Assert.Contains(5.ToString("N0", Finnish), page, StringComparison.Ordinal);

        var levels = await manager.GetStringAsync("/Insight?handler=Csv&table=levels", Ct);
        Assert.Contains("institutional,,,,persons;events;cost_eur\n", levels, StringComparison.Ordinal);
        Assert.DoesNotContain("12000", levels, StringComparison.Ordinal);
        Assert.Contains("basic,15,15,", levels, StringComparison.Ordinal);

        var channels = await manager.GetStringAsync("/Insight?handler=Csv&table=channels", Ct);
        Assert.Contains("home,,,events;share\n", channels, StringComparison.Ordinal);
        Assert.Contains("e_service,10,", channels, StringComparison.Ordinal);

        // 15 persons: the top 10 % are 2 persons, so the heavy users' means are withheld too.
        var heavy = await manager.GetStringAsync("/Insight?handler=Csv&table=heavy_users", Ct);
        Assert.Contains("heavy,,,,persons;mean_distinct_levels;mean_distinct_providers\n", heavy, StringComparison.Ordinal);
        Assert.Contains("rest,13,", heavy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_ByPeriodAndMunicipality_ReRunTheAnalysisOnTheSelection()
    {
        var (persons, events) = SmallCells();
        var manager = await UploadAsync(persons, events);

        var area = await PageAsync(manager, "/Insight?Filter.Area=564");
        Assert.Contains("Asukkaita 5, tapahtumia 5", area, StringComparison.Ordinal);
        var areaCsv = await manager.GetStringAsync("/Insight?handler=Csv&table=levels&Filter.Area=564", Ct);
        Assert.Equal("service_level,persons,events,cost_eur,withheld\nbasic,5,5,500,\n", areaCsv);

        var period = await PageAsync(manager, "/Insight?Filter.From=2025-01-01&Filter.To=2025-03-31");
        Assert.Contains("Asukkaita 15, tapahtumia 20", period, StringComparison.Ordinal);
        var expected = Analyze(persons, events, new ExtractFilter(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)));
        Assert.Contains(expected.TopShare.P20!.Value.ToString("P1", Finnish), period, StringComparison.Ordinal);

        var bad = await PageAsync(manager, "/Insight?Filter.Area=12");
        Assert.Contains("Kuntanumerossa on oltava kolme numeroa.", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"table-levels\"", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFile_IsRejected_WithFileLineAndColumn_AndNothingIsKept()
    {
        var (persons, events) = SmallCells();
        var manager = await UploadAsync(persons, events);
        var broken = events.Replace("V3,P3,2025-02-01,S1,basic,PR1,public,visit,30.5", "V3,P3,2025-02-01,S1,basic,PR1,public,visit,-30.5", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.StartsWith("V3,", StringComparison.Ordinal)) + 1;

        using var response = await PolkuWebApp.UploadExtractAsync(manager, persons, broken);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"events.csv, rivi {line}, sarake cost_eur: kustannus on negatiivinen", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);

        var after = await PageAsync(manager, "/Insight");
        Assert.DoesNotContain("id=\"table-levels\"", after, StringComparison.Ordinal);
        using var csv = await manager.GetAsync("/Insight?handler=Csv&table=levels", Ct);
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
    }

    [Fact]
    public async Task Extract_IsOnlyForTheUserWhoUploadedIt()
    {
        var (persons, events) = SmallCells();
        await UploadAsync(persons, events);
        var administrator = await app.LogInAsAsync("yllapito");
        var page = await PageAsync(administrator, "/Insight");
        Assert.DoesNotContain("id=\"table-levels\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("asiakas")]
    [InlineData("ammattilainen")]
    [InlineData("vastuutyontekija")]
    [InlineData("muotoilija")]
    public async Task OtherRoles_AreDenied(string user)
    {
        var client = await app.LogInAsAsync(user);
        foreach (var path in new[] { "/Insight", "/Insight?handler=Csv&table=levels", "/Insight/Burden", "/Insight/Burden?handler=Csv&table=comparison", "/Insight/Capacity?handler=Csv" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"/Insight\"", await PageAsync(client, "/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("johto")]
    [InlineData("yllapito")]
    public async Task ManagersAndAdministrators_MayUseTheDashboards(string user)
    {
        var client = await app.LogInAsAsync(user);
        Assert.Contains("href=\"/Insight\"", await PageAsync(client, "/"), StringComparison.Ordinal);
        foreach (var path in new[] { "/Insight", "/Insight/Burden", "/Insight/Capacity" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var response = await app.Anonymous().GetAsync("/Insight/Burden", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Burden_DefaultExample_IsTheWorkedExampleOfTheSpec()
    {
        var manager = await app.LogInAsAsync("johto");
        var page = await PageAsync(manager, "/Insight/Burden");
        Assert.Contains(500_000m.ToString("N1", Finnish), page, StringComparison.Ordinal);
        Assert.Contains(200_000m.ToString("N2", Finnish), page, StringComparison.Ordinal);

        var csv = await manager.GetStringAsync("/Insight/Burden?handler=Csv&table=before", Ct);
        Assert.Equal("service,hours_per_event,euros_per_event,events_per_year,hours,euros\nHakemus,5,2,100000,500000,200000\ntotal,,,,500000,200000\n", csv);
        var comparison = await manager.GetStringAsync("/Insight/Burden?handler=Csv&table=comparison", Ct);
        Assert.Contains("Hakemus,500000,100000,-400000,200000,0,-200000\n", comparison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Burden_EnteredRows_AcceptFinnishDecimalCommas_AndCsvIsInvariant()
    {
        var manager = await app.LogInAsAsync("johto");
        const string query = "Input.Before[0].Service=Lomake&Input.Before[0].Hours=0%2C5&Input.Before[0].Euros=1%2C20&Input.Before[0].Events=1%20000"
            + "&Input.After[0].Service=Lomake&Input.After[0].Hours=0%2C25&Input.After[0].Euros=0&Input.After[0].Events=1000";
        var page = await PageAsync(manager, "/Insight/Burden?" + query);
        Assert.Contains(500m.ToString("N1", Finnish), page, StringComparison.Ordinal);
        Assert.Contains(1_200m.ToString("N2", Finnish), page, StringComparison.Ordinal);

        var csv = await manager.GetStringAsync("/Insight/Burden?handler=Csv&table=comparison&culture=fi-FI&" + query, Ct);
        Assert.Contains("Lomake,500.0,250.00,-250.00,1200.00,0,-1200.00\n", csv, StringComparison.Ordinal);

        var invalid = await PageAsync(manager, "/Insight/Burden?Input.Before[0].Service=Lomake&Input.Before[0].Hours=-1&Input.Before[0].Euros=x&Input.Before[0].Events=1,5");
        Assert.Contains("Kirjoita luku, joka on vähintään 0.", invalid, StringComparison.Ordinal);
        Assert.Contains("Kirjoita kokonaisluku.", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"table-comparison\"", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ExtractTables_AreTheDashboardTables_WithSmallCellsNull()
    {
        var (persons, events) = SmallCells();
        var manager = await UploadAsync(persons, events);

        using var json = System.Text.Json.JsonDocument.Parse(await manager.GetStringAsync("/api/insight/extract", Ct));
        var tables = json.RootElement.EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        Assert.Equal(["concentration", "lorenz", "heavy_users", "levels", "channels", "referrals", "waits"], tables.Keys);
        var institutional = tables["levels"].GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("labels").GetProperty("service_level").GetString() == "institutional");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, institutional.GetProperty("values").GetProperty("cost_eur").ValueKind);
        Assert.Equal(["persons", "events", "cost_eur"], institutional.GetProperty("withheld").EnumerateArray().Select(e => e.GetString()));
        var basic = tables["levels"].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("labels").GetProperty("service_level").GetString() == "basic");
        Assert.Equal(15, basic.GetProperty("values").GetProperty("persons").GetDouble());
        Assert.Empty(basic.GetProperty("withheld").EnumerateArray());

        using var filtered = System.Text.Json.JsonDocument.Parse(await manager.GetStringAsync("/api/insight/extract?area=564&from=2024-01-01&to=2024-12-31", Ct));
        var levels = filtered.RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "levels").GetProperty("rows");
        Assert.Equal(5, levels.EnumerateArray().Single().GetProperty("values").GetProperty("persons").GetDouble());

        using var bad = await manager.GetAsync("/api/insight/extract?area=5x4&from=2025-02-01&to=2025-01-01", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"area\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"to\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutAnUploadedExtract_IsNotFound_AndOwnDataAnswers()
    {
        var manager = await app.LogInAsAsync("johto");
        using (var forget = await PolkuWebApp.PostFormAsync(manager, "/Insight?handler=Forget", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, forget.StatusCode);
        }

        using var none = await manager.GetAsync("/api/insight/extract", Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        using var own = System.Text.Json.JsonDocument.Parse(await manager.GetStringAsync("/api/insight/own?from=2020-01-01&area=091", Ct));
        var sections = own.RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s);
        Assert.Equal(["segmentation", "paths", "feedback", "effectiveness"], sections.Keys);
        List<string> Tables(string id) => [.. sections[id].GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
        Assert.Equal<string>(["customerships", "transitions"], Tables("segmentation"));
        Assert.Equal<string>(["touchpoints_by_channel", "touchpoints_by_provider", "referral_figures"], Tables("paths"));
        Assert.Equal<string>(["feedback_by_unit", "feedback_by_customership"], Tables("feedback"));
    }

    [Theory]
    [InlineData("asiakas", HttpStatusCode.Forbidden)]
    [InlineData("ammattilainen", HttpStatusCode.Forbidden)]
    [InlineData("muotoilija", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Api_IsOnlyForManagers(string? user, HttpStatusCode expected)
    {
        var client = user is null ? app.Anonymous() : await app.LogInAsAsync(user);

        foreach (var path in new[] { "/api/insight/extract", "/api/insight/own" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task Api_IsDocumentedInTheOpenApiDocument()
    {
        var openApi = await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("\"/api/insight/extract\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"/api/insight/own\"", openApi, StringComparison.Ordinal);
        Assert.Contains("GetOwnDataDashboard", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnData_Page_HasTheSegmentationSection_InFinnishAndSwedish_WithCsv()
    {
        var manager = await app.LogInAsAsync("johto");

        var page = await PageAsync(manager, "/Insight/Own?culture=fi-FI");
        Assert.Contains("Asiakkuuksien jakauma ja siirtymät", page, StringComparison.Ordinal);
        Assert.Contains("id=\"table-customerships\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"table-transitions\"", page, StringComparison.Ordinal);
        Assert.Contains("/Insight/Own?handler=Csv&table=customerships", page, StringComparison.Ordinal);
        var swedish = await PageAsync(manager, "/Insight/Own?culture=sv-FI&Filter.Area=091&Filter.From=2025-01-01");
        Assert.Contains("Klientskapens fördelning och övergångar", swedish, StringComparison.Ordinal);
        Assert.Contains("&Filter.Area=091", swedish, StringComparison.Ordinal);

        var csv = await manager.GetStringAsync("/Insight/Own?handler=Csv&table=customerships&Filter.Area=091", Ct);
        Assert.StartsWith("customership,clients,withheld\nself_acting,", csv, StringComparison.Ordinal);

        var wrong = await PageAsync(manager, "/Insight/Own?Filter.From=2025-02-01&Filter.To=2025-01-01");
        Assert.DoesNotContain("id=\"table-customerships\"", wrong, StringComparison.Ordinal);
        Assert.Contains("field--invalid", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnData_Page_HasTheEffectivenessSection_WithDefinitions_InFinnishAndSwedish_WithCsv()
    {
        var manager = await app.LogInAsAsync("johto");

        var page = await PageAsync(manager, "/Insight/Own?culture=fi-FI");
        Assert.Contains("Verkoston vaikuttavuus", page, StringComparison.Ordinal);
        Assert.Contains("id=\"table-effectiveness\"", page, StringComparison.Ordinal);
        Assert.Contains("Tavoitteista saavutettu: viimeisin arvio vähintään odotettu taso (0)", page, StringComparison.Ordinal);
        Assert.Contains("id=\"table-goals_by_month\"", page, StringComparison.Ordinal);
        var swedish = await PageAsync(manager, "/Insight/Own?culture=sv-FI");
        Assert.Contains("Nätverkets effektivitet", swedish, StringComparison.Ordinal);
        Assert.Contains("Måluppfyllelse per klientskap", swedish, StringComparison.Ordinal);

        var csv = await manager.GetStringAsync("/Insight/Own?handler=Csv&table=effectiveness", Ct);
        Assert.StartsWith("measure,value,clients", csv, StringComparison.Ordinal);
        Assert.Contains("\ngoals_attained,", csv, StringComparison.Ordinal);
        Assert.Contains("\nwithout_owner_now,", csv, StringComparison.Ordinal);
    }
}
