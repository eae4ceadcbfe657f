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
            ("token walk (floor)", () => TokenWalk(json.Utf8)),
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

        var retained = RetainedBytesPerCourse(json.Utf8);
        var allocated = AllocatedBytesPerRead(json.Utf8);
        output.WriteLine($"read: {allocated:N0} B allocated per read, {retained:N0} B retained by the course it returns: {(double)allocated / retained:N2} x (goal <= 1.5 x)");

        return 0;
    }

    /// <summary>
    /// <c>--probe-bulk</c>: where the time of one bulk course goes, on one core, over the bulk
    /// workload's distinct documents: the bare token walk (the floor of any reader), the read (tokens
    /// and building the course), validation, and the whole bulk path (line splitting, chunks, read and
    /// validate) on the same lines in memory.
    /// </summary>
    public static int RunBulk(TextWriter output)
    {
        var lines = Enumerable.Range(0, CourseGenerator.DistinctCount).Select(i => CourseGenerator.Line(i).ToArray()).ToArray();
        var courses = lines.Select(l => Ipt.Protocol.Serialization.CourseJson.Default.TryRead(l).Value!).ToArray();
        var text = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
        var stages = new (string Name, Action Run)[]
        {
            ("token walk", () => { foreach (var l in lines) { TokenWalk(l); } }),
            ("read (CourseJson.TryRead)", () => { foreach (var l in lines) { _ = Ipt.Protocol.Serialization.CourseJson.Default.TryRead(l); } }),
            ("validate", () => { foreach (var c in courses) { _ = CourseValidator.Default.Validate(c); } }),
            ("bulk: ValidateLinesAsync, 1 core", () => BulkOnce(text)),
        };
        foreach (var (_, run) in stages)
        {
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 1000)
            {
                run();
            }
        }

        var time = new double[stages.Length];
        const int Rounds = 10;
        for (var round = 0; round < Rounds; round++)
        {
            for (var s = 0; s < stages.Length; s++)
            {
                var watch = Stopwatch.StartNew();
                stages[s].Run();
                time[s] += watch.Elapsed.TotalMicroseconds;
            }
        }

        output.WriteLine($"{lines.Length} distinct documents, {lines.Average(l => l.Length):N0} bytes on average; one core; per course:");
        for (var s = 0; s < stages.Length; s++)
        {
            var perCourse = time[s] / Rounds / lines.Length;
            output.WriteLine($"{stages[s].Name,-34} {perCourse,8:N2} us  ({1e6 / perCourse,9:N0} courses/s alone)");
        }

        return 0;
    }

    private static void BulkOnce(byte[] text)
    {
        using var stream = new MemoryStream(text);
        var enumerator = Ipt.Protocol.Serialization.CourseJson.Default.ValidateLinesAsync(stream, maxDegreeOfParallelism: 1).GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The bytes one course read from the workload document keeps alive (the model alone): many courses held, divided.</summary>
    public static long RetainedBytesPerCourse(byte[] utf8)
    {
        const int Count = 2_000;
        var held = new Course[Count];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Count; i++)
        {
            held[i] = Ipt.Protocol.Serialization.CourseJson.Default.TryRead(utf8).Value!;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return (after - before) / Count;
    }

    /// <summary>The bytes one read of the workload document allocates (warmed up).</summary>
    public static long AllocatedBytesPerRead(byte[] utf8)
    {
        for (var i = 0; i < 100; i++)
        {
            _ = Ipt.Protocol.Serialization.CourseJson.Default.TryRead(utf8);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = Ipt.Protocol.Serialization.CourseJson.Default.TryRead(utf8);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }

    /// <summary>The bare cost of tokenizing the document with <see cref="System.Text.Json.Utf8JsonReader"/>: the floor of any reader.</summary>
    private static int TokenWalk(byte[] utf8)
    {
        var reader = new System.Text.Json.Utf8JsonReader(utf8);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary><c>--probe-rules</c>: the time of each rule of standard IPT on the valid workload course (one validator per rule, the others disabled), slowest first.</summary>
    public static int RunRules(TextWriter output)
    {
        var course = Workload.Valid();
        var rules = CourseValidator.Default.RulesFor(BuiltInProtocols.Standard).Rules;
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
