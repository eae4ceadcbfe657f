using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ipt.Protocol.Benchmarks.Comparison;
using Ipt.Protocol.Benchmarks.Workloads;
using Ipt.Protocol.Serialization;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Ipt.Protocol.Benchmarks;

/// <summary>
/// Goal 3: reading and writing the workload course (compact UTF-8 JSON). The library's
/// source-generated path (CourseJson.TryRead / ToUtf8Bytes: the document with error paths, mapped
/// to the model with its invariants) against the DTOs of <see cref="CourseDto"/> with reflection-based
/// System.Text.Json and with Newtonsoft.Json, each followed by the same mapping to the model (read)
/// or from it (write), with the same NodaTime patterns. All three start from and end at the same bytes
/// or the same <see cref="Course"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    internal static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    internal static readonly Newtonsoft.Json.JsonSerializerSettings NewtonsoftSettings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
    };

    private readonly Course course = Workload.Valid();
    private byte[] utf8 = [];

    /// <summary>Gets the workload course's compact UTF-8 document (after <see cref="Setup"/>).</summary>
    internal byte[] Utf8 => utf8;

    [GlobalSetup]
    public void Setup()
    {
        utf8 = CourseJson.Default.ToUtf8Bytes(course, indented: false);

        // The three readers give the same course, and the two baselines read what the library writes.
        if (ReadOurs() != course || ReadReflection() != course || ReadNewtonsoft() != course
            || CourseJson.Default.TryRead(WriteReflection()).Value != course || CourseJson.Default.TryRead(WriteNewtonsoft()).Value != course)
        {
            throw new InvalidOperationException("The JSON paths disagree on the workload course.");
        }
    }

    [Benchmark(Baseline = true, Description = "Newtonsoft.Json 13 + mapping")]
    [BenchmarkCategory("Read")]
    public Course ReadNewtonsoft()
    {
        using var reader = new StreamReader(new MemoryStream(utf8));
        using var json = new Newtonsoft.Json.JsonTextReader(reader);
        var dto = Newtonsoft.Json.JsonSerializer.Create(NewtonsoftSettings).Deserialize<CourseDto>(json)!;
        return CourseDtoMapper.ToModel(dto);
    }

    [Benchmark(Description = "System.Text.Json reflection + mapping")]
    [BenchmarkCategory("Read")]
    public Course ReadReflection() => CourseDtoMapper.ToModel(JsonSerializer.Deserialize<CourseDto>(utf8, ReflectionOptions)!);

    [Benchmark(Description = "CourseJson.TryRead (one pass)")]
    [BenchmarkCategory("Read")]
    public Course ReadOurs() => CourseJson.Default.TryRead(utf8).Value!;

    [Benchmark(Baseline = true, Description = "Newtonsoft.Json 13 + mapping")]
    [BenchmarkCategory("Write")]
    public byte[] WriteNewtonsoft()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, leaveOpen: true))
        {
            Newtonsoft.Json.JsonSerializer.Create(NewtonsoftSettings).Serialize(writer, CourseDtoMapper.ToDto(course));
        }

        return stream.ToArray();
    }

    [Benchmark(Description = "System.Text.Json reflection + mapping")]
    [BenchmarkCategory("Write")]
    public byte[] WriteReflection() => JsonSerializer.SerializeToUtf8Bytes(CourseDtoMapper.ToDto(course), ReflectionOptions);

    [Benchmark(Description = "CourseJson.ToUtf8Bytes (member table)")]
    [BenchmarkCategory("Write")]
    public byte[] WriteOurs() => CourseJson.Default.ToUtf8Bytes(course, indented: false);
}
