namespace Polku.Cli.Tests;

public sealed class ImportPtvCommandTests : IDisposable
{
    private static readonly string Services = Path.Combine(AppContext.BaseDirectory, "Ptv", "services.json");
    private static readonly string Channels = Path.Combine(AppContext.BaseDirectory, "Ptv", "channels.json");
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("polku-cli-").FullName;

    private Dictionary<string, string> Environment(string language = "fi") => new()
    {
        ["Database__DataDirectory"] = _dataDirectory,
        ["POLKU_LANGUAGE"] = language,
    };

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task ImportPtv_AddsOnce_ThenChangesNothing()
    {
        var first = await CliRunner.RunAsync(Environment(), "import-ptv", "--services", Services, "--channels", Channels);
        var again = await CliRunner.RunAsync(Environment("en"), "import-ptv", "--services", Services, "--channels", Channels);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Tuonti onnistui: 7 lisätty, 0 muuttunut, 0 ennallaan.", first.Output, StringComparison.Ordinal);
        Assert.Contains("5b0f6a2e-3c1d-4e8a-9f10-2a6b7c8d9e01 Perhekeskus Kaislaranta", first.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Import done: 0 added, 0 changed, 7 unchanged.", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPtv_OfABadDocument_FailsWithTheReason()
    {
        var bad = Path.Combine(_dataDirectory, "bad.json");
        await File.WriteAllTextAsync(bad, "{ \"itemList\": [ { \"id\": ", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(Environment("sv"), "import-ptv", "--services", bad, "--channels", Channels);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Inget ändrades", result.Error, StringComparison.Ordinal);
        Assert.Contains("Service · document", result.Error, StringComparison.Ordinal);
    }
}
