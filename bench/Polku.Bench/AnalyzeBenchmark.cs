using System.Text;
using BenchmarkDotNet.Attributes;
using Polku.Core.Insight;

namespace Polku.Bench;

/// <summary>
/// <c>polku analyze --json</c> on a generated county, against a reference run in the same process: reading the same
/// two files with the same CSV reader and doing nothing else. The ratio says what validation and analysis cost on top
/// of merely reading the extract, and does not depend on how fast the machine is.
/// </summary>
[MemoryDiagnoser]
public class AnalyzeBenchmark
{
    private string _folder = "";

    /// <summary>Residents in the generated county (about 14 events each).</summary>
    [Params(100_000)]
    public int Persons { get; set; }

    private string PersonsCsv => Path.Combine(_folder, "persons.csv");

    private string EventsCsv => Path.Combine(_folder, "events.csv");

    [GlobalSetup]
    public void GenerateCounty()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"polku-bench-{Persons}");
        if (File.Exists(Path.Combine(_folder, "done")))
        {
            return;
        }

        Directory.CreateDirectory(_folder);
        var utf8 = new UTF8Encoding(false);
        using (var persons = new StreamWriter(PersonsCsv, false, utf8))
        using (var events = new StreamWriter(EventsCsv, false, utf8))
        {
            CountyGenerator.Generate(Persons, new Random(1), persons, events);
        }

        File.WriteAllText(Path.Combine(_folder, "done"), "");
    }

    [Benchmark(Baseline = true, Description = "read the CSV files only (reference)")]
    public long ReadOnly()
    {
        long fields = 0;
        foreach (var path in new[] { PersonsCsv, EventsCsv })
        {
            using var csv = CsvRecordReader.Open(path);
            while (csv.Read() == CsvReadStatus.Record)
            {
                fields += csv.FieldCount;
            }
        }

        return fields;
    }

    [Benchmark(Description = "analyze --json")]
    public void AnalyzeJson()
    {
        var loaded = RegisterExtractReader.Load(PersonsCsv, EventsCsv);
        var report = ExtractAnalysis.Analyze(loaded.Extract ?? throw new InvalidOperationException(loaded.Error?.ToString()));
        AnalysisJson.Write(report, Stream.Null);
    }
}
