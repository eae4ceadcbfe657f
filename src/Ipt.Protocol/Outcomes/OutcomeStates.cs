namespace Ipt.Protocol.Outcomes;

/// <summary>
/// A yes/no outcome that may not be computable: caseness at the start, reliable recovery, response,
/// remission. A missing score gives <see cref="NotComputable"/>, never an exception.
/// </summary>
public enum OutcomeState
{
    /// <summary>A score it needs is missing (no baseline, or no end-of-treatment score).</summary>
    NotComputable,

    /// <summary>The instrument does not define it: no caseness threshold, no reliable change index, no remission threshold, or a higher score is better (SRM).</summary>
    NotDefined,

    /// <summary>Computed: no.</summary>
    No,

    /// <summary>Computed: yes.</summary>
    Yes,
}

/// <summary>
/// Recovery in the NHS Talking Therapies sense: at caseness at the start and below caseness at the
/// end (on both measures, for the pair). [NHSTT] (H)
/// </summary>
public enum RecoveryStatus
{
    /// <summary>A score it needs is missing.</summary>
    NotComputable,

    /// <summary>The instrument has no caseness threshold, or a higher score is better.</summary>
    NotDefined,

    /// <summary>Below caseness at the start: recovery does not apply (left out of the recovery rate's denominator). [NHSTT] (H)</summary>
    NotAtCaseness,

    /// <summary>At caseness at the start and still at caseness at the end (on either measure, for the pair).</summary>
    NotRecovered,

    /// <summary>At caseness at the start and below caseness at the end (on both measures, for the pair).</summary>
    Recovered,
}

/// <summary>
/// Reliable change between the first and the last score: a change of at least the instrument's
/// reliable change index (PHQ-9 6, GAD-7 4, EPDS 4). For the pair, a reliable fall on at least one
/// measure with no reliable rise on the other is an improvement, and the reverse a deterioration.
/// [NHSTT, MATTHEY04] (H; the condition on the other measure M)
/// </summary>
public enum ReliableChangeStatus
{
    /// <summary>A score it needs is missing.</summary>
    NotComputable,

    /// <summary>The instrument has no reliable change index.</summary>
    NotDefined,

    /// <summary>Neither reliable improvement nor reliable deterioration (for the pair, also a reliable fall on one measure with a reliable rise on the other).</summary>
    NoReliableChange,

    /// <summary>Better by at least the reliable change index (for the pair: on at least one measure, and not reliably worse on the other).</summary>
    ReliableImprovement,

    /// <summary>Worse by at least the reliable change index (for the pair: on at least one measure, and not reliably better on the other).</summary>
    ReliableDeterioration,
}
