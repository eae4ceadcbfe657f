using Ipt.Protocol.Protocols;
using Ipt.Protocol.Scheduling;
using NodaTime;

namespace Ipt.Protocol.Tests.Scheduling;

public class SchedulePlannerTests
{
    private static readonly LocalDate Monday = new(2026, 12, 7);

    [Fact]
    public void Standard_ipt_is_planned_weekly_with_phases_and_planned_length()
    {
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.Standard, Monday);
        Assert.Equal(16, sessions.Count);
        Assert.Equal(Enumerable.Range(1, 16), sessions.Select(s => s.Number));
        Assert.Equal(Monday, sessions[0].Date);
        Assert.Equal(Monday.PlusWeeks(15), sessions[15].Date);
        Assert.All(sessions, s => Assert.Equal(SessionStatus.Planned, s.Status));
        Assert.All(sessions, s => Assert.Equal(Duration.FromMinutes(50), s.Length));
        Assert.Equal(Phase.Initial, sessions[2].Phase);
        Assert.Equal(Phase.Middle, sessions[3].Phase);
        Assert.Equal(Phase.Termination, sessions[13].Phase);
    }

    [Fact]
    public void A_skipped_date_moves_that_session_and_the_rest_to_the_next_slot()
    {
        var holiday = Monday.PlusWeeks(3);
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.Standard, Monday, new ScheduleOptions { Skip = [holiday] });
        Assert.Equal(Monday.PlusWeeks(2), sessions[2].Date);
        Assert.Equal(Monday.PlusWeeks(4), sessions[3].Date);
        Assert.Equal(Monday.PlusWeeks(16), sessions[15].Date);
        Assert.DoesNotContain(sessions, s => s.Date == holiday);
    }

    [Fact]
    public void Consecutive_skipped_dates_are_all_passed_over()
    {
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.Standard, Monday, new ScheduleOptions { Skip = [Monday.PlusWeeks(3), Monday.PlusWeeks(4)] });
        Assert.Equal(Monday.PlusWeeks(5), sessions[3].Date);
    }

    [Fact]
    public void The_next_day_policy_moves_only_the_skipped_session()
    {
        var holiday = Monday.PlusWeeks(3);
        var options = new ScheduleOptions { Skip = [holiday], SkipPolicy = SkipPolicy.NextDay };
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.Standard, Monday, options);
        Assert.Equal(holiday.PlusDays(1), sessions[3].Date);
        Assert.Equal(Monday.PlusWeeks(4), sessions[4].Date);
    }

    [Fact]
    public void A_skipped_first_date_moves_the_course_start()
    {
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.VeryBrief, Monday, new ScheduleOptions { Skip = [Monday] });
        Assert.Equal([Monday.PlusWeeks(1), Monday.PlusWeeks(2), Monday.PlusWeeks(3)], sessions.Select(s => s.Date!.Value));
    }

    [Fact]
    public void A_custom_cadence_and_count_are_honoured()
    {
        var options = new ScheduleOptions { Sessions = 12, Cadence = Period.FromWeeks(2) };
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.Standard, Monday, options);
        Assert.Equal(12, sessions.Count);
        Assert.Equal(Monday.PlusWeeks(22), sessions[11].Date);
        Assert.Equal(Phase.Termination, sessions[9].Phase);
    }

    [Fact]
    public void Monthly_sessions_do_not_drift_after_a_short_month()
    {
        var start = new LocalDate(2027, 1, 31);
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.Maintenance, start, new ScheduleOptions { Sessions = 4 });
        Assert.Equal([start, new LocalDate(2027, 2, 28), new LocalDate(2027, 3, 31), new LocalDate(2027, 4, 30)], sessions.Select(s => s.Date!.Value));
        Assert.All(sessions, s => Assert.Equal(Phase.Maintenance, s.Phase));
    }

    [Fact]
    public void Group_variants_plan_an_individual_pre_group_meeting_first()
    {
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.WhoGroup, Monday);
        Assert.Equal(9, sessions.Count);
        Assert.Equal(Phase.PreTreatment, sessions[0].Phase);
        Assert.Equal(SessionFormat.Individual, sessions[0].Format);
        Assert.All(sessions.Skip(1), s => Assert.Equal(SessionFormat.Group, s.Format));
        Assert.Equal(Duration.FromMinutes(90), sessions[1].Length);
    }

    [Fact]
    public void Interpersonal_counselling_plans_a_longer_first_session()
    {
        var sessions = SchedulePlanner.Plan(BuiltInProtocols.Counselling, Monday);
        Assert.Equal(Duration.FromMinutes(45), sessions[0].Length);
        Assert.All(sessions.Skip(1), s => Assert.Equal(Duration.FromMinutes(30), s.Length));
    }

    [Fact]
    public void Counts_outside_the_protocol_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SchedulePlanner.Plan(BuiltInProtocols.Standard, Monday, new ScheduleOptions { Sessions = 20 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchedulePlanner.Plan(BuiltInProtocols.Standard, Monday, new ScheduleOptions { PreTreatmentSessions = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchedulePlanner.Plan(BuiltInProtocols.Standard, Monday, new ScheduleOptions { Cadence = Period.Zero }));
    }

    [Fact]
    public void Skipping_every_date_is_refused_rather_than_looping_forever()
    {
        var everyMonday = Enumerable.Range(0, 1_100).Select(i => Monday.PlusWeeks(i));
        Assert.Throws<ArgumentException>(() => SchedulePlanner.Plan(BuiltInProtocols.VeryBrief, Monday, new ScheduleOptions { Skip = ValueList.From(everyMonday) }));
    }

    [Fact]
    public void PlanCourse_gives_a_course_under_the_protocol()
    {
        var course = SchedulePlanner.PlanCourse(BuiltInProtocols.Adolescent, Monday);
        Assert.Equal(BuiltInProtocols.Adolescent.Id, course.Protocol);
        Assert.Equal(12, course.Sessions.Count);
    }

    [Fact]
    public void SlotDate_scales_every_unit_of_the_cadence()
    {
        Assert.Equal(new LocalDate(2027, 3, 7), SchedulePlanner.SlotDate(new LocalDate(2026, 12, 7), Period.FromMonths(1), 3));
        Assert.Equal(new LocalDate(2026, 12, 7), SchedulePlanner.SlotDate(new LocalDate(2026, 12, 7), Period.FromWeeks(1), 0));
    }
}
