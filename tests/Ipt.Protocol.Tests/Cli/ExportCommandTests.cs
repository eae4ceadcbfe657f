using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Cli;

/// <summary><c>ipt export fhir</c> and <c>ipt validate --format fhir</c>: the output parses strictly with the Firely SDK (the mapping itself is tested in Ipt.Protocol.Fhir.Tests).</summary>
public sealed class ExportCommandTests : IDisposable
{
    private const string Standard = "docs/examples/standard.course.json";
    private const string Id = "0f5c2d47-3a8e-4b9f-9c1d-2e6f7a8b9c0d";
    private static readonly JsonSerializerOptions Strict = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Strict);
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void A_course_is_exported_as_a_bundle_minimum_necessary_by_default()
    {
        var (code, output, error) = SampleDocumentTests.RunInRepository("export", "fhir", Standard, "--patient", "Patient/123", "--bundle-id", Id);
        Assert.True(code == 0, error);
        var bundle = Parse<Bundle>(output);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var plan = Assert.IsType<CarePlan>(bundle.Entry[0].Resource);
        Assert.Equal("Patient/123", plan.Subject.Reference);
        Assert.DoesNotContain(bundle.Entry, e => e.Resource is RelatedPerson);
        Assert.DoesNotContain("Low mood", output, StringComparison.Ordinal);
        Assert.Equal(output, SampleDocumentTests.RunInRepository("export", "fhir", Standard, "--patient", "Patient/123", "--bundle-id", Id).Output);
    }

    [Fact]
    public void Free_text_and_the_inventory_go_out_when_asked_and_a_transaction_when_asked()
    {
        var (code, output, _) = SampleDocumentTests.RunInRepository("export", "fhir", Standard, "--free-text", "--inventory", "--transaction");
        Assert.Equal(0, code);
        var bundle = Parse<Bundle>(output);
        Assert.Equal(Bundle.BundleType.Transaction, bundle.Type);
        Assert.Contains(bundle.Entry, e => e.Resource is RelatedPerson);
        Assert.Contains("Low mood", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_the_file()
    {
        var target = files.PathOf("bundle.json");
        var (code, output, _) = CliRunner.Run("export", "fhir", files.Course("c.course.json", SampleCourses.Standard), "--out", target);
        Assert.Equal(0, code);
        Assert.Equal($"{target}: written.\n", output);
        Assert.IsType<CarePlan>(Parse<Bundle>(File.ReadAllText(target)).Entry[0].Resource);
    }

    [Fact]
    public void A_protocol_is_exported_as_a_plan_definition_under_the_canonical_base()
    {
        var (code, output, _) = CliRunner.Run("export", "fhir", "--protocol", "ipt-a");
        Assert.Equal(0, code);
        Assert.Equal("https://ipt-protocol.github.io/fhir/PlanDefinition/ipt-a", Parse<PlanDefinition>(output).Url);
        var (_, other, _) = CliRunner.Run("export", "fhir", "--protocol", "ipt-a", "--canonical-base", "https://clinic.example.org/fhir");
        Assert.Equal("https://clinic.example.org/fhir/PlanDefinition/ipt-a", Parse<PlanDefinition>(other).Url);
    }

    [Theory]
    [InlineData("export", "fhir")]
    [InlineData("export", "fhir", "docs/examples/standard.course.json", "--protocol", "ipt")]
    [InlineData("export", "fhir", "--protocol", "no-such-variant")]
    [InlineData("export", "fhir", "--protocol", "ipt", "--canonical-base", "not a url")]
    [InlineData("export", "fhir", "docs/examples/mistakes/malformed.json")]
    [InlineData("export", "fhir", "--frmat")]
    public void Bad_usage_and_unreadable_files_exit_with_2(params string[] args)
    {
        var (code, output, error) = SampleDocumentTests.RunInRepository(args);
        Assert.Equal(2, code);
        Assert.DoesNotContain("resourceType", output, StringComparison.Ordinal);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Validate_writes_an_operation_outcome_for_one_file_and_a_bundle_of_them_for_several()
    {
        var (code, output, _) = SampleDocumentTests.RunInRepository("validate", "docs/examples/mistakes/role-dispute-without-stage.course.json", "--format", "fhir");
        Assert.Equal(1, code);
        var outcome = Parse<OperationOutcome>(output);
        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error && i.Details!.Coding[0].Code!.StartsWith("IPT", StringComparison.Ordinal));

        var (several, text, _) = SampleDocumentTests.RunInRepository("validate", Standard, "docs/examples/mistakes/malformed.json", "--format", "fhir");
        Assert.Equal(2, several);
        var bundle = Parse<Bundle>(text);
        Assert.Equal(2, bundle.Entry.Count);
        var clean = Assert.IsType<OperationOutcome>(bundle.Entry[0].Resource);
        Assert.Equal(OperationOutcome.IssueType.Informational, Assert.Single(clean.Issue).Code);
        var unreadable = Assert.IsType<OperationOutcome>(bundle.Entry[1].Resource);
        Assert.All(unreadable.Issue, i => Assert.Equal(OperationOutcome.IssueSeverity.Fatal, i.Severity));
    }

    private static T Parse<T>(string json)
        where T : Resource => JsonSerializer.Deserialize<T>(json, Strict)!;
}
