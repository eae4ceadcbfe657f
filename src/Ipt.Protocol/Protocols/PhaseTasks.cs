using System.Globalization;

namespace Ipt.Protocol.Protocols;

/// <summary>A task a protocol requires in a phase: the items of the fidelity checklist. [WMK, MARK, ISIPT, STUART] (H)</summary>
/// <remarks>
/// Most are recorded as a <see cref="SessionTask"/> in the session that did them; the others are the
/// course's own records (the sick role, the focus, the formulation, the contract), a baseline
/// measurement, or a meeting (the pre-group meeting).
/// </remarks>
public enum ProtocolTask
{
    /// <summary>An individual pre-group meeting before the first group session. [WHO, WILFLEY] (H)</summary>
    PreGroupMeeting,

    /// <summary>Rate severity with a standard instrument: a baseline by the first treatment session. [MARK, WMK, NHSTT] (H)</summary>
    BaselineMeasure,

    /// <summary>Diagnose the depression. [MARK, WMK] (H)</summary>
    Diagnosis,

    /// <summary>Name the depression as a treatable illness. [MARK, IPTUK] (H)</summary>
    Psychoeducation,

    /// <summary>Give the (limited) sick role. [IPTUK, MARK, MUFSON] (H)</summary>
    SickRole,

    /// <summary>Assess whether medication is also needed. [MARK] (H)</summary>
    MedicationAssessment,

    /// <summary>Conduct the interpersonal inventory. [WMK, ISIPT, MARK] (H)</summary>
    InterpersonalInventory,

    /// <summary>Place the inventory's people on the closeness circle (IPT-A). [MUFSON] (M)</summary>
    ClosenessCircle,

    /// <summary>A parent or caregiver takes part in the initial phase (IPT-A). [MUFSON] (H)</summary>
    CaregiverInvolvement,

    /// <summary>Link the onset or maintenance of the symptoms to the interpersonal context. [WMK] (H)</summary>
    SymptomLinking,

    /// <summary>Select the problem area(s). [WMK, ISIPT, MARK] (H)</summary>
    ProblemAreaSelected,

    /// <summary>Present the interpersonal formulation and obtain the patient's agreement before the middle phase. [MARK, STUART] (H)</summary>
    FormulationAgreed,

    /// <summary>Agree the treatment contract (sessions, frequency, length, focus). [WMK, MARK] (H)</summary>
    ContractAgreed,

    /// <summary>Set goals and break them into steps, as part of the contract. [SEEDS] (M)</summary>
    GoalSetting,

    /// <summary>Open each middle-phase session with an interval review, linking mood to events. [WMK, ISIPT] (H)</summary>
    IntervalReview,

    /// <summary>Review the Social Rhythm Metric in each session (IPSRT), from the variant's <see cref="ProtocolDefinition.SocialRhythmMetricFrom"/> phase. [FRANK] (H)</summary>
    SocialRhythmReview,

    /// <summary>Recall the time limit at least once in the middle phase (or raise the ending there). [WMK, ISIPT, CSPRS] (M)</summary>
    TimeLimitReminder,

    /// <summary>Raise the ending explicitly, at least N − 2 sessions before the last (best by N − 4). [WMK, STUART, ISIPT] (H)</summary>
    EndingRaised,

    /// <summary>Acknowledge feelings about ending. [WMK, STUART] (H)</summary>
    FeelingsAboutEnding,

    /// <summary>Review progress and consolidate gains. [WMK, ISIPT] (H)</summary>
    ProgressReview,

    /// <summary>Identify warning signs of relapse and contingency plans. [WMK, STUART] (H)</summary>
    RelapsePreventionPlan,

    /// <summary>Discuss continuation or maintenance treatment. [WMK] (H)</summary>
    ContinuationDiscussed,
}

/// <summary>When a <see cref="PhaseTask"/> is due within its phase; the course timeline turns it into a <see cref="TaskWindow"/>.</summary>
public enum TaskTiming
{
    /// <summary>Due from the first session of its phase, to be done early; the deadline is the phase's last session.</summary>
    Early,

    /// <summary>Due in any session of its phase; the deadline is the phase's last session.</summary>
    Throughout,

    /// <summary>Due at the last session of its phase (it may be done before); the deadline is that session.</summary>
    Late,

    /// <summary>Due in every session of its phase (interval review, social-rhythm review).</summary>
    EverySession,

    /// <summary>
    /// Due from treatment session N − <see cref="ProtocolDefinition.EarlyEndingNoticeSessions"/> (best),
    /// by N − <see cref="ProtocolDefinition.EndingNoticeSessions"/> (the deadline); when the patient did
    /// not attend the deadline session, by the next one they attend.
    /// </summary>
    BeforeEnd,

    /// <summary>Due by the first treatment session the patient attends (a baseline measure; an intake or pre-treatment assessment counts).</summary>
    ByFirstTreatmentSession,
}

/// <summary>
/// One task a protocol requires: which, in which phase, when within it, for which variants, and where
/// the requirement comes from. <see cref="PhaseTasks"/> holds the built-in ones; the course timeline
/// gives each its window (<see cref="CourseTimeline.WindowOf(PhaseTask)"/>).
/// </summary>
/// <remarks>
/// <para><see cref="Phase"/> is the phase as the domain reference names it: <see cref="Phase.Middle"/>
/// stands for the phases between the initial phase and termination (the middle phase, and the
/// maintenance phase where the protocol has one; all of IPT-M). An initial-phase task counts in a
/// pre-treatment meeting when the protocol does the initial tasks there
/// (<see cref="ProtocolDefinition.InitialTasksInPreTreatment"/>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record PhaseTask
{
    private static readonly TechniqueId IntervalReviewTechnique = TechniqueId.From("interval-review");
    private static readonly TechniqueId InventoryTechnique = TechniqueId.From("interpersonal-inventory");

    /// <summary>Creates a task.</summary>
    /// <param name="task">The task.</param>
    /// <param name="phase">Its phase.</param>
    /// <param name="timing">When within the phase it is due.</param>
    /// <param name="citation">Where the requirement comes from.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public PhaseTask(ProtocolTask task, Phase phase, TaskTiming timing, Citation citation)
    {
        Task = task;
        Phase = phase;
        Timing = timing;
        Citation = citation;
    }

    /// <summary>Gets the task.</summary>
    public required ProtocolTask Task { get; init => field = Guard.Defined(value, nameof(Task)); }

    /// <summary>Gets the task's phase (<see cref="Phase.Middle"/> stands for every phase between initial and termination).</summary>
    public required Phase Phase { get; init => field = Guard.Defined(value, nameof(Phase)); }

    /// <summary>Gets when within the phase the task is due.</summary>
    public required TaskTiming Timing { get; init => field = Guard.Defined(value, nameof(Timing)); }

    /// <summary>Gets the variant requirement that calls for the task, or <see langword="null"/> when every variant with the phase requires it.</summary>
    public ProtocolRequirement? Requirement { get; init => field = Guard.Defined(value, nameof(Requirement)); }

    /// <summary>Gets the session task that records it in a session, when it is recorded that way.</summary>
    public SessionTask? RecordedAs { get; init => field = Guard.Defined(value, nameof(RecordedAs)); }

    /// <summary>Gets where the requirement comes from.</summary>
    public required Citation Citation { get; init => field = Guard.NotNull(value, nameof(Citation)); }

    /// <summary>Returns whether a protocol requires the task: it has the task's phase (a baseline is required of every protocol) and, when the task is variant-specific, the requirement.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <returns><see langword="true"/> when required.</returns>
    public bool AppliesTo(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (Requirement is { } requirement && !protocol.Requires(requirement))
        {
            return false;
        }

        return Phase switch
        {
            _ when Task == ProtocolTask.TimeLimitReminder => protocol.CorePhase == Phase.Middle && protocol.TerminationSessions.Max > 0,
            Phase.PreTreatment => protocol.PreTreatmentSessions.Max > 0,
            Phase.Initial => protocol.InitialSessions.Max > 0 || Timing == TaskTiming.ByFirstTreatmentSession,
            Phase.Termination => protocol.TerminationSessions.Max > 0,
            _ => true,
        };
    }

    /// <summary>
    /// Returns whether a session records the task (whatever its status or phase; the caller judges
    /// when): its <see cref="RecordedAs"/> session task; for the interval review also the
    /// <c>interval-review</c> technique; for the inventory also the <c>interpersonal-inventory</c>
    /// technique; for the time-limit reminder also the ending raised (in the
    /// middle phase, where the caller judges it); for the social-rhythm review also a Social Rhythm Metric
    /// measure; for caregiver involvement also a joint session or a parent or caregiver of the
    /// inventory among the attendees [MUFSON]. Tasks that are course records (sick role, focus,
    /// formulation, contract), the baseline and the pre-group meeting are not recorded this way.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="course">The course (for the inventory, to know who attended).</param>
    /// <returns><see langword="true"/> when the session records it.</returns>
    public bool IsRecordedIn(Session session, Course course)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(course);
        if (RecordedAs is { } recorded && session.Has(recorded))
        {
            return true;
        }

        switch (Task)
        {
            case ProtocolTask.IntervalReview:
                return session.Used(IntervalReviewTechnique);
            case ProtocolTask.InterpersonalInventory:
                return session.Used(InventoryTechnique);
            case ProtocolTask.TimeLimitReminder:
                return session.Has(SessionTask.EndingRaised);
            case ProtocolTask.SocialRhythmReview:
                return session.MeasureOf(BuiltInInstruments.Srm5.Id) is not null || session.MeasureOf(BuiltInInstruments.Srm17.Id) is not null;
            case ProtocolTask.CaregiverInvolvement:
                if (session.Format == SessionFormat.Joint)
                {
                    return true;
                }

                foreach (var id in session.Attendees)
                {
                    if (course.Inventory.TryGet(id, out var person) && person.Relationship is Relationship.Parent or Relationship.Caregiver)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Describes the task.</summary>
    /// <returns>A string such as <c>EndingRaised (Termination, BeforeEnd)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Task} ({Phase}, {Timing})");
}

/// <summary>
/// The phase tasks the built-in protocols require, from sections 4 and 10 of the domain reference:
/// the one list the rules' deadlines, the technique advisor's phase tasks, the fidelity checklist and
/// the FHIR PlanDefinition read. Events call for other tasks (a risk review after a positive safety
/// item, a plan review without improvement, alternative treatment for a non-responder); they are not
/// phase tasks.
/// </summary>
public static class PhaseTasks
{
    private static readonly Citation Initial = new(Confidence.High, "WMK", "MARK", "ISIPT");

    /// <summary>Gets every built-in phase task, in session order.</summary>
    public static ValueList<PhaseTask> All { get; } =
    [
        new(ProtocolTask.PreGroupMeeting, Phase.PreTreatment, TaskTiming.Early, new(Confidence.High, "WHO", "WILFLEY")) { Requirement = ProtocolRequirement.PreGroupMeeting },
        new(ProtocolTask.BaselineMeasure, Phase.Initial, TaskTiming.ByFirstTreatmentSession, new(Confidence.High, "MARK", "WMK", "NHSTT")),
        new(ProtocolTask.Diagnosis, Phase.Initial, TaskTiming.Early, new(Confidence.High, "MARK", "WMK")) { RecordedAs = SessionTask.Diagnosis },
        new(ProtocolTask.Psychoeducation, Phase.Initial, TaskTiming.Early, new(Confidence.High, "MARK", "IPTUK")) { RecordedAs = SessionTask.Psychoeducation },
        new(ProtocolTask.SickRole, Phase.Initial, TaskTiming.Early, new(Confidence.High, "IPTUK", "MARK", "MUFSON")),
        new(ProtocolTask.MedicationAssessment, Phase.Initial, TaskTiming.Throughout, new(Confidence.High, "MARK")) { RecordedAs = SessionTask.MedicationAssessment },
        new(ProtocolTask.InterpersonalInventory, Phase.Initial, TaskTiming.Early, Initial) { RecordedAs = SessionTask.InterpersonalInventory },
        new(ProtocolTask.ClosenessCircle, Phase.Initial, TaskTiming.Early, new(Confidence.Medium, "MUFSON")) { Requirement = ProtocolRequirement.ClosenessCircle, RecordedAs = SessionTask.ClosenessCircle },
        new(ProtocolTask.CaregiverInvolvement, Phase.Initial, TaskTiming.Early, new(Confidence.High, "MUFSON")) { Requirement = ProtocolRequirement.CaregiverInInitialPhase, RecordedAs = SessionTask.CaregiverInvolvement },
        new(ProtocolTask.SymptomLinking, Phase.Initial, TaskTiming.Throughout, new(Confidence.High, "WMK")) { RecordedAs = SessionTask.SymptomLinking },
        new(ProtocolTask.ProblemAreaSelected, Phase.Initial, TaskTiming.Late, Initial),
        new(ProtocolTask.FormulationAgreed, Phase.Initial, TaskTiming.Late, new(Confidence.High, "MARK", "STUART")),
        new(ProtocolTask.ContractAgreed, Phase.Initial, TaskTiming.Late, new(Confidence.High, "WMK", "MARK")),
        new(ProtocolTask.GoalSetting, Phase.Initial, TaskTiming.Late, new(Confidence.Medium, "SEEDS")) { RecordedAs = SessionTask.GoalSetting },
        new(ProtocolTask.IntervalReview, Phase.Middle, TaskTiming.EverySession, new(Confidence.High, "WMK", "ISIPT")) { RecordedAs = SessionTask.IntervalReview },
        new(ProtocolTask.SocialRhythmReview, Phase.Middle, TaskTiming.EverySession, new(Confidence.High, "FRANK")) { Requirement = ProtocolRequirement.SocialRhythmMetric, RecordedAs = SessionTask.SocialRhythmReview },
        new(ProtocolTask.TimeLimitReminder, Phase.Middle, TaskTiming.Throughout, new(Confidence.Medium, "WMK", "ISIPT", "CSPRS")) { RecordedAs = SessionTask.TimeLimitReminder },
        new(ProtocolTask.EndingRaised, Phase.Termination, TaskTiming.BeforeEnd, new(Confidence.High, "WMK", "STUART", "ISIPT")) { RecordedAs = SessionTask.EndingRaised },
        new(ProtocolTask.FeelingsAboutEnding, Phase.Termination, TaskTiming.Early, new(Confidence.High, "WMK", "STUART")) { RecordedAs = SessionTask.FeelingsAboutEnding },
        new(ProtocolTask.ProgressReview, Phase.Termination, TaskTiming.Early, new(Confidence.High, "WMK", "ISIPT")) { RecordedAs = SessionTask.ProgressReview },
        new(ProtocolTask.RelapsePreventionPlan, Phase.Termination, TaskTiming.Throughout, new(Confidence.High, "WMK", "STUART")) { RecordedAs = SessionTask.RelapsePreventionPlan },
        new(ProtocolTask.ContinuationDiscussed, Phase.Termination, TaskTiming.Throughout, new(Confidence.High, "WMK")) { RecordedAs = SessionTask.ContinuationDiscussed },
    ];

    /// <summary>Returns the built-in task of a kind.</summary>
    /// <param name="task">The task.</param>
    /// <returns>Its definition.</returns>
    public static PhaseTask Of(ProtocolTask task)
    {
        foreach (var candidate in All.AsSpan())
        {
            if (candidate.Task == task)
            {
                return candidate;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(task), task, "Not a defined protocol task.");
    }

    /// <summary>Returns the built-in tasks a protocol requires, in session order.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <returns>The tasks.</returns>
    public static ValueList<PhaseTask> For(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var tasks = new List<PhaseTask>(All.Count);
        foreach (var task in All)
        {
            if (task.AppliesTo(protocol))
            {
                tasks.Add(task);
            }
        }

        return ValueList.From(tasks);
    }
}
