using System.Diagnostics;

namespace Ipt.Protocol.Benchmarks;

/// <summary><c>--probe</c>: a quick, interleaved time and allocation check of the JSON and validation paths (no BenchmarkDotNet; for profiling work).</summary>
internal static class Probe
{
    public static int Run(TextWriter output)
    {
        var json = new JsonBenchmarks();
        json.Setup();
        var validation = new ComparisonValidationBenchmarks();
        var advisor = new AdvisorBenchmarks();
        var cases = new (string Name, Func<object> Run)[]
        {
            ("read ours", json.ReadOurs),
            ("read stj reflection", json.ReadReflection),
            ("read newtonsoft", json.ReadNewtonsoft),
            ("write ours", json.WriteOurs),
            ("write stj reflection", json.WriteReflection),
            ("write newtonsoft", json.WriteNewtonsoft),
            ("validate valid", () => validation.EngineValid()),
            ("validate departures", () => validation.EngineDepartures()),
            ("fluent valid", validation.FluentValid),
            ("suggest middle", advisor.SuggestMiddle),
        };
        var time = new double[cases.Length];
        var bytes = new long[cases.Length];
        const int Rounds = 20, PerRound = 200;
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < PerRound; i++)
                {
                    cases[c].Run();
                }

                watch.Stop();
                if (round > 1)
                {
                    time[c] += watch.Elapsed.TotalMicroseconds;
                    bytes[c] += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
        }

        for (var c = 0; c < cases.Length; c++)
        {
            output.WriteLine($"{cases[c].Name,-22} {time[c] / ((Rounds - 2) * PerRound),10:N2} us {bytes[c] / ((Rounds - 2) * PerRound),10:N0} B");
        }

        return 0;
    }
}
