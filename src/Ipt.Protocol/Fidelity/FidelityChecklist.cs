using System.Globalization;
using Ipt.Protocol.Protocols;
using NodaTime;

namespace Ipt.Protocol.Fidelity;

/// <summary>
/// The fidelity checklist of a course: every phase task its protocol requires
/// (<see cref="PhaseTasks.For"/>), each with its window in the course and where it stands — not yet
/// due, due, done, done late, missed, or not reached because the course ended early. It is the
/// computable counterpart of the IPT adherence scales' phase-task domains (the IPT Quality and
/// Adherence Scale [IPTI], the CSPRS IPT subscale [CSPRS]), built from the protocol's own tasks
/// (section 4 of the domain reference) rather than from a scale's items.
/// </summary>
/// <remarks>
/// <para>The windows come from the course timeline (<see cref="CourseTimeline"/>), the same the rules
/// read, so the checklist and the findings agree: a task the rules report as missing is
/// <see cref="ChecklistStatus.Missed"/> here. A record fetched mid-course is judged only on what is
/// due by its last held session; a course that ended early leaves the tasks it never reached
/// <see cref="ChecklistStatus.NotReached"/>; a missed appointment moves a deadline to the next
/// attended session; in WHO and Wilfley group IPT the pre-group meeting counts for the initial
/// tasks.</para>
/// <para>It states protocol conformance, never clinical advice, and holds no label or free text of
/// the course: <see cref="ToString"/> and every item's give numbers and names only.</para>
/// <para>Immutable and thread-safe; equality compares every value.</para>
/// </remarks>
public sealed record FidelityChecklist
{
    internal FidelityChecklist()
    {
    }

    /// <summary>Gets the protocol the course was read under.</summary>
    public required ProtocolId Protocol { get; init; }

    /// <summary>Gets where the course stands (<see cref="CourseTimeline.Status"/>).</summary>
    public required CourseStatus CourseStatus { get; init; }

    /// <summary>Gets a value indicating whether <see cref="CourseStatus"/> was inferred (the course has no lifecycle).</summary>
    public bool IsStatusInferred { get; init; }

    /// <summary>Gets the date the record describes, when its lifecycle gives one.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Gets the items, one per required task, in session order.</summary>
    public ValueList<ChecklistItem> Items { get; init; }

    /// <summary>Builds the checklist of a course under a protocol.</summary>
    /// <param name="course">The course; it is only read.</param>
    /// <param name="protocol">The protocol to read it under.</param>
    /// <param name="instruments">The instruments whose measures count as a baseline (the built-in ones when omitted), as for IPT0301.</param>
    /// <returns>The checklist.</returns>
    public static FidelityChecklist Of(Course course, ProtocolDefinition protocol, InstrumentRegistry? instruments = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(protocol);
        var timeline = CourseTimeline.Of(course, protocol);
        var items = new List<ChecklistItem>();
        foreach (var task in PhaseTasks.For(protocol))
        {
            var window = timeline.WindowOf(task);
            if (!window.IsEmpty)
            {
                items.Add(ChecklistReader.Read(timeline, task, window, instruments ?? InstrumentRegistry.BuiltIn));
            }
        }

        return new FidelityChecklist
        {
            Protocol = protocol.Id,
            CourseStatus = timeline.Status,
            IsStatusInferred = timeline.IsStatusInferred,
            AsOf = timeline.AsOf,
            Items = ValueList.From(items),
        };
    }

    /// <summary>Returns how many items have a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    public int Count(ChecklistStatus status)
    {
        var count = 0;
        foreach (var item in Items)
        {
            count += item.Status == status ? 1 : 0;
        }

        return count;
    }

    /// <summary>Returns the item of a task, when the course requires it.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public ChecklistItem? ItemOf(ProtocolTask task)
    {
        foreach (var item in Items)
        {
            if (item.Task == task)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>Summarises the checklist with counts only.</summary>
    /// <returns>A string such as <c>Fidelity checklist (ipt, Active): 21 tasks: 12 done, 0 done late, 0 missed, 3 due, 6 not yet due, 0 not reached</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Fidelity checklist ({Protocol}, {CourseStatus}): {Items.Count} tasks: {Count(ChecklistStatus.Done)} done, {Count(ChecklistStatus.DoneLate)} done late, {Count(ChecklistStatus.Missed)} missed, {Count(ChecklistStatus.Due)} due, {Count(ChecklistStatus.NotYetDue)} not yet due, {Count(ChecklistStatus.NotReached)} not reached");
}
