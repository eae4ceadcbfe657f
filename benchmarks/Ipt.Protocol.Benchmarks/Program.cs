using BenchmarkDotNet.Running;
using Ipt.Protocol.Benchmarks;

// Run all:   dotnet run -c Release --project benchmarks/Ipt.Protocol.Benchmarks -- --filter '*'
// Quick run: add --job short; CI runs --job dry so that the benchmarks cannot rot.
// Checks:    -- --verify        (the comparison baselines agree with the library on the workload)
// Profiling: -- --probe (hot paths, interleaved), -- --probe-rules (each rule alone, slowest first)
// Bulk:      -- --bulk 1000000  (streams N generated courses through the bulk API; prints courses/s and peak memory)
if (args is ["--verify", ..])
{
    return Verification.Run(Console.Out);
}

if (args is ["--probe-rules", ..])
{
    return Probe.RunRules(Console.Out);
}

if (args is ["--probe", ..])
{
    return Probe.Run(Console.Out);
}

if (args is ["--bulk", ..])
{
    return await BulkMode.RunAsync(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000, Console.Out);
}

// Under the dry job (CI) the bulk benchmark reads a small file, so that the dry run stays quick.
if (args.SkipWhile(a => a != "--job" && a != "-j").Skip(1).FirstOrDefault() is { } job && job.Equals("dry", StringComparison.OrdinalIgnoreCase))
{
    Environment.SetEnvironmentVariable(BulkBenchmarks.CountVariable, "2000");
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(ScheduleBenchmarks).Assembly).Run(args);

// A benchmark that failed to build or run makes the process fail, so CI notices.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
