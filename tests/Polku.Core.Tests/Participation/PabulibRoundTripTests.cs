using Polku.Core.Participation.Budgeting;

namespace Polku.Core.Tests.Participation;

public class PabulibRoundTripTests
{
    private const string Awkward = "\uFEFFMETA\r\nkey;value\r\ndescription;\"Parks; paths and \"\"green\"\" things\"\r\n"
        + "budget;1000,5\r\nvote_type;cumulative\r\nmax_sum_points;10\r\ncomment; spaced \r\n"
        + "PROJECTS\r\nproject_id;cost;name;category;unknown_column\r\np1;600.25;\"Swings;\r\nand slides\";sport,youth;\r\n"
        + "p2;400;\"  padded  \";None;kept\r\np3;0.5\r\n"
        + "VOTES\r\nvoter_id;vote;points;age;sex\r\n10;p1,p2;4,6;34;K\r\n11;p3;10;;\r\n12;;;;\r\n";

    [Fact]
    public void AwkwardFile_WrittenAndReadBack_IsTheSameElection()
    {
        var first = PabulibReader.Read(Awkward);
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));

        var written = PabulibWriter.Write(first.Election!);
        var second = PabulibReader.Read(written);

        Assert.True(second.Succeeded, string.Join("\n", second.Errors) + "\n" + written);
        Assert.Equal(first.Election, second.Election);
        Assert.Equal(written, PabulibWriter.Write(second.Election!));
    }

    [Fact]
    public void Writer_KeepsEveryColumn_QuotesOnlyWhatNeedsIt_AndKeepsMetaAsWritten()
    {
        var election = PabulibReader.Read(Awkward).Election!;

        var lines = PabulibWriter.Write(election).Split('\n');

        Assert.Equal("META", lines[0]);
        Assert.Equal("description;\"Parks; paths and \"\"green\"\" things\"", lines[2]);
        Assert.Equal("budget;1000,5", lines[3]);
        Assert.Equal("comment;spaced", lines[6]);
        Assert.Equal("project_id;cost;name;category;unknown_column", lines[8]);
        Assert.Equal("p1;600.25;\"Swings;\r", lines[9]);
        Assert.Equal("and slides\";sport,youth;", lines[10]);
        Assert.Equal("p2;400;\"  padded  \";None;kept", lines[11]);
        Assert.Equal("p3;0.5;;;", lines[12]);
        Assert.Equal("voter_id;vote;points;age;sex", lines[14]);
        Assert.Equal("10;p1,p2;4,6;34;K", lines[15]);
        Assert.Equal("12;;;;", lines[17]);
    }

    [Fact]
    public void CostWithADecimalComma_IsWrittenWithADecimalPoint()
    {
        var election = PabulibReader.Read(Awkward.Replace("p3;0.5", "p3;1234,5", StringComparison.Ordinal)).Election!;

        Assert.Equal(1234.5m, election.Projects[2].Cost);
        Assert.Equal("p3;1234.5;;;", PabulibWriter.Write(election).Split('\n')[12]);
    }

    [Fact]
    public void ChangedElection_IsNotEqual()
    {
        var election = PabulibReader.Read(Awkward).Election!;
        var changed = PabulibReader.Read(Awkward.Replace("34;K", "35;K", StringComparison.Ordinal)).Election!;

        Assert.NotEqual(election, changed);
    }

    [Fact]
    public void ElectionBuiltFromValues_ExportsItsRulesAndReadsBackEqual()
    {
        var rules = BallotRules.Knapsack(budget: 50_000, minSpendPercent: 60, minProjects: 2);
        var election = new PabulibElection(
            PabulibMeta.Entries(50_000, PabulibVoteType.Approval, rules, [new("description", "Järvilinnan nuorisobudjetti 2026")]),
            ["project_id", "cost", "name"],
            [
                new PabulibProject("1", 30_000, new Dictionary<string, string> { ["name"] = "Skeittiparkki" }),
                new PabulibProject("2", 12_500.50m, new Dictionary<string, string> { ["name"] = "Bänkar; bord" }),
            ],
            ["voter_id", "vote"],
            [new PabulibBallot("b1", ["1", "2"], null, new Dictionary<string, string>())]);

        var read = PabulibReader.Read(PabulibWriter.Write(election));

        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(election, read.Election);
        Assert.Equal(rules, read.Election!.Rules);
        Assert.Equal(new BallotRules(minProjects: 2, minCost: 30_000, maxCost: 50_000), read.Election.Rules);
    }

    [Fact]
    public void ElectionWithABallotForAnUnknownProject_CannotBeBuilt()
    {
        Assert.Throws<ArgumentException>(() => new PabulibElection(
            PabulibMeta.Entries(100, PabulibVoteType.Approval, BallotRules.None),
            ["project_id", "cost"],
            [new PabulibProject("1", 10, new Dictionary<string, string>())],
            ["voter_id", "vote"],
            [new PabulibBallot("b1", ["2"], null, new Dictionary<string, string>())]));
    }
}
