using System.Globalization;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// When a task is due in a course, as the record stands: from session <see cref="Opens"/> to its
/// deadline, session <see cref="Deadline"/> (session numbers, pre-treatment meetings first), and
/// whether the record has reached it (<see cref="HasOpened"/>) and passed it
/// (<see cref="HasClosed"/>). <see cref="CourseTimeline.WindowOf(PhaseTask)"/> computes it.
/// </summary>
/// <remarks>
/// <para>A rule that judges a task reads, for example,
/// <c>var window = context.Timeline.WindowOf(PhaseTasks.Of(ProtocolTask.InterpersonalInventory));</c>
/// then reports only when <see cref="HasClosed"/> and the task was not done in a session within the
/// window (<see cref="Contains"/>), pointing at <see cref="DeadlineIndex"/> when it is a recorded
/// session. The fidelity checklist reads the same window.</para>
/// <para>Before the record reaches the deadline, the deadline is projected from the protocol's split
/// under the contract in force (<see cref="IsProjected"/>); it may move when later sessions are
/// recorded (a missed deadline session moves the ending's deadline to the next attended one; an
/// initial phase kept a session longer moves the initial tasks' deadline with it).</para>
/// <para>An immutable value.</para>
/// </remarks>
public readonly record struct TaskWindow
{
    /// <summary>Gets the task's phase (<see cref="Phase.Middle"/> stands for every phase between initial and termination).</summary>
    public Phase Phase { get; init; }

    /// <summary>Gets the number of the first session in which the task is due, or 0 for an empty window.</summary>
    public int Opens { get; init; }

    /// <summary>Gets the number of the last session by which the task is due (its deadline).</summary>
    public int Deadline { get; init; }

    /// <summary>Gets the index in <see cref="Course.Sessions"/> of the deadline session when the record has it, or -1 when the deadline is projected.</summary>
    public int DeadlineIndex { get; init; }

    /// <summary>Gets a value indicating whether the record reaches the window: a session at or after <see cref="Opens"/> was held.</summary>
    public bool HasOpened { get; init; }

    /// <summary>Gets a value indicating whether the record is past the deadline: the phase is over, or the deadline session was held.</summary>
    public bool HasClosed { get; init; }

    /// <summary>Gets a value indicating whether the deadline is projected from the plan rather than a recorded session.</summary>
    public bool IsProjected => DeadlineIndex < 0;

    /// <summary>Gets a value indicating whether the window is empty: the course has no session of the task's phase, recorded or planned.</summary>
    public bool IsEmpty => Opens == 0;

    /// <summary>Returns whether a session number lies within the window.</summary>
    /// <param name="sessionNumber">The session number.</param>
    /// <returns><see langword="true"/> from <see cref="Opens"/> to <see cref="Deadline"/>.</returns>
    public bool Contains(int sessionNumber) => !IsEmpty && sessionNumber >= Opens && sessionNumber <= Deadline;

    /// <summary>Describes the window with session numbers only.</summary>
    /// <returns>A string such as <c>Initial: sessions 1–3 (closed)</c>.</returns>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Phase}: no sessions");
        }

        var state = HasClosed ? "closed" : HasOpened ? "open" : "not yet open";
        var sessions = Opens == Deadline
            ? string.Create(CultureInfo.InvariantCulture, $"session {Opens}")
            : string.Create(CultureInfo.InvariantCulture, $"sessions {Opens}–{Deadline}");
        return string.Create(CultureInfo.InvariantCulture, $"{Phase}: {sessions}{(IsProjected ? ", projected" : string.Empty)} ({state})");
    }
}
