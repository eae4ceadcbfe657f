using System.Globalization;
using Ipt.Protocol.Protocols;
using NodaTime;

namespace Ipt.Protocol.Scheduling;

/// <summary>Which session of a course is due next, when, and whether it is overdue, as of a given day.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DueStatus
{
    internal DueStatus()
    {
    }

    /// <summary>Gets the day the status was computed for, in the host's zone.</summary>
    public required LocalDate Today { get; init; }

    /// <summary>Gets the number of the next session, or <see langword="null"/> when the course is complete.</summary>
    public int? NextSession { get; init; }

    /// <summary>Gets the date the next session is due, when it can be known.</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>Gets a value indicating whether the due date has passed.</summary>
    public bool IsOverdue => DueDate is { } due && due < Today;

    /// <summary>Gets how many days the next session is overdue (0 when not overdue).</summary>
    public int DaysOverdue => IsOverdue ? Period.Between(DueDate!.Value, Today, PeriodUnits.Days).Days : 0;

    /// <summary>Gets a value indicating whether every contracted session has been held or accounted for.</summary>
    public bool IsComplete => NextSession is null;

    /// <summary>Describes the status.</summary>
    /// <returns>A string such as <c>Session 5 due 2026-12-28 (overdue by 3 days)</c>.</returns>
    public override string ToString()
    {
        if (NextSession is not { } next)
        {
            return "Course complete";
        }

        var due = DueDate is { } date ? string.Create(CultureInfo.InvariantCulture, $" due {date:uuuu-MM-dd}") : string.Empty;
        var overdue = IsOverdue ? string.Create(CultureInfo.InvariantCulture, $" (overdue by {DaysOverdue} days)") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"Session {next}{due}{overdue}");
    }

    /// <summary>
    /// Returns which session is next due. The next session is the lowest-numbered planned session;
    /// when none is planned and fewer treatment sessions take a slot than the contract in force has
    /// (or the protocol's default), it is the one after the last, due one interval of the cadence in
    /// force for it (a taper included) after the last dated session. The course's timeline gives the
    /// contract, the slots and the cadence.
    /// </summary>
    /// <param name="course">The course.</param>
    /// <param name="protocol">The course's protocol.</param>
    /// <param name="clock">The clock (inject a fake one in tests).</param>
    /// <param name="zone">The zone in which "today" is read.</param>
    /// <returns>The status.</returns>
    public static DueStatus Of(Course course, ProtocolDefinition protocol, IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var timeline = CourseTimeline.Of(course, protocol);

        Session? nextPlanned = null;
        LocalDate? lastDate = null;
        var highest = 0;
        foreach (var session in course.Sessions)
        {
            highest = Math.Max(highest, session.Number);
            if (session.Status == SessionStatus.Planned)
            {
                if (nextPlanned is null || session.Number < nextPlanned.Number)
                {
                    nextPlanned = session;
                }
            }
            else if (session.Date is { } date && (lastDate is null || date > lastDate))
            {
                lastDate = date;
            }
        }

        if (nextPlanned is not null)
        {
            return new DueStatus
            {
                Today = today,
                NextSession = nextPlanned.Number,
                DueDate = nextPlanned.Date ?? (lastDate is { } last ? last.Plus(timeline.CadenceOf(nextPlanned.Number).Interval) : null),
            };
        }

        if (timeline.TreatmentCount >= timeline.ContractedSessions)
        {
            return new DueStatus { Today = today };
        }

        var next = highest + 1;
        return new DueStatus
        {
            Today = today,
            NextSession = next,
            DueDate = lastDate is { } previous ? previous.Plus(timeline.CadenceOf(next).Interval) : null,
        };
    }
}
