using BenchmarkDotNet.Running;
using Ipt.Protocol.Benchmarks;

// Run all:   dotnet run -c Release --project benchmarks/Ipt.Protocol.Benchmarks -- --filter '*'
// Quick run: add --job short; CI runs --job dry so that the benchmarks cannot rot.
// Checks:    -- --verify        (the comparison baselines agree with the library on the workload)
// Profiling: -- --probe (hot paths, interleaved), -- --probe-rules (each rule alone, slowest first),
//            -- --probe-bulk (where one bulk course's time goes: tokens, building, validation, the bulk machinery)
// Bulk:      -- --bulk 1000000  (streams N generated courses through the bulk API; prints courses/s and peak memory)
if (args is ["--verify", ..])
{
    return Verification.Run(Console.Out);
}

if (args is ["--probe-rules", ..])
{
    return Probe.RunRules(Console.Out);
}

if (args is ["--probe-bulk", ..])
{
    return Probe.RunBulk(Console.Out);
}

if (args is ["--probe", ..])
{
    return Probe.Run(Console.Out);
}

if (args is ["--bulk", ..])
{
    return await BulkMode.RunAsync(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000, Console.Out);
}

// Under the dry job (CI) the bulk benchmark reads a small file, so that the dry run stays quick, and
// the benchmarks run in this process (no generated project to build): BenchmarkDotNet's build of the
// generated projects timed out on a loaded machine and then ran nothing.
var dry = args.SkipWhile(a => a != "--job" && a != "-j").Skip(1).FirstOrDefault() is { } job && job.Equals("dry", StringComparison.OrdinalIgnoreCase);
if (dry)
{
    Environment.SetEnvironmentVariable(BulkBenchmarks.CountVariable, "2000");
    if (!args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase))
    {
        args = [.. args, "--inProcess"];
    }
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(ScheduleBenchmarks).Assembly).Run(args).ToList();

// Every benchmark that exists must have run: a build or setup failure, a timeout or a filter that
// matches nothing makes the process fail, so CI notices.
var expected = summaries.Sum(s => s.BenchmarksCases.Length);
var executed = summaries.Sum(s => s.Reports.Count(r => r.Success && r.ExecuteResults.Count > 0));
var all = args.SkipWhile(a => a != "--filter" && a != "-f").Skip(1).FirstOrDefault() == "*"
    ? Runner.CountAllBenchmarks()
    : expected;
Console.WriteLine($"executed benchmarks: {executed} of {Math.Max(expected, all)}");
return executed == 0 || executed < expected || expected < all || summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
