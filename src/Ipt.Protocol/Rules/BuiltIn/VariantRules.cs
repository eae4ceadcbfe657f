using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>IPT0801: no caregiver involvement in the initial phase (IPT-A). Candidate 40 (caregiver).</summary>
internal sealed class CaregiverRule : CourseRule
{
    public static readonly CaregiverRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0801",
        "No caregiver involvement in the initial phase",
        "No held initial-phase session involves a parent or caregiver (a joint session, a parent or caregiver among the attendees, or the caregiverInvolvement task).",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "MUFSON"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.CaregiverInInitialPhase);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!context.Timeline.InitialPhaseOver)
        {
            return;
        }

        // What counts as caregiver involvement in a session has one home (PhaseTask.IsRecordedIn), shared with the fidelity checklist.
        var task = PhaseTasks.Of(ProtocolTask.CaregiverInvolvement);
        foreach (var session in context.Course.Sessions)
        {
            if (context.Timeline.CountsForInitialTasks(session) && task.IsRecordedIn(session, context.Course))
            {
                return;
            }
        }

        sink.Report(Descriptor, DocumentPath.Of("sessions"));
    }
}

/// <summary>IPT0802: the patient's age is outside the variant's age range (IPT-A: 12–18). Candidate 40 (age).</summary>
internal sealed class PatientAgeRule : CourseRule
{
    public static readonly PatientAgeRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0802",
        "Patient age outside the variant's range",
        "The patient's age {age} is outside {min} to {max}, the age range of the {protocol} protocol.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "MUFSON"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.PatientAge is not null;

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Protocol.PatientAge is { } range && context.Course.PatientAge is { } age && !range.Contains(age))
        {
            sink.Report(Descriptor, DocumentPath.Of("patientAge"), From("age", age), From("min", range.Min), From("max", range.Max), ProtocolArg(context));
        }
    }
}

/// <summary>IPT0803: a group session held before the member's pre-group meeting. Candidate 41.</summary>
internal sealed class PreGroupMeetingRule : CourseRule
{
    public static readonly PreGroupMeetingRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0803",
        "Group session before the pre-group meeting",
        "Group session {number} was held before any pre-group meeting with the member.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "WHO", "WILFLEY"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.PreGroupMeeting);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (session.IsHeld && session.Phase == Phase.PreTreatment)
            {
                return;
            }

            if (session.IsHeld && session.Format == SessionFormat.Group)
            {
                sink.Report(Descriptor, DocumentPath.Session(i), From("number", session.Number));
                return;
            }
        }
    }
}

/// <summary>
/// IPT0804: a held treatment session from the variant's <see cref="ProtocolDefinition.SocialRhythmMetricFrom"/>
/// phase through the middle and maintenance phases without a Social Rhythm Metric (IPSRT): the sessions
/// where <see cref="CourseTimeline.IsDueIn"/> says the review is due. The first held treatment
/// session is not expected to have one (the metric scores a week of daily records). Candidate 42.
/// </summary>
internal sealed class SocialRhythmRule : CourseRule
{
    public static readonly SocialRhythmRule Instance = new();

    private static readonly PhaseTask Review = PhaseTasks.Of(ProtocolTask.SocialRhythmReview);

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0804",
        "Session without a social-rhythm measure",
        "Session {number} is a held {phase}-phase session without a Social Rhythm Metric ({srm5} or {srm17}); the {protocol} protocol reviews it at each session from the {from} phase.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "FRANK"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.SocialRhythmMetric);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var from = context.Protocol.SocialRhythmMetricFrom;
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            var due = context.Timeline.IsDueIn(Review, session);
            if (due && IndexOfMeasure(session, Srm5) < 0 && IndexOfMeasure(session, Srm17) < 0)
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("measures"),
                    From("number", session.Number),
                    FromEnum("phase", session.Phase),
                    From("srm5", Srm5),
                    From("srm17", Srm17),
                    ProtocolArg(context),
                    FromEnum("from", from));
            }
        }
    }
}
