using System.Diagnostics;
using Ipt.Protocol.Benchmarks.Workloads;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;

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
        // Warm up past tiered compilation (tier 0 code is several times slower) before measuring.
        foreach (var (_, run) in cases)
        {
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 500)
            {
                run();
            }
        }

        Thread.Sleep(500);
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

    /// <summary><c>--probe-rules</c>: the time of each rule of standard IPT on the valid workload course (one validator per rule, the others disabled), slowest first.</summary>
    public static int RunRules(TextWriter output)
    {
        var course = Workload.Valid();
        var rules = RuleSet.For(BuiltInProtocols.Standard).Rules;
        var ids = rules.Select(r => r.Descriptor.Id).ToArray();
        var rows = new List<(string Id, double Micros)>();
        var empty = new CourseValidator(new ValidatorOptions { DisabledIds = ValueList.Create(ids) });
        var validators = ids.Select(id => (id, new CourseValidator(new ValidatorOptions { DisabledIds = ValueList.Create(ids.Where(x => x != id).ToArray()) })))
            .Prepend(("(none)", empty))
            .Prepend(("(all)", CourseValidator.Default))
            .ToArray();
        var totals = new double[validators.Length];
        for (var round = 0; round < 12; round++)
        {
            for (var v = 0; v < validators.Length; v++)
            {
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < 10_000; i++)
                {
                    validators[v].Item2.Validate(course);
                }

                if (round >= 2)
                {
                    totals[v] += watch.Elapsed.TotalMicroseconds / 10_000;
                }
            }
        }

        for (var v = 0; v < validators.Length; v++)
        {
            rows.Add((validators[v].Item1, totals[v] / 10));
        }

        foreach (var (id, micros) in rows.OrderByDescending(r => r.Micros))
        {
            output.WriteLine($"{id,-8} {micros,8:N3} us");
        }

        var engine = rows.Single(r => r.Id == "(none)").Micros;
        output.WriteLine($"engine alone {engine:N3} us; sum of each rule's own time {rows.Where(r => r.Id[0] != '(').Sum(r => r.Micros - engine):N3} us; all rules together {rows.Single(r => r.Id == "(all)").Micros:N3} us");
        return 0;
    }
}
