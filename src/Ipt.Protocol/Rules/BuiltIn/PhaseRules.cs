using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>IPT0201: phases out of order or interleaved (session order: pre-treatment, initial, middle, maintenance, termination). Candidate 8.</summary>
internal sealed class PhaseOrderRule : CourseRule
{
    public static readonly PhaseOrderRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0201",
        "Phases out of order",
        "Session {number} is in the {phase} phase after a session in the {previousPhase} phase.",
        RuleCategory.Phases,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "ISIPT"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        var highest = -1;
        var highestPhase = Phase.PreTreatment;
        for (var i = 0; i < sessions.Length; i++)
        {
            var rank = PhasePlan.Rank(sessions[i].Phase);
            if (rank < highest)
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("phase"),
                    From("number", sessions[i].Number),
                    FromEnum("phase", sessions[i].Phase),
                    FromEnum("previousPhase", highestPhase));
            }
            else if (rank > highest)
            {
                highest = rank;
                highestPhase = sessions[i].Phase;
            }
        }
    }

}

/// <summary>IPT0202: more initial-phase sessions than the variant allows. Candidates 9 and 43 (IPT-B: at most 2).</summary>
internal sealed class InitialPhaseTooLongRule : CourseRule
{
    public static readonly InitialPhaseTooLongRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0202",
        "Initial phase longer than the variant allows",
        "Session {number} is initial-phase session {count}; the {protocol} protocol has at most {max}.",
        RuleCategory.Phases,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "MARK", "WMK", "SWARTZ"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        var max = context.Protocol.InitialSessions.Max;
        var count = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].Phase == Phase.Initial && Counts(context, sessions[i]) && ++count == max + 1)
            {
                sink.Report(Descriptor, DocumentPath.Session(i).Property("phase"), From("number", sessions[i].Number), From("count", count), ProtocolArg(context), From("max", max));
            }
        }
    }
}

/// <summary>IPT0203: the course reaches termination without a middle phase. Candidate 10.</summary>
internal sealed class MiddlePhaseMissingRule : CourseRule
{
    public static readonly MiddlePhaseMissingRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0203",
        "Middle phase missing",
        "The course reaches the termination phase at session {number} without any middle-phase session.",
        RuleCategory.Phases,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "ISIPT"));

    public override bool AppliesTo(ProtocolDefinition protocol) =>
        protocol.CorePhase == Phase.Middle && protocol.Sessions.Default - protocol.InitialSessions.Default - protocol.TerminationSessions.Default > 0;

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var firstTermination = -1;
        foreach (var session in context.Course.Sessions)
        {
            if (!Counts(context, session))
            {
                continue;
            }

            if (session.Phase == Phase.Middle)
            {
                return;
            }

            if (session.Phase == Phase.Termination && firstTermination < 0)
            {
                firstTermination = session.Number;
            }
        }

        if (firstTermination > 0)
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"), From("number", firstTermination));
        }
    }
}

/// <summary>IPT0204: a finished course has fewer termination sessions than the variant's minimum. Candidate 11.</summary>
internal sealed class TerminationTooShortRule : CourseRule
{
    public static readonly TerminationTooShortRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0204",
        "Termination phase shorter than the variant's minimum",
        "The termination phase has {count} sessions; the {protocol} protocol has at least {min}.",
        RuleCategory.Phases,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WMK", "STUART", "ISIPT"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.TerminationSessions.Min > 0;

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!context.Timeline.IsFinished)
        {
            return;
        }

        // Slots, not attendance: a missed termination session still belongs to the termination phase.
        var count = 0;
        foreach (var session in context.Course.Sessions)
        {
            if (session.Phase == Phase.Termination && Counts(context, session))
            {
                count++;
            }
        }

        var min = context.Protocol.TerminationSessions.Min;
        if (count < min)
        {
            sink.Report(Descriptor, DocumentPath.Of("sessions"), From("count", count), ProtocolArg(context), From("min", min));
        }
    }
}

/// <summary>IPT0205: a session's phase disagrees with its place in the protocol's split. Candidate 12.</summary>
internal sealed class PhaseMismatchRule : CourseRule
{
    public static readonly PhaseMismatchRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0205",
        "Session phase disagrees with the protocol's split",
        "Session {number} is recorded in the {phase} phase, but treatment session {ordinal} of {contracted} belongs to the {expected} phase under the {protocol} split.",
        RuleCategory.Phases,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "MARK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var protocol = context.Protocol;
        var timeline = context.Timeline;
        var n = timeline.ContractedSessions;
        foreach (var (i, session, slot) in timeline.Slots)
        {
            if (slot > n)
            {
                return;
            }

            if (!protocol.AllowsPhase(session.Phase, slot, n))
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("phase"),
                    From("number", session.Number),
                    FromEnum("phase", session.Phase),
                    From("ordinal", slot),
                    From("contracted", n),
                    FromEnum("expected", timeline.Plan.PhaseOfSlot(slot) ?? timeline.Plan.LastPhase),
                    ProtocolArg(context));
            }
        }
    }
}
