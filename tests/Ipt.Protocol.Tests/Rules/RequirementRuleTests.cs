using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>
/// The rules that read the variants' declared requirements (issue 15), judged on records as hosts send
/// them: nothing before it is due, no false alarm on attendance, make-ups or records fetched mid-course.
/// </summary>
public class RequirementRuleTests
{
    private static readonly CourseValidator Validator = RuleTestKit.Validator;

    private static Course Of(ProtocolDefinition protocol) => SampleCourses.All[protocol.Id];

    private static string[] Ids(Course course) => [.. Validator.Validate(course).Diagnostics.Select(d => d.Id)];

    private static Course Dated(Course course, params (int Number, int Day)[] dates)
    {
        foreach (var (number, day) in dates)
        {
            course = course.WithSession(number, s => s with { Date = SampleCourses.Start.PlusDays(day) });
        }

        return course;
    }

    [Fact]
    public void Standard_ipt_may_meet_twice_weekly_in_the_initial_phase_but_not_after_it()
    {
        // Sessions 1-3 twice weekly (days 0, 3, 7), then weekly.
        var early = Dated(Of(BuiltInProtocols.Standard), (1, 0), (2, 3), (3, 7));
        Assert.DoesNotContain("IPT0114", Ids(early));

        // The same pattern in IPT-B, which does not allow it.
        var brief = Dated(Of(BuiltInProtocols.Brief), (1, 0), (2, 3), (3, 7));
        Assert.Contains("IPT0114", Ids(brief));

        // Twice weekly into the middle phase of standard IPT: sessions 3, 4 and 5 on days 14, 17 and 21.
        var late = Dated(Of(BuiltInProtocols.Standard), (4, 17), (5, 21));
        Assert.Contains("IPT0114", Ids(late));
    }

    [Fact]
    public void A_make_up_or_one_moved_session_is_not_a_pattern_of_frequent_sessions()
    {
        // IPT-A: the member missed session 6 and made it up three days later (the sample record).
        var madeUp = SampleCourses.Records.Single(r => r.Name == "adolescent-missed-and-made-up").Course;
        Assert.DoesNotContain("IPT0114", Ids(madeUp));

        // IPT-B: session 4 moved from Monday to Thursday; session 5 on the next Monday (one short gap).
        var moved = Dated(Of(BuiltInProtocols.Brief), (4, 24));
        Assert.DoesNotContain("IPT0114", Ids(moved));

        // Missed appointments are not read.
        var missed = Of(BuiltInProtocols.Brief).WithSession(4, s => new Session(4, s.Phase) { Date = SampleCourses.Start.PlusDays(17), Status = SessionStatus.Missed });
        Assert.DoesNotContain("IPT0114", Ids(Dated(missed, (5, 19))));
    }

    [Fact]
    public void Maintenance_ipt_is_not_judged_on_frequency()
    {
        Assert.DoesNotContain(BuiltInRules.All, r => r.Descriptor.Id == "IPT0114" && r.AppliesTo(BuiltInProtocols.Maintenance));
    }

    [Theory]
    [InlineData("ipt-a", SessionFormat.Joint)]
    [InlineData("ipt-perinatal", SessionFormat.Individual)]
    [InlineData("ipt", SessionFormat.Individual)]
    public void A_format_the_variant_allows_is_not_reported(string protocol, SessionFormat format)
    {
        var course = SampleCourses.All[ProtocolId.From(protocol)].WithSession(5, s => s with { Format = format });
        Assert.DoesNotContain("IPT0115", Ids(course));
    }

    [Fact]
    public void Pre_group_and_individual_meetings_of_group_ipt_are_not_judged_on_format()
    {
        Assert.DoesNotContain("IPT0115", Ids(SampleCourses.Records.Single(r => r.Name == "who-group-pre-group-assessment").Course));
        Assert.DoesNotContain("IPT0115", Ids(Of(BuiltInProtocols.BingeEatingGroup)));
        Assert.Contains("IPT0115", Ids(Of(BuiltInProtocols.WhoGroup).WithSession(4, s => s with { Format = SessionFormat.Joint })));
    }

    [Fact]
    public void Maintenance_may_take_its_baseline_from_the_end_of_the_acute_course()
    {
        var maintenance = Of(BuiltInProtocols.Maintenance);
        Assert.DoesNotContain("IPT0806", Ids(maintenance));
        var atCaseness = maintenance.PlusAssessment(new Assessment(AssessmentOccasion.Intake, SampleCourses.Start.PlusDays(-7)) { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 14)] });
        var finding = Assert.Single(Validator.Validate(atCaseness).Diagnostics, d => d.Id == "IPT0806");
        Assert.Equal("$.assessments[0].measures[0]", finding.Path.ToString());
        Assert.Equal("The ipt-m protocol follows an acute course that responded, but the first phq-9 score (14) is at or above caseness (10).", finding.Message);
    }

    [Fact]
    public void A_triage_course_that_ends_below_caseness_needs_no_decision_on_further_treatment()
    {
        var transient = Of(BuiltInProtocols.VeryBrief).EditAll(s => s.Without(SessionTask.ContinuationDiscussed));
        var ids = Ids(transient);
        Assert.DoesNotContain("IPT0807", ids);
        Assert.DoesNotContain("IPT0605", ids);

        // Still at caseness while the course is in progress: not yet due.
        var active = transient.WithSession(3, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 14)] })
            with { Lifecycle = new CourseLifecycle(CourseStatus.Active) };
        Assert.DoesNotContain("IPT0807", Ids(active));
        Assert.Contains("IPT0807", Ids(active with { Lifecycle = new CourseLifecycle(CourseStatus.Completed) }));
    }

    [Fact]
    public void The_individual_meetings_of_group_ipt_are_not_due_before_their_time()
    {
        var course = Of(BuiltInProtocols.BingeEatingGroup);
        var withoutMeetings = course with { Sessions = ValueList.From(course.Sessions.Where(s => s.Phase == Phase.PreTreatment || s.Format == SessionFormat.Group)) };
        withoutMeetings = withoutMeetings with { Sessions = ValueList.From(withoutMeetings.Sessions.Select((s, k) => s with { Number = k + 1 })) };

        // Fetched at group session 14 (session 15), in the middle phase: neither meeting is due.
        var midCourse = withoutMeetings with
        {
            Sessions = ValueList.From(withoutMeetings.Sessions.Where(s => s.Number <= 15)),
            Lifecycle = new CourseLifecycle(CourseStatus.Active),
        };
        var ids = Ids(midCourse);
        Assert.DoesNotContain("IPT0808", ids);
        Assert.DoesNotContain("IPT0809", ids);

        // A dropout in the middle phase is its own finding, not a missed meeting.
        var dropout = midCourse with { Lifecycle = new CourseLifecycle(CourseStatus.EndedEarly) { EndReason = EndReason.PatientWithdrew } };
        ids = Ids(dropout);
        Assert.DoesNotContain("IPT0808", ids);
        Assert.Contains("IPT0607", ids);

        // The whole course without either meeting: both are reported.
        ids = Ids(withoutMeetings);
        Assert.Contains("IPT0808", ids);
        Assert.Contains("IPT0809", ids);
    }

    [Fact]
    public void A_mid_treatment_meeting_the_member_missed_was_offered()
    {
        var course = Of(BuiltInProtocols.BingeEatingGroup).WithSession(12, s => s with { Status = SessionStatus.Missed });
        Assert.DoesNotContain("IPT0808", Ids(course));
    }

    [Fact]
    public void Supervision_is_judged_only_on_a_finished_record_that_says_who_delivered_it()
    {
        var record = SampleCourses.Records.Single(r => r.Name == "group-members-present").Course;
        Assert.DoesNotContain("IPT0810", Ids(record));
        Assert.Contains("IPT0810", Ids(record with { Supervision = [] }));
        Assert.DoesNotContain("IPT0810", Ids(record with { Supervision = [], Lifecycle = new CourseLifecycle(CourseStatus.Active) }));
        Assert.DoesNotContain("IPT0810", Ids(Of(BuiltInProtocols.WhoGroup)));
    }

    [Fact]
    public void Fewer_members_present_is_attendance_not_the_groups_size()
    {
        var record = SampleCourses.Records.Single(r => r.Name == "group-members-present").Course;
        var fewPresent = record.WithSession(5, s => s with { Group = new SessionGroup { MembersPresent = 3 } });
        Assert.DoesNotContain("IPT0811", Ids(fewPresent));
        Assert.DoesNotContain("IPT0811", Ids(fewPresent with { Group = null }));
        Assert.Contains("IPT0811", Ids(record with { Group = record.Group! with { MembersAtStart = 4 } }));
    }

    [Fact]
    public void The_closeness_circle_may_be_recorded_as_rings_on_the_inventory()
    {
        var course = Of(BuiltInProtocols.Adolescent).EditAll(s => s.Without(SessionTask.ClosenessCircle).Without("closeness-circle"));
        Assert.DoesNotContain("IPT0812", Ids(course));
    }
}
