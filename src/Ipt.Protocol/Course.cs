using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// One patient's contracted episode of IPT under one protocol variant: the root of a course
/// document. It holds the contract and its renegotiations, the formulation, the sick role, the
/// interpersonal inventory, the sessions, the goals and the between-session diary.
/// </summary>
/// <remarks>
/// <para>A course may break its protocol: conformance is reported by the rule engine, never
/// enforced here. Only local invariants (a valid age, defined values) are checked on building.</para>
/// <para>Immutable and thread-safe; equality compares every value, collections by content.
/// Derive changed copies with <c>with</c> or the <c>Plus…</c>/<c>With…</c> methods.
/// <see cref="ToString"/> never prints labels or free text.</para>
/// </remarks>
public sealed record Course
{
    /// <summary>The highest patient age the model accepts.</summary>
    public const int MaxAge = 130;

    /// <summary>Creates a course under a protocol.</summary>
    /// <param name="protocol">The protocol variant's id.</param>
    [SetsRequiredMembers]
    public Course(ProtocolId protocol) => Protocol = protocol;

    /// <summary>Creates a course; <see cref="Protocol"/> must be set.</summary>
    public Course()
    {
    }

    /// <summary>Gets the id of the protocol variant the course follows.</summary>
    public required ProtocolId Protocol
    {
        get;
        init => field = value == default ? throw new ArgumentException("The protocol id is missing.", nameof(Protocol)) : value;
    }

    /// <summary>Gets the patient's age at the start of the course, when recorded.</summary>
    public int? PatientAge { get; init => field = Guard.InRange(value, 0, MaxAge, nameof(PatientAge)); }

    /// <summary>Gets where the course is delivered (descriptive).</summary>
    public CareSetting? Setting { get; init => field = Guard.Defined(value, nameof(Setting)); }

    /// <summary>Gets the treatment contract, once agreed.</summary>
    public Contract? Contract { get; init; }

    /// <summary>Gets the renegotiations of the contract, in the order they happened.</summary>
    public ValueList<Renegotiation> Renegotiations { get; init; }

    /// <summary>Gets the interpersonal formulation, once made.</summary>
    public Formulation? Formulation { get; init; }

    /// <summary>Gets the sick role, once given.</summary>
    public SickRole? SickRole { get; init; }

    /// <summary>Gets the interpersonal inventory.</summary>
    public InterpersonalInventory Inventory { get; init => field = Guard.NotNull(value, nameof(Inventory)); } = InterpersonalInventory.Empty;

    /// <summary>Gets the sessions, planned and past.</summary>
    public ValueList<Session> Sessions { get; init; }

    /// <summary>Gets the goals.</summary>
    public ValueList<Goal> Goals { get; init; }

    /// <summary>Gets the between-session diary of interpersonal events.</summary>
    public ValueList<InterpersonalEvent> Diary { get; init; }

    /// <summary>
    /// Gets where the course stands (active, completed, ended early), as of which date, and why it
    /// ended early. <see langword="null"/> when the record does not say: the course is then judged
    /// as finished once its contracted treatment sessions are all recorded, a termination session is
    /// held and none is planned, and as in progress otherwise (see docs/concepts.md).
    /// </summary>
    public CourseLifecycle? Lifecycle { get; init; }

    /// <summary>Gets the opaque id of the course's therapist (the lead facilitator of a group course), when recorded.</summary>
    public ClinicianId? Therapist { get; init; }

    /// <summary>Gets the therapy group of a group course, when recorded.</summary>
    public CourseGroup? Group { get; init; }

    /// <summary>Gets the supervisions of the course.</summary>
    public ValueList<SupervisionRecord> Supervision { get; init; }

    /// <summary>Gets the date the symptoms began, when known; with <see cref="LifeEvents"/> it makes "near onset" computable.</summary>
    public LocalDate? Onset { get; init; }

    /// <summary>Gets the dated life events around the onset (deaths, births, separations, moves, job losses, illnesses).</summary>
    public ValueList<LifeEvent> LifeEvents { get; init; }

    /// <summary>Gets the measurements taken outside the sessions (intake, screening, pre-treatment, follow-up).</summary>
    public ValueList<Assessment> Assessments { get; init; }

    /// <summary>
    /// Gets the contract in force: the contract with every renegotiation applied in order, or
    /// <see langword="null"/> when no contract is recorded. The timeline of a course
    /// (<c>Protocols.CourseTimeline</c>) reads the same terms.
    /// </summary>
    public Contract? EffectiveContract
    {
        get
        {
            if (Contract is not { } contract)
            {
                return null;
            }

            var terms = ContractTerms.Of(this);
            return contract with { Sessions = terms.Sessions ?? contract.Sessions, Frequency = terms.Frequency, SessionLength = terms.SessionLength };
        }
    }

    /// <summary>Looks up the first session with a number.</summary>
    /// <param name="number">The session number.</param>
    /// <param name="session">The session, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetSession(int number, [NotNullWhen(true)] out Session? session)
    {
        foreach (var candidate in Sessions)
        {
            if (candidate.Number == number)
            {
                session = candidate;
                return true;
            }
        }

        session = null;
        return false;
    }

    /// <summary>Returns a copy with a session appended.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The new course.</returns>
    public Course PlusSession(Session session) => this with { Sessions = Sessions.Add(session) };

    /// <summary>Returns a copy in which the first session with the same number is replaced, or the session appended when none has it.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The new course.</returns>
    public Course WithSession(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        for (var i = 0; i < Sessions.Count; i++)
        {
            if (Sessions[i].Number == session.Number)
            {
                return this with { Sessions = Sessions.SetItem(i, session) };
            }
        }

        return PlusSession(session);
    }

    /// <summary>Returns a copy in which the session with a number is changed by a function.</summary>
    /// <param name="number">The session number.</param>
    /// <param name="change">The change to apply.</param>
    /// <returns>The new course.</returns>
    /// <exception cref="ArgumentException">No session has that number.</exception>
    public Course WithSession(int number, Func<Session, Session> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var i = 0; i < Sessions.Count; i++)
        {
            if (Sessions[i].Number == number)
            {
                return this with { Sessions = Sessions.SetItem(i, change(Sessions[i])) };
            }
        }

        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"No session has number {number}."), nameof(number));
    }

    /// <summary>Returns a copy with a renegotiation appended.</summary>
    /// <param name="renegotiation">The renegotiation.</param>
    /// <returns>The new course.</returns>
    public Course PlusRenegotiation(Renegotiation renegotiation) => this with { Renegotiations = Renegotiations.Add(renegotiation) };

    /// <summary>Returns a copy with a person added to the inventory.</summary>
    /// <param name="person">The person.</param>
    /// <returns>The new course.</returns>
    public Course PlusPerson(InventoryPerson person) => this with { Inventory = Inventory.PlusPerson(person) };

    /// <summary>Returns a copy with a goal appended.</summary>
    /// <param name="goal">The goal.</param>
    /// <returns>The new course.</returns>
    public Course PlusGoal(Goal goal) => this with { Goals = Goals.Add(goal) };

    /// <summary>Returns a copy with a life event appended.</summary>
    /// <param name="lifeEvent">The event.</param>
    /// <returns>The new course.</returns>
    public Course PlusLifeEvent(LifeEvent lifeEvent) => this with { LifeEvents = LifeEvents.Add(lifeEvent) };

    /// <summary>Returns a copy with an assessment appended.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The new course.</returns>
    public Course PlusAssessment(Assessment assessment) => this with { Assessments = Assessments.Add(assessment) };

    /// <summary>Returns a copy with a supervision record appended.</summary>
    /// <param name="supervision">The supervision record.</param>
    /// <returns>The new course.</returns>
    public Course PlusSupervision(SupervisionRecord supervision) => this with { Supervision = Supervision.Add(supervision) };

    /// <summary>Returns a copy with a diary entry appended.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The new course.</returns>
    public Course PlusDiaryEntry(InterpersonalEvent entry) => this with { Diary = Diary.Add(entry) };

    /// <summary>Describes the course without any patient data.</summary>
    /// <returns>A string such as <c>Course (ipt, 16 sessions)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Course ({Protocol}, {Sessions.Count} sessions)");
}
