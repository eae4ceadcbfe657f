using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Tests.Protocols;

public class PhaseTests
{
    [Theory]
    [InlineData(1, Phase.Initial)]
    [InlineData(3, Phase.Initial)]
    [InlineData(4, Phase.Middle)]
    [InlineData(13, Phase.Middle)]
    [InlineData(14, Phase.Termination)]
    [InlineData(16, Phase.Termination)]
    public void Standard_ipt_of_16_sessions_splits_3_10_3(int session, Phase expected) =>
        Assert.Equal(expected, BuiltInProtocols.Standard.PhaseOf(session));

    [Fact]
    public void A_session_beyond_the_course_has_no_phase() =>
        Assert.Null(BuiltInProtocols.Standard.PhaseOf(17));

    [Fact]
    public void Session_number_0_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInProtocols.Standard.PhaseOf(0));

    [Fact]
    public void A_shorter_contract_moves_termination_earlier()
    {
        Assert.Equal(Phase.Middle, BuiltInProtocols.Standard.PhaseOf(9, treatmentSessions: 12));
        Assert.Equal(Phase.Termination, BuiltInProtocols.Standard.PhaseOf(10, treatmentSessions: 12));
    }

    [Fact]
    public void Brief_ipt_splits_2_4_2_and_counts_an_engagement_session_first()
    {
        var p = BuiltInProtocols.Brief;
        Assert.Equal([Phase.Initial, Phase.Initial, Phase.Middle, Phase.Middle, Phase.Middle, Phase.Middle, Phase.Termination, Phase.Termination], Enumerable.Range(1, 8).Select(n => p.PhaseOf(n)!.Value));
        Assert.Equal(Phase.PreTreatment, p.PhaseOf(1, preTreatmentSessions: 1));
        Assert.Equal(Phase.Initial, p.PhaseOf(2, preTreatmentSessions: 1));
        Assert.Equal(Phase.Termination, p.PhaseOf(9, preTreatmentSessions: 1));
    }

    [Fact]
    public void Adolescent_ipt_splits_4_4_4() =>
        Assert.Equal(
            [new PhaseSpan(Phase.Initial, 1, 4), new PhaseSpan(Phase.Middle, 5, 8), new PhaseSpan(Phase.Termination, 9, 12)],
            BuiltInProtocols.Adolescent.PhaseSpans());

    [Fact]
    public void Who_group_ipt_has_a_pre_group_meeting_then_8_group_sessions() =>
        Assert.Equal(
            [new PhaseSpan(Phase.PreTreatment, 1, 1), new PhaseSpan(Phase.Initial, 2, 2), new PhaseSpan(Phase.Middle, 3, 8), new PhaseSpan(Phase.Termination, 9, 9)],
            BuiltInProtocols.WhoGroup.PhaseSpans());

    [Fact]
    public void Binge_eating_group_ipt_splits_5_10_5_after_the_pre_group_meeting()
    {
        var spans = BuiltInProtocols.BingeEatingGroup.PhaseSpans();
        Assert.Equal(new PhaseSpan(Phase.Initial, 2, 6), spans[1]);
        Assert.Equal(new PhaseSpan(Phase.Middle, 7, 16), spans[2]);
        Assert.Equal(new PhaseSpan(Phase.Termination, 17, 21), spans[3]);
        Assert.Equal(10, spans[2].Count);
    }

    [Fact]
    public void Maintenance_ipt_is_all_maintenance()
    {
        Assert.Equal([new PhaseSpan(Phase.Maintenance, 1, 12)], BuiltInProtocols.Maintenance.PhaseSpans());
        Assert.Equal(Phase.Maintenance, BuiltInProtocols.Maintenance.PhaseOf(36, treatmentSessions: 36));
    }

    [Theory]
    [InlineData(3, new[] { Phase.Initial, Phase.Middle, Phase.Termination })]
    [InlineData(6, new[] { Phase.Initial, Phase.Middle, Phase.Middle, Phase.Middle, Phase.Middle, Phase.Termination })]
    public void Interpersonal_counselling_has_one_initial_and_one_final_session(int count, Phase[] expected) =>
        Assert.Equal(expected, Enumerable.Range(1, count).Select(n => BuiltInProtocols.Counselling.PhaseOf(n, count)!.Value));

    [Fact]
    public void Very_short_courses_keep_the_initial_phase_first()
    {
        // One session of standard IPT: it is initial; there is no room for the rest.
        Assert.Equal([new PhaseSpan(Phase.Initial, 1, 1)], BuiltInProtocols.Standard.PhaseSpans(treatmentSessions: 1));
        Assert.Equal([new PhaseSpan(Phase.Initial, 1, 3), new PhaseSpan(Phase.Termination, 4, 5)], BuiltInProtocols.Standard.PhaseSpans(treatmentSessions: 5).Where(s => s.Phase != Phase.Middle).ToArray()[..2]);
    }
}
