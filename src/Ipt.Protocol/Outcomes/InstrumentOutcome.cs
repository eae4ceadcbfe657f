using System.Globalization;

namespace Ipt.Protocol.Outcomes;

/// <summary>
/// The outcome of one instrument in a course: its first (baseline) and last (end-of-treatment)
/// scores with where they came from, its follow-up scores, and the published classifications on that
/// one measure: caseness at the start, recovery, reliable change, reliable recovery (NHS Talking
/// Therapies [NHSTT] (H)), response and remission (trial conventions [CONVENTION] (H)).
/// </summary>
/// <remarks>
/// <para>Definitions, with the instrument's parameters (so a host instrument with another threshold
/// classifies by its own): <b>caseness at the start</b> = the first score at or above
/// <see cref="Instrument.CasenessThreshold"/>; <b>recovery</b> = at caseness at the start and below it at
/// the end; <b>reliable improvement</b> / <b>deterioration</b> = a fall / rise of at least
/// <see cref="Instrument.ReliableChange"/> (a rise / fall for an instrument where a higher score is
/// better); <b>reliable recovery</b> = recovery and reliable improvement; <b>response</b> = a fall of
/// at least the protocol's <see cref="Protocols.ProtocolDefinition.ResponseReductionPercent"/> from the
/// first score; <b>remission</b> = the last score below <see cref="Instrument.RemissionBelow"/>,
/// whatever the fall.</para>
/// <para>A missing score gives a <c>NotComputable</c> state; a threshold the instrument does not have,
/// or a threshold-based outcome of an instrument where a higher score is better (the Social Rhythm
/// Metric, a mean), gives <c>NotDefined</c>. The scores are still reported, with their decimals.</para>
/// <para>Immutable and thread-safe, with value equality. <see cref="ToString"/> gives the instrument,
/// scores and classifications only.</para>
/// </remarks>
public sealed record InstrumentOutcome
{
    private InstrumentOutcome(InstrumentId instrument, in ScoreSeries series, ValueList<ScorePoint> followUps, int responseReductionPercent)
    {
        Instrument = instrument;
        First = series.Baseline;
        Last = series.EndOfTreatment;
        TreatmentScoreCount = series.TreatmentScoreCount;
        FollowUps = followUps;
        ResponseReductionPercent = responseReductionPercent;
    }

    /// <summary>Gets the instrument's id.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>Gets the first score (the baseline, see <see cref="ScoreSeries.Baseline"/>), when there is one.</summary>
    public ScorePoint? First { get; }

    /// <summary>Gets the last score (the end-of-treatment score, see <see cref="ScoreSeries.EndOfTreatment"/>), when there is one.</summary>
    public ScorePoint? Last { get; }

    /// <summary>Gets the number of held treatment sessions with a score of the instrument.</summary>
    public int TreatmentScoreCount { get; }

    /// <summary>Gets the follow-up scores in date order; they take no part in the classifications.</summary>
    public ValueList<ScorePoint> FollowUps { get; }

    /// <summary>Gets a value indicating whether there are both a first and a last score.</summary>
    public bool IsPaired => First is not null && Last is not null;

    /// <summary>Gets the last score minus the first (negative is a fall), when both exist.</summary>
    public decimal? Change => First is { } first && Last is { } last ? last.Value - first.Value : null;

    /// <summary>Gets whether the first score is at or above the instrument's caseness threshold.</summary>
    public OutcomeState CasenessAtStart { get; private init; }

    /// <summary>Gets whether the course recovered on this measure (at caseness at the start, below it at the end).</summary>
    public RecoveryStatus Recovery { get; private init; }

    /// <summary>Gets the reliable change from the first to the last score.</summary>
    public ReliableChangeStatus ReliableChange { get; private init; }

    /// <summary>Gets whether the course both recovered and improved reliably on this measure.</summary>
    public OutcomeState ReliableRecovery { get; private init; }

    /// <summary>Gets whether the last score is at least <see cref="ResponseReductionPercent"/> % below the first (not computable when the first score is 0).</summary>
    public OutcomeState Response { get; private init; }

    /// <summary>Gets the fall from the first score, in percent, that counts as a response (the protocol's parameter).</summary>
    public int ResponseReductionPercent { get; }

    /// <summary>Gets whether the last score is below the instrument's remission threshold.</summary>
    public OutcomeState Remission { get; private init; }

    /// <summary>Classifies the scores of an instrument.</summary>
    /// <param name="instrument">The instrument, with its thresholds.</param>
    /// <param name="series">Its scores in the course (<see cref="ScoreSeries.Of"/>).</param>
    /// <param name="responseReductionPercent">The fall from the first score, in percent, that counts as a response (1-100; the protocol's <see cref="Protocols.ProtocolDefinition.ResponseReductionPercent"/>).</param>
    /// <param name="followUps">The follow-up scores (<see cref="ScoreSeries.FollowUpsOf"/>); none when omitted.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException">The series is of another instrument, or the percentage is not between 1 and 100 (programming errors).</exception>
    internal static InstrumentOutcome Of(Instrument instrument, in ScoreSeries series, int responseReductionPercent, ValueList<ScorePoint> followUps = default)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentOutOfRangeException.ThrowIfLessThan(responseReductionPercent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(responseReductionPercent, 100);
        if (series.Instrument != instrument.Id)
        {
            throw new ArgumentException("The series is of another instrument.", nameof(series));
        }

        var caseness = Classification.CasenessAtStart(instrument, series.Baseline);
        var change = Classification.ReliableChange(instrument, series.Baseline, series.EndOfTreatment);
        var recovery = Classification.Recovery(caseness, series.EndOfTreatment is { } end ? !instrument.IsCase(end.Value) : null);
        return new InstrumentOutcome(instrument.Id, series, followUps, responseReductionPercent)
        {
            CasenessAtStart = caseness,
            Recovery = recovery,
            ReliableChange = change,
            ReliableRecovery = Classification.ReliableRecovery(recovery, change),
            Response = Classification.Response(instrument, series.Baseline, series.EndOfTreatment, responseReductionPercent),
            Remission = Classification.Remission(instrument, series.EndOfTreatment),
        };
    }

    /// <summary>Describes the outcome with scores and classifications only.</summary>
    /// <returns>A string such as <c>phq-9 18 -> 6: caseness Yes, recovery Recovered, ReliableImprovement, reliable recovery Yes, response Yes, remission No</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Instrument} {First?.Value.ToString(CultureInfo.InvariantCulture) ?? "-"} -> {Last?.Value.ToString(CultureInfo.InvariantCulture) ?? "-"}: caseness {CasenessAtStart}, recovery {Recovery}, {ReliableChange}, reliable recovery {ReliableRecovery}, response {Response}, remission {Remission}");
}
