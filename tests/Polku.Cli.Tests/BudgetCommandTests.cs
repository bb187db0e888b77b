using Polku.Core.Participation.Budgeting;

namespace Polku.Cli.Tests;

public sealed class BudgetCommandTests : IDisposable
{
    private const string Small = """
        META
        key;value
        budget;1000
        vote_type;approval
        min_length;1
        max_length;2
        PROJECTS
        project_id;cost;votes;selected
        a;900;1;0
        b;500;2;1
        c;400;2;1
        VOTES
        voter_id;vote
        1;b,c
        2;b
        3;a,c
        """;

    private static readonly string Pabulib = Path.GetFullPath(Path.Combine(RepositoryRoot(), "tests", "testdata", "pabulib"));

    private readonly string _folder = Directory.CreateTempSubdirectory("polku-budget-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string> Language(string language) => new() { ["POLKU_LANGUAGE"] = language };

    private string FileWith(string text)
    {
        var path = Path.Combine(_folder, "round.pb");
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string> RealFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Pabulib, "*.pb").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public async Task Winners_OfARealElection_AreTheFundedProjects_OnePerLineInTheOrderChosen(string file)
    {
        var path = Path.Combine(Pabulib, file);
        var election = PabulibReader.ReadFile(path).Election!;

        var result = await CliRunner.RunAsync(null, "budget", "winners", path);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(election.Winners(), lines);
        Assert.Equal(
            election.Projects.Where(p => p.Selected == true).Select(p => p.Id).Order(StringComparer.Ordinal),
            lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Winners_PrintsOnlyTheIds_TieGoingToTheCheaperProject()
    {
        var result = await CliRunner.RunAsync(null, "budget", "winners", FileWith(Small));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("c\nb\n", result.Output);
    }

    [Fact]
    public async Task Winners_OfABrokenFile_FailsWithTheLocationOnStandardError_AndNothingOnStandardOutput()
    {
        var result = await CliRunner.RunAsync(Language("fi"), "budget", "winners", FileWith(Small.Replace("3;a,c", "3;a,x", StringComparison.Ordinal)));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("VOTES, rivi 16, sarake 2 (vote): hanketta x ei ole PROJECTS-osiossa", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Winners_RefusesAFileWhoseBallotsBreakItsRules()
    {
        var result = await CliRunner.RunAsync(Language("en"), "budget", "winners", FileWith(Small.Replace("2;b", "2;", StringComparison.Ordinal)));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("the ballot of voter 2 breaks a rule: projects chosen: 0, at least 1 required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Winners_OfAMissingFile_SaysSoOnStandardError()
    {
        var result = await CliRunner.RunAsync(Language("sv"), "budget", "winners", Path.Combine(_folder, "none.pb"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("Filen hittades inte:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Winners_OfWieliczka2023_ByItsOwnEqualSharesRule_AreTheProjectsTheCityFunded()
    {
        var path = Path.Combine(Pabulib, "mes", "poland_wieliczka_2023.pb");
        var election = PabulibReader.ReadFile(path).Election!;

        var result = await CliRunner.RunAsync(null, "budget", "winners", path);

        Assert.True(result.ExitCode == 0, result.Error);
        var recorded = election.Projects.Where(p => p.Selected == true).Select(p => p.Id).Order(StringComparer.Ordinal);
        Assert.Equal(recorded, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Winners_WithRuleMes_AndExplain_SaysHowEachProjectWasPaidAndWhyTheOthersWereNot()
    {
        // Three voters with 1000/3 each. b and c would each cost their two supporters half of the utility: a tie that
        // the lower cost gives to c; after paying 200 each for c, b's supporters have 466.67, less than its 500.
        var path = FileWith(Small);

        var plain = await CliRunner.RunAsync(null, "budget", "winners", path, "--rule", "mes-plain");
        var explained = await CliRunner.RunAsync(Language("en"), "budget", "winners", path, "--rule", "mes-plain", "--explain");

        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Equal("c\n", plain.Output);
        Assert.True(explained.ExitCode == 0, explained.Error);
        Assert.Contains("Rule: Method of Equal Shares; budget 1,000; voters 3", explained.Output, StringComparison.Ordinal);
        Assert.Contains("Each voter's share: 333.33 (add1 steps 0)", explained.Output, StringComparison.Ordinal);
        Assert.Contains("c: cost 400, votes 2: 2 × 200", explained.Output, StringComparison.Ordinal);
        Assert.Contains("b: cost 500, votes 2: its supporters had only 466.67 left of their shares", explained.Output, StringComparison.Ordinal);
        Assert.Contains("Decisive tie: c, b; c was chosen (lower cost)", explained.Output, StringComparison.Ordinal);
        Assert.Contains("a: cost 900, votes 1: only 600 of the budget was left", explained.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Winners_WithAnUnknownRule_IsRefusedNamingIt()
    {
        var result = await CliRunner.RunAsync(Language("en"), "budget", "winners", FileWith(Small), "--rule", "phragmen");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("Unknown rule: phragmen", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RefusesAFileWhoseRuleFieldNamesARulePolkuDoesNotImplement()
    {
        var text = Small.Replace("vote_type;approval", "vote_type;approval\nrule;equalshares-comparison", StringComparison.Ordinal);

        var result = await CliRunner.RunAsync(Language("en"), "budget", "check", FileWith(text));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("META, line 5, column 2 (rule): Polku does not implement the rule equalshares-comparison", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OfARealElection_SummarisesInEnglish()
    {
        var result = await CliRunner.RunAsync(Language("en"), "budget", "check", Path.Combine(Pabulib, "poland_gdynia_2020_cisowa-small.pb"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            "poland_gdynia_2020_cisowa-small.pb: projects 4, budget 448,110, ballots 572.\nBallot rules: projects: 1 to 3.\nWinner rule: Greedy: most votes first\nAll ballots (572) follow the rules.\n",
            result.Output);
    }

    [Fact]
    public async Task Check_ListsTheBallotsThatBreakTheRules_InSwedish()
    {
        var text = Small.Replace("1;b,c", "1;a,b,c", StringComparison.Ordinal);

        var result = await CliRunner.RunAsync(Language("sv"), "budget", "check", FileWith(text));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Röstningens regler: antal projekt 1–2.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Röster som bryter mot reglerna: 1 av 3:", result.Output, StringComparison.Ordinal);
        Assert.Contains("VOTES, rad 14, kolumn 2 (vote): väljarens 1 röst bryter mot en regel: valda projekt: 3, högst 2 tillåts", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InFinnish_IsTheDefault()
    {
        var result = await CliRunner.RunAsync(Language("fi"), "budget", "check", FileWith(Small));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("round.pb: hankkeita 3, budjetti 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("Kaikki äänet (3) noudattavat sääntöjä.", result.Output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Polku.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Polku.slnx not found above the test binaries.");
    }
}
