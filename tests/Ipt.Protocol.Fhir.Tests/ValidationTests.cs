using Hl7.Fhir.Model;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>What the package writes parses back strictly and has no error against the base R4 profiles (Firely validator, offline).</summary>
public class ValidationTests
{
    [Theory]
    [MemberData(nameof(Fhir.ExampleCourses), MemberType = typeof(Fhir))]
    public void Every_example_course_bundle_is_valid_R4_minimum_necessary_and_with_everything(string path)
    {
        var course = Fhir.ReadExample(path);
        var context = CourseExportContext.ForPatient("Patient/example");
        foreach (var options in new[] { IptFhirOptions.Default, IptFhirOptions.Default.WithEverything() with { Transaction = true } })
        {
            var bundle = new IptFhirMapper(options).ToBundle(course, context);
            AssertValid(bundle);
        }
    }

    [Fact]
    public void A_bundle_without_a_patient_is_valid_and_says_the_subject_is_unknown()
    {
        var bundle = IptFhirMapper.Default.ToBundle(Fhir.ReadExample("docs/examples/standard.course.json"));
        AssertValid(bundle);
        var plan = Assert.IsType<CarePlan>(bundle.Entry[0].Resource);
        Assert.Equal("unknown", (plan.Subject.GetExtension(IptFhirUris.DataAbsentReason)?.Value as Code)?.Value);
    }

    [Fact]
    public void Every_built_in_protocol_is_a_valid_plan_definition()
    {
        foreach (var protocol in BuiltInProtocols.All)
        {
            AssertValid(IptFhirMapper.Default.ToPlanDefinition(protocol));
        }
    }

    [Theory]
    [MemberData(nameof(Fhir.ExampleCourses), MemberType = typeof(Fhir))]
    public void Every_example_report_is_a_valid_operation_outcome(string path)
    {
        var report = CourseValidator.Default.Validate(Fhir.ReadExample(path));
        AssertValid(IptFhirMapper.ToOperationOutcome(report));
    }

    private static void AssertValid(Resource resource)
    {
        var parsed = Fhir.ParseStrict<Resource>(Fhir.ToJson(resource));
        var errors = Fhir.Errors(parsed);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
