using System.Globalization;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Fidelity;

/// <summary>
/// One line of a <see cref="FidelityChecklist"/>: a task the protocol requires, its window in the
/// course (from the course timeline), and where it stands.
/// </summary>
/// <remarks>
/// <para>Holds session numbers, enum values and counts only: no label or free text of the course, so
/// <see cref="ToString"/> and any output built from the item carry no patient data.</para>
/// <para>Immutable and thread-safe; equality compares every value.</para>
/// </remarks>
public sealed record ChecklistItem
{
    internal ChecklistItem()
    {
    }

    /// <summary>Gets the task.</summary>
    public required ProtocolTask Task { get; init; }

    /// <summary>Gets the task's phase (<see cref="Phase.Middle"/> stands for every phase between initial and termination).</summary>
    public required Phase Phase { get; init; }

    /// <summary>Gets when within the phase the task is due.</summary>
    public required TaskTiming Timing { get; init; }

    /// <summary>Gets the task's window in the course, as the record stands (from <see cref="CourseTimeline.WindowOf(PhaseTask)"/>).</summary>
    public required TaskWindow Window { get; init; }

    /// <summary>Gets where the task stands.</summary>
    public required ChecklistStatus Status { get; init; }

    /// <summary>Gets what shows the task as done (<see cref="ChecklistEvidence.None"/> when it is not).</summary>
    public ChecklistEvidence Evidence { get; init; }

    /// <summary>Gets the number of the session at which the task was first done, when the record says (a course record may not name one; an assessment has none).</summary>
    public int? DoneAtSession { get; init; }

    /// <summary>Gets, for a task of every session, the number of held sessions of its phase so far (0 for other tasks).</summary>
    public int Sessions { get; init; }

    /// <summary>Gets, for a task of every session, how many of those sessions record it (0 for other tasks).</summary>
    public int SessionsDone { get; init; }

    /// <summary>Gets where the requirement comes from.</summary>
    public required Citation Citation { get; init; }

    /// <summary>Describes the item with its task, window and status: no patient data.</summary>
    /// <returns>A string such as <c>InterpersonalInventory (Initial, sessions 1–3): Done at session 1</c> or <c>IntervalReview (Middle, sessions 4–13): Missed (9 of 10 sessions)</c>.</returns>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var window = Window.IsEmpty ? "no sessions"
            : Window.Opens == Window.Deadline ? string.Create(inv, $"session {Window.Opens}")
            : string.Create(inv, $"sessions {Window.Opens}–{Window.Deadline}");
        var detail = Timing == TaskTiming.EverySession
            ? string.Create(inv, $" ({SessionsDone} of {Sessions} sessions)")
            : DoneAtSession is { } at ? string.Create(inv, $" at session {at}")
            : Evidence == ChecklistEvidence.Assessment ? " before treatment"
            : string.Empty;
        return string.Create(inv, $"{Task} ({Phase}, {window}): {Status}{detail}");
    }
}
