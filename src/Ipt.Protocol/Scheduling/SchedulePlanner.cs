using System.Globalization;
using Ipt.Protocol.Protocols;
using NodaTime;

namespace Ipt.Protocol.Scheduling;

/// <summary>What to do when a planned session falls on a date to skip.</summary>
public enum SkipPolicy
{
    /// <summary>Move the session to the next cadence slot (the week after, for a weekly course); later sessions follow.</summary>
    NextSlot,

    /// <summary>Move the session to the next day that is not skipped; later sessions keep their slots.</summary>
    NextDay,
}

/// <summary>Options for planning a course's sessions.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScheduleOptions
{
    /// <summary>Gets the default options: the protocol's default counts and cadence, nothing skipped.</summary>
    public static ScheduleOptions Default { get; } = new();

    /// <summary>Gets the number of treatment sessions; the protocol's default when <see langword="null"/>.</summary>
    public int? Sessions { get; init; }

    /// <summary>Gets the number of pre-treatment sessions; the protocol's default when <see langword="null"/>.</summary>
    public int? PreTreatmentSessions { get; init; }

    /// <summary>
    /// Gets the interval between sessions; the protocol's cadence when <see langword="null"/>. It
    /// stands for the protocol's base cadence: a protocol's cadence steps (a taper) still apply in
    /// their phases.
    /// </summary>
    public Period? Cadence { get; init; }

    /// <summary>Gets the dates on which no session is held (holidays).</summary>
    public ValueList<LocalDate> Skip { get; init; }

    /// <summary>Gets what happens to a session that falls on a skipped date.</summary>
    public SkipPolicy SkipPolicy { get; init; } = SkipPolicy.NextSlot;
}

/// <summary>
/// Plans the sessions of a course from a protocol and a start date: numbers, dates on the cadence
/// (skipping holidays), phases by the protocol's split, format and planned length. Phases come from
/// <see cref="ProtocolDefinition.PlanPhases"/> and the cadence of each session from the protocol's
/// cadence steps (IPSRT tapers to fortnightly, then monthly sessions in its preventive phase), the
/// same readings as the course timeline and the rules.
/// </summary>
public static class SchedulePlanner
{
    /// <summary>The most slots the planner walks past skipped dates before giving up.</summary>
    private const int MaxSkippedSlots = 1_000;

    /// <summary>Plans the sessions of a course.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="start">The date of the first session.</param>
    /// <param name="options">The options; <see cref="ScheduleOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The planned sessions, numbered from 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside the protocol's range, the cadence is not positive, or the plan would run past 9999-12-31.</exception>
    /// <exception cref="ArgumentException">The skipped dates leave no date to plan on.</exception>
    public static ValueList<Session> Plan(ProtocolDefinition protocol, LocalDate start, ScheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        options ??= ScheduleOptions.Default;
        var treatment = options.Sessions ?? protocol.Sessions.Default;
        var pre = options.PreTreatmentSessions ?? protocol.PreTreatmentSessions.Default;
        if (!protocol.Sessions.Contains(treatment))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                treatment,
                string.Create(CultureInfo.InvariantCulture, $"Protocol '{protocol.Id}' has {Span(protocol.Sessions)} treatment sessions; {treatment} were asked for."));
        }

        if (!protocol.PreTreatmentSessions.Contains(pre))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                pre,
                string.Create(CultureInfo.InvariantCulture, $"Protocol '{protocol.Id}' has {Span(protocol.PreTreatmentSessions)} pre-treatment sessions; {pre} were asked for."));
        }

        var baseCadence = Guard.PositivePeriod(options.Cadence ?? protocol.Cadence, nameof(options.Cadence))!;
        var plan = protocol.PlanPhases(treatment, pre);
        var walker = new CadenceWalker(protocol, baseCadence);
        var skip = new HashSet<LocalDate>(options.Skip);
        var sessions = new Session[pre + treatment];

        // Dates are counted in cadence slots from an anchor: the start, then the last date before each change of cadence.
        var anchor = start;
        var cadence = baseCadence;
        var slot = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            var number = i + 1;
            var phase = plan.PhaseOf(number) ?? plan.LastPhase;
            var next = walker.Next(phase).Interval;
            if (i > 0 && !next.Equals(cadence))
            {
                anchor = sessions[i - 1].Date!.Value;
                slot = 1;
            }

            cadence = next;
            var (date, nextSlot) = NextDateWithinCalendar(anchor, cadence, slot, skip, options.SkipPolicy);
            slot = nextSlot;
            var isPre = phase == Phase.PreTreatment;
            var length = number == pre + 1 && protocol.FirstSessionLength is { } first ? first.Default : protocol.SessionLength.Default;
            sessions[i] = new Session(number, phase)
            {
                Date = date,
                Length = length,
                Format = isPre ? SessionFormat.Individual : protocol.Format,
                Status = SessionStatus.Planned,
            };
        }

        return ValueList.Create<Session>(sessions);
    }

    /// <summary>Plans a new course: the protocol's id and the planned sessions, ready to fill in.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="start">The date of the first session.</param>
    /// <param name="options">The options; <see cref="ScheduleOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The new course.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside the protocol's range, or the plan would run past 9999-12-31.</exception>
    public static Course PlanCourse(ProtocolDefinition protocol, LocalDate start, ScheduleOptions? options = null) =>
        new(protocol.Id) { Sessions = Plan(protocol, start, options) };

    /// <summary>Returns the date <paramref name="slots"/> cadence steps after <paramref name="start"/>, computed from the start each time so that month ends do not drift.</summary>
    /// <param name="start">The first date.</param>
    /// <param name="cadence">The cadence.</param>
    /// <param name="slots">The number of steps.</param>
    /// <returns>The date.</returns>
    public static LocalDate SlotDate(LocalDate start, Period cadence, int slots)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        return CadenceWalker.After(start, cadence, slots);
    }

    /// <summary>A range in words: "12 to 16", or "exactly 8".</summary>
    private static string Span(CountRange range) => range.Min == range.Max
        ? string.Create(CultureInfo.InvariantCulture, $"exactly {range.Min}")
        : string.Create(CultureInfo.InvariantCulture, $"{range.Min} to {range.Max}");

    /// <summary><see cref="NextDate"/>, with a plan that would run past 9999-12-31 refused as an argument out of range.</summary>
    private static (LocalDate Date, int NextSlot) NextDateWithinCalendar(LocalDate start, Period cadence, int slot, HashSet<LocalDate> skip, SkipPolicy policy)
    {
        try
        {
            return NextDate(start, cadence, slot, skip, policy);
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(
                nameof(start),
                start,
                string.Create(CultureInfo.InvariantCulture, $"The plan from {start:uuuu-MM-dd} runs past the last date of the ISO calendar (9999-12-31)."));
        }
    }

    private static (LocalDate Date, int NextSlot) NextDate(LocalDate start, Period cadence, int slot, HashSet<LocalDate> skip, SkipPolicy policy)
    {
        for (var tries = 0; tries < MaxSkippedSlots; tries++)
        {
            var date = SlotDate(start, cadence, slot);
            if (!skip.Contains(date))
            {
                return (date, slot + 1);
            }

            if (policy == SkipPolicy.NextDay)
            {
                var next = SlotDate(start, cadence, slot + 1);
                for (var day = date.PlusDays(1); day < next; day = day.PlusDays(1))
                {
                    if (!skip.Contains(day))
                    {
                        return (day, slot + 1);
                    }
                }
            }

            slot++;
        }

        throw new ArgumentException("The skipped dates leave no date to plan a session on.", nameof(skip));
    }
}
