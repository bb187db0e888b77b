using Polku.Core.Participation.Budgeting;

namespace Polku.Core.Tests.Participation;

public class RealElectionTests
{
    public static TheoryData<string> Files() => PabulibFiles.All();

    [Fact]
    public void TheTenRealElections_AreThere()
    {
        Assert.Equal(10, PabulibFiles.All().Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RealElection_ReadsCleanly_WithEveryBallot(string file)
    {
        var result = PabulibReader.ReadFile(PabulibFiles.PathOf(file));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var election = result.Election!;
        Assert.Equal(election.MetaValue("num_votes"), election.Ballots.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(election.MetaValue("num_projects"), election.Projects.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(PabulibVoteType.Approval, election.VoteType);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RealElection_GreedyWinnersFromTheBallots_AreTheProjectsTheCityFunded(string file)
    {
        var election = PabulibReader.ReadFile(PabulibFiles.PathOf(file)).Election!;

        var winners = election.Winners();

        var selected = election.Projects.Where(p => p.Selected == true).Select(p => p.Id).Order(StringComparer.Ordinal);
        Assert.Equal(selected, winners.Order(StringComparer.Ordinal));
        Assert.True(election.Projects.Where(p => winners.Contains(p.Id)).Sum(p => p.Cost) <= election.Budget);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RealElection_CountedApprovals_AgreeWithTheVotesColumn(string file)
    {
        var election = PabulibReader.ReadFile(PabulibFiles.PathOf(file)).Election!;

        var counted = election.Support().ToDictionary(s => s.Id, s => s.Votes);

        foreach (var project in election.Projects)
        {
            Assert.Equal(decimal.Parse(project.Fields["votes"], System.Globalization.CultureInfo.InvariantCulture), counted[project.Id]);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RealElection_WrittenAndReadBack_IsTheSameElection_WithEveryColumn(string file)
    {
        var original = PabulibReader.ReadFile(PabulibFiles.PathOf(file)).Election!;

        var written = PabulibWriter.Write(original);
        var again = PabulibReader.Read(written);

        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal(original, again.Election);
        Assert.Equal(written, PabulibWriter.Write(again.Election!));
        var sourceLines = File.ReadAllLines(PabulibFiles.PathOf(file)).Where(l => l.Length > 0);
        Assert.Equal(sourceLines, written.TrimEnd('\n').Split('\n'));
    }
}
