using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Fidelity;

/// <summary>Reads where one required task stands: when it was done (by a session, a course record or an assessment) against its window.</summary>
internal static class ChecklistReader
{
    public static ChecklistItem Read(in CourseTimeline timeline, PhaseTask task, TaskWindow window, InstrumentRegistry instruments)
    {
        if (task.Timing == TaskTiming.EverySession)
        {
            return EverySession(timeline, task, window);
        }

        var done = task.Task switch
        {
            ProtocolTask.BaselineMeasure => Baseline(timeline, window, instruments),
            ProtocolTask.PreGroupMeeting => PreGroupMeeting(timeline),
            ProtocolTask.SickRole => Record(timeline.Course.SickRole?.GrantedAtSession, timeline.Course.SickRole is not null, window),
            ProtocolTask.ContractAgreed => Record(timeline.Course.Contract?.AgreedAtSession, timeline.Course.Contract is not null, window),
            ProtocolTask.FormulationAgreed => Record(timeline.Course.Formulation?.AgreedAtSession, timeline.Course.Formulation is { Agreed: true }, window),
            ProtocolTask.ProblemAreaSelected => Record(timeline.Course.Formulation?.ChosenAtSession, timeline.Course.Formulation is { Areas.IsEmpty: false }, window),
            ProtocolTask.EndingRaised => Ending(timeline, task, window),
            _ => InSessions(timeline, task, window),
        };

        // The inventory is done when the record holds its people (IPT0302): at the first session that records the
        // task, or, when none says when, by the record itself.
        if (task.Task == ProtocolTask.InterpersonalInventory)
        {
            done = timeline.Course.Inventory.IsEmpty ? default
                : done.Evidence == ChecklistEvidence.None ? new Done(ChecklistEvidence.CourseRecord, null, OnTime: true)
                : done;
        }

        var status = done.Evidence != ChecklistEvidence.None ? (done.OnTime ? ChecklistStatus.Done : ChecklistStatus.DoneLate)
            : window.HasClosed ? ChecklistStatus.Missed
            : timeline.HasEnded ? ChecklistStatus.NotReached
            : window.HasOpened ? ChecklistStatus.Due
            : ChecklistStatus.NotYetDue;
        return Item(task, window, status) with { Evidence = done.Evidence, DoneAtSession = done.At };
    }

    private static ChecklistItem Item(PhaseTask task, TaskWindow window, ChecklistStatus status) => new()
    {
        Task = task.Task,
        Phase = task.Phase,
        Timing = task.Timing,
        Window = window,
        Status = status,
        Citation = task.Citation,
    };

    /// <summary>A task of every session: every held session of its phases records it, so far or in all.</summary>
    private static ChecklistItem EverySession(in CourseTimeline timeline, PhaseTask task, TaskWindow window)
    {
        int held = 0, done = 0;
        int? first = null;
        foreach (var session in timeline.Course.Sessions)
        {
            if (!timeline.IsDueIn(task, session))
            {
                continue;
            }

            held++;
            if (task.IsRecordedIn(session, timeline.Course))
            {
                done++;
                first ??= session.Number;
            }
        }

        var over = window.HasClosed || timeline.HasEnded;
        var status = held == 0 ? (over ? ChecklistStatus.NotReached : ChecklistStatus.NotYetDue)
            : done < held ? ChecklistStatus.Missed
            : over ? ChecklistStatus.Done
            : ChecklistStatus.Due;
        return Item(task, window, status) with
        {
            Evidence = done > 0 ? ChecklistEvidence.Session : ChecklistEvidence.None,
            DoneAtSession = first,
            Sessions = held,
            SessionsDone = done,
        };
    }

    /// <summary>A task recorded in sessions: first in a held session of its phase (on time), else first in a held session after its deadline (late). Earlier sessions do not count, as for the rules.</summary>
    private static Done InSessions(in CourseTimeline timeline, PhaseTask task, TaskWindow window)
    {
        int? late = null;
        foreach (var session in timeline.Course.Sessions)
        {
            if (!session.IsHeld || !task.IsRecordedIn(session, timeline.Course))
            {
                continue;
            }

            if (timeline.CountsFor(task.Phase, session))
            {
                return new Done(ChecklistEvidence.Session, session.Number, OnTime: true);
            }

            if (session.Number > window.Deadline && timeline.IsTreatment(session))
            {
                late ??= session.Number;
            }
        }

        return late is { } at ? new Done(ChecklistEvidence.Session, at, OnTime: false) : default;
    }

    /// <summary>The ending: raised in a held treatment session by its deadline (the first attended session from N − notice), as IPT0601 reads it.</summary>
    private static Done Ending(in CourseTimeline timeline, PhaseTask task, TaskWindow window)
    {
        foreach (var (index, session, _) in timeline.Slots)
        {
            if (session.IsHeld && task.IsRecordedIn(session, timeline.Course))
            {
                return new Done(ChecklistEvidence.Session, session.Number, OnTime: !window.HasClosed || index <= window.DeadlineIndex);
            }
        }

        return default;
    }

    /// <summary>A course record, at the session it names (on time when it names none).</summary>
    private static Done Record(int? at, bool recorded, TaskWindow window) =>
        !recorded ? default : new Done(ChecklistEvidence.CourseRecord, at, OnTime: at is not { } session || session <= window.Deadline);

    /// <summary>The pre-group meeting: a held pre-treatment session, on time when no group session was held before it (IPT0803).</summary>
    private static Done PreGroupMeeting(in CourseTimeline timeline)
    {
        var groupHeld = false;
        foreach (var session in timeline.Course.Sessions)
        {
            if (session.IsHeld && session.Phase == Phase.PreTreatment)
            {
                return new Done(ChecklistEvidence.Session, session.Number, OnTime: !groupHeld);
            }

            groupHeld |= session.IsHeld && session.Format == SessionFormat.Group;
        }

        return default;
    }

    /// <summary>
    /// The baseline, as IPT0301 reads it: a measure of a known instrument in a held session by the
    /// first held treatment session, or in an intake, screening or pre-treatment assessment dated by
    /// it; a first measure after it is late.
    /// </summary>
    private static Done Baseline(in CourseTimeline timeline, TaskWindow window, InstrumentRegistry instruments)
    {
        var course = timeline.Course;
        var sessions = course.Sessions.AsSpan();
        int? late = null;
        for (var i = 0; i < sessions.Length; i++)
        {
            if (!sessions[i].IsHeld || !HasKnownMeasure(sessions[i].Measures, instruments))
            {
                continue;
            }

            if (!window.HasClosed || sessions[i].Number <= window.Deadline)
            {
                return new Done(ChecklistEvidence.Session, sessions[i].Number, OnTime: true);
            }

            late ??= sessions[i].Number;
            break;
        }

        var firstTreatment = window.HasClosed && window.DeadlineIndex >= 0 ? sessions[window.DeadlineIndex].Date : null;
        foreach (var assessment in course.Assessments)
        {
            if (assessment.IsBeforeTreatment && (firstTreatment is not { } date || assessment.Date <= date) && HasKnownMeasure(assessment.Measures, instruments))
            {
                return new Done(ChecklistEvidence.Assessment, null, OnTime: true);
            }
        }

        return late is { } at ? new Done(ChecklistEvidence.Session, at, OnTime: false) : default;
    }

    private static bool HasKnownMeasure(ValueList<Measurement> measures, InstrumentRegistry instruments)
    {
        foreach (var measure in measures)
        {
            if (instruments.Contains(measure.Instrument))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Done(ChecklistEvidence Evidence, int? At, bool OnTime);
}
