namespace Ipt.Protocol.Outcomes;

/// <summary>What a safety signal is about.</summary>
internal enum SafetySignalKind
{
    /// <summary>A safety item (thoughts of death or self-harm, suicide) scores above 0.</summary>
    PositiveItem,

    /// <summary>A total at or above caseness with the safety item not recorded: it may have been positive.</summary>
    ItemNotRecorded,

    /// <summary>A rise of at least the reliable change (from the previous score or the baseline), or a move into the most severe band.</summary>
    Deterioration,
}

/// <summary>One safety signal of a course: a measurement that needs a risk review (or, for deterioration, a plan review).</summary>
/// <param name="Kind">What the signal is about.</param>
/// <param name="InAssessment">Whether the measurement is in <see cref="Course.Assessments"/> (else in <see cref="Course.Sessions"/>).</param>
/// <param name="Index">The index of the session or assessment.</param>
/// <param name="MeasureIndex">The index of the measurement in it.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Score">The score of the item (positive item) or of the measurement.</param>
/// <param name="Compared">The earlier score the rise is measured from (deterioration), else 0.</param>
/// <param name="IntoMostSevereBand">Whether a deterioration is a move into the most severe band.</param>
/// <param name="Reviewed">Whether the review it needs is recorded: in the same session, or for an assessment at the first held session on or after its date.</param>
internal readonly record struct SafetySignal(
    SafetySignalKind Kind,
    bool InAssessment,
    int Index,
    int MeasureIndex,
    Instrument Instrument,
    decimal Score,
    decimal Compared,
    bool IntoMostSevereBand,
    bool Reviewed);

/// <summary>
/// The safety signals of a course, found in one place for the rules (IPT0704, IPT0707, IPT0708) and the
/// technique advisor (which puts a risk review first while a signal is open). Only instruments the
/// registry knows are read. [KROENKE01, BECK96, HAMILTON60, COX87, NHSTT] (H)
/// </summary>
/// <remarks>Enumerating the signals allocates nothing.</remarks>
internal static class SafetySignals
{
    /// <summary>Returns the signals of a course: held sessions first, in order, then assessments.</summary>
    internal static SafetySignalEnumerator Of(Course course, InstrumentRegistry instruments) => new(course, instruments);

    /// <summary>Whether a signal is still open: not reviewed where it was taken, and no later held session records a risk review.</summary>
    internal static bool IsOpen(Course course, in SafetySignal signal)
    {
        if (signal.Reviewed)
        {
            return false;
        }

        var sessions = course.Sessions.AsSpan();
        var from = signal.InAssessment ? FirstHeldOnOrAfter(sessions, course.Assessments[signal.Index].Date) : signal.Index + 1;
        for (var i = from; i < sessions.Length; i++)
        {
            if (sessions[i].IsHeld && sessions[i].Has(SessionTask.RiskReview))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The score at or above which a missing safety item matters: the caseness threshold, else the lowest score above the first band.</summary>
    internal static decimal? ItemNotRecordedThreshold(Instrument instrument) =>
        instrument.CasenessThreshold is { } caseness ? caseness : instrument.Bands.Count > 1 ? instrument.Bands[1].Min : null;

    /// <summary>The item signal of a measurement (positive or not recorded), when it has one.</summary>
    internal static SafetySignal? ItemSignal(Measurement measure, Instrument instrument, bool inAssessment, int index, int position, bool reviewed)
    {
        if (instrument.SafetyItem is not { } item)
        {
            return null;
        }

        if (measure.Item(item) is { } score)
        {
            return score > 0 ? new SafetySignal(SafetySignalKind.PositiveItem, inAssessment, index, position, instrument, score, 0, false, reviewed) : null;
        }

        return ItemNotRecordedThreshold(instrument) is { } threshold && measure.Value >= threshold
            ? new SafetySignal(SafetySignalKind.ItemNotRecorded, inAssessment, index, position, instrument, measure.Value, 0, false, reviewed)
            : null;
    }

    /// <summary>The deterioration signal of a session's measurement, when it has one.</summary>
    internal static SafetySignal? DeteriorationSignal(Course course, int index, int position, Measurement measure, Instrument instrument)
    {
        var sessions = course.Sessions.AsSpan();
        if (!instrument.HigherIsWorse || Previous(sessions, index, instrument.Id) is not { } previous)
        {
            return null;
        }

        var score = measure.Value;
        var reviewed = sessions[index].Has(SessionTask.RiskReview) || sessions[index].Has(SessionTask.PlanReview);
        if (instrument.ReliableChange is { } rci)
        {
            if (score - previous >= rci)
            {
                return new SafetySignal(SafetySignalKind.Deterioration, false, index, position, instrument, score, previous, false, reviewed);
            }

            if (ScoreSeries.BaselineOf(course, instrument.Id) is { } baseline && score - baseline.Value >= rci)
            {
                return new SafetySignal(SafetySignalKind.Deterioration, false, index, position, instrument, score, baseline.Value, false, reviewed);
            }
        }

        return instrument.MostSevereBand is { } severe && severe.Contains(score) && !severe.Contains(previous) && score > previous
            ? new SafetySignal(SafetySignalKind.Deterioration, false, index, position, instrument, score, previous, true, reviewed)
            : null;
    }

    internal static int FirstHeldOnOrAfter(ReadOnlySpan<Session> sessions, NodaTime.LocalDate date)
    {
        for (var i = 0; i < sessions.Length; i++)
        {
            if (sessions[i].IsHeld && sessions[i].Date is { } held && held >= date)
            {
                return i;
            }
        }

        return sessions.Length;
    }

    /// <summary>The score of the instrument at the latest held session before <paramref name="index"/>.</summary>
    private static decimal? Previous(ReadOnlySpan<Session> sessions, int index, InstrumentId instrument)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (sessions[k].IsHeld && sessions[k].MeasureOf(instrument) is { } earlier)
            {
                return earlier.Value;
            }
        }

        return null;
    }
}

/// <summary>Walks the safety signals of a course without allocating.</summary>
internal ref struct SafetySignalEnumerator
{
    private readonly Course course;
    private readonly InstrumentRegistry instruments;
    private int index;
    private int position;
    private int step;
    private bool inAssessments;

    internal SafetySignalEnumerator(Course course, InstrumentRegistry instruments)
    {
        this.course = course;
        this.instruments = instruments;
        index = 0;
        position = 0;
        step = 0;
        inAssessments = false;
        Current = default;
    }

    /// <summary>Gets the current signal.</summary>
    public SafetySignal Current { get; private set; }

    /// <summary>Returns the enumerator itself, for <c>foreach</c>.</summary>
    /// <returns>The enumerator.</returns>
    public readonly SafetySignalEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next signal.</summary>
    /// <returns><see langword="true"/> while there is one.</returns>
    public bool MoveNext()
    {
        var sessions = course.Sessions.AsSpan();
        while (!inAssessments)
        {
            if (index >= sessions.Length)
            {
                inAssessments = true;
                index = 0;
                position = 0;
                step = 0;
                break;
            }

            var session = sessions[index];
            var measures = session.Measures.AsSpan();
            if (!session.IsHeld || position >= measures.Length)
            {
                index++;
                position = 0;
                step = 0;
                continue;
            }

            // Each measurement is looked at twice: step 0 for its safety item, step 1 for deterioration.
            var at = position;
            var measure = measures[at];
            var itemStep = step == 0;
            if (itemStep)
            {
                step = 1;
            }
            else
            {
                step = 0;
                position++;
            }

            if (!instruments.TryGet(measure.Instrument, out var instrument))
            {
                continue;
            }

            var signal = itemStep
                ? SafetySignals.ItemSignal(measure, instrument, false, index, at, session.Has(SessionTask.RiskReview))
                : SafetySignals.DeteriorationSignal(course, index, at, measure, instrument);
            if (signal is { } found)
            {
                Current = found;
                return true;
            }
        }

        var assessments = course.Assessments.AsSpan();
        while (index < assessments.Length)
        {
            var measures = assessments[index].Measures.AsSpan();
            if (position >= measures.Length)
            {
                index++;
                position = 0;
                continue;
            }

            var j = position++;
            if (instruments.TryGet(measures[j].Instrument, out var instrument)
                && SafetySignals.ItemSignal(measures[j], instrument, true, index, j, ReviewedAtNextSession(sessions, assessments[index].Date)) is { } found)
            {
                Current = found;
                return true;
            }
        }

        return false;
    }

    private static bool ReviewedAtNextSession(ReadOnlySpan<Session> sessions, NodaTime.LocalDate date)
    {
        var i = SafetySignals.FirstHeldOnOrAfter(sessions, date);
        return i < sessions.Length && sessions[i].Has(SessionTask.RiskReview);
    }
}
