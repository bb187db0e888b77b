using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Polku.Bench.AnalyzeBenchmark).Assembly).Run(args);
