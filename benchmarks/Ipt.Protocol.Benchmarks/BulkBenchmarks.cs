using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Ipt.Protocol.Benchmarks.Workloads;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Benchmarks;

/// <summary>
/// Goal 5: a JSON Lines file of generated courses (100,000; 2,000 under the dry job), read and
/// validated with <see cref="CourseJson.ValidateLinesAsync"/> on one core and on every core, and read only.
/// The "Courses/s" column is the course count divided by the mean time. Peak memory is measured by
/// the <c>--bulk</c> mode of Program.cs, outside BenchmarkDotNet.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class BulkBenchmarks
{
    /// <summary>The environment variable Program.cs sets to shrink the file under the dry job.</summary>
    public const string CountVariable = "IPT_BENCH_BULK_COURSES";

    private string path = "";

    public static IEnumerable<int> Counts() =>
        [int.TryParse(Environment.GetEnvironmentVariable(CountVariable), out var n) && n > 0 ? n : 100_000];

    [ParamsSource(nameof(Counts))]
    public int Courses { get; set; }

    [GlobalSetup]
    public void Setup() => path = CourseGenerator.EnsureFile(Courses);

    [Benchmark(Baseline = true, Description = "Read + validate, 1 core")]
    public Task<int> ValidateOneCore() => Validate(1);

    [Benchmark(Description = "Read + validate, all cores")]
    public Task<int> ValidateAllCores() => Validate(Environment.ProcessorCount);

    [Benchmark(Description = "Read only, 1 core")]
    public async Task<int> ReadOnly()
    {
        await using var file = Open();
        var read = 0;
        await foreach (var line in CourseJson.Default.ReadLinesAsync(file))
        {
            read += line.Result.Success ? 1 : 0;
        }

        return Check(read);
    }

    private async Task<int> Validate(int cores)
    {
        await using var file = Open();
        var read = 0;
        await foreach (var result in CourseJson.Default.ValidateLinesAsync(file, maxDegreeOfParallelism: cores))
        {
            read += result.WasRead ? 1 : 0;
        }

        return Check(read);
    }

    private FileStream Open() => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private int Check(int read) => read == Courses ? read : throw new InvalidOperationException($"{read} of {Courses} courses were read.");

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new CoursesPerSecondColumn());
    }

    /// <summary>Courses per second: the course count divided by the mean time.</summary>
    private sealed class CoursesPerSecondColumn : IColumn
    {
        public string Id => nameof(CoursesPerSecondColumn);

        public string ColumnName => "Courses/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 10;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Courses read (and validated) per second: the course count divided by the mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } statistics && benchmarkCase.Parameters["Courses"] is int courses
                ? (courses / (statistics.Mean / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
                : "-";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
