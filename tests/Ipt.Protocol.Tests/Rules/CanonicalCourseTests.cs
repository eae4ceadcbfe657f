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
        var course = Ipt.Protocol.Samples.SampleCourses.All[BuiltInProtocols.BingeEatingGroup.Id];
        var sessions = course.Sessions.ToList();
        var group10 = sessions[10];
        var last = sessions[^1];
        sessions.Insert(11, new Session(12, Phase.Middle) { Date = group10.Date!.Value.PlusDays(3), Format = SessionFormat.Individual, Status = SessionStatus.Held, Length = NodaTime.Duration.FromMinutes(50) });
        sessions.Add(new Session(23, Phase.Termination) { Date = last.Date!.Value.PlusDays(7), Format = SessionFormat.Individual, Status = SessionStatus.Held, Length = NodaTime.Duration.FromMinutes(50) });
        var renumbered = course with { Sessions = ValueList.From(sessions.Select((s, k) => s with { Number = k + 1 })) };
        var report = RuleTestKit.WithCatalogue.Validate(renumbered);
        Assert.True(report.IsClean, string.Join("\n", report.Diagnostics));
    }
}
