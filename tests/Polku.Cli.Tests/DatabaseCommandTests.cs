namespace Polku.Cli.Tests;

public sealed class DatabaseCommandTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("polku-cli-").FullName;

    private Dictionary<string, string> Environment(string language = "fi") => new()
    {
        ["Database__DataDirectory"] = _dataDirectory,
        ["POLKU_LANGUAGE"] = language,
    };

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task SeedDemo_ThenInfo_ShowsTheDemoCounty_WithoutPersonalData()
    {
        var seeded = await CliRunner.RunAsync(Environment(), "seed-demo");
        var again = await CliRunner.RunAsync(Environment(), "seed-demo");
        var info = await CliRunner.RunAsync(Environment("sv"), "info");

        Assert.True(seeded.ExitCode == 0, seeded.Error);
        Assert.Contains("Esittelyhyvinvointialue ladattiin.", seeded.Output, StringComparison.Ordinal);
        Assert.Contains("esittelyaineistoa ei ladattu", again.Output, StringComparison.Ordinal);
        Assert.Contains("Ändringar som inte körts: 0", info.Output, StringComparison.Ordinal);
        Assert.Matches(@"Organisationer \d+, klienter \d+, användare 6", info.Output);
        Assert.DoesNotContain("Aaltola", seeded.Output + info.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "polku.db")));
    }

    [Fact]
    public async Task Migrate_OnAnEmptyFolder_CreatesTheDatabase()
    {
        var result = await CliRunner.RunAsync(Environment("en"), "migrate");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"The database is up to date \(\d+ new migrations applied\)", result.Output);
    }

    [Fact]
    public async Task UnknownCommand_FailsWithANonZeroExit()
    {
        var result = await CliRunner.RunAsync(Environment(), "no-such-command");

        Assert.NotEqual(0, result.ExitCode);
    }
}
