using BenchmarkDotNet.Attributes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Benchmarks;

/// <summary>Validation: a clean course should allocate nothing; the cost grows linearly with the sessions.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private static readonly ProtocolDefinition Scale = BuiltInProtocols.LongTerm with
    {
        Id = ProtocolId.From("ipt-scale"),
        Sessions = new CountRange(26, 1024, 1024),
    };

    private readonly CourseValidator validator = CourseValidator.Default;
    private readonly Course standard = SampleCourses.Standard;
    private readonly Course mistake = SampleCourses.Mistakes[0].Course;
    private readonly Course large = SampleCourses.Canonical(Scale);

    [GlobalSetup]
    public void Check()
    {
        if (!validator.Validate(standard).IsClean || !validator.Validate(large, Scale).IsClean)
        {
            throw new InvalidOperationException("The benchmark courses must validate clean.");
        }
    }

    [Benchmark(Baseline = true, Description = "Validate canonical standard IPT (16 sessions, clean)")]
    public ValidationReport ValidateStandard() => validator.Validate(standard);

    [Benchmark(Description = "Validate standard IPT with one mistake")]
    public ValidationReport ValidateMistake() => validator.Validate(mistake);

    [Benchmark(Description = "Validate a 1,024-session course (clean)")]
    public ValidationReport ValidateLarge() => validator.Validate(large, Scale);
}
