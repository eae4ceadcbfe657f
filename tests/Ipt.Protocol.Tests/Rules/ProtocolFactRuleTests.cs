using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using NodaTime;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>The corrected protocol facts of issue 15, as the rules read them.</summary>
public class ProtocolFactRuleTests
{
    private static readonly CourseValidator Validator = RuleTestKit.Validator;

    private static Course Of(ProtocolDefinition protocol) => SampleCourses.All[protocol.Id];

    private static string[] Ids(Course course, ProtocolDefinition? protocol = null) =>
        [.. (protocol is null ? Validator.Validate(course) : Validator.Validate(course, protocol)).Diagnostics.Select(d => d.Id)];

    [Fact]
    public void A_faithful_perinatal_record_of_60_minute_sessions_is_not_a_length_departure()
    {
        var course = Of(BuiltInProtocols.Perinatal).EditAll(s => s with { Length = Duration.FromMinutes(60) });
        Assert.DoesNotContain("IPT0106", Ids(course));
        Assert.Contains("IPT0106", Ids(course.Edit(4, s => s with { Length = Duration.FromMinutes(75) })));
    }

    [Fact]
    public void An_antenatal_contract_of_16_sessions_is_within_the_perinatal_range()
    {
        var course = Of(BuiltInProtocols.Perinatal).EditContract(k => k with { Sessions = 16 });
        Assert.DoesNotContain("IPT0101", Ids(course with { Lifecycle = new CourseLifecycle(CourseStatus.Active) }));
    }

    [Fact]
    public void Ipsrt_recognises_grief_for_the_lost_healthy_self_and_the_other_variants_report_it()
    {
        static Course Healthy(Course c) => c.EditFormulation(f => f with { Areas = [new FocusArea(ProblemArea.LostHealthySelf)] });
        Assert.DoesNotContain("IPT0408", Ids(Healthy(Of(BuiltInProtocols.SocialRhythm))));
        foreach (var protocol in BuiltInProtocols.All.Where(p => p != BuiltInProtocols.SocialRhythm))
        {
            Assert.Contains("IPT0408", Ids(Healthy(Of(protocol))));
        }

        // A host variant that adds the area recognises it.
        var host = BuiltInProtocols.Standard with { Id = ProtocolId.From("ipt-host"), ProblemAreas = [.. BuiltInProtocols.Standard.ProblemAreas, ProblemArea.LostHealthySelf] };
        Assert.DoesNotContain("IPT0408", Ids(Healthy(Of(BuiltInProtocols.Standard)), host));
    }

    [Fact]
    public void The_social_rhythm_metric_is_due_from_the_initial_phase_but_not_at_the_first_session()
    {
        var ipsrt = Of(BuiltInProtocols.SocialRhythm);
        Assert.DoesNotContain(ipsrt.Sessions[0].Measures, m => m.Instrument == BuiltInInstruments.Srm5.Id);
        Assert.DoesNotContain("IPT0804", Ids(ipsrt));

        static Session WithoutSrm(Session s) => s with { Measures = ValueList.From(s.Measures.Where(m => m.Instrument != BuiltInInstruments.Srm5.Id)) };
        var noInitialSrm = ipsrt.Edit(2, WithoutSrm).Edit(3, WithoutSrm).Edit(4, WithoutSrm);
        Assert.Equal(3, Ids(noInitialSrm).Count(id => id == "IPT0804"));

        // A variant that reads the metric from the middle phase (ipsrt.org's intermediate stage) does not judge the initial phase.
        var fromMiddle = BuiltInProtocols.SocialRhythm with { Id = ProtocolId.From("ipsrt-middle"), SocialRhythmMetricFrom = Phase.Middle };
        Assert.DoesNotContain("IPT0804", Ids(noInitialSrm, fromMiddle));
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInProtocols.SocialRhythm with { SocialRhythmMetricFrom = Phase.Termination });
    }

    [Fact]
    public void A_missed_first_session_moves_the_first_social_rhythm_metric_to_the_next_attended_one()
    {
        var ipsrt = Of(BuiltInProtocols.SocialRhythm);
        var missed = ipsrt.Edit(1, s => new Session(1, s.Phase) { Date = s.Date, Status = SessionStatus.Missed })
            .Edit(2, s => s with { Measures = ValueList.From(s.Measures.Where(m => m.Instrument != BuiltInInstruments.Srm5.Id)) });
        Assert.DoesNotContain("IPT0804", Ids(missed));
    }
}
