using System.Text;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Serialization.Documents;
using Ipt.Protocol.Tests.Docs;
using Ipt.Protocol.Tests.Robustness;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>
/// The hand-written fast path of the course reader: it must read every valid document (or it silently
/// stops being fast), read it exactly as the serializer does, and leave everything doubtful to the
/// serializer, whose errors are reported. The fuzz tests compare both paths on damaged documents.
/// </summary>
public class FastReaderTests
{
    private static readonly CourseJsonReader SerializerOnly = new() { FastPath = false };

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoFiles.PathOf("docs/examples"), "*.course.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoFiles.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void The_fast_reader_knows_exactly_the_members_of_every_document_shape()
    {
        // A member added to a shape but not to the fast reader would silently send every document
        // that uses it down the slow path: the reader's member lists must match the serializer's metadata.
        var reachable = new HashSet<Type>();
        var pending = new Stack<Type>([typeof(CourseDocument)]);
        while (pending.TryPop(out var type))
        {
            if (!reachable.Add(type))
            {
                continue;
            }

            foreach (var property in DocumentJsonContext.Default.GetTypeInfo(type)!.Properties)
            {
                var member = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>)
                    ? property.PropertyType.GetGenericArguments()[0]
                    : property.PropertyType;
                if (DocumentJsonContext.Default.GetTypeInfo(member) is { Kind: System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object })
                {
                    pending.Push(member);
                }
            }
        }

        Assert.Equal(reachable.OrderBy(t => t.Name), CourseDocumentFastReader.Shapes.Select(s => s.Shape).OrderBy(t => t.Name));
        foreach (var (shape, members) in CourseDocumentFastReader.Shapes)
        {
            var properties = DocumentJsonContext.Default.GetTypeInfo(shape)!.Properties;
            Assert.Equal(properties.Select(p => p.Name).Order(StringComparer.Ordinal), members.Names.Order(StringComparer.Ordinal));
            Assert.Equal(properties.Where(p => p.IsRequired).Select(p => p.Name).Order(StringComparer.Ordinal), members.RequiredNames.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_document_takes_the_fast_path_and_reads_as_the_serializer_reads_it(string file)
    {
        var bytes = Encoding.UTF8.GetBytes(RepoFiles.Read(file));
        AssertFastAndSame(bytes);
    }

    [Fact]
    public void Generated_courses_with_every_member_and_awkward_text_take_the_fast_path()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var course = CourseGenerator.Build(seed);
            AssertFastAndSame(CourseJson.ToUtf8Bytes(course, indented: seed % 2 == 0));
        }

        foreach (var course in SampleCourses.All.Values)
        {
            AssertFastAndSame(CourseJson.ToUtf8Bytes(course));
        }
    }

    [Theory]
    [InlineData("unknown member", """{"schemaVersion":1,"protocol":"ipt","extra":1}""")]
    [InlineData("duplicate member", """{"schemaVersion":1,"protocol":"ipt","protocol":"ipt"}""")]
    [InlineData("escaped member name", """{"schemaVersion":1,"protocol":"ipt","sessions":[{"numb\u0065r":1,"phase":"initial"}]}""")]
    [InlineData("null value", """{"schemaVersion":1,"protocol":"ipt","patientAge":null}""")]
    [InlineData("null list", """{"schemaVersion":1,"protocol":"ipt","sessions":null}""")]
    [InlineData("missing required member", """{"schemaVersion":1,"protocol":"ipt","sessions":[{"phase":"initial"}]}""")]
    [InlineData("missing root member", """{"schemaVersion":1}""")]
    [InlineData("wrong token", """{"schemaVersion":1,"protocol":"ipt","patientAge":"40"}""")]
    [InlineData("number out of range", """{"schemaVersion":1,"protocol":"ipt","patientAge":4000000000}""")]
    [InlineData("fraction", """{"schemaVersion":1,"protocol":"ipt","patientAge":40.5}""")]
    [InlineData("bad enum", """{"schemaVersion":1,"protocol":"ipt","setting":"moon"}""")]
    [InlineData("bad date", """{"schemaVersion":1,"protocol":"ipt","contract":{"sessions":16,"startDate":"2026-02-30"}}""")]
    [InlineData("trailing content", """{"schemaVersion":1,"protocol":"ipt"} {}""")]
    [InlineData("trailing comma", """{"schemaVersion":1,"protocol":"ipt",}""")]
    [InlineData("not an object", """[1]""")]
    public void Anything_doubtful_is_left_to_the_serializer_and_reported_as_before(string what, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Null(CourseDocumentFastReader.TryRead(bytes, IptJsonLimits.DefaultMaxDepth));
        var result = CourseJson.TryRead(bytes);
        var serializer = SerializerOnly.TryRead(bytes);

        // An escaped name or a null optional value is valid for the serializer: left to it, not refused.
        Assert.Equal(what is "escaped member name" or "null value", result.Success);
        Assert.Equal(serializer.Value, result.Value);
        Assert.Equal(serializer.Errors, result.Errors);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_left_to_the_serializer()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"schemaVersion":1,"protocol":"ipt","inventory":{"persons":[{"id":"p1","relationship":"friend"}]}}""");
        Assert.NotNull(CourseDocumentFastReader.TryRead(bytes, 5));
        Assert.Null(CourseDocumentFastReader.TryRead(bytes, 3));
        var reader = new CourseJsonReader(new IptJsonLimits { MaxDepth = 3 });
        Assert.Equal(new CourseJsonReader(new IptJsonLimits { MaxDepth = 3 }) { FastPath = false }.TryRead(bytes).Errors, reader.TryRead(bytes).Errors);
        Assert.False(reader.TryRead(bytes).Success);
    }

    [Fact]
    public void A_value_the_model_refuses_is_reported_by_the_mapper_as_before()
    {
        // Well-formed, so the fast path reads it; the model's invariants are checked after either path.
        var bytes = Encoding.UTF8.GetBytes("""{"schemaVersion":1,"protocol":"ipt","sessions":[{"number":0,"phase":"initial"}]}""");
        Assert.NotNull(CourseDocumentFastReader.TryRead(bytes, IptJsonLimits.DefaultMaxDepth));
        var result = CourseJson.TryRead(bytes);
        Assert.False(result.Success);
        Assert.Equal("$.sessions[0].number", Assert.Single(result.Errors).Path);
        Assert.Equal(SerializerOnly.TryRead(bytes).Errors, result.Errors);
    }

    private static void AssertFastAndSame(byte[] bytes)
    {
        var json = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        Assert.NotNull(CourseDocumentFastReader.TryRead(json, IptJsonLimits.DefaultMaxDepth));
        var fast = CourseJson.TryRead(bytes);
        var serializer = SerializerOnly.TryRead(bytes);
        Assert.Equal(serializer.Success, fast.Success);
        Assert.Equal(serializer.Value, fast.Value);
        Assert.Equal(serializer.Errors, fast.Errors);
    }
}
