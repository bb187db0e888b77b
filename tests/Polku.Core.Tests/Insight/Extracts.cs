using System.Globalization;
using System.Text;
using Polku.Core.Insight;

namespace Polku.Core.Tests.Insight;

/// <summary>Builds small register extracts (SPEC §5.1) as text for the analysis tests.</summary>
internal sealed class Extracts
{
    public const string PersonsHeader = "person_id,birth_year,sex,municipality_code,household_id,language";
    public const string EventsHeader = "event_id,person_id,start,service_code,service_level,provider_id,provider_type,channel,cost_eur,referral_from,professional_id";

    private readonly StringBuilder _persons = new(PersonsHeader + "\n");
    private readonly StringBuilder _events = new(EventsHeader + "\n");
    private int _nextEvent = 1;

    public Extracts Person(string id, int birthYear = 1980)
    {
        _persons.Append(CultureInfo.InvariantCulture, $"{id},{birthYear},F,993,,fi\n");
        return this;
    }

    public Extracts Persons(params string[] ids)
    {
        foreach (var id in ids)
        {
            Person(id);
        }

        return this;
    }

    public Extracts Event(string person, decimal cost, string level = "basic", string channel = "visit", string provider = "PR1",
        string start = "2025-01-01", string? id = null, string referralFrom = "")
    {
        id ??= "E" + (_nextEvent++).ToString(CultureInfo.InvariantCulture);
        _events.Append(CultureInfo.InvariantCulture, $"{id},{person},{start},S1,{level},{provider},public,{channel},{cost},{referralFrom},\n");
        return this;
    }

    public string PersonsCsv => _persons.ToString();

    public string EventsCsv => _events.ToString();

    public ExtractLoadResult Load() => LoadText(PersonsCsv, EventsCsv);

    public AnalysisReport Analyze()
    {
        var result = Load();
        Assert.True(result.Error is null, result.Error?.ToString());
        return ExtractAnalysis.Analyze(result.Extract!);
    }

    public static ExtractLoadResult LoadText(string persons, string events)
    {
        using var personsReader = new CsvRecordReader(new StringReader(persons));
        using var eventsReader = new CsvRecordReader(new StringReader(events));
        return RegisterExtractReader.Load(personsReader, "persons.csv", eventsReader, "events.csv");
    }
}
