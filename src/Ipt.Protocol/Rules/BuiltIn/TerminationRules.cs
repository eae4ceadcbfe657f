using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// Base of the two ending-notice rules: the ending is raised by treatment session N − notice. When
/// the patient did not attend that session, the ending is due at the next session they attend: a
/// missed session is attendance, not a late ending. A course that ends before the deadline is
/// reported as ended early (IPT0607), not here.
/// </summary>
internal abstract class EndingRule : CourseRule
{
    public override bool AppliesTo(ProtocolDefinition protocol) => HasTermination(protocol);

    protected abstract int Notice(ProtocolDefinition protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var n = context.ContractedSessions;
        var notice = Notice(context.Protocol);
        var deadline = Math.Max(1, n - notice);
        var sessions = context.Course.Sessions.AsSpan();
        var ordinal = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (!Counts(context, session))
            {
                continue;
            }

            ordinal++;
            if (session.IsHeld && session.Has(SessionTask.EndingRaised))
            {
                return;
            }

            if (ordinal >= deadline && session.IsHeld)
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("tasks"),
                    From("number", session.Number),
                    From("deadline", deadline),
                    From("contracted", n),
                    From("notice", notice));
                return;
            }
        }
    }
}

/// <summary>IPT0601: the ending is not raised by session N − 2 (the variant's notice). Candidate 31 (error part).</summary>
internal sealed class EndingNoticeRule : EndingRule
{
    public static readonly EndingNoticeRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0601",
        "Ending not raised in time",
        "The ending was not raised by session {number} (the first attended session from treatment session {deadline} of {contracted}); raise it at least {notice} sessions before the last.",
        RuleCategory.Termination,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "STUART", "ISIPT"));

    protected override int Notice(ProtocolDefinition protocol) => protocol.EndingNoticeSessions;
}

/// <summary>IPT0602: the ending is not raised by session N − 4 (the variant's early notice). Candidate 31 (info part).</summary>
internal sealed class EarlyEndingNoticeRule : EndingRule
{
    public static readonly EarlyEndingNoticeRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0602",
        "Ending not raised early",
        "The ending was not raised by session {number} (the first attended session from treatment session {deadline} of {contracted}); it is often raised {notice} sessions before the last.",
        RuleCategory.Termination,
        DiagnosticSeverity.Info,
        Cite(Confidence.High, "WMK", "STUART"));

    public override bool AppliesTo(ProtocolDefinition protocol) => base.AppliesTo(protocol) && protocol.EarlyEndingNoticeSessions > protocol.EndingNoticeSessions;

    protected override int Notice(ProtocolDefinition protocol) => protocol.EarlyEndingNoticeSessions;
}

/// <summary>Base of the rules that require a task in a held termination-phase session of a finished course.</summary>
internal abstract class TerminationTaskRule : CourseRule
{
    protected abstract SessionTask Task { get; }

    public override bool AppliesTo(ProtocolDefinition protocol) => HasTermination(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.IsFinished && !TaskInPhase(context, Phase.Termination, Task))
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"), FromEnum("task", Task));
        }
    }
}

/// <summary>IPT0603: no progress review in termination. Candidate 32.</summary>
internal sealed class ProgressReviewRule : TerminationTaskRule
{
    public static readonly ProgressReviewRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0603",
        "No progress review in termination",
        "The course is over and no termination-phase session records the {task} task.",
        RuleCategory.Termination,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "ISIPT"));

    protected override SessionTask Task => SessionTask.ProgressReview;
}

/// <summary>IPT0604: no relapse-prevention plan in termination. Candidate 33.</summary>
internal sealed class RelapsePreventionRule : TerminationTaskRule
{
    public static readonly RelapsePreventionRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0604",
        "No relapse-prevention plan",
        "The course is over and no termination-phase session records the {task} task (warning signs and contingency plans).",
        RuleCategory.Termination,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "STUART"));

    protected override SessionTask Task => SessionTask.RelapsePreventionPlan;
}

/// <summary>IPT0605: continuation or maintenance not discussed. Candidate 34.</summary>
internal sealed class ContinuationRule : TerminationTaskRule
{
    public static readonly ContinuationRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0605",
        "Continuation or maintenance not discussed",
        "The course is over and no termination-phase session records the {task} task.",
        RuleCategory.Termination,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK"));

    protected override SessionTask Task => SessionTask.ContinuationDiscussed;
}

/// <summary>IPT0606: a non-responder at the end without alternative treatment discussed. Candidate 35.</summary>
internal sealed class NonResponderRule : CourseRule
{
    public static readonly NonResponderRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0606",
        "Non-responder without alternative treatment discussed",
        "The last {instrument} score ({score}) is less than a {percent}% reduction from the baseline ({baseline}), and no session records the alternativeTreatmentDiscussed task.",
        RuleCategory.Termination,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "CONVENTION"));

    public override bool AppliesTo(ProtocolDefinition protocol) => HasTermination(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var primary = context.Protocol.PrimaryInstrument;
        if (!context.IsFinished || !context.Instruments.TryGet(primary, out var instrument) || !instrument.HigherIsWorse)
        {
            return;
        }

        if (!TryGetBaseline(context, primary, out var b))
        {
            return;
        }

        var sessions = context.Course.Sessions.AsSpan();
        var measured = 0;
        var lastScore = 0;
        var lastIndex = -1;
        var lastPosition = -1;
        for (var i = 0; i < sessions.Length; i++)
        {
            if (!context.IsTreatment(sessions[i]))
            {
                continue;
            }

            if (sessions[i].Has(SessionTask.AlternativeTreatmentDiscussed))
            {
                return;
            }

            var j = IndexOfMeasure(sessions[i], primary);
            if (j >= 0)
            {
                var score = sessions[i].Measures[j].Score;
                measured++;
                lastScore = score;
                lastIndex = i;
                lastPosition = j;
            }
        }

        var percent = context.Protocol.ResponseReductionPercent;
        if (measured > 0 && lastIndex >= 0 && b > 0 && (b - lastScore) * 100 < b * percent && !IsBaselineItself(context, lastIndex))
        {
            sink.Report(
                Descriptor,
                DocumentPath.Session(lastIndex).Property("measures").At(lastPosition),
                From("instrument", primary),
                From("score", lastScore),
                From("percent", percent),
                From("baseline", b));
        }
    }

    // One measurement is no course of scores: the last score must come after the baseline.
    private static bool IsBaselineItself(in RuleContext context, int lastIndex)
    {
        foreach (var assessment in context.Course.Assessments)
        {
            if (IsBeforeTreatment(assessment) && assessment.MeasureOf(context.Protocol.PrimaryInstrument) is not null)
            {
                return false;
            }
        }

        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < lastIndex; i++)
        {
            if (sessions[i].IsHeld && sessions[i].MeasureOf(context.Protocol.PrimaryInstrument) is not null)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// IPT0607: the course ended early (its lifecycle says so), with the reason and the last score of the
/// primary instrument and its band. Ending early is its own finding, never "termination missing":
/// the termination rules do not judge a course that ended early.
/// </summary>
internal sealed class EndedEarlyRule : CourseRule
{
    public static readonly EndedEarlyRule Instance = new();

    private const string NotRecorded = "not recorded";

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0607",
        "Course ended early",
        "The course ended early ({reason}) after {attended} of {contracted} contracted treatment sessions were attended; last {instrument} score: {score}.",
        RuleCategory.Termination,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "NHSTT", "WMK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Status != CourseStatus.EndedEarly)
        {
            return;
        }

        var primary = context.Protocol.PrimaryInstrument;
        var score = NotRecorded;
        if (LastScore(context, primary) is { } last)
        {
            var band = context.Instruments.TryGet(primary, out var instrument) ? instrument.BandOf(last)?.Name : null;
            score = band is null
                ? last.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{last} ({band})");
        }

        var reason = context.Course.Lifecycle?.EndReason is { } why ? FromEnum("reason", why) : FromLibraryText("reason", "reason not recorded");
        sink.Report(
            Descriptor,
            DocumentPath.Of("lifecycle").Property("status"),
            reason,
            From("attended", context.HeldTreatmentCount),
            From("contracted", context.ContractedSessions),
            From("instrument", primary),
            FromLibraryText("score", score));
    }

    private static int? LastScore(in RuleContext context, InstrumentId instrument)
    {
        int? last = null;
        foreach (var session in context.Course.Sessions)
        {
            if (session.IsHeld && session.MeasureOf(instrument) is { } measure)
            {
                last = measure.Score;
            }
        }

        return last;
    }
}
