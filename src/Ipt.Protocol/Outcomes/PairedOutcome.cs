using System.Globalization;

namespace Ipt.Protocol.Outcomes;

/// <summary>
/// The course-level outcome of NHS Talking Therapies, on the first and last scores of a pair of
/// measures, a depression measure and an anxiety measure (PHQ-9 and GAD-7 by default;
/// <see cref="OutcomeOptions"/>). [NHSTT] (H)
/// </summary>
/// <remarks>
/// <para><b>Caseness at the start</b>: at or above caseness on either measure at its first score.
/// <b>Recovery</b>: at caseness at the start and below caseness on both measures at the end.
/// <b>Reliable improvement</b>: a fall of at least the reliable change index on at least one measure
/// and no reliable rise on the other; <b>reliable deterioration</b> the reverse (the condition on the
/// other measure is M: the Manual's wording from secondary sources); a reliable fall on one with a
/// reliable rise on the other is <b>no reliable change</b>. <b>Reliable recovery</b>: recovery and
/// reliable improvement.</para>
/// <para>Both measures need their scores: with one measure missing, every classification is
/// <c>NotComputable</c> (the per-instrument outcomes in <see cref="CourseOutcome.Instruments"/> still
/// give that measure's own result). An instrument the registry does not know, or one without a
/// caseness threshold or reliable change index, gives <c>NotDefined</c>.</para>
/// <para>Immutable and thread-safe, with value equality.</para>
/// </remarks>
public sealed record PairedOutcome
{
    private PairedOutcome(InstrumentId depression, InstrumentId anxiety)
    {
        Depression = depression;
        Anxiety = anxiety;
    }

    /// <summary>Gets the depression measure of the pair.</summary>
    public InstrumentId Depression { get; }

    /// <summary>Gets the anxiety measure of the pair.</summary>
    public InstrumentId Anxiety { get; }

    /// <summary>Gets a value indicating whether both measures have a baseline score: the pair was in use at the start (a caseload counts the pair only for such courses).</summary>
    public bool HasBaselines { get; private init; }

    /// <summary>Gets a value indicating whether both measures have a first and a last score.</summary>
    public bool IsPaired { get; private init; }

    /// <summary>Gets whether either measure was at caseness at its first score.</summary>
    public OutcomeState CasenessAtStart { get; private init; }

    /// <summary>Gets whether the course recovered: at caseness at the start, below caseness on both measures at the end.</summary>
    public RecoveryStatus Recovery { get; private init; }

    /// <summary>Gets the reliable change of the pair.</summary>
    public ReliableChangeStatus ReliableChange { get; private init; }

    /// <summary>Gets whether the course both recovered and improved reliably.</summary>
    public OutcomeState ReliableRecovery { get; private init; }

    /// <summary>Describes the outcome with ids and classifications only.</summary>
    /// <returns>A string such as <c>phq-9 + gad-7: caseness Yes, recovery Recovered, ReliableImprovement, reliable recovery Yes</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Depression} + {Anxiety}: caseness {CasenessAtStart}, recovery {Recovery}, {ReliableChange}, reliable recovery {ReliableRecovery}");

    /// <summary>Classifies the pair from each measure's instrument (null when unknown) and outcome.</summary>
    internal static PairedOutcome Of(InstrumentId depressionId, InstrumentId anxietyId, Instrument? depression, InstrumentOutcome? d, Instrument? anxiety, InstrumentOutcome? a)
    {
        var hasBaselines = d is { First: not null } && a is { First: not null };
        if (depression is null || anxiety is null || d is null || a is null)
        {
            return new PairedOutcome(depressionId, anxietyId)
            {
                HasBaselines = hasBaselines,
                CasenessAtStart = OutcomeState.NotDefined,
                Recovery = RecoveryStatus.NotDefined,
                ReliableChange = ReliableChangeStatus.NotDefined,
                ReliableRecovery = OutcomeState.NotDefined,
            };
        }

        var caseness = Classification.Either(d.CasenessAtStart, a.CasenessAtStart);
        bool? belowAtEnd = d.Last is { } dEnd && a.Last is { } aEnd ? !depression.IsCase(dEnd.Value) && !anxiety.IsCase(aEnd.Value) : null;
        var recovery = Classification.Recovery(caseness, belowAtEnd);
        var change = Classification.Pair(d.ReliableChange, a.ReliableChange);
        return new PairedOutcome(depressionId, anxietyId)
        {
            HasBaselines = hasBaselines,
            IsPaired = d.IsPaired && a.IsPaired,
            CasenessAtStart = caseness,
            Recovery = recovery,
            ReliableChange = change,
            ReliableRecovery = Classification.ReliableRecovery(recovery, change),
        };
    }
}
