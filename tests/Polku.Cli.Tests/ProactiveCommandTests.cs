namespace Polku.Cli.Tests;

public sealed class ProactiveCommandTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("polku-cli-").FullName;

    private Dictionary<string, string> Environment(string language = "fi") => new()
    {
        ["Database__DataDirectory"] = _dataDirectory,
        ["POLKU_LANGUAGE"] = language,
    };

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task Proactive_run_twice_queues_nothing_the_second_time()
    {
        var migrated = await CliRunner.RunAsync(Environment(), "seed-demo");
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        var first = await CliRunner.RunAsync(Environment(), "proactive", "run");
        var second = await CliRunner.RunAsync(Environment("sv"), "proactive", "run");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Matches(@"Ennakoivia viestejä jonoon: \d+", first.Output);
        Assert.Contains("Proaktiva meddelanden i kö: 0", second.Output, StringComparison.Ordinal);
    }
}
