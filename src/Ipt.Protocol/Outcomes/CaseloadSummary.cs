using System.Globalization;

namespace Ipt.Protocol.Outcomes;

/// <summary>
/// The figures a service reports over many courses: how many are active, completed or ended early,
/// how many are finished courses of treatment, the dropout rate, the median number of treatment
/// sessions attended, and the counts and rates of each outcome on the pair of measures (NHS Talking
/// Therapies) and on each instrument. [NHSTT] (H)
/// </summary>
/// <remarks>
/// <para><b>Mergeable.</b> A summary is a sum: <see cref="Plus(CaseloadSummary)"/> adds two summaries, in any order and
/// any grouping, with the same result as summarising all their courses at once. A parallel bulk job
/// summarises each partition with <see cref="Of"/> and merges the partial results; the result does
/// not depend on the partitioning or the order (the median comes from the full distribution, kept in
/// <see cref="EndedByAttendedSessions"/>). Sum summaries made with the same <see cref="OutcomeOptions"/>.
/// For a stream of courses, <see cref="Builder"/> sums them without a new summary per course.</para>
/// <para><b>Definitions.</b> <see cref="DropoutRate"/> = ended early / ended (completed or ended early),
/// statuses as <see cref="CourseOutcome.Status"/> gives them (inferred when a course has no lifecycle).
/// <see cref="MedianAttendedSessions"/> is the median of the attended treatment sessions of the ended
/// courses (the mean of the two middle values for an even count). Outcomes are counted over finished
/// courses of treatment only; see <see cref="OutcomeCounts"/> for who is counted and each rate.</para>
/// <para>Immutable and thread-safe, with value equality. <see cref="ToString"/> gives numbers only.</para>
/// </remarks>
public sealed record CaseloadSummary
{
    private CaseloadSummary(Builder builder)
    {
        Courses = builder.Courses;
        Active = builder.Active;
        Completed = builder.Completed;
        EndedEarly = builder.EndedEarly;
        StatusInferred = builder.StatusInferred;
        FinishedTreatment = builder.FinishedTreatment;
        var last = builder.Histogram.Count - 1;
        while (last >= 0 && builder.Histogram[last] == 0)
        {
            last--;
        }

        EndedByAttendedSessions = ValueList.From(builder.Histogram.Take(last + 1));
        Paired = new OutcomeCounts(builder.Paired);
        List<InstrumentCounts> instruments = [];
        foreach (var (id, tally) in builder.Instruments)
        {
            instruments.Add(new InstrumentCounts(id, new OutcomeCounts(tally)));
        }

        Instruments = ValueList.From(instruments);
    }

    /// <summary>Gets the summary of no course.</summary>
    public static CaseloadSummary Empty { get; } = new(new Builder());

    /// <summary>Gets the number of courses.</summary>
    public int Courses { get; }

    /// <summary>Gets the number of active courses.</summary>
    public int Active { get; }

    /// <summary>Gets the number of completed courses.</summary>
    public int Completed { get; }

    /// <summary>Gets the number of courses that ended early.</summary>
    public int EndedEarly { get; }

    /// <summary>Gets the number of ended courses (completed or ended early).</summary>
    public int Ended => Completed + EndedEarly;

    /// <summary>Gets the number of courses whose status was inferred from their sessions (no lifecycle in the record).</summary>
    public int StatusInferred { get; }

    /// <summary>Gets the number of finished courses of treatment (ended after at least 2 attended treatment sessions). [NHSTT] (H)</summary>
    public int FinishedTreatment { get; }

    /// <summary>Gets the dropout rate: courses that ended early as a share of ended courses; <see langword="null"/> when none has ended.</summary>
    public double? DropoutRate => Ended == 0 ? null : (double)EndedEarly / Ended;

    /// <summary>Gets the distribution of attended treatment sessions over the ended courses: element <c>k</c> is the number of ended courses with <c>k</c> attended treatment sessions.</summary>
    public ValueList<int> EndedByAttendedSessions { get; }

    /// <summary>Gets the median number of attended treatment sessions of the ended courses; <see langword="null"/> when none has ended.</summary>
    public double? MedianAttendedSessions
    {
        get
        {
            var n = 0;
            foreach (var count in EndedByAttendedSessions)
            {
                n += count;
            }

            return n == 0 ? null : (ValueAt((n - 1) / 2) + ValueAt(n / 2)) / 2.0;
        }
    }

    /// <summary>Gets the outcome counts on the pair of measures (PHQ-9 with GAD-7 by default), over the finished courses with a baseline score of both.</summary>
    public OutcomeCounts Paired { get; }

    /// <summary>Gets the outcome counts on each instrument, over the finished courses with a score of it, ordered by instrument id (ordinal).</summary>
    public ValueList<InstrumentCounts> Instruments { get; }

    /// <summary>Summarises courses.</summary>
    /// <param name="outcomes">The outcomes of the courses.</param>
    /// <returns>The summary.</returns>
    public static CaseloadSummary Of(IEnumerable<CourseOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var builder = new Builder();
        foreach (var outcome in outcomes)
        {
            builder.Add(outcome);
        }

        return builder.ToSummary();
    }

    /// <summary>Returns the summary with one more course (a new summary; <see cref="Builder.Add(CourseOutcome)"/> sums in place).</summary>
    /// <param name="outcome">The outcome of the course.</param>
    /// <returns>The new summary.</returns>
    public CaseloadSummary Plus(CourseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var builder = new Builder(this);
        builder.Add(outcome);
        return new CaseloadSummary(builder);
    }

    /// <summary>Returns the sum of two summaries (for example the partial results of a parallel job), as <see cref="OutcomeCounts.Plus"/> sums counts.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The summary of the courses of both.</returns>
    public CaseloadSummary Plus(CaseloadSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var builder = new Builder(this);
        builder.Add(other);
        return new CaseloadSummary(builder);
    }

    /// <summary>Returns the outcome counts of an instrument, when any finished course has a score of it.</summary>
    /// <param name="instrument">The instrument's id.</param>
    /// <returns>The counts, or <see langword="null"/>.</returns>
    public OutcomeCounts? CountsOf(InstrumentId instrument)
    {
        foreach (var counts in Instruments)
        {
            if (counts.Instrument == instrument)
            {
                return counts.Counts;
            }
        }

        return null;
    }

    /// <summary>Describes the summary with numbers only.</summary>
    /// <returns>A string such as <c>120 courses: 20 active, 80 completed, 20 ended early (dropout 20.0 %); 98 finished treatment; median 12 sessions attended; pair: ...</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Courses} courses: {Active} active, {Completed} completed, {EndedEarly} ended early (dropout {OutcomeCounts.Percent(DropoutRate)}); {FinishedTreatment} finished treatment; median {(MedianAttendedSessions is { } m ? m.ToString("0.#", CultureInfo.InvariantCulture) : "n/a")} sessions attended; pair: {Paired}");

    private int ValueAt(int position)
    {
        var seen = 0;
        for (var k = 0; k < EndedByAttendedSessions.Count; k++)
        {
            seen += EndedByAttendedSessions[k];
            if (position < seen)
            {
                return k;
            }
        }

        return EndedByAttendedSessions.Count - 1;
    }

    /// <summary>
    /// Sums courses one at a time into a summary without making a new summary for each: for a stream
    /// of courses (a JSON Lines file). Not thread-safe: give each worker of a parallel job its own
    /// builder and merge their summaries.
    /// </summary>
    public sealed class Builder
    {
        /// <summary>Creates an empty builder.</summary>
        public Builder()
        {
        }

        internal Builder(CaseloadSummary summary)
        {
            Add(summary);
        }

        internal int Courses { get; private set; }

        internal int Active { get; private set; }

        internal int Completed { get; private set; }

        internal int EndedEarly { get; private set; }

        internal int StatusInferred { get; private set; }

        internal int FinishedTreatment { get; private set; }

        internal List<int> Histogram { get; } = [];

        internal SortedDictionary<InstrumentId, Tally> Instruments { get; } = [];

        internal Tally Paired;

        /// <summary>Adds a course.</summary>
        /// <param name="outcome">The outcome of the course.</param>
        public void Add(CourseOutcome outcome)
        {
            ArgumentNullException.ThrowIfNull(outcome);
            Courses++;
            StatusInferred += outcome.IsStatusInferred ? 1 : 0;
            switch (outcome.Status)
            {
                case CourseStatus.Completed:
                    Completed++;
                    break;
                case CourseStatus.EndedEarly:
                    EndedEarly++;
                    break;
                default:
                    Active++;
                    break;
            }

            if (outcome.HasEnded)
            {
                AddToHistogram(outcome.AttendedTreatmentSessions, 1);
            }

            if (!outcome.IsFinishedTreatment)
            {
                return;
            }

            FinishedTreatment++;
            if (outcome.Paired.HasBaselines)
            {
                Paired.Add(outcome.Paired);
            }

            foreach (var instrument in outcome.Instruments)
            {
                var tally = Instruments.GetValueOrDefault(instrument.Instrument);
                tally.Add(instrument);
                Instruments[instrument.Instrument] = tally;
            }
        }

        /// <summary>Adds the courses of a summary (for example the partial result of another worker).</summary>
        /// <param name="summary">The summary.</param>
        public void Add(CaseloadSummary summary)
        {
            ArgumentNullException.ThrowIfNull(summary);
            Courses += summary.Courses;
            Active += summary.Active;
            Completed += summary.Completed;
            EndedEarly += summary.EndedEarly;
            StatusInferred += summary.StatusInferred;
            FinishedTreatment += summary.FinishedTreatment;
            for (var k = 0; k < summary.EndedByAttendedSessions.Count; k++)
            {
                AddToHistogram(k, summary.EndedByAttendedSessions[k]);
            }

            Paired.Add(summary.Paired.Tally);
            foreach (var counts in summary.Instruments)
            {
                var tally = Instruments.GetValueOrDefault(counts.Instrument);
                tally.Add(counts.Counts.Tally);
                Instruments[counts.Instrument] = tally;
            }
        }

        /// <summary>Returns the summary of the courses added so far.</summary>
        /// <returns>The summary.</returns>
        public CaseloadSummary ToSummary() => new(this);

        private void AddToHistogram(int attended, int count)
        {
            while (Histogram.Count <= attended)
            {
                Histogram.Add(0);
            }

            Histogram[attended] += count;
        }
    }
}
