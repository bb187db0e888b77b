using System.Diagnostics;
using System.Globalization;
using Polku.Core.Participation.Budgeting;

namespace Polku.Bench;

/// <summary>
/// <c>winners-all</c>: every real Pabulib file in <c>tests/testdata/pabulib</c>, one call of greedy (the reference) and
/// one of <c>equalshares/add1</c> each on the same ballots read once, as a Markdown table with the ratio. The files run
/// in one process, smallest first, so the first few include the JIT.
/// </summary>
public static class WinnersTable
{
    public static int Run(string[] args)
    {
        var root = args.Length > 1 ? args[1] : Path.Combine(FindRepository(), "tests", "testdata", "pabulib");
        var files = Directory.EnumerateFiles(root, "*.pb", SearchOption.AllDirectories).OrderBy(f => new FileInfo(f).Length).ToList();
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine("| file | voters | projects | greedy | equalshares/add1 | ratio | runs | steps | winners |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var file in files)
        {
            var election = PabulibReader.ReadFile(file).Election ?? throw new InvalidOperationException($"{file} could not be read.");
            var clock = Stopwatch.StartNew();
            election.Outcome(WinnerRule.Greedy);
            var greedy = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var mes = election.Outcome(WinnerRule.EqualSharesAdd1);
            var equalShares = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(culture,
                $"| {Path.GetRelativePath(root, file)} | {election.Ballots.Count:N0} | {election.Projects.Count} | {greedy:F0} ms | {equalShares:F0} ms | {equalShares / Math.Max(greedy, 0.001):F1} | {mes.Runs} | {mes.Add1Steps} | {mes.Funded.Count} |"));
        }

        return 0;
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Polku.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Polku.slnx not found.");
    }
}
