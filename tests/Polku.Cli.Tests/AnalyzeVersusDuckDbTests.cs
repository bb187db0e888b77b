using System.Globalization;
using System.Text;
using Polku.Core.Insight;
using Polku.Reference;

namespace Polku.Cli.Tests;

/// <summary>
/// <c>polku analyze --json</c> against the independent DuckDB SQL of SPEC §5.2 (bench/Polku.Reference/analysis.sql, the
/// same SQL the benchmark times) on random extracts: every figure and the suppressed list must agree.
/// </summary>
public sealed class AnalyzeVersusDuckDbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("polku-versus-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<int, int> Counties() => new() { { 1, 12 }, { 2, 60 }, { 3, 400 }, { 4, 3000 } };

    [Theory]
    [MemberData(nameof(Counties))]
    public async Task GeneratedCounty_SameFiguresAsDuckDb(int seed, int persons)
    {
        var (personsCsv, eventsCsv) = Paths(seed);
        var utf8 = new UTF8Encoding(false);
        using (var personsOut = new StreamWriter(personsCsv, false, utf8))
        using (var eventsOut = new StreamWriter(eventsCsv, false, utf8))
        {
            CountyGenerator.Generate(persons, new Random(seed), personsOut, eventsOut);
        }

        await AssertSameAsDuckDb(personsCsv, eventsCsv);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 8)];

    /// <summary>Small awkward extracts: cost ties across persons, zero costs, persons without events, referrals back in time, tiny groups.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AwkwardRandomExtract_SameFiguresAsDuckDb(int seed)
    {
        var random = new Random(seed);
        var (personsCsv, eventsCsv) = Paths(seed);
        var persons = Enumerable.Range(0, random.Next(1, 50)).Select(i => "P" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        File.WriteAllText(personsCsv,
            "language,person_id,birth_year,sex,municipality_code,household_id\n" + string.Concat(persons.Select(p => $"fi,{p},1980,F,091,\n")));
        string[] levels = ["universal", "basic", "specialist", "institutional"];
        string[] channels = ["visit", "phone", "chat", "e_service", "home", "group"];
        var events = new StringBuilder("event_id,person_id,start,service_code,service_level,provider_id,provider_type,channel,cost_eur,referral_from,professional_id\n");
        var count = random.Next(0, 200);
        for (var i = 1; i <= count; i++)
        {
            var cost = random.Next(3) switch { 0 => "0", 1 => "12.50", _ => (random.Next(0, 100_000) / 100m).ToString(CultureInfo.InvariantCulture) };
            var start = new DateTime(2025, 1, 1).AddSeconds(random.Next(0, 20_000_000));
            var text = random.Next(3) switch
            {
                0 => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                1 => start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                _ => start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            };
            var referral = i > 1 && random.Next(2) == 0 ? "E" + random.Next(1, i).ToString(CultureInfo.InvariantCulture) : "";
            events.Append(CultureInfo.InvariantCulture,
                $"E{i},{persons[random.Next(persons.Length)]},{text},S1,{levels[random.Next(4)]},PR{random.Next(3)},public,{channels[random.Next(6)]},{cost},{referral},\n");
        }

        File.WriteAllText(eventsCsv, events.ToString());
        await AssertSameAsDuckDb(personsCsv, eventsCsv);
    }

    private (string Persons, string Events) Paths(int seed)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, seed.ToString(CultureInfo.InvariantCulture))).FullName;
        return (Path.Combine(folder, "persons.csv"), Path.Combine(folder, "events.csv"));
    }

    private static async Task AssertSameAsDuckDb(string personsCsv, string eventsCsv)
    {
        var result = await CliRunner.RunAsync(null, "analyze", "--persons", personsCsv, "--events", eventsCsv, "--json");
        Assert.True(result.ExitCode == 0, result.Error);

        var reference = DuckDbAnalysis.Run(personsCsv, eventsCsv, threads: 1);
        Assert.Empty(AnalysisFigures.Compare(AnalysisFigures.FromJson(result.Output), reference));
        Assert.Equal(AnalysisFigures.ExpectedSuppressed(reference), AnalysisFigures.Suppressed(result.Output).Order(StringComparer.Ordinal));
    }
}
