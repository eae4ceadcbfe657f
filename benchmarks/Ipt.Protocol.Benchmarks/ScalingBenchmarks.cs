using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Ipt.Protocol.Benchmarks.Workloads;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Benchmarks;

/// <summary>
/// Goal 4: validation and reading at 16, 64, 256 and 1,024 sessions of the workload shape (standard
/// IPT stretched to the length). The "Per session" column is the mean divided by the session
/// count: linear scaling keeps it flat. 1,024 sessions is above the default reading limit
/// (<see cref="IptJsonLimits.DefaultMaxSessions"/>, 1,000), so the benchmark reads with a reader
/// configured for 2,048 sessions, as a host with such courses would.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ScalingBenchmarks
{
    private ProtocolDefinition protocol = BuiltInProtocols.Standard;
    private Course course = null!;
    private byte[] utf8 = [];
    private CourseValidator validator = CourseValidator.Default;
    private readonly CourseJson reader = new(new IptJsonLimits { MaxSessions = 2048 });

    [Params(16, 64, 256, 1024)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        protocol = Workload.ProtocolFor(Sessions);
        course = Workload.Valid(protocol);
        validator = CourseValidator.Default;
        utf8 = CourseJson.Default.ToUtf8Bytes(course, indented: false);
        if (course.Sessions.Count != Sessions || !validator.Validate(course, protocol).IsClean || reader.TryRead(utf8).Value != course)
        {
            throw new InvalidOperationException("The scaling course must have the session count, validate clean and read back equal.");
        }
    }

    [Benchmark(Description = "Validate")]
    public ValidationReport Validate() => validator.Validate(course, protocol);

    [Benchmark(Description = "Read (CourseJson.TryRead)")]
    public Course Read() => reader.TryRead(utf8).Value!;

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new PerSessionColumn());
    }

    /// <summary>The mean time divided by the number of sessions.</summary>
    private sealed class PerSessionColumn : IColumn
    {
        public string Id => nameof(PerSessionColumn);

        public string ColumnName => "Per session";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 10;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => "Mean time divided by the number of sessions";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } statistics || benchmarkCase.Parameters["Sessions"] is not int sessions)
            {
                return "-";
            }

            return (statistics.Mean / sessions).ToString("N1", System.Globalization.CultureInfo.InvariantCulture) + " ns";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
