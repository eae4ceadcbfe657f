using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// Base of the two ending-notice rules: the ending is raised by treatment session N − notice. When
/// the patient did not attend that session, the ending is due at the next session they attend: a
/// missed session is attendance, not a late ending. A course that ends before the deadline is
/// reported as ended early (IPT0607), not here. The deadline is the timeline's
/// (<see cref="CourseTimeline.WindowBeforeEnd"/>).
/// </summary>
internal abstract class EndingRule : CourseRule
{
    public override bool AppliesTo(ProtocolDefinition protocol) => HasTermination(protocol);

    protected abstract int Notice(ProtocolDefinition protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var n = context.Timeline.ContractedSessions;
        var notice = Notice(context.Protocol);
        var window = context.Timeline.WindowBeforeEnd(notice);
        if (!window.HasClosed)
        {
            return;
        }

        foreach (var (i, session, _) in context.Timeline.Slots)
        {
            if (i > window.DeadlineIndex)
            {
                break;
            }

            if (session.IsHeld && session.Has(SessionTask.EndingRaised))
            {
                return;
            }
        }

        sink.Report(
            Descriptor,
            DocumentPath.Session(window.DeadlineIndex).Property("tasks"),
            From("number", window.Deadline),
            From("deadline", Math.Max(1, n - notice)),
            From("contracted", n),
            From("notice", notice));
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

/// <summary>Base of the rules that require a task in a held termination-phase session once the termination phase is over (the course is completed).</summary>
internal abstract class TerminationTaskRule : CourseRule
{
    protected abstract SessionTask Task { get; }

    public override bool AppliesTo(ProtocolDefinition protocol) => HasTermination(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Timeline.IsPhaseOver(Phase.Termination) && !TaskInPhase(context, Phase.Termination, Task))
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

    /// <summary>A triage variant (IPT-EST) decides on further treatment only where symptoms persist: IPT0807 judges it.</summary>
    public override bool AppliesTo(ProtocolDefinition protocol) => base.AppliesTo(protocol) && !protocol.Requires(ProtocolRequirement.Triage);
}

/// <summary>IPT0606: a non-responder at the end (no response and not in remission) without alternative treatment discussed. Candidate 35.</summary>
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
        if (!context.Timeline.IsFinished || !context.Instruments.TryGet(primary, out var instrument) || !instrument.HigherIsWorse)
        {
            return;
        }

        // The baseline and the end-of-treatment score have one home; one score is no pair.
        var series = ScoreSeries.Of(context.Timeline, primary);
        if (series.Baseline is not { } first || series.EndOfTreatment is not { } last || first.Value <= 0)
        {
            return;
        }

        foreach (var session in context.Course.Sessions)
        {
            if (context.Timeline.IsTreatment(session) && session.Has(SessionTask.AlternativeTreatmentDiscussed))
            {
                return;
            }
        }

        // Response and remission as the outcomes define them: a course that ends in remission is not a
        // non-responder, whatever its percentage fall (EPDS 15 → 8).
        var percent = context.Protocol.ResponseReductionPercent;
        if (Classification.Response(instrument, first, last, percent) == OutcomeState.No
            && Classification.Remission(instrument, last) != OutcomeState.Yes)
        {
            sink.Report(
                Descriptor,
                DocumentPath.Session(last.Index).Property("measures").At(last.MeasureIndex),
                From("instrument", primary),
                ScoreArg("score", last.Value),
                From("percent", percent),
                ScoreArg("baseline", first.Value));
        }
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
        if (context.Timeline.Status != CourseStatus.EndedEarly)
        {
            return;
        }

        var primary = context.Protocol.PrimaryInstrument;
        var score = NotRecorded;
        if (ScoreSeries.Of(context.Timeline, primary).Latest is { } latest)
        {
            var last = latest.Value;
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
            From("attended", context.Timeline.HeldTreatmentCount),
            From("contracted", context.Timeline.ContractedSessions),
            From("instrument", primary),
            FromLibraryText("score", score));
    }
}
