using System.Globalization;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// The attendance of a course's treatment sessions, in the categories of the NHS Talking Therapies
/// data set: attended, did not attend, cancelled by the patient, cancelled by the service [NHSTT] (H).
/// Attendance is reported as attendance, never as a breach of the protocol.
/// </summary>
/// <remarks>
/// <para>Only treatment sessions count: pre-treatment meetings and the individual meetings of a group
/// protocol are left out. A make-up session counts like any other session, and the session it
/// replaces keeps its own status.</para>
/// <para>An immutable value; computing it allocates nothing.</para>
/// </remarks>
public readonly record struct AttendanceSummary
{
    /// <summary>Gets the number of contracted treatment sessions (the contract in force, or the protocol's default).</summary>
    public int Contracted { get; init; }

    /// <summary>Gets the number of treatment sessions the patient attended.</summary>
    public int Attended { get; init; }

    /// <summary>Gets the number of treatment sessions the patient did not attend (DNA).</summary>
    public int DidNotAttend { get; init; }

    /// <summary>Gets the number of treatment sessions the patient cancelled.</summary>
    public int CancelledByPatient { get; init; }

    /// <summary>Gets the number of treatment sessions the service cancelled.</summary>
    public int CancelledByService { get; init; }

    /// <summary>Gets the number of cancelled treatment sessions whose record does not say who cancelled.</summary>
    public int CancelledUnspecified { get; init; }

    /// <summary>Gets the number of treatment sessions still planned.</summary>
    public int Planned { get; init; }

    /// <summary>Gets the number of make-up sessions.</summary>
    public int MakeUps { get; init; }

    /// <summary>
    /// Gets the attendance rate: attended sessions as a share of the sessions the patient was expected
    /// at (attended, did not attend, cancelled by the patient), or <see langword="null"/> before any.
    /// </summary>
    public double? Rate
    {
        get
        {
            var expected = Attended + DidNotAttend + CancelledByPatient;
            return expected == 0 ? null : (double)Attended / expected;
        }
    }

    /// <summary>Describes the attendance with counts only.</summary>
    /// <returns>A string such as <c>11 of 12 attended, 1 did not attend, 0 cancelled</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Attended} of {Contracted} attended, {DidNotAttend} did not attend, {CancelledByPatient + CancelledByService + CancelledUnspecified} cancelled");

    /// <summary>Counts the attendance of a course's treatment sessions under its protocol.</summary>
    /// <param name="timeline">The course under its protocol.</param>
    /// <returns>The summary.</returns>
    internal static AttendanceSummary Of(in CourseTimeline timeline)
    {
        int attended = 0, missed = 0, byPatient = 0, byService = 0, unspecified = 0, planned = 0;
        foreach (var session in timeline.Course.Sessions.AsSpan())
        {
            if (!timeline.IsTreatment(session))
            {
                continue;
            }

            switch (session.Status)
            {
                case SessionStatus.Held:
                    attended++;
                    break;
                case SessionStatus.Missed:
                    missed++;
                    break;
                case SessionStatus.CancelledByPatient:
                    byPatient++;
                    break;
                case SessionStatus.CancelledByService:
                    byService++;
                    break;
                case SessionStatus.Cancelled:
                    unspecified++;
                    break;
                default:
                    planned++;
                    break;
            }
        }

        return new AttendanceSummary
        {
            Contracted = timeline.ContractedSessions,
            Attended = attended,
            DidNotAttend = missed,
            CancelledByPatient = byPatient,
            CancelledByService = byService,
            CancelledUnspecified = unspecified,
            Planned = planned,
            MakeUps = timeline.MakeUpCount,
        };
    }
}
