using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>
/// The Firely SDK as the judge: JSON written and parsed back in strict mode, and the validator over
/// the base R4 profiles from the specification.zip package (offline). The validator is built once.
/// </summary>
internal static class Fhir
{
    private static readonly JsonSerializerOptions Write = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();
    private static readonly JsonSerializerOptions Strict = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Strict);
    private static readonly Lazy<(IAsyncResourceResolver Resolver, Validator Validator)> Validation = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return (resolver, new Validator(resolver, new LocalTerminologyService(resolver)));
    });

    /// <summary>Gets the resolver over the R4 specification.zip (the base profiles, extensions and HL7 code systems).</summary>
    public static IAsyncResourceResolver Specification => Validation.Value.Resolver;

    public static string ToJson(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Write);

    /// <summary>Parses JSON back with the Firely parser in strict mode (throws DeserializationFailedException on any error).</summary>
    public static T ParseStrict<T>(string json)
        where T : Resource => JsonSerializer.Deserialize<T>(json, Strict)!;

    /// <summary>The error and fatal issues of validating against the base R4 profiles.</summary>
    public static List<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Validation)
        {
            outcome = Validation.Value.Validator.Validate(resource);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text}")];
    }

    /// <summary>Every shipped course document (docs/examples/**/*.course.json), by path relative to the repository.</summary>
    public static TheoryData<string> ExampleCourses() => [.. ExamplePaths()];

    public static IEnumerable<string> ExamplePaths()
    {
        var root = RepositoryRoot;
        return Directory.EnumerateFiles(Path.Combine(root, "docs", "examples"), "*.course.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    public static Course ReadExample(string relativePath) =>
        CourseJson.Default.TryRead(File.ReadAllBytes(Path.Combine(RepositoryRoot, relativePath))).GetValueOrThrow();

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ipt.Protocol.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Ipt.Protocol.sln) was not found above the test folder.");
    }
}
