using NodaTime;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// A course read under its protocol, computed once: the one home of protocol timing. It holds the
/// contract in force, which sessions are treatment sessions and which take a slot of the contract,
/// attendance counts, make-ups and where the course stands (from its lifecycle, or inferred); the
/// phase split under the contract in force (<see cref="Plan"/>); each phase as the record has it
/// (<see cref="PhaseWindow"/>); each required task's window, from when it is due to its deadline
/// (<see cref="WindowOf(PhaseTask)"/>); and the cadence in force for each session, taper included.
/// The rules, the technique advisor, the fidelity checklist, the outcomes and the scheduler read these
/// facts here.
/// </summary>
/// <remarks>
/// <para>Where the course stands comes from <see cref="Course.Lifecycle"/>. A course without a
/// lifecycle is judged <em>over</em> when its contracted treatment sessions (the protocol's minimum
/// when there is no contract) are all recorded, at least one was attended and no session is
/// planned: <em>completed</em> when a termination-phase session was held (or the protocol has no
/// termination phase), <em>ended early</em> otherwise. Any other course is in progress.</para>
/// <para>Numbers and slots: sessions are numbered in the order they happen, pre-treatment meetings
/// first. A treatment session that takes a slot of the contract (held, planned or missed; not
/// cancelled, not replaced by a make-up) has a slot, 1 to <see cref="ContractedSessions"/>: the
/// protocol's split is a split of slots. Beyond the record, numbers and slots are projected: the
/// next session after the highest recorded number takes the next slot.</para>
/// <para>Phases as they stand: a phase's window opens at its first recorded session and closes when
/// the patient has attended a treatment session of a later phase (the last phase: when the course
/// is completed); until then its end is projected from the plan, or later when the record already
/// has more sessions of the phase. So a therapist who keeps the initial phase for a fourth session
/// moves the initial tasks' deadline with it (IPT0202 reports an initial phase longer than allowed).</para>
/// <para>An immutable value; computing it and reading every member but <see cref="Attendance"/>'s
/// <c>ToString</c> allocates nothing, so the rule engine reads it while validating.</para>
/// </remarks>
public readonly struct CourseTimeline
{
    /// <summary>Beyond this many contracted sessions the contracted end is not computed (a malformed contract; IPT0101 reports it).</summary>
    private const int MaxSteps = 10_000;

    private readonly ContractTerms terms;
    private readonly PhaseMarks marks;
    private readonly int highestNumber;
    private readonly int heldRankMax;

    private CourseTimeline(Course course, ProtocolDefinition protocol)
    {
        Course = course;
        Protocol = protocol;
        terms = ContractTerms.Of(course);
        ContractedSessions = terms.Sessions ?? protocol.Sessions.Default;
        var sessions = course.Sessions.AsSpan();
        foreach (var session in sessions)
        {
            if (session.Replaces is not null)
            {
                MakeUpCount++;
            }
        }

        var firstCore = -1;
        FirstHeldTreatmentNumber = -1;
        LastHeldTreatmentNumber = -1;
        var terminationHeld = false;
        var anyPlanned = false;
        var marks = default(PhaseMarks);
        var heldRank = -1;
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            highestNumber = Math.Max(highestNumber, session.Number);
            if (!session.IsCancelled)
            {
                marks.Mark(PhasePlan.Rank(session.Phase), session.Number, i);
            }

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
                FirstHeldTreatmentNumber = FirstHeldTreatmentNumber < 0 ? session.Number : FirstHeldTreatmentNumber;
                LastHeldTreatmentNumber = session.Number;
                terminationHeld |= session.Phase == Phase.Termination;
                heldRank = Math.Max(heldRank, PhasePlan.Rank(session.Phase));
            }

            if (firstCore < 0 && session.Phase == protocol.CorePhase && !session.IsCancelled)
            {
                firstCore = session.Number;
            }
        }

        this.marks = marks;
        heldRankMax = heldRank;
        FirstCoreSessionNumber = firstCore;
        Plan = protocol.PlanPhases(ContractedSessions, sessions.IsEmpty ? protocol.PreTreatmentSessions.Default : PreTreatmentCount);
        if (course.Lifecycle is { } lifecycle)
        {
            Status = lifecycle.Status;
            AsOf = lifecycle.AsOf;
            IsStatusInferred = false;
        }
        else
        {
            var required = course.Contract is null ? protocol.Sessions.Min : ContractedSessions;
            var over = !anyPlanned && TreatmentCount >= required && HeldTreatmentCount > 0;
            Status = !over ? CourseStatus.Active
                : terminationHeld || protocol.TerminationSessions.Max == 0 ? CourseStatus.Completed
                : CourseStatus.EndedEarly;
            IsStatusInferred = true;
        }
    }

    /// <summary>Gets the course.</summary>
    public Course Course { get; }

    /// <summary>Gets the protocol the course is read under.</summary>
    public ProtocolDefinition Protocol { get; }

    /// <summary>Gets the number of treatment sessions in the contract in force, or the protocol's default when there is no contract.</summary>
    public int ContractedSessions { get; }

    /// <summary>Gets the frequency of the contract in force, when agreed; it stands for the protocol's <see cref="ProtocolDefinition.Cadence"/> (cadence steps still apply in their phases).</summary>
    public Period? ContractFrequency => terms.Frequency;

    /// <summary>Gets the session length of the contract in force, when agreed.</summary>
    public Duration? ContractSessionLength => terms.SessionLength;

    /// <summary>Gets the phase split of the course: the protocol's split of <see cref="ContractedSessions"/> slots after the recorded pre-treatment meetings (the protocol's default number of them when the record has no session yet).</summary>
    public PhasePlan Plan { get; }

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

    /// <summary>Gets a value indicating whether the initial phase is over: a treatment session after it has been held, or the course is completed (<see cref="IsPhaseOver"/>).</summary>
    public bool InitialPhaseOver => IsPhaseOver(Phase.Initial);

    /// <summary>Gets the number of the first (non-cancelled) session of the core phase, or -1.</summary>
    public int FirstCoreSessionNumber { get; }

    /// <summary>Gets the number of the first held treatment session, or -1 when none is held.</summary>
    public int FirstHeldTreatmentNumber { get; }

    /// <summary>Gets the number of the last held treatment session, or -1 when none is held.</summary>
    public int LastHeldTreatmentNumber { get; }

    /// <summary>Gets the treatment slot at mid-treatment: half the contracted sessions (at least 1). IPT0705 judges improvement there.</summary>
    public int MidTreatmentSlot => Math.Max(1, ContractedSessions / 2);

    /// <summary>Gets where the course stands: from its lifecycle, or inferred from its sessions when it has none.</summary>
    public CourseStatus Status { get; }

    /// <summary>Gets a value indicating whether <see cref="Status"/> was inferred (the course has no lifecycle).</summary>
    public bool IsStatusInferred { get; }

    /// <summary>Gets the date the record describes, when its lifecycle gives one.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>Gets the attendance of the treatment sessions: counts per category and the rate.</summary>
    public AttendanceSummary Attendance => AttendanceSummary.Of(this);

    /// <summary>Gets a value indicating whether the course is completed, so that the termination phase's tasks are due.</summary>
    public bool IsFinished => Status == CourseStatus.Completed;

    /// <summary>Gets a value indicating whether the course has ended (completed or ended early).</summary>
    public bool HasEnded => Status != CourseStatus.Active;

    /// <summary>Gets the session number of the last contracted slot (recorded, or projected beyond the record).</summary>
    public int LastSessionNumber => NumberOfSlot(ContractedSessions);

    /// <summary>Gets the treatment sessions that take a slot, in record order, each with its slot: <c>foreach (var slot in timeline.Slots)</c>. Allocates nothing.</summary>
    public SlotEnumerator Slots => new(this);

    /// <summary>
    /// Gets the sessions offered on the cadence (held, planned, missed or cancelled by the patient: an
    /// appointment the service kept), in record order, each with the cadence in force for it, taper
    /// included. Service cancellations and unspecified cancellations are left out. Allocates nothing.
    /// </summary>
    public ScheduleEnumerator ScheduledSessions => new(this);

    /// <summary>Gets the index of the renegotiation that set <see cref="ContractedSessions"/>, or -1 when the contract did (or none is recorded).</summary>
    internal int ContractSessionsSetBy => terms.SessionsSetBy;

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
    public bool CountsForInitialTasks(Session session) => CountsFor(Phase.Initial, session);

    /// <summary>
    /// Returns whether a held session counts for the tasks of a phase: a held treatment session of
    /// the phase (<see cref="Phase.Middle"/> stands for every phase between initial and termination),
    /// or, for the initial phase, a held pre-treatment meeting when the protocol does the initial tasks
    /// there.
    /// </summary>
    /// <param name="phase">The task's phase.</param>
    /// <param name="session">The session.</param>
    /// <returns><see langword="true"/> when it counts.</returns>
    public bool CountsFor(Phase phase, Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.IsHeld)
        {
            return false;
        }

        if (session.Phase == Phase.PreTreatment)
        {
            return phase == Phase.PreTreatment || (phase == Phase.Initial && Protocol.InitialTasksInPreTreatment);
        }

        var (from, to) = RanksOf(phase);
        var rank = PhasePlan.Rank(session.Phase);
        return IsTreatment(session) && rank >= from && rank <= to;
    }

    /// <summary>
    /// Returns whether a task of every session (<see cref="TaskTiming.EverySession"/>) is due in a
    /// session: a held session that counts for the task's phase (<see cref="CountsFor"/>); for the
    /// social-rhythm review, every held treatment session from the protocol's
    /// <see cref="ProtocolDefinition.SocialRhythmMetricFrom"/> phase through the middle and
    /// maintenance phases except the first held treatment session (the metric scores a week of daily
    /// records). IPT0504, IPT0804 and the fidelity checklist read it.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <param name="session">The session.</param>
    /// <returns><see langword="true"/> when the session should record the task.</returns>
    public bool IsDueIn(PhaseTask task, Session session)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Task != ProtocolTask.SocialRhythmReview)
        {
            return CountsFor(task.Phase, session);
        }

        return session.Number != FirstHeldTreatmentNumber
            && (CountsFor(task.Phase, session)
                || (Protocol.SocialRhythmMetricFrom == Phase.Initial && session.IsHeld && session.Phase == Phase.Initial && IsTreatment(session)));
    }

    /// <summary>Returns the number of the first (non-cancelled) treatment session the record has in a phase, or -1.</summary>
    /// <param name="phase">The phase (exactly; <see cref="Phase.Middle"/> does not stand for maintenance here).</param>
    /// <returns>The session number, or -1.</returns>
    public int FirstTreatmentNumberIn(Phase phase)
    {
        foreach (var session in Course.Sessions.AsSpan())
        {
            if (session.Phase == phase && !session.IsCancelled && IsTreatment(session))
            {
                return session.Number;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether an appointment was offered to the patient: held, or missed or called off by the patient
    /// (their attendance, not the service's delivery). Planned appointments and service cancellations
    /// were not delivered. The cadence walks these and the planned ones (<see cref="ScheduledSessions"/>).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns><see langword="true"/> when offered.</returns>
    internal static bool WasOffered(Session session) =>
        session.Status is SessionStatus.Held or SessionStatus.Missed or SessionStatus.CancelledByPatient;

    /// <summary>
    /// Returns whether a phase is over as the record stands: the patient attended a treatment session
    /// of a later phase, or the course is completed. <see cref="Phase.Middle"/> stands for every phase
    /// between initial and termination.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <returns><see langword="true"/> when over.</returns>
    public bool IsPhaseOver(Phase phase) => IsFinished || heldRankMax > RanksOf(phase).To;

    /// <summary>
    /// Returns the session number of a treatment slot: the recorded session that takes it, or, beyond
    /// the record, the number it will have (the next numbers after the highest recorded).
    /// </summary>
    /// <param name="slot">The 1-based slot.</param>
    /// <returns>The session number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The slot is below 1.</exception>
    public int NumberOfSlot(int slot)
    {
        Guard.Positive(slot, nameof(slot));
        if (slot <= TreatmentCount)
        {
            foreach (var entry in Slots)
            {
                if (entry.Slot == slot)
                {
                    return entry.Session.Number;
                }
            }
        }

        return highestNumber + Plan.PreTreatment + slot - PreTreatmentCount - TreatmentCount;
    }

    /// <summary>
    /// Returns the number a session has in the plan (<see cref="Plan"/>): its pre-treatment meeting's
    /// place, or the pre-treatment meetings plus its slot. It differs from the recorded number after a
    /// make-up, a cancelled session, or an individual meeting of a group protocol; a session that takes
    /// no slot has the place of the next slot. Beyond the record, numbers follow on.
    /// </summary>
    /// <param name="sessionNumber">The 1-based session number.</param>
    /// <returns>The planned number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The number is below 1.</exception>
    public int PlannedNumberOf(int sessionNumber)
    {
        Guard.Positive(sessionNumber, nameof(sessionNumber));
        if (sessionNumber > highestNumber)
        {
            return PreTreatmentCount + TreatmentCount + sessionNumber - highestNumber;
        }

        var pre = 0;
        var slots = 0;
        foreach (var session in Course.Sessions.AsSpan())
        {
            var isPre = session.Phase == Phase.PreTreatment;
            var takesSlot = TakesSlot(session);
            if (session.Number == sessionNumber)
            {
                return isPre ? pre + 1 : Plan.PreTreatment + slots + 1;
            }

            pre += isPre ? 1 : 0;
            slots += takesSlot ? 1 : 0;
        }

        return Plan.PreTreatment + slots + 1;
    }

    /// <summary>
    /// Returns the phase of a session number: the phase the record gives it, or, for a number the record
    /// does not have, the plan's phase at its planned number; <see langword="null"/> beyond the last
    /// contracted session (read it in <see cref="PhasePlan.LastPhase"/> when a phase is needed).
    /// </summary>
    /// <param name="sessionNumber">The 1-based session number.</param>
    /// <returns>The phase, or <see langword="null"/>.</returns>
    public Phase? PhaseAt(int sessionNumber)
    {
        Guard.Positive(sessionNumber, nameof(sessionNumber));
        if (Course.TryGetSession(sessionNumber, out var session))
        {
            return session.Phase;
        }

        return Plan.PhaseOf(PlannedNumberOf(sessionNumber));
    }

    /// <summary>
    /// Returns the window of a phase's tasks as the record stands (see <see cref="TaskWindow"/>): it
    /// opens at the phase's first recorded session (projected from the plan before one is recorded)
    /// and its deadline is the phase's last session: recorded once the phase is over, else the later
    /// of the last recorded and the plan's last. <see cref="Phase.Middle"/> stands for every phase
    /// between initial and termination; the initial phase includes the pre-treatment meetings when the
    /// protocol does the initial tasks there. A phase the course does not have gives an empty window
    /// (<see cref="TaskWindow.IsEmpty"/>).
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The window.</returns>
    public TaskWindow PhaseWindow(Phase phase)
    {
        var (from, to) = RanksOf(phase);
        var first = 0;
        var last = 0;
        var lastIndex = -1;
        var planned = 0;
        for (var rank = from; rank <= to; rank++)
        {
            var mark = marks.At(rank);
            if (mark.First > 0 && (first == 0 || mark.First < first))
            {
                first = mark.First;
            }

            if (mark.Last > last)
            {
                last = mark.Last;
                lastIndex = mark.LastIndex;
            }

            planned += Plan.Count(PhasePlan.InSessionOrder[rank]);
        }

        if (first == 0 && planned == 0)
        {
            return new TaskWindow { Phase = phase, DeadlineIndex = -1 };
        }

        var plannedFirst = PlannedPosition(from, to, first: true);
        var plannedLast = PlannedPosition(from, to, first: false);
        var over = IsPhaseOver(phase);
        if (first == 0)
        {
            first = plannedFirst;
        }

        if (over && last > 0)
        {
            return Window(phase, first, last, lastIndex, closed: true);
        }

        var projected = plannedLast;
        return last >= projected && last > 0
            ? Window(phase, first, last, lastIndex, over)
            : Window(phase, first, projected, -1, over);
    }

    /// <summary>
    /// Returns the window of a task as the record stands: its phase's window (<see cref="PhaseWindow"/>),
    /// except that the ending (<see cref="TaskTiming.BeforeEnd"/>) opens at treatment slot N − the early
    /// notice and is due by slot N − the notice (<see cref="WindowBeforeEnd"/>), and a baseline
    /// (<see cref="TaskTiming.ByFirstTreatmentSession"/>) is due by the first treatment session the
    /// patient attends; the social-rhythm review of a protocol that starts the metric in the initial
    /// phase opens at the second treatment slot (see <see cref="IsDueIn"/>).
    /// </summary>
    /// <param name="task">The task.</param>
    /// <returns>The window.</returns>
    public TaskWindow WindowOf(PhaseTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        switch (task.Timing)
        {
            case TaskTiming.BeforeEnd:
                var due = WindowBeforeEnd(Protocol.EndingNoticeSessions);
                var opens = NumberOfSlot(Math.Max(1, ContractedSessions - Math.Max(Protocol.EarlyEndingNoticeSessions, Protocol.EndingNoticeSessions)));
                return due with { Phase = task.Phase, Opens = Math.Min(opens, due.Deadline), HasOpened = due.HasClosed || HeldFrom(opens) };
            case TaskTiming.ByFirstTreatmentSession:
                var sessions = Course.Sessions.AsSpan();
                for (var i = 0; i < sessions.Length; i++)
                {
                    if (sessions[i].IsHeld && IsTreatment(sessions[i]))
                    {
                        return new TaskWindow { Phase = task.Phase, Opens = 1, Deadline = sessions[i].Number, DeadlineIndex = i, HasOpened = true, HasClosed = true };
                    }
                }

                return new TaskWindow { Phase = task.Phase, Opens = 1, Deadline = NumberOfSlot(1), DeadlineIndex = -1, HasOpened = highestNumber > 0 && HeldFrom(1), HasClosed = false };
            default:
                var window = PhaseWindow(task.Phase);
                if (task.Task != ProtocolTask.SocialRhythmReview || Protocol.SocialRhythmMetricFrom != Phase.Initial || window.IsEmpty)
                {
                    return window;
                }

                // The Social Rhythm Metric from the initial phase: the window opens at the second treatment slot.
                var from = Math.Min(NumberOfSlot(Math.Min(2, ContractedSessions)), window.Opens);
                return window with { Opens = from, HasOpened = window.HasOpened || HeldFrom(from) };
        }
    }

    /// <summary>
    /// Returns the window of a task due by treatment slot N − <paramref name="notice"/> (the ending
    /// by N − 2): its deadline is the first session the patient attends from that slot on (a missed
    /// session is attendance, so the deadline moves to the next attended one), projected from the plan
    /// until the record has one. The window opens at the same session.
    /// </summary>
    /// <param name="notice">How many sessions before the last.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="notice"/> is negative.</exception>
    public TaskWindow WindowBeforeEnd(int notice)
    {
        Guard.NonNegative(notice, nameof(notice));
        var slot = Math.Max(1, ContractedSessions - notice);
        foreach (var entry in Slots)
        {
            if (entry.Slot >= slot && entry.Session.IsHeld)
            {
                return new TaskWindow { Phase = Phase.Termination, Opens = entry.Session.Number, Deadline = entry.Session.Number, DeadlineIndex = entry.Index, HasOpened = true, HasClosed = true };
            }
        }

        var number = NumberOfSlot(slot);
        var index = -1;
        if (slot <= TreatmentCount)
        {
            foreach (var entry in Slots)
            {
                if (entry.Slot == slot)
                {
                    index = entry.Index;
                }
            }
        }

        return new TaskWindow { Phase = Phase.Termination, Opens = number, Deadline = number, DeadlineIndex = index, HasOpened = false, HasClosed = false };
    }

    /// <summary>
    /// Returns the cadence in force for a session number: the cadence walked over the sessions offered
    /// before it (see <see cref="ScheduledSessions"/>) and moved on by its own phase.
    /// </summary>
    /// <param name="sessionNumber">The 1-based session number.</param>
    /// <returns>The cadence.</returns>
    public SessionCadence CadenceOf(int sessionNumber)
    {
        var walker = new CadenceWalker(Protocol, ContractFrequency);
        foreach (var entry in ScheduledSessions)
        {
            if (entry.Session.Number >= sessionNumber)
            {
                return entry.Session.Number == sessionNumber ? entry.Cadence : walker.Next(PhaseAt(sessionNumber) ?? Plan.LastPhase);
            }

            walker.Next(entry.Session.Phase);
        }

        return walker.Next(PhaseAt(sessionNumber) ?? Plan.LastPhase);
    }

    /// <summary>
    /// Returns the date the contract in force ends: its start date moved on by the cadence of each
    /// later slot of the plan (taper included), one more interval for each make-up and each cancelled
    /// treatment session (rescheduling is not a breach of the contract). IPT0108 adds its grace.
    /// </summary>
    /// <param name="end">The date of the last contracted session, when computable.</param>
    /// <param name="cadence">The cadence in force at the end of the course (its longest gap is IPT0108's grace).</param>
    /// <returns><see langword="false"/> when the contract has no start date, or the dates overflow the calendar.</returns>
    public bool TryGetContractedEnd(out LocalDate end, out SessionCadence cadence)
    {
        end = default;
        cadence = default;
        if (Course.Contract?.StartDate is not { } start || (long)ContractedSessions + Course.Sessions.Count > MaxSteps)
        {
            return false;
        }

        var rescheduled = MakeUpCount;
        foreach (var session in Course.Sessions.AsSpan())
        {
            if (session.IsCancelled && IsTreatment(session))
            {
                rescheduled++;
            }
        }

        var plan = Protocol.PlanPhases(ContractedSessions, 0);
        var walker = new CadenceWalker(Protocol, ContractFrequency);
        var anchor = start;
        var steps = 0;
        var interval = walker.Next(plan.PhaseOfSlot(1) ?? plan.LastPhase).Interval;
        try
        {
            for (var slot = 2; slot <= ContractedSessions + rescheduled; slot++)
            {
                var next = walker.Next(plan.PhaseOfSlot(Math.Min(slot, ContractedSessions)) ?? plan.LastPhase).Interval;
                if (!next.Equals(interval))
                {
                    anchor = CadenceWalker.After(anchor, interval, steps);
                    interval = next;
                    steps = 0;
                }

                steps++;
            }

            end = CadenceWalker.After(anchor, interval, steps);
            cadence = walker.Current;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Describes the timeline with counts only.</summary>
    /// <returns>A string such as <c>Active: 14 of 16 slots, 13 held</c>.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Status}{(IsStatusInferred ? " (inferred)" : string.Empty)}: {TreatmentCount} of {ContractedSessions} slots, {HeldTreatmentCount} held");

    /// <summary>The ranks a task's phase covers: the middle phase stands for middle and maintenance; initial includes pre-treatment when the protocol does the initial tasks there.</summary>
    private (int From, int To) RanksOf(Phase phase) => phase switch
    {
        Phase.PreTreatment => (0, 0),
        Phase.Initial => (Protocol.InitialTasksInPreTreatment ? 0 : 1, 1),
        Phase.Middle => (2, 3),
        Phase.Maintenance => (3, 3),
        _ => (4, 4),
    };

    /// <summary>The session number of the plan's first or last session over the ranks (the plan's number mapped onto the record).</summary>
    private int PlannedPosition(int from, int to, bool first)
    {
        var position = 0;
        for (var rank = from; rank <= to; rank++)
        {
            var phase = PhasePlan.InSessionOrder[rank];
            if (Plan.Count(phase) == 0)
            {
                continue;
            }

            position = first ? (position == 0 ? Plan.First(phase) : position) : Plan.Last(phase);
        }

        if (position == 0)
        {
            return 0;
        }

        if (position <= Plan.PreTreatment)
        {
            var ordinal = 0;
            foreach (var session in Course.Sessions.AsSpan())
            {
                if (session.Phase == Phase.PreTreatment && ++ordinal == position)
                {
                    return session.Number;
                }
            }

            return position;
        }

        return NumberOfSlot(position - Plan.PreTreatment);
    }

    private TaskWindow Window(Phase phase, int first, int last, int index, bool closed) => new()
    {
        Phase = phase,
        Opens = first,
        Deadline = Math.Max(first, last),
        DeadlineIndex = index,
        HasOpened = closed || HeldFrom(first),
        HasClosed = closed,
    };

    private bool HeldFrom(int number)
    {
        foreach (var session in Course.Sessions.AsSpan())
        {
            if (session.IsHeld && session.Number >= number)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A treatment session that takes a slot, with its place in the record and its slot.</summary>
    /// <param name="Index">The session's index in <see cref="Course.Sessions"/>.</param>
    /// <param name="Session">The session.</param>
    /// <param name="Slot">Its 1-based slot.</param>
    public readonly record struct TreatmentSlot(int Index, Session Session, int Slot);

    /// <summary>A session offered on the cadence, with the cadence in force for it.</summary>
    /// <param name="Index">The session's index in <see cref="Course.Sessions"/>.</param>
    /// <param name="Session">The session.</param>
    /// <param name="Cadence">The interval into it and the longest gap allowed before it.</param>
    public readonly record struct ScheduledSession(int Index, Session Session, SessionCadence Cadence);

    /// <summary>Enumerates <see cref="Slots"/> without allocating.</summary>
    public struct SlotEnumerator
    {
        private readonly CourseTimeline timeline;
        private int index;
        private int slot;

        internal SlotEnumerator(CourseTimeline timeline)
        {
            this.timeline = timeline;
            index = -1;
            slot = 0;
            Current = default;
        }

        /// <summary>Gets the current slot.</summary>
        public TreatmentSlot Current { get; private set; }

        /// <summary>Returns the enumerator itself, so that <c>foreach</c> works on <see cref="Slots"/>.</summary>
        /// <returns>This enumerator.</returns>
        public readonly SlotEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next session that takes a slot.</summary>
        /// <returns><see langword="false"/> at the end.</returns>
        public bool MoveNext()
        {
            var sessions = timeline.Course is null ? default : timeline.Course.Sessions.AsSpan();
            while (++index < sessions.Length)
            {
                if (timeline.TakesSlot(sessions[index]))
                {
                    Current = new TreatmentSlot(index, sessions[index], ++slot);
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Enumerates <see cref="ScheduledSessions"/> without allocating.</summary>
    public struct ScheduleEnumerator
    {
        private readonly CourseTimeline timeline;
        private CadenceWalker walker;
        private int index;

        internal ScheduleEnumerator(CourseTimeline timeline)
        {
            this.timeline = timeline;
            walker = timeline.Protocol is null ? default : new CadenceWalker(timeline.Protocol, timeline.ContractFrequency);
            index = -1;
            Current = default;
        }

        /// <summary>Gets the current session and its cadence.</summary>
        public ScheduledSession Current { get; private set; }

        /// <summary>Returns the enumerator itself, so that <c>foreach</c> works on <see cref="ScheduledSessions"/>.</summary>
        /// <returns>This enumerator.</returns>
        public readonly ScheduleEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next session offered on the cadence.</summary>
        /// <returns><see langword="false"/> at the end.</returns>
        public bool MoveNext()
        {
            var sessions = timeline.Course is null ? default : timeline.Course.Sessions.AsSpan();
            while (++index < sessions.Length)
            {
                var session = sessions[index];
                if (session.Status == SessionStatus.Planned || WasOffered(session))
                {
                    Current = new ScheduledSession(index, session, walker.Next(session.Phase));
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The first and last recorded (non-cancelled) session of each phase rank.</summary>
    private struct PhaseMarks
    {
        private PhaseMark pre;
        private PhaseMark initial;
        private PhaseMark middle;
        private PhaseMark maintenance;
        private PhaseMark termination;

        public readonly PhaseMark At(int rank) => rank switch
        {
            0 => pre,
            1 => initial,
            2 => middle,
            3 => maintenance,
            _ => termination,
        };

        public void Mark(int rank, int number, int index)
        {
            ref var mark = ref pre;
            switch (rank)
            {
                case 1:
                    mark = ref initial;
                    break;
                case 2:
                    mark = ref middle;
                    break;
                case 3:
                    mark = ref maintenance;
                    break;
                case 4:
                    mark = ref termination;
                    break;
                default:
                    break;
            }

            if (mark.First == 0 || number < mark.First)
            {
                mark.First = number;
            }

            if (number >= mark.Last)
            {
                mark.Last = number;
                mark.LastIndex = index;
            }
        }
    }

    private struct PhaseMark
    {
        public int First;
        public int Last;
        public int LastIndex;
    }
}
