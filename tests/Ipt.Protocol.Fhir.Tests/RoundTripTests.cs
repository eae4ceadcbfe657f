using Hl7.Fhir.Model;
using Ipt.Protocol.Tests.Robustness;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>
/// Course → Bundle → JSON → strict parse → Course gives the same course, for every shipped example
/// and for generated courses that use every value the model accepts: a model member the mapping
/// does not carry fails here.
/// </summary>
public class RoundTripTests
{
    private static readonly IptFhirMapper Everything = new(IptFhirOptions.Default.WithEverything());

    [Theory]
    [MemberData(nameof(Fhir.ExampleCourses), MemberType = typeof(Fhir))]
    public void Every_example_course_comes_back_equal(string path)
    {
        var course = Fhir.ReadExample(path);
        AssertRoundTrip(Everything, course);
    }

    [Theory]
    [MemberData(nameof(Fhir.ExampleCourses), MemberType = typeof(Fhir))]
    public void Every_example_course_comes_back_equal_from_a_transaction(string path)
    {
        var course = Fhir.ReadExample(path);
        AssertRoundTrip(new IptFhirMapper(Everything.Options with { Transaction = true }), course);
    }

    [Fact]
    public void Generated_courses_with_every_model_value_come_back_equal()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var course = CourseGenerator.Build(seed);
            AssertRoundTrip(Everything, course, seed);
        }
    }

    [Fact]
    public void The_same_bundle_id_gives_the_same_bundle_and_a_new_one_other_urls()
    {
        var course = Fhir.ReadExample("docs/examples/standard.course.json");
        var id = new Guid("0f5c2d47-3a8e-4b9f-9c1d-2e6f7a8b9c0d");
        var first = Fhir.ToJson(Everything.ToBundle(course, new CourseExportContext { BundleId = id }));
        var second = Fhir.ToJson(Everything.ToBundle(course, new CourseExportContext { BundleId = id }));
        var other = Fhir.ToJson(Everything.ToBundle(course));
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    internal static void AssertRoundTrip(IptFhirMapper mapper, Course course, int? seed = null)
    {
        var bundle = mapper.ToBundle(course, CourseExportContext.ForPatient("Patient/example"));
        var parsed = Fhir.ParseStrict<Bundle>(Fhir.ToJson(bundle));
        var result = mapper.ToCourse(parsed);
        Assert.True(result.Issues.IsEmpty, $"seed {seed}: " + string.Join("\n", result.Issues));
        Assert.Equal("Patient/example", result.Patient?.Reference);
        if (!Equals(course, result.Course))
        {
            Assert.Fail($"seed {seed}: the course differs after the round trip:\n" + Difference(course, result.Course!));
        }
    }

    /// <summary>Names the first member that differs (values of the document are test data, so they may be shown).</summary>
    private static string Difference(Course expected, Course actual)
    {
        var a = Ipt.Protocol.Serialization.CourseJson.Default.WriteToString(expected).Split('\n');
        var b = Ipt.Protocol.Serialization.CourseJson.Default.WriteToString(actual).Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end>";
            var y = i < b.Length ? b[i] : "<end>";
            if (x != y)
            {
                return $"line {i + 1}: expected {x.Trim()} actual {y.Trim()}";
            }
        }

        return "the JSON is the same; a value outside the document differs";
    }
}
