using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// One meeting of a course: its number, date, length, phase, format and status, and what was done
/// (protocol tasks, techniques, measures). Notes are free text and may hold patient data.
/// </summary>
/// <remarks>
/// <para>Local invariants are checked when the value is built (a number of 1 or more, a positive
/// length, defined enum values); whether the session fits its protocol is the rule engine's
/// question, so a session may well break the protocol.</para>
/// <para>Immutable and thread-safe. Derive changed copies with <c>with</c> or the
/// <c>Plus…</c> methods.</para>
/// </remarks>
public sealed record Session
{
    /// <summary>Creates a session with the required values; set the rest with an object initializer.</summary>
    /// <param name="number">The 1-based session number.</param>
    /// <param name="phase">The phase the session belongs to.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public Session(int number, Phase phase)
    {
        Number = number;
        Phase = phase;
    }

    /// <summary>Creates a session; <see cref="Number"/> and <see cref="Phase"/> must be set.</summary>
    public Session()
    {
    }

    /// <summary>Gets the 1-based session number.</summary>
    public required int Number { get; init => field = Guard.Positive(value, nameof(Number)); }

    /// <summary>Gets the date, when scheduled or held.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>Gets the length, when known.</summary>
    public Duration? Length { get; init => field = Guard.PositiveDuration(value, nameof(Length)); }

    /// <summary>Gets the phase the session belongs to.</summary>
    public required Phase Phase { get; init => field = Guard.Defined(value, nameof(Phase)); }

    /// <summary>Gets how the session is delivered.</summary>
    public SessionFormat Format { get; init => field = Guard.Defined(value, nameof(Format)); } = SessionFormat.Individual;

    /// <summary>Gets what became of the session.</summary>
    public SessionStatus Status { get; init => field = Guard.Defined(value, nameof(Status)); } = SessionStatus.Planned;

    /// <summary>Gets the protocol tasks done in the session.</summary>
    public ValueList<SessionTask> Tasks { get; init => field = Guard.AllDefined(value, nameof(Tasks)); }

    /// <summary>Gets the techniques used, by catalogue id.</summary>
    public ValueList<TechniqueId> Techniques { get; init; }

    /// <summary>Gets the measures taken.</summary>
    public ValueList<Measurement> Measures { get; init; }

    /// <summary>Gets the therapist's notes (free text; patient data).</summary>
    public string? Notes { get; init => field = Guard.Text(value, nameof(Notes)); }

    /// <summary>Gets how the session reached the patient (in person, video, telephone), when recorded; separate from <see cref="Format"/>.</summary>
    public DeliveryMode? Delivery { get; init => field = Guard.Defined(value, nameof(Delivery)); }

    /// <summary>
    /// Gets the number of the missed or cancelled session this make-up session replaces, when it is a
    /// make-up. A make-up takes the place of the session it replaces: it is not a change of the
    /// contract. [NHSTT] (H)
    /// </summary>
    public int? Replaces { get; init => field = Guard.Positive(value, nameof(Replaces)); }

    /// <summary>Gets the people of the inventory who attended, by id (a joint session with a parent, caregiver or partner). [MUFSON] (H)</summary>
    public ValueList<PersonId> Attendees { get; init; }

    /// <summary>Gets the clinicians of the session, by opaque id, with their parts (therapist, facilitators).</summary>
    public ValueList<SessionClinician> Clinicians { get; init; }

    /// <summary>Gets who was present at a group session (a count or opaque member ids; never names).</summary>
    public SessionGroup? Group { get; init; }

    /// <summary>Gets a value indicating whether the session took place (the patient attended).</summary>
    public bool IsHeld => Status == SessionStatus.Held;

    /// <summary>Gets a value indicating whether the session was called off in advance, by anyone.</summary>
    public bool IsCancelled => Status is SessionStatus.Cancelled or SessionStatus.CancelledByPatient or SessionStatus.CancelledByService;

    /// <summary>Returns whether <paramref name="task"/> was done in the session.</summary>
    /// <param name="task">The task.</param>
    /// <returns><see langword="true"/> when recorded.</returns>
    public bool Has(SessionTask task) => Tasks.Contains(task);

    /// <summary>Returns whether the technique was used in the session.</summary>
    /// <param name="technique">The technique's id.</param>
    /// <returns><see langword="true"/> when recorded.</returns>
    public bool Used(TechniqueId technique) => Techniques.Contains(technique);

    /// <summary>Returns the first measurement of an instrument, when taken.</summary>
    /// <param name="instrument">The instrument's id.</param>
    /// <returns>The measurement, or <see langword="null"/>.</returns>
    public Measurement? MeasureOf(InstrumentId instrument) => Measurement.FirstOf(Measures, instrument);

    /// <summary>Returns a copy with a task added.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The new session.</returns>
    public Session PlusTask(SessionTask task) => this with { Tasks = Tasks.Add(task) };

    /// <summary>Returns a copy with a technique added.</summary>
    /// <param name="technique">The technique's id.</param>
    /// <returns>The new session.</returns>
    public Session PlusTechnique(TechniqueId technique) => this with { Techniques = Techniques.Add(technique) };

    /// <summary>Returns a copy with a measurement added.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <returns>The new session.</returns>
    public Session PlusMeasure(Measurement measurement) => this with { Measures = Measures.Add(measurement) };

    /// <summary>Returns a copy marked as held.</summary>
    /// <returns>The new session.</returns>
    public Session AsHeld() => this with { Status = SessionStatus.Held };

    /// <summary>Describes the session without its notes (which may hold patient data).</summary>
    /// <returns>A string such as <c>Session 3 (Initial, Held, 2026-12-21)</c>.</returns>
    public override string ToString() => Date is { } date
        ? string.Create(CultureInfo.InvariantCulture, $"Session {Number} ({Phase}, {Status}, {date:uuuu-MM-dd})")
        : string.Create(CultureInfo.InvariantCulture, $"Session {Number} ({Phase}, {Status})");
}
