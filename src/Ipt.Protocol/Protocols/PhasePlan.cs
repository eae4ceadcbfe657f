using System.Globalization;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// The phase split of one course under a protocol: how many sessions each phase has, in session
/// order (pre-treatment, initial, middle, maintenance, termination), for a number of treatment and
/// pre-treatment sessions. Numbers count the pre-treatment meetings first, then the treatment
/// sessions; a treatment session's place in the treatment sessions is its <em>slot</em> (1 to
/// <see cref="TreatmentSessions"/>).
/// </summary>
/// <remarks>
/// <para>This is the one home of the split: <see cref="ProtocolDefinition.PhaseOf"/>,
/// <see cref="ProtocolDefinition.PhaseSpans"/>, the course timeline, the planner, the rules and the
/// technique advisor read it. <see cref="ProtocolDefinition.PlanPhases"/> computes it.</para>
/// <para>A session beyond the last has no phase (<see cref="PhaseOf"/> returns <see langword="null"/>);
/// a reader that must place one (the advisor asked about session 17 of 16) uses <see cref="LastPhase"/>.</para>
/// <para>An immutable value; nothing here allocates except <see cref="Spans"/>.</para>
/// </remarks>
public readonly record struct PhasePlan
{
    internal PhasePlan(int preTreatment, int initial, int middle, int maintenance, int termination)
    {
        PreTreatment = preTreatment;
        Initial = initial;
        Middle = middle;
        Maintenance = maintenance;
        Termination = termination;
    }

    /// <summary>Gets the number of pre-treatment sessions (pre-group or engagement meetings).</summary>
    public int PreTreatment { get; }

    /// <summary>Gets the number of initial-phase sessions.</summary>
    public int Initial { get; }

    /// <summary>Gets the number of middle-phase sessions.</summary>
    public int Middle { get; }

    /// <summary>Gets the number of maintenance-phase sessions (IPSRT's preventive phase; every session of IPT-M).</summary>
    public int Maintenance { get; }

    /// <summary>Gets the number of termination-phase sessions.</summary>
    public int Termination { get; }

    /// <summary>Gets the number of treatment sessions (every phase but pre-treatment).</summary>
    public int TreatmentSessions => Initial + Middle + Maintenance + Termination;

    /// <summary>Gets the number of the last session.</summary>
    public int LastSession => PreTreatment + TreatmentSessions;

    /// <summary>Gets the phase of the last session: termination, or the last phase that has sessions.</summary>
    public Phase LastPhase => Termination > 0 ? Phase.Termination
        : Maintenance > 0 ? Phase.Maintenance
        : Middle > 0 ? Phase.Middle
        : Initial > 0 ? Phase.Initial
        : Phase.PreTreatment;

    /// <summary>Returns a phase's place in session order: pre-treatment 0, initial 1, middle 2, maintenance 3, termination 4.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The rank.</returns>
    public static int Rank(Phase phase) => phase switch
    {
        Phase.PreTreatment => 0,
        Phase.Initial => 1,
        Phase.Middle => 2,
        Phase.Maintenance => 3,
        _ => 4,
    };

    /// <summary>Returns the number of sessions of a phase.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The count (0 when the phase has none).</returns>
    public int Count(Phase phase) => phase switch
    {
        Phase.PreTreatment => PreTreatment,
        Phase.Initial => Initial,
        Phase.Middle => Middle,
        Phase.Maintenance => Maintenance,
        _ => Termination,
    };

    /// <summary>Returns the number of the first session of a phase (the session after the earlier phases, when the phase has none).</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The session number.</returns>
    public int First(Phase phase) => Last(phase) - Count(phase) + 1;

    /// <summary>Returns the number of the last session of a phase (the last session of the earlier phases, when the phase has none).</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The session number.</returns>
    public int Last(Phase phase) => Rank(phase) switch
    {
        0 => PreTreatment,
        1 => PreTreatment + Initial,
        2 => PreTreatment + Initial + Middle,
        3 => PreTreatment + Initial + Middle + Maintenance,
        _ => LastSession,
    };

    /// <summary>Returns the sessions of a phase, or <see langword="null"/> when it has none.</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The span, by session number.</returns>
    public PhaseSpan? Span(Phase phase) => Count(phase) > 0 ? new PhaseSpan(phase, First(phase), Last(phase)) : null;

    /// <summary>Returns the phase of a session number, or <see langword="null"/> beyond the last session.</summary>
    /// <param name="sessionNumber">The 1-based session number (pre-treatment meetings first).</param>
    /// <returns>The phase, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The number is below 1.</exception>
    public Phase? PhaseOf(int sessionNumber)
    {
        Guard.Positive(sessionNumber, nameof(sessionNumber));
        foreach (var phase in InSessionOrder)
        {
            if (sessionNumber <= Last(phase) && Count(phase) > 0)
            {
                return phase;
            }
        }

        return null;
    }

    /// <summary>Returns the phase of a treatment slot (the k-th treatment session), or <see langword="null"/> beyond the last.</summary>
    /// <param name="slot">The 1-based treatment slot.</param>
    /// <returns>The phase, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The slot is below 1.</exception>
    public Phase? PhaseOfSlot(int slot) => PhaseOf(PreTreatment + Guard.Positive(slot, nameof(slot)));

    /// <summary>Returns the spans of the phases that have sessions, in session order.</summary>
    /// <returns>The spans.</returns>
    public ValueList<PhaseSpan> Spans()
    {
        var spans = System.Collections.Immutable.ImmutableArray.CreateBuilder<PhaseSpan>(5);
        foreach (var phase in InSessionOrder)
        {
            if (Span(phase) is { } span)
            {
                spans.Add(span);
            }
        }

        return new ValueList<PhaseSpan>(spans.ToImmutable());
    }

    /// <summary>Describes the plan with counts only.</summary>
    /// <returns>A string such as <c>0 + 3 initial, 10 middle, 0 maintenance, 3 termination</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PreTreatment} + {Initial} initial, {Middle} middle, {Maintenance} maintenance, {Termination} termination");

    /// <summary>The phases in session order (a static array, so reading it allocates nothing).</summary>
    internal static ReadOnlySpan<Phase> InSessionOrder => Order;

    private static readonly Phase[] Order = [Phase.PreTreatment, Phase.Initial, Phase.Middle, Phase.Maintenance, Phase.Termination];
}
