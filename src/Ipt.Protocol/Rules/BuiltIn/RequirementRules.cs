using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>
/// IPT0408: a focus area that the variant does not recognise (<see cref="ProtocolDefinition.ProblemAreas"/>):
/// grief for the lost healthy self is IPSRT's fifth area [FRANK] (M); the other variants know the four
/// areas of IPT [WMK] (H), where the loss of health that comes with an illness is a role transition.
/// </summary>
internal sealed class UnrecognisedProblemAreaRule : CourseRule
{
    public static readonly UnrecognisedProblemAreaRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0408",
        "Problem area the variant does not recognise",
        "Focus area {number} is {area}, which the {protocol} protocol does not recognise as a problem area.",
        RuleCategory.Focus,
        DiagnosticSeverity.Warning,
        Cite(Confidence.Medium, "WMK", "FRANK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.Formulation is not { } formulation)
        {
            return;
        }

        var areas = formulation.Areas.AsSpan();
        for (var i = 0; i < areas.Length; i++)
        {
            if (!context.Protocol.Recognises(areas[i].Area))
            {
                sink.Report(Descriptor, DocumentPath.Of("formulation").Property("areas").At(i).Property("area"), From("number", i + 1), FromEnum("area", areas[i].Area), ProtocolArg(context));
            }
        }
    }
}

/// <summary>
/// IPT0114: sessions held more often than the cadence, that is three held treatment sessions with two
/// gaps in a row of at most half the cadence (twice weekly in a weekly course), unless the variant allows
/// it early (<see cref="ProtocolRequirement.TwiceWeeklyEarlyAllowed"/>: standard IPT in the initial phase).
/// Make-up sessions are left out, and one short gap (a session moved) is not a pattern. Maintenance
/// courses are not judged: Frank et al. 2007 found weekly, twice-monthly and monthly IPT-M alike.
/// </summary>
internal sealed class MoreOftenThanCadenceRule : CourseRule
{
    public static readonly MoreOftenThanCadenceRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0114",
        "Sessions more often than the cadence",
        "Sessions {first}, {previous} and {number} were held within {days} days; the {protocol} protocol meets every {cadence} days{allowance}.",
        RuleCategory.Structure,
        DiagnosticSeverity.Info,
        Cite(Confidence.Medium, "WMK", "ISIPT"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.CorePhase == Phase.Middle;

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        var earlier = -1;
        var previous = -1;
        var previousDays = 0;

        // The cadence of a session is the one in force for it (the contract's frequency, the taper of a maintenance phase).
        foreach (var (i, session, cadence) in context.Timeline.ScheduledSessions)
        {
            if (!session.IsHeld || session.Replaces is not null || session.Date is null || !context.Timeline.IsTreatment(session))
            {
                continue;
            }

            var days = cadence.IntervalDays;
            if (previous >= 0 && earlier >= 0
                && IsShort(sessions[earlier].Date!.Value, sessions[previous].Date!.Value, previousDays)
                && IsShort(sessions[previous].Date!.Value, session.Date.Value, days)
                && !Allowed(context.Protocol, session))
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("date"),
                    From("first", sessions[earlier].Number),
                    From("previous", sessions[previous].Number),
                    From("number", session.Number),
                    From("days", NodaTime.Period.DaysBetween(sessions[earlier].Date!.Value, session.Date.Value)),
                    ProtocolArg(context),
                    From("cadence", days),
                    FromLibraryText("allowance", context.Protocol.Requires(ProtocolRequirement.TwiceWeeklyEarlyAllowed) ? " (more often only in the initial phase)" : string.Empty));

                // A pattern is reported once: the next one starts after this session.
                earlier = -1;
                previous = i;
                previousDays = days;
                continue;
            }

            earlier = previous;
            previous = i;
            previousDays = days;
        }
    }

    /// <summary>A gap of at most half the cadence into the later session, rounded up: 4 days or less in a weekly course.</summary>
    private static bool IsShort(NodaTime.LocalDate from, NodaTime.LocalDate to, int cadenceDays) =>
        2L * NodaTime.Period.DaysBetween(from, to) <= cadenceDays + 1L;

    private static bool Allowed(ProtocolDefinition protocol, Session session) =>
        protocol.Requires(ProtocolRequirement.TwiceWeeklyEarlyAllowed) && session.Phase == Phase.Initial;
}

/// <summary>
/// IPT0115: a held treatment session in a format the variant does not allow (<see cref="ProtocolDefinition.Format"/>
/// and <see cref="ProtocolDefinition.AllowedFormats"/>). Pre-treatment meetings and the individual
/// meetings of a group variant are not treatment sessions and are not judged.
/// </summary>
internal sealed class FormatNotAllowedRule : CourseRule
{
    public static readonly FormatNotAllowedRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0115",
        "Session format the variant does not allow",
        "Session {number} was held as a {format} session; the {protocol} protocol's treatment sessions are {allowed}.",
        RuleCategory.Structure,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "ISIPT", "MUFSON", "WHO", "DENNIS"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var protocol = context.Protocol;
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (session.IsHeld && context.Timeline.IsTreatment(session) && !protocol.Allows(session.Format))
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("format"),
                    From("number", session.Number),
                    FromEnum("format", session.Format),
                    ProtocolArg(context),
                    FromLibraryText("allowed", Allowed(protocol)));
            }
        }
    }

    private static string Allowed(ProtocolDefinition protocol)
    {
        var names = new List<string> { Name(protocol.Format) };
        foreach (var format in protocol.AllowedFormats)
        {
            names.Add(Name(format));
        }

        return string.Join(" or ", names);
    }

    private static string Name(SessionFormat format) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(format.ToString());
}

/// <summary>IPT0805: the sick role given is not the limited one the variant uses (IPT-A). [MUFSON] (M)</summary>
internal sealed class LimitedSickRoleRule : CourseRule
{
    public static readonly LimitedSickRoleRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0805",
        "Sick role not the limited one",
        "The sick role given at session {session} is not marked limited; the {protocol} protocol gives the limited sick role.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.Medium, "MUFSON"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.LimitedSickRole);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Course.SickRole is { Limited: false } sickRole)
        {
            sink.Report(Descriptor, DocumentPath.Of("sickRole").Property("limited"), From("session", sickRole.GrantedAtSession), ProtocolArg(context));
        }
    }
}

/// <summary>
/// IPT0806: a maintenance course whose first score of the primary instrument (its baseline: an intake
/// assessment, else the first held session with a score) is at or above the instrument's caseness
/// threshold. Maintenance IPT follows an acute course that responded: Frank et al. 1990 and 2007
/// randomised patients in remission [FRANK90, FRANK07] (H). A score below caseness is not proof of
/// remission, so only the clear case is reported.
/// </summary>
internal sealed class FollowsAcuteCourseRule : CourseRule
{
    public static readonly FollowsAcuteCourseRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0806",
        "Maintenance started at caseness",
        "The {protocol} protocol follows an acute course that responded, but the first {instrument} score ({score}) is at or above caseness ({threshold}).",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "FRANK90", "FRANK07", "NHSTT"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.FollowsAcuteCourse);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var primary = context.Protocol.PrimaryInstrument;
        if (!context.Instruments.TryGet(primary, out var instrument) || instrument.CasenessThreshold is not { } threshold)
        {
            return;
        }

        if (Outcomes.ScoreSeries.Of(context.Timeline, primary).Baseline is { } first && instrument.IsCase(first.Value))
        {
            sink.Report(Descriptor, PathOf(first), ProtocolArg(context), From("instrument", primary), ScoreArg("score", first.Value), From("threshold", threshold));
        }
    }

    internal static DocumentPath PathOf(Outcomes.ScorePoint point) => point.Source == Outcomes.ScoreSource.Session
        ? DocumentPath.Session(point.Index).Property("measures").At(point.MeasureIndex)
        : DocumentPath.Of("assessments").At(point.Index).Property("measures").At(point.MeasureIndex);
}

/// <summary>
/// IPT0807: a completed triage course (IPT-EST) whose end-of-treatment score of the primary instrument
/// is still at caseness, with no decision on further treatment recorded (the continuationDiscussed or
/// alternativeTreatmentDiscussed task). IPT-EST triages the patients whose depression persists into
/// more intensive or continuing treatment [IPTEST] (H); those whose symptoms were transient need no
/// referral, so IPT0605 (continuation discussed with every patient) does not apply to a triage variant.
/// </summary>
internal sealed class TriageRule : CourseRule
{
    public static readonly TriageRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0807",
        "No triage decision for persisting symptoms",
        "The course is over with a last {instrument} score of {score}, at or above caseness ({threshold}), and no session records a decision on further treatment (continuationDiscussed or alternativeTreatmentDiscussed).",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "IPTEST"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.Triage);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var primary = context.Protocol.PrimaryInstrument;
        if (!context.Timeline.IsFinished
            || !context.Instruments.TryGet(primary, out var instrument)
            || instrument.CasenessThreshold is not { } threshold
            || Outcomes.ScoreSeries.Of(context.Timeline, primary).EndOfTreatment is not { } last
            || !instrument.IsCase(last.Value))
        {
            return;
        }

        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (session.IsHeld && (session.Has(SessionTask.ContinuationDiscussed) || session.Has(SessionTask.AlternativeTreatmentDiscussed)))
            {
                return;
            }
        }

        sink.Report(Descriptor, DocumentPath.Session(last.Index).Property("tasks"), From("instrument", primary), ScoreArg("score", last.Value), From("threshold", threshold));
    }
}

/// <summary>
/// IPT0808: group IPT for binge eating without the individual mid-treatment meeting: once the middle
/// phase is over, no individual-format meeting was offered between the first group session and the
/// first termination-phase group session. [WILFLEY] (M: the meeting's place, between group sessions 10
/// and 11, is from the manual as the domain reference gives it; any middle-phase meeting is accepted)
/// </summary>
internal sealed class MidTreatmentMeetingRule : CourseRule
{
    public static readonly MidTreatmentMeetingRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0808",
        "No individual meeting at mid-treatment",
        "No individual meeting with the member is recorded between the first group session and session {number}, the first termination-phase session; the {protocol} protocol has one at mid-treatment.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.Medium, "WILFLEY"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.MidTreatmentIndividualMeeting);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var termination = context.Timeline.FirstTreatmentNumberIn(Phase.Termination);
        if (!context.Timeline.IsPhaseOver(Phase.Middle) || termination < 0)
        {
            return;
        }

        var firstGroup = context.Timeline.FirstHeldTreatmentNumber;
        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (IsIndividualMeeting(session) && session.Number > firstGroup && session.Number < termination && CourseTimeline.WasOffered(session))
            {
                return;
            }
        }

        sink.Report(Descriptor, DocumentPath.Of("sessions"), From("number", termination), ProtocolArg(context));
    }

    /// <summary>An individual meeting of a group variant: individual format, after the pre-treatment phase.</summary>
    internal static bool IsIndividualMeeting(Session session) => session.Format == SessionFormat.Individual && session.Phase != Phase.PreTreatment;
}

/// <summary>
/// IPT0809: a completed course of group IPT for binge eating without the individual meeting after the
/// last group session. [WILFLEY] (M)
/// </summary>
internal sealed class PostTreatmentMeetingRule : CourseRule
{
    public static readonly PostTreatmentMeetingRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0809",
        "No individual meeting after the last group session",
        "The course is over and no individual meeting with the member is recorded after session {number}, the last group session; the {protocol} protocol has one after treatment.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.Medium, "WILFLEY"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.PostTreatmentIndividualMeeting);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var lastGroup = context.Timeline.LastHeldTreatmentNumber;
        if (!context.Timeline.IsFinished || lastGroup < 0)
        {
            return;
        }

        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (MidTreatmentMeetingRule.IsIndividualMeeting(session) && session.Number > lastGroup && CourseTimeline.WasOffered(session))
            {
                return;
            }
        }

        sink.Report(Descriptor, DocumentPath.Of("sessions"), From("number", lastGroup), ProtocolArg(context));
    }
}

/// <summary>
/// IPT0810: a completed course of a variant delivered by supervised non-specialists (WHO group IPT,
/// interpersonal counselling) whose record says who delivered it (the course's therapist or the
/// clinicians of a session) but records no supervision. A record without delivery data says nothing
/// about delivery and is not judged. Info: a service may keep supervision elsewhere. [WHO, IPC] (H)
/// </summary>
internal sealed class SupervisionRule : CourseRule
{
    public static readonly SupervisionRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0810",
        "No supervision recorded",
        "The course is over and no supervision is recorded; the {protocol} protocol is delivered by trained, supervised non-specialists.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Info,
        Cite(Confidence.High, "WHO", "IPC"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.NonSpecialistDelivery);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Timeline.IsFinished && context.Course.Supervision.IsEmpty && RecordsDelivery(context.Course))
        {
            sink.Report(Descriptor, DocumentPath.Of("supervision"), ProtocolArg(context));
        }
    }

    private static bool RecordsDelivery(Course course)
    {
        if (course.Therapist is not null)
        {
            return true;
        }

        foreach (var session in course.Sessions.AsSpan())
        {
            if (!session.Clinicians.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// IPT0811: a group larger or smaller than the variant's usual size (<see cref="ProtocolDefinition.GroupSize"/>):
/// the members the group started with, or, when that is not recorded, more members present at a group
/// session than the largest size. Fewer members present is attendance, not the group's size. Info: the
/// sizes are L.
/// </summary>
internal sealed class GroupSizeRule : CourseRule
{
    public static readonly GroupSizeRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0811",
        "Group size outside the variant's range",
        "The group has {count} members; the {protocol} protocol's groups have {min} to {max}.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Info,
        Cite(Confidence.Low, "WHO", "WILFLEY"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.GroupSize is not null;

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (context.Protocol.GroupSize is not { } size)
        {
            return;
        }

        if (context.Course.Group?.MembersAtStart is { } atStart)
        {
            if (!size.Contains(atStart))
            {
                sink.Report(Descriptor, DocumentPath.Of("group").Property("membersAtStart"), From("count", atStart), ProtocolArg(context), From("min", size.Min), From("max", size.Max));
            }

            return;
        }

        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].IsHeld && sessions[i].Format == SessionFormat.Group && sessions[i].Group is { } group)
            {
                var present = group.MembersPresent ?? (group.Members.IsEmpty ? 0 : group.Members.Count + 1);
                if (present > size.Max)
                {
                    var path = DocumentPath.Session(i).Property("group").Property(group.MembersPresent is null ? "members" : "membersPresent");
                    sink.Report(Descriptor, path, From("count", present), ProtocolArg(context), From("min", size.Min), From("max", size.Max));
                    return;
                }
            }
        }
    }
}

/// <summary>
/// IPT0812: the initial phase is over and the closeness circle was not used: no session that counts for
/// the initial tasks records the closenessCircle task or technique, and no person of the inventory is
/// placed on a ring. [MUFSON] (M)
/// </summary>
internal sealed class ClosenessCircleRule : CourseRule
{
    public static readonly ClosenessCircleRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0812",
        "Closeness circle not used in the initial phase",
        "The initial phase is over and the closeness circle was not used: no initial-phase session records it and no person of the inventory is on a ring; the {protocol} protocol places the inventory's people on the circle.",
        RuleCategory.VariantSpecific,
        DiagnosticSeverity.Warning,
        Cite(Confidence.Medium, "MUFSON"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.Requires(ProtocolRequirement.ClosenessCircle) && HasInitialPhase(protocol);

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        if (!context.Timeline.InitialPhaseOver)
        {
            return;
        }

        foreach (var person in context.Course.Inventory.Persons)
        {
            if (person.Ring is not null)
            {
                return;
            }
        }

        foreach (var session in context.Course.Sessions.AsSpan())
        {
            if (context.Timeline.CountsForInitialTasks(session) && (session.Has(SessionTask.ClosenessCircle) || session.Used(Techniques.TechniqueIds.ClosenessCircle)))
            {
                return;
            }
        }

        sink.Report(Descriptor, DocumentPath.Of("inventory").Property("persons"), ProtocolArg(context));
    }
}
