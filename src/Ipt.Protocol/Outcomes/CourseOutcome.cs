using System.Globalization;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Outcomes;

/// <summary>
/// The outcome of one course: where it stands, its attendance, whether it counts as a finished course
/// of treatment, the outcome of each instrument it measured, and the NHS Talking Therapies result on
/// the pair of measures. Made by <see cref="OutcomeCalculator"/>. [NHSTT] (H)
/// </summary>
/// <remarks>
/// <para>A course is a <b>finished course of treatment</b> when it has ended (completed or ended early)
/// after at least <see cref="FinishedTreatmentMinimum"/> attended treatment sessions [NHSTT] (H); a
/// caseload counts outcomes over finished courses only. The outcomes of an active course are computed
/// on the scores so far (an interim reading).</para>
/// <para>Immutable and thread-safe, with value equality. <see cref="ToString"/> gives ids, counts and
/// classifications, never patient data.</para>
/// </remarks>
public sealed record CourseOutcome
{
    /// <summary>The fewest attended treatment sessions of a finished course of treatment: 2. [NHSTT] (H)</summary>
    public const int FinishedTreatmentMinimum = 2;

    internal CourseOutcome(in CourseTimeline timeline, ValueList<InstrumentOutcome> instruments, PairedOutcome paired)
    {
        Protocol = timeline.Protocol.Id;
        PrimaryInstrument = timeline.Protocol.PrimaryInstrument;
        Status = timeline.Status;
        IsStatusInferred = timeline.IsStatusInferred;
        Attendance = timeline.Attendance;
        Instruments = instruments;
        Paired = paired;
    }

    /// <summary>Gets the protocol the course was read under.</summary>
    public ProtocolId Protocol { get; }

    /// <summary>Gets the protocol's primary instrument.</summary>
    public InstrumentId PrimaryInstrument { get; }

    /// <summary>Gets where the course stands (<see cref="CourseTimeline.Status"/>): active, completed or ended early.</summary>
    public CourseStatus Status { get; }

    /// <summary>Gets a value indicating whether <see cref="Status"/> was inferred from the sessions (the course has no lifecycle).</summary>
    public bool IsStatusInferred { get; }

    /// <summary>Gets the attendance of the treatment sessions.</summary>
    public AttendanceSummary Attendance { get; }

    /// <summary>Gets the number of attended treatment sessions.</summary>
    public int AttendedTreatmentSessions => Attendance.Attended;

    /// <summary>Gets a value indicating whether the course has ended (completed or ended early).</summary>
    public bool HasEnded => Status != CourseStatus.Active;

    /// <summary>Gets a value indicating whether the course is a finished course of treatment: ended after at least <see cref="FinishedTreatmentMinimum"/> attended treatment sessions. [NHSTT] (H)</summary>
    public bool IsFinishedTreatment => HasEnded && Attendance.Attended >= FinishedTreatmentMinimum;

    /// <summary>Gets the outcome of each known instrument the course has a score of, in the order of the instrument registry (unknown instruments are left out; IPT0706 reports them).</summary>
    public ValueList<InstrumentOutcome> Instruments { get; }

    /// <summary>Gets the NHS Talking Therapies outcome on the pair of measures (PHQ-9 and GAD-7 by default).</summary>
    public PairedOutcome Paired { get; }

    /// <summary>Gets the outcome of the protocol's primary instrument, when the course has a score of it.</summary>
    public InstrumentOutcome? Primary => OutcomeOf(PrimaryInstrument);

    /// <summary>Returns the outcome of an instrument, when the course has a score of it.</summary>
    /// <param name="instrument">The instrument's id.</param>
    /// <returns>The outcome, or <see langword="null"/>.</returns>
    public InstrumentOutcome? OutcomeOf(InstrumentId instrument)
    {
        foreach (var outcome in Instruments)
        {
            if (outcome.Instrument == instrument)
            {
                return outcome;
            }
        }

        return null;
    }

    /// <summary>Describes the outcome with ids, counts and classifications only.</summary>
    /// <returns>A string such as <c>ipt Completed: 16 treatment sessions attended, finished treatment; 1 instrument; phq-9 + gad-7: caseness NotComputable, ...</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Protocol} {Status}{(IsStatusInferred ? " (inferred)" : string.Empty)}: {AttendedTreatmentSessions} treatment sessions attended, {(IsFinishedTreatment ? "finished treatment" : "not a finished treatment")}; {Instruments.Count} {(Instruments.Count == 1 ? "instrument" : "instruments")}; {Paired}");
}
