using Polku.Core.Participation.Budgeting;

namespace Polku.Core.Tests.Participation;

public class GreedyWinnersTests
{
    [Fact]
    public void MostVotedFirst_EachFundedWhileItFits()
    {
        var winners = GreedyWinners.Select(
            [new("a", 300, 10), new("b", 500, 30), new("c", 200, 20)], budget: 1000);

        Assert.Equal(["b", "c", "a"], winners);
    }

    [Fact]
    public void AProjectThatDoesNotFit_IsSkipped_AndACheaperLessVotedOneIsStillFunded()
    {
        var winners = GreedyWinners.Select(
            [new("big", 800, 50), new("too-big", 300, 40), new("small", 150, 10)], budget: 1000);

        Assert.Equal(["big", "small"], winners);
    }

    [Fact]
    public void AProjectCostingExactlyTheRemainder_IsFunded()
    {
        var winners = GreedyWinners.Select([new("a", 600, 9), new("b", 400, 8), new("c", 1, 7)], budget: 1000);

        Assert.Equal(["a", "b"], winners);
    }

    [Fact]
    public void Ties_GoToTheCheaperProjectFirst()
    {
        var winners = GreedyWinners.Select([new("x", 700, 20), new("y", 400, 20)], budget: 1000);

        Assert.Equal(["y"], winners);
    }

    [Fact]
    public void Ties_WithTheSameCost_GoByOrdinalProjectId_WhateverTheInputOrder()
    {
        ProjectSupport[] projects = [new("b", 600, 20), new("B", 600, 20), new("a", 600, 20)];

        Assert.Equal(["B"], GreedyWinners.Select(projects, budget: 1000));
        Assert.Equal(["B"], GreedyWinners.Select(projects.Reverse(), budget: 1000));
    }

    [Fact]
    public void ProjectsWithoutVotes_AreNotFunded_EvenWhenMoneyIsLeft()
    {
        Assert.Equal(["a"], GreedyWinners.Select([new("a", 100, 3), new("b", 100, 0)], budget: 1000));
    }

    [Fact]
    public void NothingFits_NoWinners()
    {
        Assert.Empty(GreedyWinners.Select([new("a", 2000, 3)], budget: 1000));
    }

    [Fact]
    public void DuplicateIds_AreABug()
    {
        Assert.Throws<ArgumentException>(() => GreedyWinners.Select([new("a", 1, 1), new("a", 2, 2)], budget: 10));
    }

    [Fact]
    public void Election_WinnersCountTheBallots_NotTheVotesColumn()
    {
        var election = PabulibReader.Read("""
            META
            key;value
            budget;1000
            vote_type;approval
            PROJECTS
            project_id;cost;votes
            a;900;999
            b;500;0
            c;400;0
            VOTES
            voter_id;vote
            1;b,c
            2;b
            3;a,c
            """).Election!;

        Assert.Equal(["c", "b"], election.Winners());
    }
}
