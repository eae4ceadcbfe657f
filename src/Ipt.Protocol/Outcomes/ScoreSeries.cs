using System.Globalization;
using Ipt.Protocol.Protocols;
using NodaTime;

namespace Ipt.Protocol.Outcomes;

/// <summary>Where a score was recorded: in an assessment outside the sessions, or in a session.</summary>
public enum ScoreSource
{
    /// <summary>In one of <see cref="Course.Assessments"/> (intake, screening, pre-treatment or follow-up).</summary>
    Assessment,

    /// <summary>In one of <see cref="Course.Sessions"/> (a held pre-treatment meeting or treatment session).</summary>
    Session,
}

/// <summary>
/// One score of an instrument in a course and where it came from: the session or assessment (by its
/// index in the course and its number or occasion), the position of the measurement in it, the date
/// when recorded, and the measurement itself.
/// </summary>
/// <remarks>Immutable and thread-safe; equality compares every member (the measurement by value).</remarks>
public readonly record struct ScorePoint
{
    /// <summary>Gets where the score was recorded.</summary>
    public ScoreSource Source { get; private init; }

    /// <summary>Gets the 0-based index of the session in <see cref="Course.Sessions"/> or of the assessment in <see cref="Course.Assessments"/>.</summary>
    public int Index { get; private init; }

    /// <summary>Gets the 0-based index of the measurement in that session's or assessment's measures.</summary>
    public int MeasureIndex { get; private init; }

    /// <summary>Gets the session's number, for a score recorded in a session.</summary>
    public int? SessionNumber { get; private init; }

    /// <summary>Gets the session's phase, for a score recorded in a session.</summary>
    public Phase? Phase { get; private init; }

    /// <summary>Gets the assessment's occasion, for a score recorded in an assessment.</summary>
    public AssessmentOccasion? Occasion { get; private init; }

    /// <summary>Gets the date of the session or assessment, when recorded.</summary>
    public LocalDate? Date { get; private init; }

    /// <summary>Gets the measurement.</summary>
    public Measurement Measure { get; private init; }

    /// <summary>Gets the score: <see cref="Measurement.Value"/> (a mean for a mean-scored instrument).</summary>
    public decimal Value => Measure?.Value ?? 0;

    /// <summary>Gets the path of the measurement in a course document, such as <c>$.sessions[0].measures[1]</c> or <c>$.assessments[0].measures[0]</c>.</summary>
    public DocumentPath Path => (Source == ScoreSource.Session ? DocumentPath.Session(Index) : DocumentPath.Of("assessments").At(Index)).Property("measures").At(MeasureIndex);

    /// <summary>Describes the score and where it came from (no dates, no free text).</summary>
    /// <returns>A string such as <c>18 (session 1)</c> or <c>18 (Intake assessment)</c>.</returns>
    public override string ToString() => Source == ScoreSource.Session
        ? string.Create(CultureInfo.InvariantCulture, $"{Value} (session {SessionNumber})")
        : string.Create(CultureInfo.InvariantCulture, $"{Value} ({Occasion} assessment)");

    internal bool IsAt(ScoreSource source, int index, int measureIndex) =>
        Source == source && Index == index && MeasureIndex == measureIndex;

    internal static ScorePoint InSession(Session session, int index, int measureIndex) => new()
    {
        Source = ScoreSource.Session,
        Index = index,
        MeasureIndex = measureIndex,
        SessionNumber = session.Number,
        Phase = session.Phase,
        Date = session.Date,
        Measure = session.Measures[measureIndex],
    };

    internal static ScorePoint InAssessment(Assessment assessment, int index, int measureIndex) => new()
    {
        Source = ScoreSource.Assessment,
        Index = index,
        MeasureIndex = measureIndex,
        Occasion = assessment.Occasion,
        Date = assessment.Date,
        Measure = assessment.Measures[measureIndex],
    };
}

/// <summary>
/// The scores of one instrument in a course, read once: the <b>baseline</b> and the
/// <b>end-of-treatment</b> score that outcomes are computed on, and how many scores there are. This
/// is the one home of both definitions: the rules (IPT0606, IPT0607, IPT0705) and the outcomes read
/// them here. [NHSTT] (H)
/// </summary>
/// <remarks>
/// <para><b>Baseline</b>: the earliest intake, screening or pre-treatment assessment (by date; the
/// first in the list on a tie) that has the instrument; else the first held session that has it,
/// pre-treatment meetings included.</para>
/// <para><b>End of treatment</b>: the last held treatment session (see
/// <see cref="CourseTimeline.IsTreatment"/>: not a pre-treatment meeting, not an individual meeting of
/// a group protocol) that has the instrument, unless that measurement is the baseline itself; one
/// score is no pair. NHS Talking Therapies compute outcomes on the first and last scores, the last
/// at the last attended treatment contact [NHSTT] (H).</para>
/// <para><b>Follow-ups</b> (assessments at follow-up) are kept apart: they are neither baseline nor end of
/// treatment; read them with <see cref="FollowUpsOf"/>. Assessments of occasion
/// <see cref="AssessmentOccasion.Other"/> and missed, cancelled or planned sessions are not read. A
/// session with two measurements of the instrument is read at the first.</para>
/// <para>An immutable value; <see cref="Of"/> allocates nothing, so the rule engine can read it while
/// validating.</para>
/// </remarks>
public readonly record struct ScoreSeries
{
    /// <summary>Gets the instrument.</summary>
    public InstrumentId Instrument { get; private init; }

    /// <summary>Gets the baseline score, when there is one.</summary>
    public ScorePoint? Baseline { get; private init; }

    /// <summary>Gets the end-of-treatment score (the last held treatment session with a score other than the baseline), when there is one.</summary>
    public ScorePoint? EndOfTreatment { get; private init; }

    /// <summary>Gets the number of held treatment sessions with a score of the instrument.</summary>
    public int TreatmentScoreCount { get; private init; }

    /// <summary>Gets the number of follow-up assessments with a score of the instrument.</summary>
    public int FollowUpCount { get; private init; }

    /// <summary>Gets a value indicating whether the series has both a baseline and an end-of-treatment score, so that outcomes can be computed.</summary>
    public bool IsPaired => Baseline is not null && EndOfTreatment is not null;

    /// <summary>Gets the latest score before follow-up: the end-of-treatment score, else the baseline.</summary>
    public ScorePoint? Latest => EndOfTreatment ?? Baseline;

    /// <summary>Reads the scores of an instrument in a course.</summary>
    /// <param name="timeline">The course under its protocol.</param>
    /// <param name="instrument">The instrument's id.</param>
    /// <returns>The series; empty (no baseline, no end of treatment) when the course has no score of the instrument.</returns>
    public static ScoreSeries Of(in CourseTimeline timeline, InstrumentId instrument)
    {
        var course = timeline.Course;
        if (course is null)
        {
            return new ScoreSeries { Instrument = instrument };
        }

        var baseline = BaselineOf(course, instrument);
        var followUps = 0;
        foreach (var assessment in course.Assessments.AsSpan())
        {
            if (assessment.Occasion == AssessmentOccasion.FollowUp && IndexOf(assessment.Measures, instrument) >= 0)
            {
                followUps++;
            }
        }

        var sessions = course.Sessions.AsSpan();
        ScorePoint? last = null;
        var count = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (!session.IsHeld)
            {
                continue;
            }

            var j = IndexOf(session.Measures, instrument);
            if (j < 0)
            {
                continue;
            }

            if (timeline.IsTreatment(session))
            {
                count++;
                if (baseline is not { } first || !first.IsAt(ScoreSource.Session, i, j))
                {
                    last = ScorePoint.InSession(session, i, j);
                }
            }
        }

        return new ScoreSeries
        {
            Instrument = instrument,
            Baseline = baseline,
            EndOfTreatment = last,
            TreatmentScoreCount = count,
            FollowUpCount = followUps,
        };
    }

    /// <summary>
    /// Returns the baseline score of an instrument in a course, as <see cref="Of"/> finds it: the earliest
    /// intake, screening or pre-treatment assessment that has it (by date), else the first held session
    /// that has it (a pre-treatment meeting included).
    /// </summary>
    /// <param name="course">The course.</param>
    /// <param name="instrument">The instrument's id.</param>
    /// <returns>The baseline, or <see langword="null"/> when the course has no score of the instrument.</returns>
    public static ScorePoint? BaselineOf(Course course, InstrumentId instrument)
    {
        ArgumentNullException.ThrowIfNull(course);
        ScorePoint? baseline = null;
        var assessments = course.Assessments.AsSpan();
        for (var i = 0; i < assessments.Length; i++)
        {
            var assessment = assessments[i];
            if (assessment.IsBeforeTreatment && IndexOf(assessment.Measures, instrument) is var j and >= 0 && (baseline is not { } earlier || assessment.Date < earlier.Date))
            {
                baseline = ScorePoint.InAssessment(assessment, i, j);
            }
        }

        if (baseline is not null)
        {
            return baseline;
        }

        var sessions = course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].IsHeld && IndexOf(sessions[i].Measures, instrument) is var j and >= 0)
            {
                return ScorePoint.InSession(sessions[i], i, j);
            }
        }

        return null;
    }

    /// <summary>Returns the follow-up scores of an instrument in a course, by date (the order of <see cref="Course.Assessments"/> on a tie).</summary>
    /// <param name="course">The course.</param>
    /// <param name="instrument">The instrument's id.</param>
    /// <returns>The follow-up scores; empty when there are none.</returns>
    public static ValueList<ScorePoint> FollowUpsOf(Course course, InstrumentId instrument)
    {
        ArgumentNullException.ThrowIfNull(course);
        List<ScorePoint>? found = null;
        var assessments = course.Assessments.AsSpan();
        for (var i = 0; i < assessments.Length; i++)
        {
            if (assessments[i].Occasion == AssessmentOccasion.FollowUp && IndexOf(assessments[i].Measures, instrument) is var j and >= 0)
            {
                (found ??= []).Add(ScorePoint.InAssessment(assessments[i], i, j));
            }
        }

        if (found is null)
        {
            return ValueList<ScorePoint>.Empty;
        }

        // A stable sort: equal dates keep the order of the record.
        return ValueList.From(found.OrderBy(p => p.Date));
    }

    /// <summary>Describes the series with scores only.</summary>
    /// <returns>A string such as <c>phq-9: 18 (session 1) -> 7 (session 16), 5 scores in treatment</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Instrument}: {Baseline?.ToString() ?? "no baseline"} -> {EndOfTreatment?.ToString() ?? "no end-of-treatment score"}, {TreatmentScoreCount} scores in treatment");

    private static int IndexOf(ValueList<Measurement> measures, InstrumentId instrument)
    {
        var span = measures.AsSpan();
        for (var j = 0; j < span.Length; j++)
        {
            if (span[j].Instrument == instrument)
            {
                return j;
            }
        }

        return -1;
    }
}
