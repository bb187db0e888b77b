using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

public sealed class RegisterExtractFilterTests
{
    private static RegisterExtract Detailed(string persons, string events)
    {
        using var p = new CsvRecordReader(new StringReader(persons));
        using var e = new CsvRecordReader(new StringReader(events));
        var result = RegisterExtractReader.Load(p, "persons.csv", e, "events.csv", keepDetail: true);
        Assert.True(result.Error is null, result.Error?.ToString());
        return result.Extract!;
    }

    [Fact]
    public void Filter_ByPeriodAndMunicipality_GivesTheSameAnalysisAsAnExtractOfOnlyThoseRows()
    {
        const string header = Extracts.EventsHeader + "\n";
        const string persons = Extracts.PersonsHeader + "\nA,1980,F,091,,fi\nB,1980,F,091,,fi\nC,1970,M,564,,sv\nD,1990,F,091,,fi\n";
        const string events = header
            + "E1,A,2024-12-31T23:59,S,basic,P1,public,visit,100,,\n"
            + "E2,A,2025-01-01,S,specialist,P2,public,e_service,50.5,E1,\n"
            + "E3,B,2025-01-31T23:59:59,S,basic,P1,public,phone,20,,\n"
            + "E4,B,2025-02-01,S,basic,P1,public,visit,999,,\n"
            + "E5,C,2025-01-15,S,institutional,P3,public,home,5000,,\n"
            + "E6,B,2025-01-20,S,specialist,P2,public,visit,30,E3,\n";
        const string expectedPersons = Extracts.PersonsHeader + "\nA,1980,F,091,,fi\nB,1980,F,091,,fi\nD,1990,F,091,,fi\n";
        const string expectedEvents = header
            + "E2,A,2025-01-01,S,specialist,P2,public,e_service,50.5,,\n"
            + "E3,B,2025-01-31T23:59:59,S,basic,P1,public,phone,20,,\n"
            + "E6,B,2025-01-20,S,specialist,P2,public,visit,30,E3,\n";

        var filtered = RegisterExtractFilter.Apply(Detailed(persons, events), new ExtractFilter(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), 91));
        var expected = ExtractAnalysis.Analyze(Detailed(expectedPersons, expectedEvents));
        var actual = ExtractAnalysis.Analyze(filtered);

        Assert.Equal(3, actual.Persons);
        Assert.Equal(3, actual.Events);
        Assert.Equal(1, actual.Referrals.Count);
        Assert.Equal(expected.TotalCostEur, actual.TotalCostEur);
        Assert.Equal(expected.Gini, actual.Gini);
        Assert.Equal(expected.Lorenz, actual.Lorenz);
        Assert.Equal(expected.ByLevel, actual.ByLevel);
        Assert.Equal(expected.ByChannel, actual.ByChannel);
        Assert.Equal(expected.HeavyUsers, actual.HeavyUsers);
        Assert.Equal(expected.Suppressed, actual.Suppressed);
    }

    [Fact]
    public void Filter_OfAnExtractReadWithoutDetail_IsABug()
    {
        var extract = new Extracts().Persons("A").Event("A", 1).Load().Extract!;
        Assert.Throws<ArgumentException>(() => RegisterExtractFilter.Apply(extract, new ExtractFilter(Municipality: 91)));
    }
}
