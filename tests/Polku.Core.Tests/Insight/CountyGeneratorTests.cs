using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

public class CountyGeneratorTests
{
    private static (string Persons, string Events, GeneratedCounty County) Generate(int persons, int seed)
    {
        var personsOut = new StringWriter(CultureInfo.InvariantCulture);
        var eventsOut = new StringWriter(CultureInfo.InvariantCulture);
        var county = CountyGenerator.Generate(persons, new Random(seed), personsOut, eventsOut);
        return (personsOut.ToString(), eventsOut.ToString(), county);
    }

    private static AnalysisReport Analyze(string persons, string events)
    {
        var loaded = Extracts.LoadText(persons, events);
        Assert.True(loaded.Error is null, loaded.Error?.ToString());
        return ExtractAnalysis.Analyze(loaded.Extract!);
    }

    [Fact]
    public void SameSeed_GivesTheSameBytes_AnotherSeedDoesNot()
    {
        static string Digest((string Persons, string Events, GeneratedCounty _) files) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(files.Persons + "\u0000" + files.Events)));

        Assert.Equal(Digest(Generate(3000, 42)), Digest(Generate(3000, 42)));
        Assert.NotEqual(Digest(Generate(3000, 42)), Digest(Generate(3000, 43)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TopTenthOfResidents_CauseRoughlyFourFifthsOfCosts(int seed)
    {
        var (persons, events, county) = Generate(10_000, seed);

        var report = Analyze(persons, events);

        Assert.Equal(10_000, report.Persons);
        Assert.Equal(county.Events, report.Events);
        Assert.InRange(report.TopShare.P10!.Value, 0.75, 0.85);
    }

    [Fact]
    public void County_HasResidentsWithoutEvents_ReturnedReferrals_AllLevelsChannelsAndProviderTypes()
    {
        var (persons, events, _) = Generate(5_000, 7);

        var report = Analyze(persons, events);

        Assert.True(report.Lorenz[5].Share == 0, "the cheapest 5 % of residents should have no events at all");
        Assert.Equal(4, report.ByLevel.Count);
        Assert.Equal(6, report.ByChannel.Count);
        Assert.InRange(report.Referrals.Returned, 1, report.Referrals.Count / 2);
        Assert.All(report.Referrals.MedianWaitDays, wait => Assert.InRange(wait.MedianDays!.Value, 1, 60));
        Assert.All(ExtractVocabulary.ProviderTypes, type => Assert.Contains("," + type + ",", events, StringComparison.Ordinal));
        Assert.Empty(report.Suppressed);
        Assert.True(report.HeavyUsers.MeanDistinctProviders > report.HeavyUsers.RestMeanDistinctProviders);
    }

    [Fact]
    public void Persons_HaveAFinnishLikeAgeStructure_InHouseholdsOfTheDemoMunicipalities()
    {
        var (persons, _, _) = Generate(20_000, 11);
        var rows = persons.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();
        var ages = rows.Select(row => 2025 - int.Parse(row[1], CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(20_000, rows.Count);
        Assert.InRange(ages.Count(a => a < 18) / 20_000.0, 0.13, 0.25);
        Assert.InRange(ages.Count(a => a >= 65) / 20_000.0, 0.18, 0.30);
        Assert.All(rows, row => Assert.InRange(int.Parse(row[3], CultureInfo.InvariantCulture), 993, 997));
        var householdSizes = rows.Where(row => row[4].Length > 0).GroupBy(row => row[4]).Select(g => g.Count()).ToList();
        Assert.InRange(householdSizes.Average(), 1.7, 2.5);
        Assert.Contains(householdSizes, size => size >= 4);
    }
}
