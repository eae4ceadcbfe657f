using System.Text.Json;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;
using Ipt.Protocol.Tests.Cli;
using Ipt.Protocol.Tests.Docs;
using Json.Schema;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>
/// Every shipped example document is valid against the published schema, checked by an independent
/// JSON Schema implementation (JsonSchema.Net, draft 2020-12, formats asserted): a host that
/// validates its documents with docs/schema accepts what the docs show.
/// </summary>
public class ExampleSchemaTests
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static readonly Lazy<JsonSchema> CourseSchema = new(() => Load("docs/schema/course.schema.json"));
    private static readonly Lazy<JsonSchema> CatalogueSchema = new(() => Load("docs/schema/catalogue.schema.json"));

    /// <summary>Every course document under docs/examples, found on disk so a new example is checked without a code change.</summary>
    public static TheoryData<string> CourseExamples() => [.. Find("*.course.json")];

    /// <summary>Every catalogue document under docs/examples.</summary>
    public static TheoryData<string> CatalogueExamples() => [.. Find("*catalogue*.json")];

    [Theory]
    [MemberData(nameof(CourseExamples))]
    public void Each_course_example_is_valid_against_the_course_schema(string path) =>
        AssertValid(CourseSchema.Value, RepoFiles.Read(path), path);

    [Theory]
    [MemberData(nameof(CatalogueExamples))]
    public void Each_catalogue_example_is_valid_against_the_catalogue_schema(string path) =>
        AssertValid(CatalogueSchema.Value, RepoFiles.Read(path), path);

    [Fact]
    public void The_built_in_catalogue_as_written_is_valid_against_the_catalogue_schema() =>
        AssertValid(CatalogueSchema.Value, CatalogueJson.Default.WriteToString("Built-in", BuiltInTechniques.All), "built-in catalogue");

    [Fact]
    public void Every_sample_document_is_among_the_examples_checked()
    {
        var found = Find("*.course.json").ToHashSet(StringComparer.Ordinal);
        Assert.All(SampleDocumentTests.Documents(), d => Assert.Contains(d.Path, found));
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "protocol": "ipt", "extra": 1 }""", "/extra")]
    [InlineData("""{ "schemaVersion": 1, "protocol": "ipt", "sessions": [{ "number": 1, "phase": "initial", "date": "2026-02-30" }] }""", "/sessions/0/date")]
    [InlineData("""{ "schemaVersion": 1, "protocol": "ipt", "sessions": [{ "number": 1, "phase": "middling" }] }""", "/sessions/0/phase")]
    [InlineData("""{ "protocol": "ipt" }""", "")]
    public void A_document_against_the_schema_is_rejected_at_its_place(string json, string location)
    {
        var result = Evaluate(CourseSchema.Value, json);
        Assert.False(result.IsValid);
        Assert.Contains(Failures(result), f => f.Location == location);
    }

    private static JsonSchema Load(string path) =>
        JsonSchema.FromText(RepoFiles.Read(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static IEnumerable<string> Find(string pattern)
    {
        var root = RepoFiles.PathOf("docs/examples");
        return Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Select(f => "docs/examples/" + Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }

    private static EvaluationResults Evaluate(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return schema.Evaluate(document.RootElement, Options);
    }

    private static IEnumerable<(string Location, string Message)> Failures(EvaluationResults result) =>
        ((IEnumerable<EvaluationResults>)[result, .. result.Details ?? []]).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (d.InstanceLocation.ToString(), $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    private static void AssertValid(JsonSchema schema, string json, string name)
    {
        var result = Evaluate(schema, json);
        Assert.True(result.IsValid, $"{name}:\n{string.Join("\n", Failures(result).Select(f => f.Message))}");
    }
}
