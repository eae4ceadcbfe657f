using Ipt.Protocol.Protocols;
using Ipt.Protocol.Scheduling;
using NodaTime;
using NodaTime.Testing;

namespace Ipt.Protocol.Tests.Scheduling;

public class DueStatusTests
{
    private static readonly LocalDate Monday = new(2026, 12, 7);
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static Course PlannedCourse(int held)
    {
        var course = SchedulePlanner.PlanCourse(BuiltInProtocols.Standard, Monday);
        for (var n = 1; n <= held; n++)
        {
            course = course.WithSession(n, s => s.AsHeld());
        }

        return course;
    }

    [Fact]
    public void The_next_planned_session_is_due_on_its_date()
    {
        var status = DueStatus.Of(PlannedCourse(held: 2), BuiltInProtocols.Standard, FakeClock.FromUtc(2026, 12, 20, 12, 0, 0), London);
        Assert.Equal(3, status.NextSession);
        Assert.Equal(Monday.PlusWeeks(2), status.DueDate);
        Assert.False(status.IsOverdue);
        Assert.Equal(0, status.DaysOverdue);
        Assert.Equal("Session 3 due 2026-12-21", status.ToString());
    }

    [Fact]
    public void A_planned_session_whose_date_has_passed_is_overdue()
    {
        var status = DueStatus.Of(PlannedCourse(held: 2), BuiltInProtocols.Standard, FakeClock.FromUtc(2026, 12, 24, 12, 0, 0), London);
        Assert.True(status.IsOverdue);
        Assert.Equal(3, status.DaysOverdue);
        Assert.Equal("Session 3 due 2026-12-21 (overdue by 3 days)", status.ToString());
    }

    [Fact]
    public void Today_is_read_in_the_hosts_zone()
    {
        // 23:30 UTC on the 21st is already the 22nd in Auckland: the session of the 21st is overdue there, not in London.
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 21, 23, 30));
        var course = PlannedCourse(held: 2);
        Assert.False(DueStatus.Of(course, BuiltInProtocols.Standard, clock, London).IsOverdue);
        Assert.True(DueStatus.Of(course, BuiltInProtocols.Standard, clock, DateTimeZoneProviders.Tzdb["Pacific/Auckland"]).IsOverdue);
    }

    [Fact]
    public void A_course_with_every_session_held_is_complete()
    {
        var status = DueStatus.Of(PlannedCourse(held: 16), BuiltInProtocols.Standard, FakeClock.FromUtc(2027, 6, 1, 12, 0, 0), London);
        Assert.True(status.IsComplete);
        Assert.Null(status.NextSession);
        Assert.False(status.IsOverdue);
        Assert.Equal("Course complete", status.ToString());
    }

    [Fact]
    public void Without_planned_sessions_the_next_is_one_cadence_step_after_the_last_held()
    {
        var course = new Course(BuiltInProtocols.Standard.Id)
        {
            Contract = new Contract { Sessions = 12 },
            Sessions = [new Session(1, Phase.Initial) { Date = Monday, Status = SessionStatus.Held }],
        };
        var status = DueStatus.Of(course, BuiltInProtocols.Standard, FakeClock.FromUtc(2026, 12, 20, 12, 0, 0), London);
        Assert.Equal(2, status.NextSession);
        Assert.Equal(Monday.PlusWeeks(1), status.DueDate);
        Assert.True(status.IsOverdue);
        Assert.Equal(6, status.DaysOverdue);
    }

    [Fact]
    public void An_empty_course_is_due_to_start_but_has_no_date()
    {
        var status = DueStatus.Of(new Course(BuiltInProtocols.Standard.Id), BuiltInProtocols.Standard, FakeClock.FromUtc(2026, 12, 20, 12, 0, 0), London);
        Assert.Equal(1, status.NextSession);
        Assert.Null(status.DueDate);
        Assert.False(status.IsOverdue);
    }
}
