using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Model;

public class SampleCourseTests
{
    [Fact]
    public void Every_built_in_variant_has_a_canonical_course_with_every_session_held()
    {
        foreach (var protocol in BuiltInProtocols.All)
        {
            var course = SampleCourses.All[protocol.Id];
            Assert.Equal(protocol.Id, course.Protocol);
            // Group IPT for binge eating adds its individual meetings at mid-treatment and after the last group session.
            var meetings = (protocol.Requires(ProtocolRequirement.MidTreatmentIndividualMeeting) ? 1 : 0) + (protocol.Requires(ProtocolRequirement.PostTreatmentIndividualMeeting) ? 1 : 0);
            Assert.Equal(protocol.Sessions.Default + protocol.PreTreatmentSessions.Default + meetings, course.Sessions.Count);
            Assert.All(course.Sessions, s => Assert.True(s.IsHeld));
        }
    }

    [Fact]
    public void Building_the_same_canonical_course_twice_gives_equal_values()
    {
        var a = SampleCourses.Canonical(BuiltInProtocols.Standard);
        var b = SampleCourses.Canonical(BuiltInProtocols.Standard);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotSame(a, b);
    }
}
