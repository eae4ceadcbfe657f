using System.Globalization;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>Where a safety signal was found, in words for a message (numbers, dates and enum names only).</summary>
internal static class SignalWords
{
    internal static DiagnosticArgument Where(Course course, in SafetySignal signal) => FromLibraryText(
        "where",
        signal.InAssessment
            ? string.Create(CultureInfo.InvariantCulture, $"in the {Camel(course.Assessments[signal.Index].Occasion)} assessment of {course.Assessments[signal.Index].Date:uuuu-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"in session {course.Sessions[signal.Index].Number}"));

    internal static DocumentPath MeasurePath(in SafetySignal signal) =>
        (signal.InAssessment ? DocumentPath.Of("assessments").At(signal.Index) : DocumentPath.Session(signal.Index)).Property("measures").At(signal.MeasureIndex);

    private static string Camel(AssessmentOccasion occasion) => FromEnum("x", occasion).Value;
}

/// <summary>
/// IPT0704: a safety item scores above 0 (PHQ-9 item 9, BDI-II item 9, HRSD-17 item 3, EPDS item 10, or
/// a host instrument's) and no risk review is recorded: in the same session, or, for an intake or
/// other assessment, at the first held session on or after it. Candidate 38. A safety rule.
/// </summary>
internal sealed class SafetyItemRule : CourseRule
{
    public static readonly SafetyItemRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0704",
        "Positive safety item without a risk review",
        "{instrument} item {item} scores {score} {where}, and no risk review is recorded there; record a risk review in that session and follow the service's safety procedure.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "KROENKE01", "BECK96", "HAMILTON60", "COX87", "CONVENTION")) { IsSafety = true };

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        foreach (var signal in SafetySignals.Of(context.Course, context.Instruments))
        {
            if (signal.Kind == SafetySignalKind.PositiveItem && !signal.Reviewed)
            {
                var item = signal.Instrument.SafetyItem!.Value;
                sink.Report(
                    Descriptor,
                    SignalWords.MeasurePath(signal).Property("items").At(item - 1),
                    From("instrument", signal.Instrument.Id),
                    From("item", item),
                    FromLibraryText("score", signal.Score.ToString(CultureInfo.InvariantCulture)),
                    SignalWords.Where(context.Course, signal));
            }
        }
    }
}

/// <summary>
/// IPT0707: a total at or above the instrument's caseness (or, without one, above its first band) with
/// the safety item not recorded, and no risk review: the item may have been positive. A safety rule.
/// </summary>
internal sealed class SafetyItemNotRecordedRule : CourseRule
{
    public static readonly SafetyItemNotRecordedRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0707",
        "Safety item not recorded",
        "The {instrument} total {score} {where} is at or above {threshold}, but item {item} (the safety item) is not recorded and no risk review is; record item {item}.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "KROENKE01", "COX87", "NHSTT")) { IsSafety = true };

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        foreach (var signal in SafetySignals.Of(context.Course, context.Instruments))
        {
            if (signal.Kind == SafetySignalKind.ItemNotRecorded && !signal.Reviewed)
            {
                sink.Report(
                    Descriptor,
                    SignalWords.MeasurePath(signal),
                    From("instrument", signal.Instrument.Id),
                    FromLibraryText("score", signal.Score.ToString(CultureInfo.InvariantCulture)),
                    SignalWords.Where(context.Course, signal),
                    FromLibraryText("threshold", SafetySignals.ItemNotRecordedThreshold(signal.Instrument)!.Value.ToString(CultureInfo.InvariantCulture)),
                    From("item", signal.Instrument.SafetyItem!.Value));
            }
        }
    }
}

/// <summary>
/// IPT0708: a score rises by at least the instrument's reliable change (from the previous score or from
/// the baseline), or moves into its most severe band, and the session records neither a risk review nor
/// a plan review. A safety rule.
/// </summary>
internal sealed class DeteriorationRule : CourseRule
{
    public static readonly DeteriorationRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0708",
        "Deterioration without a review",
        "The {instrument} score rose from {from} to {score} in session {number} ({why}), and the session records neither a risk review nor a plan review.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "NHSTT", "MATTHEY04", "WMK")) { IsSafety = true };

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        foreach (var signal in SafetySignals.Of(context.Course, context.Instruments))
        {
            if (signal.Kind != SafetySignalKind.Deterioration || signal.Reviewed)
            {
                continue;
            }

            var why = signal.IntoMostSevereBand
                ? string.Create(CultureInfo.InvariantCulture, $"into the most severe band, {signal.Instrument.MostSevereBand!.Name}")
                : string.Create(CultureInfo.InvariantCulture, $"a rise of at least the reliable change of {signal.Instrument.ReliableChange}");
            sink.Report(
                Descriptor,
                SignalWords.MeasurePath(signal),
                From("instrument", signal.Instrument.Id),
                FromLibraryText("from", signal.Compared.ToString(CultureInfo.InvariantCulture)),
                FromLibraryText("score", signal.Score.ToString(CultureInfo.InvariantCulture)),
                From("number", context.Course.Sessions[signal.Index].Number),
                FromLibraryText("why", why));
        }
    }
}

/// <summary>
/// IPT0709: a completed course without the primary instrument at its last attended treatment session,
/// so its outcome cannot be computed. [NHSTT] (H)
/// </summary>
internal sealed class EndOfTreatmentMeasureRule : CourseRule
{
    public static readonly EndOfTreatmentMeasureRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0709",
        "No end-of-treatment measure",
        "The course is complete and session {number}, the last attended treatment session, has no {instrument} score; paired outcomes need an end-of-treatment score.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "NHSTT"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!context.Timeline.IsFinished)
        {
            return;
        }

        var sessions = context.Course.Sessions.AsSpan();
        for (var i = sessions.Length - 1; i >= 0; i--)
        {
            if (sessions[i].IsHeld && context.Timeline.IsTreatment(sessions[i]))
            {
                if (sessions[i].MeasureOf(context.Protocol.PrimaryInstrument) is null)
                {
                    sink.Report(Descriptor, DocumentPath.Session(i).Property("measures"), From("number", sessions[i].Number), From("instrument", context.Protocol.PrimaryInstrument));
                }

                return;
            }
        }
    }
}

/// <summary>
/// IPT0309: the first contact the patient attends (a pre-treatment meeting or the first session) records
/// no risk review: risk is assessed at intake. A safety rule. [NHSTT, CONVENTION] (H)
/// </summary>
internal sealed class FirstContactRiskRule : CourseRule
{
    public static readonly FirstContactRiskRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0309",
        "No risk assessment at the first contact",
        "Session {number}, the first contact the patient attended, records no risk review; assess risk at the first contact.",
        RuleCategory.InitialTasks,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "NHSTT", "CONVENTION")) { IsSafety = true };

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.CorePhase == Phase.Middle;

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].IsHeld)
            {
                if (!sessions[i].Has(SessionTask.RiskReview))
                {
                    sink.Report(Descriptor, DocumentPath.Session(i).Property("tasks"), From("number", sessions[i].Number));
                }

                return;
            }
        }
    }
}
