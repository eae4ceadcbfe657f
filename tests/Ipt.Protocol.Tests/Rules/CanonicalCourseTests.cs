using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

public class CanonicalCourseTests
{
    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var protocol in BuiltInProtocols.All)
        {
            data.Add(protocol.Id.Value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Canonical_course_validates_with_no_errors_and_no_warnings(string id)
    {
        var course = SampleCourses.All[ProtocolId.From(id)];
        var report = RuleTestKit.Validator.Validate(course);
        Assert.True(report.IsClean, string.Join("\n", report.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Canonical_course_is_clean_with_a_technique_catalogue_too(string id)
    {
        var course = SampleCourses.All[ProtocolId.From(id)];
        var report = RuleTestKit.WithCatalogue.Validate(course);
        Assert.True(report.IsClean, string.Join("\n", report.Diagnostics));
    }
}
