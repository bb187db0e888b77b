using System.Text.Json;

namespace Polku.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("polku-generate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string> English => new() { ["POLKU_LANGUAGE"] = "en" };

    [Fact]
    public async Task Generate_WritesTheSameFilesForTheSameSeed_WhichAnalyzeAccepts()
    {
        var first = Path.Combine(_folder, "a");
        var second = Path.Combine(_folder, "b");

        var one = await CliRunner.RunAsync(English, "generate", "--persons", "2000", "--seed", "9", "--out", first);
        var two = await CliRunner.RunAsync(English, "generate", "--persons", "2000", "--seed", "9", "--out", second);
        var analysis = await CliRunner.RunAsync(English, "analyze", "--persons", Path.Combine(first, "persons.csv"),
            "--events", Path.Combine(first, "events.csv"), "--json");

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Matches(@"Wrote 2,000 persons and [\d,]+ events to ", one.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "events.csv")), File.ReadAllBytes(Path.Combine(second, "events.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "persons.csv")), File.ReadAllBytes(Path.Combine(second, "persons.csv")));
        Assert.True(analysis.ExitCode == 0, analysis.Error);
        using var json = JsonDocument.Parse(analysis.Output);
        Assert.Equal(2000, json.RootElement.GetProperty("persons").GetInt32());
    }
}
