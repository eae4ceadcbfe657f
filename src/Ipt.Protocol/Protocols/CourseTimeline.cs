using NodaTime;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// A course read under its protocol, computed once: the contract in force, which sessions are
/// treatment sessions and which take a slot of the contract, attendance counts, make-ups, and where
/// the course stands (from its lifecycle, or inferred). The rules, the outcomes and the tool read
/// these facts here, so each has one home.
/// </summary>
/// <remarks>
/// <para>Where the course stands comes from <see cref="Course.Lifecycle"/>. A course without a
/// lifecycle is judged <em>over</em> when its contracted treatment sessions (the protocol's minimum
/// when there is no contract) are all recorded, at least one was attended and no session is
/// planned: <em>completed</em> when a termination-phase session was held (or the protocol has no
/// termination phase), <em>ended early</em> otherwise. Any other course is in progress.</para>
/// <para>An immutable value; computing it allocates nothing.</para>
/// </remarks>
public readonly struct CourseTimeline
{
    private CourseTimeline(Course course, ProtocolDefinition protocol)
    {
        Course = course;
        Protocol = protocol;

        var contracted = course.Contract?.Sessions;
        foreach (var renegotiation in course.Renegotiations)
        {
            contracted = renegotiation.Sessions ?? contracted;
        }

        ContractedSessions = contracted ?? protocol.Sessions.Default;
        var sessions = course.Sessions.AsSpan();
        foreach (var session in sessions)
        {
            if (session.Replaces is not null)
            {
                MakeUpCount++;
            }
        }

        var firstCore = -1;
        var terminationHeld = false;
        var anyPlanned = false;
        foreach (var session in sessions)
        {
            if (session.Phase == Phase.PreTreatment)
            {
                PreTreatmentCount++;
            }

            if (session.Status == SessionStatus.Planned)
            {
                anyPlanned = true;
            }

            if (!IsTreatment(session))
            {
                continue;
            }

            if (!session.IsCancelled && !IsReplaced(session))
            {
                TreatmentCount++;
            }

            if (session.IsHeld)
            {
                HeldTreatmentCount++;
                InitialPhaseOver |= session.Phase is Phase.Middle or Phase.Maintenance or Phase.Termination;
                terminationHeld |= session.Phase == Phase.Termination;
            }

            if (firstCore < 0 && session.Phase == protocol.CorePhase && !session.IsCancelled)
            {
                firstCore = session.Number;
            }
        }

        FirstCoreSessionNumber = firstCore;
        if (course.Lifecycle is { } lifecycle)
        {
            Status = lifecycle.Status;
            AsOf = lifecycle.AsOf;
            IsInferred = false;
        }
        else
        {
            var required = course.Contract is null ? protocol.Sessions.Min : ContractedSessions;
            var over = !anyPlanned && TreatmentCount >= required && HeldTreatmentCount > 0;
            Status = !over ? CourseStatus.Active
                : terminationHeld || protocol.TerminationSessions.Max == 0 ? CourseStatus.Completed
                : CourseStatus.EndedEarly;
            IsInferred = true;
        }
    }

    /// <summary>Gets the course.</summary>
    public Course Course { get; }

    /// <summary>Gets the protocol the course is read under.</summary>
    public ProtocolDefinition Protocol { get; }

    /// <summary>Gets the number of treatment sessions in the contract in force, or the protocol's default when there is no contract.</summary>
    public int ContractedSessions { get; }

    /// <summary>Gets the number of pre-treatment sessions.</summary>
    public int PreTreatmentCount { get; }

    /// <summary>
    /// Gets the number of treatment sessions that take a slot of the contract: held, planned or
    /// missed, neither cancelled nor replaced by a make-up session.
    /// </summary>
    public int TreatmentCount { get; }

    /// <summary>Gets the number of held treatment sessions (sessions the patient attended).</summary>
    public int HeldTreatmentCount { get; }

    /// <summary>Gets the number of make-up sessions (sessions that replace a missed or cancelled one).</summary>
    public int MakeUpCount { get; }

    /// <summary>Gets a value indicating whether a treatment session after the initial phase has been held.</summary>
    public bool InitialPhaseOver { get; }

    /// <summary>Gets the number of the first (non-cancelled) session of the core phase, or -1.</summary>
    public int FirstCoreSessionNumber { get; }

    /// <summary>Gets where the course stands: from its lifecycle, or inferred from its sessions when it has none.</summary>
    public CourseStatus Status { get; }

    /// <summary>Gets a value indicating whether <see cref="Status"/> was inferred (the course has no lifecycle).</summary>
    public bool IsInferred { get; }

    /// <summary>Gets the date the record describes, when its lifecycle gives one.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>Gets the attendance of the treatment sessions: counts per category and the rate.</summary>
    public AttendanceSummary Attendance => AttendanceSummary.Of(this);

    /// <summary>Gets a value indicating whether the course is completed, so that the termination phase's tasks are due.</summary>
    public bool IsFinished => Status == CourseStatus.Completed;

    /// <summary>Gets a value indicating whether the course has ended (completed or ended early).</summary>
    public bool HasEnded => Status != CourseStatus.Active;

    /// <summary>Reads a course under a protocol.</summary>
    /// <param name="course">The course.</param>
    /// <param name="protocol">The protocol.</param>
    /// <returns>The timeline.</returns>
    public static CourseTimeline Of(Course course, ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(protocol);
        return new(course, protocol);
    }

    /// <summary>
    /// Returns whether a session counts as a treatment session: not pre-treatment and, in a group
    /// protocol, not an individual meeting (the individual meetings of group IPT are extra to the
    /// contracted group sessions).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns><see langword="true"/> for a treatment session.</returns>
    public bool IsTreatment(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Phase != Phase.PreTreatment && !(Protocol.IsGroup && session.Format == SessionFormat.Individual);
    }

    /// <summary>
    /// Returns whether a session takes a slot of the contract: a treatment session that is neither
    /// cancelled nor replaced by a make-up session. Missed sessions take their slot.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns><see langword="true"/> when it takes a slot.</returns>
    public bool TakesSlot(Session session) => IsTreatment(session) && !session.IsCancelled && !IsReplaced(session);

    /// <summary>Returns whether a make-up session replaces a session.</summary>
    /// <param name="session">The session.</param>
    /// <returns><see langword="true"/> when a make-up replaces it.</returns>
    public bool IsReplaced(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (MakeUpCount == 0)
        {
            return false;
        }

        foreach (var candidate in Course.Sessions.AsSpan())
        {
            if (candidate.Replaces == session.Number && !ReferenceEquals(candidate, session))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns whether a held session counts for the initial phase's tasks: a held initial-phase
    /// treatment session, or a held pre-treatment meeting when the protocol does the initial tasks
    /// there (<see cref="ProtocolDefinition.InitialTasksInPreTreatment"/>).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns><see langword="true"/> when it counts.</returns>
    public bool CountsForInitialTasks(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.IsHeld
            && ((session.Phase == Phase.Initial && IsTreatment(session))
                || (session.Phase == Phase.PreTreatment && Protocol.InitialTasksInPreTreatment));
    }

    /// <summary>Describes the timeline with counts only.</summary>
    /// <returns>A string such as <c>Active: 14 of 16 slots, 13 held</c>.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Status}{(IsInferred ? " (inferred)" : string.Empty)}: {TreatmentCount} of {ContractedSessions} slots, {HeldTreatmentCount} held");
}
