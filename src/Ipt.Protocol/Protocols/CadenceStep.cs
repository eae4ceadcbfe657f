using System.Globalization;
using NodaTime;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// A change of cadence within a protocol: from the <see cref="FromSessionOfPhase"/>-th session of
/// <see cref="Phase"/> on, sessions are <see cref="Cadence"/> apart, and a gap longer than
/// <see cref="MaxGapDays"/> counts as a departure. A protocol that tapers (IPSRT's preventive phase:
/// every two weeks, then monthly [FRANK] (M)) lists one step per change; a phase without a step of
/// its own keeps the cadence in force at the session before it.
/// </summary>
/// <remarks>
/// <para>The cadence of a session is the interval <em>into</em> it: the first session of a
/// fortnightly step comes two weeks after the session before it.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record CadenceStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="phase">The phase the step starts in.</param>
    /// <param name="cadence">The interval between sessions from then on.</param>
    /// <param name="maxGapDays">The longest gap, in days, before it counts as a departure.</param>
    /// <param name="fromSessionOfPhase">The 1-based session of the phase the step starts at.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public CadenceStep(Phase phase, Period cadence, int maxGapDays, int fromSessionOfPhase = 1)
    {
        Phase = phase;
        Cadence = cadence;
        MaxGapDays = maxGapDays;
        FromSessionOfPhase = fromSessionOfPhase;
    }

    /// <summary>Gets the phase the step starts in.</summary>
    public required Phase Phase { get; init => field = Guard.Defined(value, nameof(Phase)); }

    /// <summary>Gets the 1-based session of the phase from which the step applies (1: the whole phase).</summary>
    public int FromSessionOfPhase { get; init => field = Guard.Positive(value, nameof(FromSessionOfPhase)); } = 1;

    /// <summary>Gets the interval between sessions from the step on.</summary>
    public required Period Cadence { get; init => field = Guard.PositivePeriod(value, nameof(Cadence))!; }

    /// <summary>Gets the longest gap, in days, between consecutive sessions before it counts as a departure.</summary>
    public required int MaxGapDays { get; init => field = Guard.Positive(value, nameof(MaxGapDays)); }

    /// <summary>Describes the step.</summary>
    /// <returns>A string such as <c>Maintenance from session 5: P1M (45 days)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Phase} from session {FromSessionOfPhase}: {NodaTime.Text.PeriodPattern.Roundtrip.Format(Cadence)} ({MaxGapDays} days)");
}

/// <summary>The cadence in force for one session: the interval into it and the longest gap allowed.</summary>
/// <param name="Interval">The usual interval between the session before and this one.</param>
/// <param name="MaxGapDays">The longest gap, in days, before it counts as a departure.</param>
public readonly record struct SessionCadence(Period Interval, int MaxGapDays)
{
    /// <summary>Gets the interval in whole days (a month counts 30, a year 365); at least 1.</summary>
    internal int IntervalDays => Interval is null
        ? 1
        : (int)Math.Clamp((Interval.Years * 365L) + (Interval.Months * 30L) + (Interval.Weeks * 7L) + Interval.Days, 1, int.MaxValue);

    /// <summary>Describes the cadence.</summary>
    /// <returns>A string such as <c>P1W (14 days)</c>.</returns>
    public override string ToString() => Interval is null
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"{NodaTime.Text.PeriodPattern.Roundtrip.Format(Interval)} ({MaxGapDays} days)");
}

/// <summary>
/// Walks a course's sessions in order and gives the cadence in force for each: the base cadence (the
/// contract's frequency, else the protocol's), changed by the protocol's <see cref="CadenceStep"/>s
/// as each phase reaches them. The planner, the course timeline and the due status all walk with it,
/// so a taper is read the same way everywhere.
/// </summary>
internal struct CadenceWalker
{
    private readonly ProtocolDefinition protocol;
    private SessionCadence current;
    private Phase phase;
    private int ofPhase;

    public CadenceWalker(ProtocolDefinition protocol, Period? baseCadence)
    {
        this.protocol = protocol;
        current = new SessionCadence(baseCadence ?? protocol.Cadence, protocol.MaxGapDays);
        phase = Phase.PreTreatment;
        ofPhase = 0;
    }

    /// <summary>Gets the cadence in force after the last session walked.</summary>
    public readonly SessionCadence Current => current;

    /// <summary>Moves to the next session, of the given phase, and returns the cadence in force for it.</summary>
    public SessionCadence Next(Phase next)
    {
        ofPhase = next == phase ? ofPhase + 1 : 1;
        phase = next;
        if (protocol.StepAt(next, ofPhase) is { } step)
        {
            current = new SessionCadence(step.Cadence, step.MaxGapDays);
        }

        return current;
    }

    /// <summary>
    /// Returns the date <paramref name="steps"/> intervals of <paramref name="cadence"/> after
    /// <paramref name="start"/>, computed from the start so that month ends do not drift (years, then
    /// months, weeks and days, as NodaTime adds a period). Allocates nothing.
    /// </summary>
    public static LocalDate After(LocalDate start, Period cadence, int steps) => steps == 0
        ? start
        : start.PlusYears(cadence.Years * steps).PlusMonths(cadence.Months * steps).PlusWeeks(cadence.Weeks * steps).PlusDays(cadence.Days * steps);
}
