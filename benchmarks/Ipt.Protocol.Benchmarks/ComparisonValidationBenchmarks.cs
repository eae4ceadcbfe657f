using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ipt.Protocol.Benchmarks.Comparison;
using Ipt.Protocol.Benchmarks.Workloads;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Benchmarks;

/// <summary>
/// Goal 1: the rule engine against the same checks written with FluentValidation, on the workload
/// course (valid, and with 5 protocol departures). Both report rule id, JSON path and severity; the
/// global setup fails when the two disagree. The rule engine runs all of its rules for the variant;
/// the FluentValidation baseline only the 28 the workload exercises.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ComparisonValidationBenchmarks
{
    private readonly CourseValidator engine = CourseValidator.Default;
    private readonly FluentCourseValidator fluent = FluentCourseValidator.Standard;
    private readonly Course valid = Workload.Valid();
    private readonly Course departures = Workload.WithDepartures();

    [GlobalSetup]
    public void Check()
    {
        if (Verification.CheckValidators(valid).Count != 0 || Verification.CheckValidators(departures).Count != Workload.DepartureIds.Length)
        {
            throw new InvalidOperationException("The workload courses do not give the expected findings.");
        }
    }

    [Benchmark(Baseline = true, Description = "FluentValidation")]
    [BenchmarkCategory("Valid course")]
    public FluentValidation.Results.ValidationResult FluentValid() => fluent.Validate(valid);

    [Benchmark(Description = "Ipt.Protocol rule engine")]
    [BenchmarkCategory("Valid course")]
    public ValidationReport EngineValid() => engine.Validate(valid);

    [Benchmark(Baseline = true, Description = "FluentValidation")]
    [BenchmarkCategory("Course with 5 departures")]
    public FluentValidation.Results.ValidationResult FluentDepartures() => fluent.Validate(departures);

    [Benchmark(Description = "Ipt.Protocol rule engine")]
    [BenchmarkCategory("Course with 5 departures")]
    public ValidationReport EngineDepartures() => engine.Validate(departures);
}
