using System.Text.Json;

namespace Polku.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private const string Chain = """
        { "days": 1000, "warmup_days": 100, "replications": 10, "seed": 42,
          "stations": [ { "id": "universal", "servers": 6, "service": { "distribution": "exponential", "mean_days": 0.12 } },
                        { "id": "basic", "servers": 9, "service": { "distribution": "exponential", "mean_days": 0.6 } },
                        { "id": "specialist", "servers": 6, "service": { "distribution": "exponential", "mean_days": 2.0 } } ],
          "arrivals": [ { "station": "universal", "per_day": 40 } ],
          "routing":  [ { "from": "universal", "to": "basic", "probability": 0.3 },
                        { "from": "basic", "to": "specialist", "probability": 0.2 } ] }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("polku-simulate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "model.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static Dictionary<string, string> Language(string language) => new() { ["POLKU_LANGUAGE"] = language };

    [Fact]
    public async Task SimulateJson_PrintsTheSection53Result()
    {
        var result = await CliRunner.RunAsync(Language("en"), "simulate", Write(Chain), "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(10, root.GetProperty("replications").GetInt32());
        Assert.InRange(root.GetProperty("events").GetInt64(), 800_000, 1_100_000);
        var stations = root.GetProperty("stations").EnumerateArray().ToArray();
        Assert.Equal(["universal", "basic", "specialist"], stations.Select(s => s.GetProperty("id").GetString()));
        double[] erlangC = [0.0517772, 0.1440741, 0.8629533];
        double[] throughput = [40, 12, 2.4];
        for (var k = 0; k < 3; k++)
        {
            var s = stations[k];
            var ci = s.GetProperty("mean_wait_ci95").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var mean = s.GetProperty("mean_wait_days").GetDouble();
            Assert.True(ci[0] < mean && mean < ci[1], s.ToString());
            Assert.InRange(erlangC[k], mean * 0.7, mean * 1.3);
            Assert.InRange(s.GetProperty("utilisation").GetDouble(), 0.77, 0.83);
            Assert.InRange(s.GetProperty("throughput_per_day").GetDouble(), throughput[k] * 0.95, throughput[k] * 1.05);
            Assert.True(s.GetProperty("mean_queue_length").GetDouble() > 0);
        }
    }

    [Fact]
    public async Task Simulate_WithoutJson_PrintsATableInTheToolsLanguage()
    {
        var result = await CliRunner.RunAsync(Language("sv"), "simulate", Write(Chain));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("10 replikeringar", result.Output, StringComparison.Ordinal);
        Assert.Contains("specialist |", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"to\": \"specialist\"", "\"to\": \"expert\"", "routing[1].to: ingen station har id:t \"expert\".")]
    [InlineData("\"probability\": 0.2", "\"probability\": 1.2", "routing[1].probability: får vara högst 1.")]
    [InlineData("\"mean_days\": 2.0", "\"mean_days\": -2.0", "stations[2].service.mean_days: kan inte vara negativt.")]
    public async Task BadModel_ExitsWithTwoAndNamesTheField(string from, string to, string message)
    {
        var result = await CliRunner.RunAsync(Language("sv"), "simulate", Write(Chain.Replace(from, to, StringComparison.Ordinal)), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbabilitiesOverOne_NameTheStation()
    {
        var json = Chain.Replace("\"probability\": 0.3 }", "\"probability\": 0.8 }, { \"from\": \"universal\", \"to\": \"specialist\", \"probability\": 0.3 }", StringComparison.Ordinal);

        var result = await CliRunner.RunAsync(Language("fi"), "simulate", Write(json));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("routing: asemalta \"universal\" lähtevien todennäköisyyksien summa on 1,1, yli 1.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnstableStation_IsWarnedAndStillSimulated()
    {
        var json = Chain.Replace("\"servers\": 6, \"service\": { \"distribution\": \"exponential\", \"mean_days\": 2.0 }", "\"servers\": 4, \"service\": { \"distribution\": \"exponential\", \"mean_days\": 2.0 }", StringComparison.Ordinal)
            .Replace("\"days\": 1000", "\"days\": 200", StringComparison.Ordinal).Replace("\"warmup_days\": 100", "\"warmup_days\": 20", StringComparison.Ordinal);

        var result = await CliRunner.RunAsync(Language("en"), "simulate", Write(json), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Warning: stations[2]: station \"specialist\": load ρ = 1.2 ≥ 1 – unstable", result.Error, StringComparison.Ordinal);
        using var output = JsonDocument.Parse(result.Output);
        Assert.Single(output.RootElement.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task MissingFile_ExitsWithTwo()
    {
        var result = await CliRunner.RunAsync(Language("en"), "simulate", Path.Combine(_folder, "nope.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Model file not found", result.Error, StringComparison.Ordinal);
    }
}
