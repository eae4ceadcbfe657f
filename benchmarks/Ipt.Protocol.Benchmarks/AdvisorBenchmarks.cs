using BenchmarkDotNet.Attributes;
using Ipt.Protocol.Benchmarks.Workloads;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Benchmarks;

/// <summary>
/// Goal 2: technique suggestions for the next session of the workload course, held up to the
/// session before: an initial-phase session, a middle-phase session and the last session.
/// </summary>
[MemoryDiagnoser]
public class AdvisorBenchmarks
{
    private readonly TechniqueAdvisor advisor = TechniqueAdvisor.Default;
    private readonly Course initial = Workload.InProgress(2);
    private readonly Course middle = Workload.InProgress(9);
    private readonly Course last = Workload.InProgress(16);

    [Benchmark(Baseline = true, Description = "Suggest for session 9 (middle phase)")]
    public AdviceResult SuggestMiddle() => advisor.Suggest(middle, 9);

    [Benchmark(Description = "Suggest for session 2 (initial phase)")]
    public AdviceResult SuggestInitial() => advisor.Suggest(initial, 2);

    [Benchmark(Description = "Suggest for session 16 (termination)")]
    public AdviceResult SuggestLast() => advisor.Suggest(last, 16);
}
