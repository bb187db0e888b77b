using BenchmarkDotNet.Attributes;
using Polku.Core.Participation.Budgeting;

namespace Polku.Bench;

/// <summary>
/// The winners of real Pabulib elections (<c>tests/testdata/pabulib</c>) by the Method of Equal Shares with add1,
/// against the greedy rule on the same file as the reference: both count the ballots read once beforehand, so the
/// ratio is what Equal Shares costs on top of greedy.
/// </summary>
[MemoryDiagnoser]
public class WinnersBenchmark
{
    private PabulibElection _election = null!;

    [Params(
        "poland_warszawa_2019_falenica.pb",
        "mes/poland_wieliczka_2023.pb",
        "large/poland_wroclaw_2020_.pb",
        "large/poland_lodz_2022_.pb")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Read()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Polku.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Polku.slnx not found."), "tests", "testdata", "pabulib", File);
        _election = PabulibReader.ReadFile(path).Election!;
    }

    [Benchmark(Baseline = true, Description = "greedy (reference)")]
    public int Greedy() => _election.Outcome(WinnerRule.Greedy).Funded.Count;

    [Benchmark(Description = "equalshares/add1")]
    public int EqualSharesAdd1() => _election.Outcome(WinnerRule.EqualSharesAdd1).Funded.Count;
}
