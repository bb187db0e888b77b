using BenchmarkDotNet.Running;
using Polku.Bench;

return args switch
{
    ["versus-duckdb", ..] => VersusDuckDb.Run(args),
    ["versus-simpy", ..] => VersusSimPy.Run(args),
    ["winners-all", ..] => WinnersTable.Run(args),
    ["duckdb-run", var persons, var events] => VersusDuckDb.RunDuckDb(persons, events),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(AnalyzeBenchmark).Assembly).Run(args);
    return 0;
}
