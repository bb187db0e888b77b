using System.Text.Json;

namespace Polku.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private const string PersonsHeader = "person_id,birth_year,sex,municipality_code,household_id,language";
    private const string EventsHeader = "event_id,person_id,start,service_code,service_level,provider_id,provider_type,channel,cost_eur,referral_from,professional_id";

    private readonly string _folder = Directory.CreateTempSubdirectory("polku-analyze-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string> Language(string language) => new() { ["POLKU_LANGUAGE"] = language };

    private (string Persons, string Events) Write(string persons, string events)
    {
        var personsPath = Path.Combine(_folder, "persons.csv");
        var eventsPath = Path.Combine(_folder, "events.csv");
        File.WriteAllText(personsPath, persons);
        File.WriteAllText(eventsPath, events);
        return (personsPath, eventsPath);
    }

    private (string Persons, string Events) SixPersons(string extraEvent = "")
    {
        var persons = PersonsHeader + "\n" + string.Join("\n", Enumerable.Range(1, 6).Select(i => $"P{i},1980,F,993,,fi")) + "\n";
        var events = EventsHeader + "\n"
            + string.Join("\n", Enumerable.Range(1, 5).Select(i => $"E{i},P{i},2025-01-0{i},S1,basic,PR1,public,visit,{i * 10},,"))
            + "\nE6,P1,2025-01-02T12:00,S2,specialist,PR2,private,chat,950,E1,\n" + extraEvent;
        return Write(persons, events);
    }

    [Fact]
    public async Task AnalyzeJson_PrintsTheSection52Object()
    {
        var (persons, events) = SixPersons();

        var result = await CliRunner.RunAsync(Language("sv"), "analyze", "--persons", persons, "--events", events, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("persons").GetInt32());
        Assert.Equal(6, root.GetProperty("events").GetInt32());
        Assert.Equal(1100, root.GetProperty("total_cost_eur").GetDouble());
        Assert.Equal(960.0 / 1100, root.GetProperty("top_share").GetProperty("p10").GetDouble());
        Assert.Equal(101, root.GetProperty("lorenz").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("by_level")[1].GetProperty("cost_eur").ValueKind);
        Assert.Equal("specialist", root.GetProperty("by_level")[1].GetProperty("level").GetString());
        Assert.Equal(5, root.GetProperty("by_channel")[0].GetProperty("events").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("referrals").GetProperty("median_wait_days").GetProperty("specialist").ValueKind);
        Assert.Equal(0.1, root.GetProperty("heavy_users").GetProperty("share_of_persons").GetDouble());
        Assert.Equal(
            ["by_level[specialist].persons", "by_level[specialist].events", "by_level[specialist].cost_eur", "by_channel[chat].events", "by_channel[chat].share",
                "referrals.median_wait_days.specialist"],
            root.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Analyze_PrintsAReadableReport_InTheToolsLanguage()
    {
        var (persons, events) = SixPersons();

        var finnish = await CliRunner.RunAsync(Language("fi"), "analyze", "--persons", persons, "--events", events);
        var swedish = await CliRunner.RunAsync(Language("sv"), "analyze", "--persons", persons, "--events", events);

        Assert.True(finnish.ExitCode == 0, finnish.Error);
        Assert.Contains("Asukkaita 6, tapahtumia 6, kustannukset yhteensä 1\u00a0100,00 €.", finnish.Output, StringComparison.Ordinal);
        Assert.Contains("erityistason palvelut: alle 5 henkilöä, ei näytetä", finnish.Output, StringComparison.Ordinal);
        Assert.Contains("Analys av registerutdraget", swedish.Output, StringComparison.Ordinal);
        Assert.Contains("mottagningsbesök: 5 händelser", swedish.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E7,P1,2025-13-01,S1,basic,PR1,public,visit,1,,", "rad 9, kolumn start")]
    [InlineData("E7,P1,2025-01-01,S1,basic,PR1,public,visit,-5,,", "rad 9, kolumn cost_eur")]
    [InlineData("E7,P1,2025-01-01,S1,basic,PR1,public,visit,abc,,", "rad 9, kolumn cost_eur")]
    [InlineData("E7,P1,2025-01-01,S1,tertiary,PR1,public,visit,1,,", "rad 9, kolumn service_level")]
    [InlineData("E7,P1,2025-01-01,S1,basic,PR1,public,fax,1,,", "rad 9, kolumn channel")]
    [InlineData("E7,P1,2025-01-01,S1,basic,PR1,state,visit,1,,", "rad 9, kolumn provider_type")]
    [InlineData("E7,P99,2025-01-01,S1,basic,PR1,public,visit,1,,", "rad 9, kolumn person_id")]
    [InlineData("E7,P1,2025-01-01,S1,basic,PR1,public,visit,1,E99,", "rad 9, kolumn referral_from")]
    [InlineData("E3,P1,2025-01-01,S1,basic,PR1,public,visit,1,,", "rad 9, kolumn event_id")]
    public async Task InvalidRow_StopsWithANonZeroExit_NamingFileLineAndColumn_AndPrintsNothing(string row, string where)
    {
        var (persons, events) = SixPersons("\n" + row + "\nE8,P2,2025-01-01,S1,basic,PR1,public,visit,1,,\n");

        var json = await CliRunner.RunAsync(Language("sv"), "analyze", "--persons", persons, "--events", events, "--json");
        var text = await CliRunner.RunAsync(Language("sv"), "analyze", "--persons", persons, "--events", events);

        Assert.NotEqual(0, json.ExitCode);
        Assert.NotEqual(0, text.ExitCode);
        Assert.Contains("events.csv, " + where, json.Error, StringComparison.Ordinal);
        Assert.Equal("", json.Output);
        Assert.Equal("", text.Output);
    }

    [Fact]
    public async Task MissingColumnOrDuplicatePerson_IsNamed_AndPrintsNothing()
    {
        var (persons, events) = Write(PersonsHeader + "\nP1,1980,F,993,,fi\nP1,1981,M,993,,fi\n", EventsHeader.Replace(",cost_eur", "", StringComparison.Ordinal) + "\n");
        var duplicate = await CliRunner.RunAsync(Language("en"), "analyze", "--persons", persons, "--events", events, "--json");

        File.WriteAllText(persons, PersonsHeader + "\nP1,1980,F,993,,fi\n");
        var missing = await CliRunner.RunAsync(Language("en"), "analyze", "--persons", persons, "--events", events, "--json");

        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("persons.csv, line 3, column person_id", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal("", duplicate.Output);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("events.csv, line 1, column cost_eur: the column is missing from the header", missing.Error, StringComparison.Ordinal);
        Assert.Equal("", missing.Output);
    }
}
