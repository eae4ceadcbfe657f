using NodaTime;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// IPT0101: the contracted or recorded number of treatment sessions is outside the variant's range.
/// Candidate 1. Recorded sessions are slots of the contract (missed ones included, cancelled and
/// replaced ones left out): the patient's attendance never changes the count.
/// </summary>
internal sealed class SessionCountRule : CourseRule
{
    public static readonly SessionCountRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0101",
        "Session count outside the variant's range",
        "{count} treatment sessions, where the {protocol} protocol has {min} to {max}.",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "ISIPT", "MARK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var range = context.Protocol.Sessions;
        if (context.Course.Contract is not null)
        {
            // The contract in force and the renegotiation that set its count come from the timeline.
            var count = context.Timeline.ContractedSessions;
            var at = context.Timeline.ContractSessionsSetBy;
            if (!range.Contains(count))
            {
                var path = at < 0 ? DocumentPath.Of("contract").Property("sessions") : DocumentPath.Of("renegotiations").At(at).Property("sessions");
                sink.Report(Descriptor, path, From("count", count), ProtocolArg(context), From("min", range.Min), From("max", range.Max));
            }
        }

        // Slots of the contract: held, planned and missed treatment sessions, without cancelled ones and
        // without sessions a make-up replaced. Attendance does not change the count (IPT0109 reports it).
        var slots = context.Timeline.TreatmentCount;
        if (slots > range.Max || (context.Timeline.IsFinished && slots < range.Min))
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"), From("count", slots), ProtocolArg(context), From("min", range.Min), From("max", range.Max));
        }
    }
}

/// <summary>IPT0102: two sessions share a number. Candidate 2 (duplicates).</summary>
internal sealed class DuplicateSessionNumberRule : CourseRule
{
    public static readonly DuplicateSessionNumberRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0102",
        "Session number used twice",
        "Session number {number} is used again; it first appears at sessions[{first}].",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        if (SessionNumbering.IsSequential(sessions))
        {
            return;
        }

        var firstAt = new Dictionary<int, int>(sessions.Length);
        for (var i = 0; i < sessions.Length; i++)
        {
            if (!firstAt.TryAdd(sessions[i].Number, i))
            {
                sink.Report(Descriptor, DocumentPath.Session(i).Property("number"), From("number", sessions[i].Number), From("first", firstAt[sessions[i].Number]));
            }
        }
    }
}

/// <summary>IPT0103: session numbers are not contiguous from 1. Candidate 2 (gaps).</summary>
internal sealed class SessionNumberGapRule : CourseRule
{
    public static readonly SessionNumberGapRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0103",
        "Session numbers not contiguous from 1",
        "Session number {number} is missing: numbers run from 1 without gaps ({missing} missing in all).",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        if (SessionNumbering.IsSequential(sessions))
        {
            return;
        }

        var numbers = new HashSet<int>();
        var highest = 0;
        foreach (var session in sessions)
        {
            numbers.Add(session.Number);
            highest = Math.Max(highest, session.Number);
        }

        var missing = highest - numbers.Count;
        if (missing <= 0)
        {
            return;
        }

        var first = 1;
        while (numbers.Contains(first))
        {
            first++;
        }

        sink.Report(Descriptor, DocumentPath.Of("sessions"), From("number", first), From("missing", missing));
    }
}

internal static class SessionNumbering
{
    /// <summary>The fast path: the list holds sessions 1, 2, 3, … in order.</summary>
    internal static bool IsSequential(ReadOnlySpan<Session> sessions)
    {
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].Number != i + 1)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>IPT0104: a session is not dated after the previous dated session. Candidate 3.</summary>
internal sealed class SessionDatesOrderRule : CourseRule
{
    public static readonly SessionDatesOrderRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0104",
        "Session dates not strictly increasing",
        "Session {number} is dated {date}, not after session {previous} ({previousDate}).",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        var previous = -1;
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].IsCancelled || sessions[i].Date is not { } date)
            {
                continue;
            }

            if (previous >= 0 && date <= sessions[previous].Date!.Value)
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("date"),
                    From("number", sessions[i].Number),
                    From("date", date),
                    From("previous", sessions[previous].Number),
                    From("previousDate", sessions[previous].Date!.Value));
            }
            else
            {
                previous = i;
            }
        }
    }
}

/// <summary>
/// IPT0105: more days pass between two sessions than the variant allows. Candidate 4. The allowed gap
/// is the cadence in force for the later session (<see cref="Protocols.CourseTimeline.ScheduledSessions"/>):
/// the protocol's, or its cadence step's in a tapering phase.
/// </summary>
internal sealed class CadenceGapRule : CourseRule
{
    public static readonly CadenceGapRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0105",
        "Gap between sessions longer than the variant allows",
        "{days} days pass between session {previous} and session {number}; the {protocol} protocol allows at most {max}.",
        RuleCategory.Structure,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "ISIPT"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        // Offered appointments set the cadence: a missed appointment or one the patient called off
        // still kept the rhythm, so only service cancellations (or unspecified ones) break it.
        Session? previous = null;
        foreach (var (i, session, cadence) in context.Timeline.ScheduledSessions)
        {
            if (session.Date is not { } date)
            {
                continue;
            }

            if (previous is not null)
            {
                var days = Period.DaysBetween(previous.Date!.Value, date);
                if (days > cadence.MaxGapDays)
                {
                    sink.Report(
                        Descriptor,
                        DocumentPath.Session(i).Property("date"),
                        From("days", days),
                        From("previous", previous.Number),
                        From("number", session.Number),
                        ProtocolArg(context),
                        From("max", cadence.MaxGapDays));
                }
            }

            previous = session;
        }
    }
}

/// <summary>IPT0106: a session's length is outside the variant's range. Candidate 5.</summary>
internal sealed class SessionLengthRule : CourseRule
{
    public static readonly SessionLengthRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0106",
        "Session length outside the variant's range",
        "Session {number} lasts {minutes} minutes; the {protocol} protocol expects {min} to {max}.",
        RuleCategory.Structure,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "MARK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        var first = true;
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (!Counts(context, session))
            {
                continue;
            }

            var range = first && context.Protocol.FirstSessionLength is { } firstRange ? firstRange : context.Protocol.SessionLength;
            first = false;
            if (session.Length is { } length && !range.Contains(length))
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("length"),
                    From("number", session.Number),
                    From("minutes", length),
                    ProtocolArg(context),
                    From("min", range.Min),
                    From("max", range.Max));
            }
        }
    }
}

/// <summary>IPT0107: more treatment sessions are recorded than the contract in force agrees. Candidate 6.</summary>
internal sealed class ContractChangedRule : CourseRule
{
    public static readonly ContractChangedRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0107",
        "Contract changed without a renegotiation",
        "{count} treatment sessions are recorded but the contract in force agrees {contracted}; record the change as a renegotiation.",
        RuleCategory.Structure,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Contract is not null && context.Timeline.TreatmentCount > context.Timeline.ContractedSessions)
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"), From("count", context.Timeline.TreatmentCount), From("contracted", context.Timeline.ContractedSessions));
        }
    }
}

/// <summary>IPT0108: a held session falls after the contracted end date. Candidate 7.</summary>
internal sealed class HeldAfterContractEndRule : CourseRule
{
    public static readonly HeldAfterContractEndRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0108",
        "Session held after the contracted end date",
        "Session {number} was held on {date}, after the contracted end {end} ({contracted} sessions from {start}, with rescheduled sessions and {grace} days' grace).",
        RuleCategory.Structure,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        // The contracted end (rescheduled sessions and the taper included) is the timeline's; the grace is
        // the longest gap the cadence allows at the end of the course.
        if (context.Course.Contract?.StartDate is not { } start
            || !context.Timeline.TryGetContractedEnd(out var last, out var cadence)
            || !TryAddDays(last, cadence.MaxGapDays, out var end))
        {
            return;
        }

        var grace = cadence.MaxGapDays;

        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].IsHeld && context.Timeline.IsTreatment(sessions[i]) && sessions[i].Date is { } date && date > end)
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("date"),
                    From("number", sessions[i].Number),
                    From("date", date),
                    From("end", end),
                    From("contracted", context.Timeline.ContractedSessions),
                    From("start", start),
                    From("grace", grace));
            }
        }
    }

    // Date arithmetic near the end of the calendar overflows; such a contract has no meaningful end to check.
    private static bool TryAddDays(LocalDate last, int grace, out LocalDate end)
    {
        end = last;
        try
        {
            end = last.PlusDays(grace);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
