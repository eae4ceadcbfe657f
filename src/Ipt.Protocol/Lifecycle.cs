using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// Where a course stands, as the record says: active (in progress), completed, or ended early with
/// its date and reason; and the date the record describes. Hosts send records fetched mid-course,
/// so a validator judges an active course only on what is due by <see cref="AsOf"/>. [NHSTT] (H)
/// </summary>
/// <remarks>
/// <para>Whether the values agree with each other and with the sessions (an end reason on a completed
/// course, a session held after the end) is the rule engine's question (IPT0111), not an invariant.</para>
/// <para>A course without a lifecycle is judged as before lifecycles existed; see
/// <see cref="Course.Lifecycle"/>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record CourseLifecycle
{
    /// <summary>Creates a lifecycle with a status.</summary>
    /// <param name="status">Where the course stands.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public CourseLifecycle(CourseStatus status) => Status = status;

    /// <summary>Creates a lifecycle; <see cref="Status"/> must be set.</summary>
    public CourseLifecycle()
    {
    }

    /// <summary>Gets where the course stands.</summary>
    public required CourseStatus Status { get; init => field = Guard.Defined(value, nameof(Status)); }

    /// <summary>Gets the date the record describes (when it was fetched or last brought up to date), when known.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Gets the date the course ended, when it has ended.</summary>
    public LocalDate? EndedOn { get; init; }

    /// <summary>Gets why the course ended early, when it did.</summary>
    public EndReason? EndReason { get; init => field = Guard.Defined(value, nameof(EndReason)); }

    /// <summary>Gets a value indicating whether the course has ended (completed or ended early).</summary>
    public bool HasEnded => Status != CourseStatus.Active;

    /// <summary>Describes the lifecycle.</summary>
    /// <returns>A string such as <c>EndedEarly (LostToContact, 2026-03-02)</c>.</returns>
    public override string ToString() => (EndReason, EndedOn) switch
    {
        ({ } reason, { } on) => string.Create(CultureInfo.InvariantCulture, $"{Status} ({reason}, {on:uuuu-MM-dd})"),
        ({ } reason, null) => $"{Status} ({reason})",
        (null, { } on) => string.Create(CultureInfo.InvariantCulture, $"{Status} ({on:uuuu-MM-dd})"),
        _ => Status.ToString(),
    };
}
