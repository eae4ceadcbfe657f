using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>
/// The fidelity checks of issue 15 (IPT0310-IPT0312, IPT0506, IPT0507, IPT0608) on records as hosts send
/// them: each judged only once its phase is over, missed sessions read as attendance.
/// </summary>
public class FidelityRuleTests
{
    private static readonly string[] FidelityIds = ["IPT0310", "IPT0311", "IPT0312", "IPT0506", "IPT0507", "IPT0608"];

    private static string[] Ids(Course course) => [.. RuleTestKit.WithCatalogue.Validate(course).Diagnostics.Select(d => d.Id)];

    private static Course Record(string name) => SampleCourses.Records.Single(r => r.Name == name).Course;

    public static TheoryData<string> RecordNames() => [.. SampleCourses.Records.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void No_sample_record_raises_a_fidelity_finding(string name) =>
        Assert.Empty(Ids(Record(name)).Intersect(FidelityIds));

    [Fact]
    public void Nothing_is_judged_before_its_phase_is_over()
    {
        // Standard IPT fetched at session 3 (the initial phase), with no initial task recorded yet.
        var standard = SampleCourses.Standard;
        var atSession3 = standard with
        {
            Sessions = ValueList.From(standard.Sessions.Where(s => s.Number <= 3).Select(s => s with { Tasks = [SessionTask.RiskReview] })),
            Lifecycle = new CourseLifecycle(CourseStatus.Active),
        };
        Assert.Empty(Ids(atSession3).Intersect(FidelityIds));

        // Fetched at session 9 (the middle phase), with no focus strategy and no time-limit reminder so far.
        var atSession9 = standard with
        {
            Sessions = ValueList.From(standard.Sessions.Where(s => s.Number <= 9).Select(s => s.Without("nonreciprocal-expectations").Without("role-play").Without(SessionTask.TimeLimitReminder))),
            Lifecycle = new CourseLifecycle(CourseStatus.Active),
        };
        var ids = Ids(atSession9);
        Assert.DoesNotContain("IPT0506", ids);
        Assert.DoesNotContain("IPT0507", ids);
    }

    [Fact]
    public void A_course_that_ended_early_in_the_middle_phase_is_not_judged_on_the_middle_or_termination_phase()
    {
        var dropout = Record("ended-early-after-6").EditAll(s => s.Without(SessionTask.TimeLimitReminder).Without("nonreciprocal-expectations"));
        var ids = Ids(dropout);
        Assert.DoesNotContain("IPT0506", ids);
        Assert.DoesNotContain("IPT0507", ids);
        Assert.DoesNotContain("IPT0608", ids);
        Assert.Contains("IPT0607", ids);
    }

    [Fact]
    public void Missed_middle_phase_sessions_are_attendance_not_a_focus_drift()
    {
        // Five of the ten middle-phase appointments missed; the five attended all keep to the focus.
        var course = SampleCourses.Standard;
        foreach (var number in new[] { 5, 7, 9, 11, 13 })
        {
            course = course.WithSession(number, s => new Session(number, s.Phase) { Date = s.Date, Status = SessionStatus.Missed });
        }

        Assert.DoesNotContain("IPT0506", Ids(course));
    }

    [Fact]
    public void A_focus_area_without_strategies_in_the_catalogue_is_not_judged_on_the_share()
    {
        var ipsrt = SampleCourses.All[BuiltInProtocols.SocialRhythm.Id]
            .EditFormulation(f => f with { Areas = [new FocusArea(ProblemArea.LostHealthySelf)] })
            .EditAll(s => s.Without("nonreciprocal-expectations").Without("role-play"));
        Assert.DoesNotContain("IPT0506", Ids(ipsrt));
    }

    [Fact]
    public void The_share_of_focus_sessions_is_a_protocol_parameter()
    {
        // 6 of the 10 middle-phase sessions keep to the focus: enough for 50 %, not for 75 %.
        var course = SampleCourses.Standard.EditAll(s => s.Number is >= 4 and <= 7 ? s.Without("nonreciprocal-expectations").Without("role-play") : s);
        Assert.DoesNotContain("IPT0506", Ids(course));
        var strict = BuiltInProtocols.Standard with { Id = ProtocolId.From("ipt-strict"), FocusStrategyPercent = 75 };
        var finding = Assert.Single(RuleTestKit.WithCatalogue.Validate(course, strict).Diagnostics, d => d.Id == "IPT0506");
        Assert.Equal("6 of the 10 held middle-phase sessions use a strategy of a focus area; the ipt-strict protocol keeps to the focus in at least 75% of them.", finding.Message);
    }

    [Fact]
    public void Going_on_with_the_inventory_in_the_middle_phase_is_not_a_late_start()
    {
        var course = SampleCourses.Standard.WithSession(6, s => s.PlusTask(SessionTask.InterpersonalInventory));
        Assert.DoesNotContain("IPT0310", Ids(course));
    }

    [Fact]
    public void Raising_the_ending_in_the_middle_phase_recalls_the_time_limit()
    {
        // The standard sample raises the ending at session 12, in the middle phase.
        var course = SampleCourses.Standard.EditAll(s => s.Without(SessionTask.TimeLimitReminder));
        Assert.DoesNotContain("IPT0507", Ids(course));
    }
}
