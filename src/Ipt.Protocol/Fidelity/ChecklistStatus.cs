namespace Ipt.Protocol.Fidelity;

/// <summary>Where a required task stands in a course, as the record shows it (see <see cref="ChecklistItem"/>).</summary>
public enum ChecklistStatus
{
    /// <summary>The record has not reached the task's window yet (an active course before its phase).</summary>
    NotYetDue,

    /// <summary>The window is open and the task is not yet done (or, for a task of every session, done in every session so far).</summary>
    Due,

    /// <summary>Done within its window (for a task of every session: in every held session of its phase).</summary>
    Done,

    /// <summary>Done, but after its deadline.</summary>
    DoneLate,

    /// <summary>The deadline has passed and the task was not done (for a task of every session: a held session of its phase lacks it).</summary>
    Missed,

    /// <summary>The course ended early, before the task's deadline, and the task was not done: it never fell due. Ending early is its own finding (IPT0607), never a missed task.</summary>
    NotReached,
}

/// <summary>What shows a task as done.</summary>
public enum ChecklistEvidence
{
    /// <summary>Nothing: the task is not done.</summary>
    None,

    /// <summary>A held session records it (<see cref="ChecklistItem.DoneAtSession"/> gives the first).</summary>
    Session,

    /// <summary>The course's own record (the sick role, the focus, the formulation, the contract, the inventory's people), at the session it names when it names one.</summary>
    CourseRecord,

    /// <summary>An intake, screening or pre-treatment assessment (a baseline measure taken outside the sessions).</summary>
    Assessment,
}
