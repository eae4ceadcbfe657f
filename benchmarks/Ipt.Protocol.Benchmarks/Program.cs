using BenchmarkDotNet.Running;

// Run all:   dotnet run -c Release --project benchmarks/Ipt.Protocol.Benchmarks -- --filter '*'
// Quick run: add --job short; CI runs --job dry so that the benchmarks cannot rot.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Ipt.Protocol.Benchmarks.ScheduleBenchmarks).Assembly).Run(args);

// A benchmark that failed to build or run makes the process fail, so CI notices.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
