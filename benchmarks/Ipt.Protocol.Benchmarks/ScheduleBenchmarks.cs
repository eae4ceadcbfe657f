using BenchmarkDotNet.Attributes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Scheduling;
using NodaTime;

namespace Ipt.Protocol.Benchmarks;

/// <summary>Schedule generation: planning a course's sessions from a protocol and a start date.</summary>
[MemoryDiagnoser]
public class ScheduleBenchmarks
{
    private static readonly LocalDate Start = new(2026, 12, 7);
    private readonly ScheduleOptions withHolidays = new()
    {
        Skip = [new LocalDate(2026, 12, 28), new LocalDate(2027, 1, 4)],
    };

    [Benchmark(Baseline = true, Description = "Plan standard IPT (16 sessions)")]
    public ValueList<Session> PlanStandard() => SchedulePlanner.Plan(BuiltInProtocols.Standard, Start);

    [Benchmark(Description = "Plan standard IPT, 2 holidays skipped")]
    public ValueList<Session> PlanWithHolidays() => SchedulePlanner.Plan(BuiltInProtocols.Standard, Start, withHolidays);

    [Benchmark(Description = "Plan IPT-M (12 monthly sessions)")]
    public ValueList<Session> PlanMaintenance() => SchedulePlanner.Plan(BuiltInProtocols.Maintenance, Start);
}
