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
    public void Canonical_course_validates_with_no_errors_and_no_warnings_under_the_built_in_catalogue(string id)
    {
        var course = SampleCourses.All[ProtocolId.From(id)];
        var report = RuleTestKit.Validator.Validate(course);
        Assert.True(report.IsClean, string.Join("\n", report.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Canonical_course_is_clean_with_the_small_test_catalogue_too(string id)
    {
        var course = SampleCourses.All[ProtocolId.From(id)];
        var report = RuleTestKit.WithCatalogue.Validate(course);
        Assert.True(report.IsClean, string.Join("\n", report.Diagnostics));
    }
}

public class GroupMeetingTests
{
    [Fact]
    public void Individual_meetings_of_group_ipt_at_mid_treatment_and_after_are_not_counted_as_group_sessions()
    {
        // The canonical course has the pre-group meeting, 20 group sessions and the two individual meetings.
        var course = Ipt.Protocol.Samples.SampleCourses.All[BuiltInProtocols.BingeEatingGroup.Id];
        Assert.Equal(23, course.Sessions.Count);
        Assert.Equal(2, course.Sessions.Count(s => s.Format == SessionFormat.Individual && s.Phase != Phase.PreTreatment));
        var timeline = CourseTimeline.Of(course, BuiltInProtocols.BingeEatingGroup);
        Assert.Equal(20, timeline.TreatmentCount);
        Assert.Equal(CourseStatus.Completed, timeline.Status);
        var report = RuleTestKit.WithCatalogue.Validate(course);
        Assert.True(report.IsClean, string.Join("\n", report.Diagnostics));
    }
}
