using NodaTime;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// IPT0109: a completed course in which fewer treatment sessions were attended than contracted, so
/// the contracted count can no longer be reached. Attendance, not a breach: an info by default. An
/// active course can still reach its contract through make-up sessions, and a course that ended
/// early is reported by IPT0607.
/// </summary>
internal sealed class ContractedSessionsNotReachedRule : CourseRule
{
    public static readonly ContractedSessionsNotReachedRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0109",
        "Contracted sessions can no longer be reached",
        "{attended} of the {contracted} contracted treatment sessions were attended ({missed} not attended, {cancelled} cancelled); the course is complete, so the contracted count can no longer be reached.",
        RuleCategory.Structure,
        DiagnosticSeverity.Info,
        Cite(Confidence.High, "NHSTT", "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!context.Timeline.IsFinished || context.Timeline.HeldTreatmentCount >= context.Timeline.ContractedSessions)
        {
            return;
        }

        var attendance = context.Timeline.Attendance;
        sink.Report(
            Descriptor,
            DocumentPath.Of("sessions"),
            From("attended", attendance.Attended),
            From("contracted", attendance.Contracted),
            From("missed", attendance.DidNotAttend),
            From("cancelled", attendance.CancelledByPatient + attendance.CancelledByService + attendance.CancelledUnspecified));
    }
}

/// <summary>
/// IPT0110: a make-up session whose <see cref="Session.Replaces"/> does not name an earlier missed or
/// cancelled session of the record (or names one another make-up already replaces).
/// </summary>
internal sealed class MakeUpSessionRule : CourseRule
{
    public static readonly MakeUpSessionRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0110",
        "Make-up session without a session to replace",
        "Session {number} is recorded as a make-up for session {replaced}, which is not an earlier missed or cancelled session of the record, or is already made up.",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "NHSTT"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Timeline.MakeUpCount == 0)
        {
            return;
        }

        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].Replaces is not { } replaced)
            {
                continue;
            }

            if (!Replaceable(sessions, i, replaced) || ReplacedBefore(sessions, i, replaced))
            {
                sink.Report(Descriptor, DocumentPath.Session(i).Property("replaces"), From("number", sessions[i].Number), From("replaced", replaced));
            }
        }
    }

    private static bool Replaceable(ReadOnlySpan<Session> sessions, int makeUp, int replaced)
    {
        for (var j = 0; j < makeUp; j++)
        {
            if (sessions[j].Number == replaced && sessions[j].Number != sessions[makeUp].Number)
            {
                return sessions[j].Status is SessionStatus.Missed || sessions[j].IsCancelled;
            }
        }

        return false;
    }

    private static bool ReplacedBefore(ReadOnlySpan<Session> sessions, int makeUp, int replaced)
    {
        for (var j = 0; j < makeUp; j++)
        {
            if (sessions[j].Replaces == replaced)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The lifecycle values IPT0111 names.</summary>
internal enum LifecycleMember
{
    /// <summary><c>lifecycle.endReason</c>.</summary>
    EndReason,

    /// <summary><c>lifecycle.endedOn</c>.</summary>
    EndedOn,
}

/// <summary>IPT0111: lifecycle values that contradict its status (an end reason on a course that did not end early, an end date on an active course).</summary>
internal sealed class LifecycleValuesRule : CourseRule
{
    public static readonly LifecycleValuesRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0111",
        "Lifecycle values contradict its status",
        "The lifecycle records {member}, which does not fit a course that is {status}.",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "NHSTT"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Lifecycle is not { } lifecycle)
        {
            return;
        }

        if (lifecycle.EndReason is not null && lifecycle.Status != CourseStatus.EndedEarly)
        {
            sink.Report(Descriptor, DocumentPath.Of("lifecycle").Property("endReason"), FromEnum("member", LifecycleMember.EndReason), FromEnum("status", lifecycle.Status));
        }

        if (lifecycle.EndedOn is not null && lifecycle.Status == CourseStatus.Active)
        {
            sink.Report(Descriptor, DocumentPath.Of("lifecycle").Property("endedOn"), FromEnum("member", LifecycleMember.EndedOn), FromEnum("status", lifecycle.Status));
        }
    }
}

/// <summary>The record dates IPT0112 compares with.</summary>
internal enum RecordBound
{
    /// <summary>The date the record describes (<c>lifecycle.asOf</c>).</summary>
    AsOf,

    /// <summary>The date the course ended (<c>lifecycle.endedOn</c>).</summary>
    EndedOn,
}

/// <summary>
/// IPT0112: a session dated after the record's own dates: attended or missed after the date the
/// record describes, or any session (planned ones included) after the course ended.
/// </summary>
internal sealed class SessionAfterRecordRule : CourseRule
{
    public static readonly SessionAfterRecordRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0112",
        "Session dated after the record's own dates",
        "Session {number} ({status}) is dated {date}, after {bound} {boundDate} of the course's lifecycle.",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "NHSTT"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Lifecycle is not { } lifecycle || (lifecycle.AsOf is null && lifecycle.EndedOn is null))
        {
            return;
        }

        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (session.Date is not { } date || session.IsCancelled)
            {
                continue;
            }

            if (lifecycle.EndedOn is { } ended && lifecycle.HasEnded && date > ended)
            {
                Report(ref sink, i, session, date, RecordBound.EndedOn, ended);
            }
            else if (lifecycle.AsOf is { } asOf && session.Status != SessionStatus.Planned && date > asOf)
            {
                Report(ref sink, i, session, date, RecordBound.AsOf, asOf);
            }
        }
    }

    private void Report(ref DiagnosticSink sink, int index, Session session, LocalDate date, RecordBound bound, LocalDate boundDate) =>
        sink.Report(
            Descriptor,
            DocumentPath.Session(index).Property("date"),
            From("number", session.Number),
            FromEnum("status", session.Status),
            From("date", date),
            FromEnum("bound", bound),
            From("boundDate", boundDate));
}

/// <summary>
/// IPT0113: a person id used outside the inventory (a focus area, an earlier focus, a session's
/// attendees, a life event, a diary entry) that the inventory does not hold.
/// </summary>
internal sealed class UnknownPersonRule : CourseRule
{
    public static readonly UnknownPersonRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0113",
        "Person not in the inventory",
        "Person {person} is referred to here but is not in the interpersonal inventory.",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "MUFSON"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        // Paths are built only for a list that holds an unknown id: a clean course allocates nothing.
        var course = context.Course;
        if (course.Formulation is { } formulation)
        {
            var areas = formulation.Areas.AsSpan();
            for (var i = 0; i < areas.Length; i++)
            {
                if (AnyUnknown(course, areas[i].Persons))
                {
                    Report(course, areas[i].Persons, DocumentPath.Of("formulation").Property("areas").At(i).Property("persons"), ref sink);
                }
            }

            var changes = formulation.Changes.AsSpan();
            for (var c = 0; c < changes.Length; c++)
            {
                var previous = changes[c].Previous.AsSpan();
                for (var i = 0; i < previous.Length; i++)
                {
                    if (AnyUnknown(course, previous[i].Persons))
                    {
                        Report(course, previous[i].Persons, DocumentPath.Of("formulation").Property("changes").At(c).Property("previous").At(i).Property("persons"), ref sink);
                    }
                }
            }
        }

        var sessions = course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            if (AnyUnknown(course, sessions[i].Attendees))
            {
                Report(course, sessions[i].Attendees, DocumentPath.Session(i).Property("attendees"), ref sink);
            }
        }

        var lifeEvents = course.LifeEvents.AsSpan();
        for (var i = 0; i < lifeEvents.Length; i++)
        {
            if (AnyUnknown(course, lifeEvents[i].Persons))
            {
                Report(course, lifeEvents[i].Persons, DocumentPath.Of("lifeEvents").At(i).Property("persons"), ref sink);
            }
        }

        var diary = course.Diary.AsSpan();
        for (var i = 0; i < diary.Length; i++)
        {
            if (AnyUnknown(course, diary[i].Persons))
            {
                Report(course, diary[i].Persons, DocumentPath.Of("diary").At(i).Property("persons"), ref sink);
            }
        }
    }

    private static bool AnyUnknown(Course course, ValueList<PersonId> persons)
    {
        foreach (var id in persons.AsSpan())
        {
            if (!course.Inventory.TryGet(id, out _))
            {
                return true;
            }
        }

        return false;
    }

    private void Report(Course course, ValueList<PersonId> persons, DocumentPath list, ref DiagnosticSink sink)
    {
        var ids = persons.AsSpan();
        for (var k = 0; k < ids.Length; k++)
        {
            if (!course.Inventory.TryGet(ids[k], out _))
            {
                sink.Report(Descriptor, list.At(k), From("person", ids[k]));
            }
        }
    }
}
