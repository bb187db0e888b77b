using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

public class ExtractValidationTests
{
    private const string Persons = Extracts.PersonsHeader + "\nP1,1980,F,993,H1,fi\nP2,2015,,994,,\n";
    private const string Good = "E1,P1,2025-03-01,S1,basic,PR1,public,visit,12.5,,";

    private static ExtractError Fails(string persons, string events)
    {
        var result = Extracts.LoadText(persons, events);
        Assert.Null(result.Extract);
        return Assert.IsType<ExtractError>(result.Error);
    }

    private static ExtractError FailsOnEvents(params string[] rows) =>
        Fails(Persons, Extracts.EventsHeader + "\n" + string.Join('\n', rows) + "\n");

    public static TheoryData<string, string, ExtractProblem> BadEventRows() => new()
    {
        { "E2,P1,2025-02-30,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03  10:00,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03 10:00:00.12345678,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03T10:00:00.,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03T10:00.5,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,\"2025-02-03T10:00:00,5\",S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03T10:00:00.5Z,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03 ,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03T10,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03T10:00+02:00,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,3.2.2025,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03T24:00,S1,basic,PR1,public,visit,1,,", "start", ExtractProblem.BadDate },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,visit,-0.01,,", "cost_eur", ExtractProblem.NegativeCost },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,visit,12€,,", "cost_eur", ExtractProblem.NonNumericCost },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,visit,\"12,5\",,", "cost_eur", ExtractProblem.NonNumericCost },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,visit,,,", "cost_eur", ExtractProblem.NonNumericCost },
        { "E2,P1,2025-02-03,S1,Basic,PR1,public,visit,1,,", "service_level", ExtractProblem.UnknownLevel },
        { "E2,P1,2025-02-03,S1,primary,PR1,public,visit,1,,", "service_level", ExtractProblem.UnknownLevel },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,video,1,,", "channel", ExtractProblem.UnknownChannel },
        { "E2,P1,2025-02-03,S1,basic,PR1,company,visit,1,,", "provider_type", ExtractProblem.UnknownProviderType },
        { "E2,P9,2025-02-03,S1,basic,PR1,public,visit,1,,", "person_id", ExtractProblem.UnknownPerson },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,visit,1,E9,", "referral_from", ExtractProblem.UnknownReferral },
        { "E1,P2,2025-02-03,S1,basic,PR1,public,visit,1,,", "event_id", ExtractProblem.DuplicateEventId },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,visit,1,", "professional_id", ExtractProblem.MissingField },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,visit,1,,,x", "12", ExtractProblem.ExtraField },
        { "E2,P1,2025-02-03,S1,basic,PR1,public,visit,1,\"E1\"x,", "referral_from", ExtractProblem.BrokenQuotes },
        { ",P1,2025-02-03,S1,basic,PR1,public,visit,1,,", "event_id", ExtractProblem.EmptyValue },
    };

    [Theory]
    [MemberData(nameof(BadEventRows))]
    public void InvalidEventRow_IsRejected_NamingFileLineAndColumn(string row, string column, ExtractProblem problem)
    {
        var error = FailsOnEvents(Good, Good.Replace("E1", "E3", StringComparison.Ordinal), row, Good.Replace("E1", "E4", StringComparison.Ordinal));

        Assert.Equal(new ExtractError("events.csv", 4, column, problem), error);
    }

    public static TheoryData<string, string, ExtractProblem> BadPersonRows() => new()
    {
        { "P3,1990,N,993,,fi", "sex", ExtractProblem.UnknownSex },
        { "P3,1990,F,993,,de", "language", ExtractProblem.UnknownLanguage },
        { "P3,19x0,F,993,,fi", "birth_year", ExtractProblem.BadBirthYear },
        { "P3,1990,F,99,,fi", "municipality_code", ExtractProblem.BadMunicipality },
        { "P1,1990,F,993,,fi", "person_id", ExtractProblem.DuplicatePersonId },
        { "P3,1990,F,993,", "language", ExtractProblem.MissingField },
    };

    [Theory]
    [MemberData(nameof(BadPersonRows))]
    public void InvalidPersonRow_IsRejected_NamingFileLineAndColumn(string row, string column, ExtractProblem problem)
    {
        var error = Fails(Persons + row + "\n", Extracts.EventsHeader + "\n");

        Assert.Equal(new ExtractError("persons.csv", 4, column, problem), error);
    }

    [Fact]
    public void MissingColumn_IsNamed_OnLineOne()
    {
        var events = Extracts.EventsHeader.Replace(",channel", "", StringComparison.Ordinal) + "\n";

        Assert.Equal(new ExtractError("events.csv", 1, "channel", ExtractProblem.MissingColumn), Fails(Persons, events));
        Assert.Equal(new ExtractError("persons.csv", 1, "person_id", ExtractProblem.MissingColumn), Fails("", Extracts.EventsHeader));
    }

    [Fact]
    public void ReferralToAMissingEvent_IsReportedBeforeALaterInvalidRow_ButNotBeforeAnEarlierOne()
    {
        var dangling = "E2,P1,2025-02-03,S1,basic,PR1,public,visit,1,E7,";
        var badDate = "E3,P1,2025-02-31,S1,basic,PR1,public,visit,1,,";

        Assert.Equal(new ExtractError("events.csv", 2, "referral_from", ExtractProblem.UnknownReferral), FailsOnEvents(dangling, badDate));
        Assert.Equal(new ExtractError("events.csv", 2, "start", ExtractProblem.BadDate), FailsOnEvents(badDate, dangling));

        // When the named event turns up after the invalid row, the referral was fine and the bad date is the first error.
        var later = "E7,P1,2025-02-03,S1,basic,PR1,public,visit,1,,";
        Assert.Equal(new ExtractError("events.csv", 3, "start", ExtractProblem.BadDate), FailsOnEvents(dangling, badDate, later));
    }

    [Fact]
    public void AwkwardButValidFiles_AreRead()
    {
        var persons = "\uFEFFlanguage,person_id,birth_year,sex,municipality_code,household_id,extra\r\n"
            + "fi,\"P,1\",1980,F,993,,\"a \"\"quoted\"\"\r\nnote\"\r\n"
            + "sv,P2,1975,,997,H2,\r\n";
        var events = Extracts.EventsHeader + "\r\n"
            + "E1,\"P,1\",2025-01-01T08:30,\"S,1\",basic,PR1,public,visit,100.50,,\r\n"
            + "\r\n"
            + "\"E2\",P2,2025-01-02T08:30:15,S2,specialist,\"PR \"\"2\"\"\",ngo,e_service,1e2,E1,\"\"\r\n"
            + "E3,P2,2025-01-03,S2,specialist,PR3,parish,chat,0,,";

        var result = Extracts.LoadText(persons, events);

        Assert.Null(result.Error);
        var report = ExtractAnalysis.Analyze(result.Extract!);
        Assert.Equal(2, report.Persons);
        Assert.Equal(3, report.Events);
        Assert.Equal(200.5, report.TotalCostEur);
        Assert.Equal(1, report.Referrals.Count);
    }

    [Fact]
    public void ErrorLines_CountPhysicalLines_IncludingLineBreaksInsideQuotes()
    {
        var error = FailsOnEvents("E2,P1,2025-02-03,S1,basic,PR1,public,visit,1,,\"two\nlines\"", "E3,P1,2025-02-03,S1,basic,PR1,public,visit,x,,");

        Assert.Equal(new ExtractError("events.csv", 4, "cost_eur", ExtractProblem.NonNumericCost), error);
    }

    [Theory]
    [InlineData("2025-01-01", 0)]
    [InlineData("2025-01-01T00:00", 0)]
    [InlineData("2025-01-01T06:00", 21_600)]
    [InlineData("2025-01-01 06:00", 21_600)]
    [InlineData("2025-01-02T00:00:01", 86_401)]
    [InlineData("2025-01-02 00:00:01", 86_401)]
    [InlineData("2024-12-31T23:59:59", -1)]
    [InlineData("2025-03-30T03:30", 7_615_800)]
    public void Dates_AreLocalClockTimes_DifferencesInExactSeconds(string text, long secondsAfterNewYear)
    {
        Assert.True(ExtractDates.TryParse("2025-01-01", out var newYear));
        Assert.True(ExtractDates.TryParse(text, out var ticks));
        Assert.Equal(secondsAfterNewYear * TimeSpan.TicksPerSecond, ticks - newYear);
    }

    [Theory]
    [InlineData("2025-01-01 06:00:00.5", 216_005_000_000)]
    [InlineData("2025-01-01T06:00:00.5000000", 216_005_000_000)]
    [InlineData("2025-01-01 00:00:00.0000001", 1)]
    [InlineData("2025-01-01 00:00:01.1234567", 11_234_567)]
    [InlineData("2024-12-31 23:59:59.9999999", -1)]
    public void Dates_KeepUpToSevenFractionalDigits_AsDatabaseExportsWriteThem(string text, long ticksAfterNewYear)
    {
        Assert.True(ExtractDates.TryParse("2025-01-01", out var newYear));
        Assert.True(ExtractDates.TryParse(text, out var ticks));
        Assert.Equal(ticksAfterNewYear, ticks - newYear);
    }

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("0", "0")]
    [InlineData("007", "7")]
    [InlineData("5.", "5")]
    [InlineData(".5", "0.5")]
    [InlineData("1e2", "100")]
    [InlineData("123456789012345.678", "123456789012345.678")]
    [InlineData("1234567890123456789012.5", "1234567890123456789012.5")]
    public void Costs_AreReadExactly(string text, string expected)
    {
        Assert.True(RegisterExtractReader.TryParseCost(text, out var cost));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cost);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1,5")]
    [InlineData(" 1")]
    [InlineData("NaN")]
    public void NonNumbers_AreNotCosts(string text) => Assert.False(RegisterExtractReader.TryParseCost(text, out _));
}
