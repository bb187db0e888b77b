using System.Globalization;
using Polku.Core.Participation.Budgeting;

namespace Polku.Core.Tests.Participation;

public class PabulibReaderTests
{
    private const string Small = """
        META
        key;value
        description;Small test election
        budget;1000
        vote_type;approval
        min_length;1
        max_length;2
        PROJECTS
        project_id;cost;votes;name;selected
        a;600;2;Playground;1
        b;500;2;Benches;0
        c;300;1;Library books;1
        VOTES
        voter_id;age;vote
        1;34;a,b
        2;51;a,c
        3;;b
        """;

    private static PabulibElection ReadClean(string text)
    {
        var result = PabulibReader.Read(text);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Election!;
    }

    private static PabulibError SingleError(string text)
    {
        var result = PabulibReader.Read(text);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void SmallElection_IsReadWithItsMetaProjectsBallotsAndRules()
    {
        var election = ReadClean(Small);

        Assert.Equal(1000m, election.Budget);
        Assert.Equal(PabulibVoteType.Approval, election.VoteType);
        Assert.Equal(BallotRules.Approval(1, 2), election.Rules);
        Assert.Equal("Small test election", election.MetaValue("description"));
        Assert.Equal(["a", "b", "c"], election.Projects.Select(p => p.Id));
        Assert.Equal([600m, 500m, 300m], election.Projects.Select(p => p.Cost));
        Assert.Equal("Library books", election.Projects[2].Name);
        Assert.Equal([true, false, true], election.Projects.Select(p => p.Selected));
        Assert.Equal(["voter_id", "age", "vote"], election.VoteColumns);
        Assert.Equal(["a", "c"], election.Ballots[1].Projects);
        Assert.Equal("", election.Ballots[2].Fields["age"]);
        Assert.Null(election.Ballots[0].Points);
    }

    [Fact]
    public void RealWorldNoise_ByteOrderMarkCrlfBlankLinesQuotesAndSpaces_IsTolerated()
    {
        var text = "\uFEFFmeta\r\nkey;value\r\n\r\ndescription;\"Parks; paths and \"\"green\"\" things\"\r\nbudget; 1000,50 \r\n"
            + "vote_type;approval\r\nPROJECTS\r\nproject_id;cost;name;extra\r\n a ;600.25;\"Swings;\r\nand slides\";x\r\nb;400\r\n"
            + "VOTES\r\nvoter_id;vote;district\r\n1;a, b;north\r\n2;;\r\n";

        var election = ReadClean(text);

        Assert.Equal("Parks; paths and \"green\" things", election.MetaValue("description"));
        Assert.Equal(1000.50m, election.Budget);
        Assert.Equal("a", election.Projects[0].Id);
        Assert.Equal(600.25m, election.Projects[0].Cost);
        Assert.Equal("Swings;\r\nand slides", election.Projects[0].Name);
        Assert.Equal("", election.Projects[1].Fields["extra"]);
        Assert.Equal(["a", "b"], election.Ballots[0].Projects);
        Assert.Equal("north", election.Ballots[0].Fields["district"]);
        Assert.Empty(election.Ballots[1].Projects);
    }

    [Fact]
    public void LineNumbers_CountLinesInsideQuotedCells()
    {
        var text = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n"
            + "a;10;\"two\nlines\"\nb;ten;x\nVOTES\nvoter_id;vote\n";

        var error = SingleError(text);

        Assert.Equal(new PabulibError(PabulibProblem.NotANumber, "PROJECTS", 9, 2, "cost", "ten"), error);
    }

    [Fact]
    public void CumulativeBallots_ReadTheirPoints_AndSupportIsThePointSum()
    {
        var election = ReadClean("""
            META
            key;value
            budget;100
            vote_type;cumulative
            max_sum_points;10
            PROJECTS
            project_id;cost
            x;60
            y;50
            VOTES
            voter_id;vote;points
            1;x,y;3,7
            2;y;10
            3;x;10
            """);

        Assert.Equal([3m, 7m], election.Ballots[0].Points!);
        Assert.Equal([13m, 17m], election.Support().Select(s => s.Votes));
        Assert.Equal(["y"], election.Winners());
    }

    public static TheoryData<string, PabulibError> BrokenFiles() => new()
    {
        {
            Small.Replace("b;500;", "a;500;", StringComparison.Ordinal),
            new(PabulibProblem.DuplicateProjectId, "PROJECTS", 11, 1, "project_id", "a")
        },
        {
            Small.Replace("c;300;", "c;300 zł;", StringComparison.Ordinal),
            new(PabulibProblem.NotANumber, "PROJECTS", 12, 2, "cost", "300 zł")
        },
        {
            Small.Replace("c;300;", "c;-300;", StringComparison.Ordinal),
            new(PabulibProblem.NegativeNumber, "PROJECTS", 12, 2, "cost", "-300")
        },
        {
            Small.Replace("c;300;", "c;;", StringComparison.Ordinal),
            new(PabulibProblem.MissingValue, "PROJECTS", 12, 2, "cost", "cost")
        },
        {
            Small.Replace("project_id;cost;", "project_id;price;", StringComparison.Ordinal),
            new(PabulibProblem.MissingColumn, "PROJECTS", 9, Value: "cost")
        },
        {
            Small.Replace("key;value\n", "", StringComparison.Ordinal),
            new(PabulibProblem.MissingColumn, "META", 2, Value: "key")
        },
        {
            Small.Replace("voter_id;age;vote", "voter_id;age;age", StringComparison.Ordinal),
            new(PabulibProblem.DuplicateColumn, "VOTES", 14, 3, "age", "age")
        },
        {
            Small.Replace("2;51;a,c", "2;51;a,z", StringComparison.Ordinal),
            new(PabulibProblem.UnknownProject, "VOTES", 16, 3, "vote", "z")
        },
        {
            Small.Replace("2;51;a,c", "2;51;a,a", StringComparison.Ordinal),
            new(PabulibProblem.ProjectTwiceInBallot, "VOTES", 16, 3, "vote", "a")
        },
        {
            Small.Replace("3;;b", "1;;b", StringComparison.Ordinal),
            new(PabulibProblem.DuplicateVoterId, "VOTES", 17, 1, "voter_id", "1")
        },
        {
            Small.Replace("3;;b", "3;;b;extra", StringComparison.Ordinal),
            new(PabulibProblem.TooManyCells, "VOTES", 17, 4, Value: "extra")
        },
        {
            Small.Replace("budget;1000", "budget;lots", StringComparison.Ordinal),
            new(PabulibProblem.NotANumber, "META", 4, 2, "budget", "lots")
        },
        {
            Small.Replace("vote_type;approval", "vote_type;quadratic", StringComparison.Ordinal),
            new(PabulibProblem.UnknownVoteType, "META", 5, 2, "vote_type", "quadratic")
        },
        {
            Small.Replace("max_length;2", "max_length;0", StringComparison.Ordinal),
            new(PabulibProblem.InvalidRule, "META", 7, 2, "max_length", "0")
        },
        {
            Small.Replace("min_length;1", "min_length;1.5", StringComparison.Ordinal),
            new(PabulibProblem.InvalidRule, "META", 6, 2, "min_length", "1.5")
        },
        {
            Small.Replace("description;Small test election\n", "description;x\nbudget;5\n", StringComparison.Ordinal),
            new(PabulibProblem.DuplicateMetaKey, "META", 5, 1, "key", "budget")
        },
        {
            Small[..Small.IndexOf("VOTES", StringComparison.Ordinal)],
            new(PabulibProblem.MissingSection, "VOTES", 12, Value: "VOTES")
        },
        {
            "budget;1000\n" + Small,
            new(PabulibProblem.UnexpectedRow, "", 1, Value: "budget")
        },
        {
            Small.Replace("Library books", "\"Library books", StringComparison.Ordinal),
            new(PabulibProblem.UnclosedQuote, "", 12, 4)
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void BrokenFile_IsRejected_WithTheSectionLineAndColumn(string text, PabulibError expected)
    {
        var result = PabulibReader.Read(text);

        Assert.Null(result.Election);
        Assert.Equal(expected, Assert.Single(result.Errors));
    }

    [Fact]
    public void SeveralProblems_AreAllReported()
    {
        var text = Small.Replace("c;300;", "c;x;", StringComparison.Ordinal).Replace("b;500;", "a;500;", StringComparison.Ordinal);

        var result = PabulibReader.Read(text);

        Assert.Equal([PabulibProblem.DuplicateProjectId, PabulibProblem.NotANumber], result.Errors.Select(e => e.Problem));
    }

    [Fact]
    public void BallotBreakingTheRoundsRules_IsAnErrorNamingTheRule_WhileTheElectionStaysReadable()
    {
        var text = Small.Replace("1;34;a,b", "1;34;a,b,c", StringComparison.Ordinal).Replace("3;;b", "3;;", StringComparison.Ordinal);

        var result = PabulibReader.Read(text);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Election);
        Assert.Equal(
            [
                new PabulibError(PabulibProblem.BallotBreaksRule, "VOTES", 15, 3, "vote", "1", new(BallotRule.TooManyProjects, 2, 3)),
                new PabulibError(PabulibProblem.BallotBreaksRule, "VOTES", 17, 3, "vote", "3", new(BallotRule.TooFewProjects, 1, 0)),
            ],
            result.Errors);
    }

    [Fact]
    public void Error_IsDescribedInEachLanguage_WithItsLocation()
    {
        var error = new PabulibError(PabulibProblem.UnknownProject, "VOTES", 16, 3, "vote", "z");
        var rule = new PabulibError(PabulibProblem.BallotBreaksRule, "VOTES", 15, 3, "vote", "1", new(BallotRule.CostsTooMuch, 1000, 1400));

        Assert.Equal("VOTES, rivi 16, sarake 3 (vote): hanketta z ei ole PROJECTS-osiossa", error.Describe(new CultureInfo("fi-FI")));
        Assert.Equal("VOTES, rad 16, kolumn 3 (vote): projektet z finns inte i avsnittet PROJECTS", error.Describe(new CultureInfo("sv-FI")));
        Assert.Equal(
            "VOTES, line 15, column 3 (vote): the ballot of voter 1 breaks a rule: the chosen projects cost 1,400, at most 1,000 allowed",
            rule.Describe(new CultureInfo("en-GB")));
    }

    [Fact]
    public void RealFile_CutAtSixtyPercent_IsRefused_NamingTheDeclaredCount()
    {
        var text = File.ReadAllText(PabulibFiles.PathOf("poland_gdynia_2020_cisowa-small.pb"));
        var cut = text[..(int)(text.Length * 0.6)];
        var lastBreak = cut.LastIndexOf('\n');

        var atLineEnd = PabulibReader.Read(cut[..(lastBreak + 1)]);
        var midRow = PabulibReader.Read(cut);

        var error = Assert.Single(atLineEnd.Errors);
        Assert.Null(atLineEnd.Election);
        Assert.Equal((PabulibProblem.CountMismatch, "META", "num_votes"), (error.Problem, error.Section, error.ColumnName));
        Assert.StartsWith("572 ≠ ", error.Value, StringComparison.Ordinal);
        Assert.Null(midRow.Election);
        Assert.Contains(midRow.Errors, e => e.Problem is PabulibProblem.CountMismatch or PabulibProblem.LastRowCutShort or PabulibProblem.UnknownProject);
    }

    [Fact]
    public void DeclaredProjectCount_MustMatchTheProjects()
    {
        var error = SingleError(Small.Replace("budget;1000", "budget;1000\nnum_projects;4", StringComparison.Ordinal));

        Assert.Equal((PabulibProblem.CountMismatch, "num_projects", "4 ≠ 3"), (error.Problem, error.ColumnName, error.Value));
        Assert.Contains("num_projects", error.Describe(CultureInfo.GetCultureInfo("en-GB")), StringComparison.Ordinal);
    }

    [Fact]
    public void MatchingCounts_AreAccepted()
    {
        var election = ReadClean(Small.Replace("budget;1000", "budget;1000\nnum_projects;3\nnum_votes;3", StringComparison.Ordinal));

        Assert.Equal(3, election.Ballots.Count);
    }

    [Fact]
    public void LastRowCutInTheMiddle_WithoutALineBreak_IsRefused()
    {
        const string text = """
            META
            key;value
            budget;1000
            vote_type;approval
            PROJECTS
            project_id;cost;name
            a;600;Playground
            b;500;Benches
            VOTES
            voter_id;vote;age
            1;a,b;34
            2;a
            """;

        var error = SingleError(text);

        Assert.Equal((PabulibProblem.LastRowCutShort, "VOTES", 12), (error.Problem, error.Section, error.Line));
        Assert.True(PabulibReader.Read(text + "\n").Succeeded);
    }
}
