namespace Ipt.Protocol.Outcomes;

/// <summary>The published classifications, each in one place, for one measure and for the pair. [NHSTT, CONVENTION] (H)</summary>
internal static class Classification
{
    internal static OutcomeState Flag(bool value) => value ? OutcomeState.Yes : OutcomeState.No;

    /// <summary>At or above caseness at the first score; not defined without a threshold or where a higher score is better.</summary>
    internal static OutcomeState CasenessAtStart(Instrument instrument, ScorePoint? first) =>
        !instrument.HigherIsWorse || instrument.CasenessThreshold is null ? OutcomeState.NotDefined
        : first is { } score ? Flag(instrument.IsCase(score.Value))
        : OutcomeState.NotComputable;

    /// <summary>Recovery from caseness at the start and whether every measure is below caseness at the end (null: an end score is missing).</summary>
    internal static RecoveryStatus Recovery(OutcomeState casenessAtStart, bool? belowCasenessAtEnd) => casenessAtStart switch
    {
        OutcomeState.NotDefined => RecoveryStatus.NotDefined,
        OutcomeState.NotComputable => RecoveryStatus.NotComputable,
        OutcomeState.No => RecoveryStatus.NotAtCaseness,
        _ => belowCasenessAtEnd switch
        {
            null => RecoveryStatus.NotComputable,
            true => RecoveryStatus.Recovered,
            false => RecoveryStatus.NotRecovered,
        },
    };

    /// <summary>A change of at least the reliable change index, in the direction of the instrument (a fall is better when a higher score is worse).</summary>
    internal static ReliableChangeStatus ReliableChange(Instrument instrument, ScorePoint? first, ScorePoint? last)
    {
        if (instrument.ReliableChange is not { } rci)
        {
            return ReliableChangeStatus.NotDefined;
        }

        if (first is not { } from || last is not { } to)
        {
            return ReliableChangeStatus.NotComputable;
        }

        var better = instrument.HigherIsWorse ? from.Value - to.Value : to.Value - from.Value;
        return better >= rci ? ReliableChangeStatus.ReliableImprovement
            : -better >= rci ? ReliableChangeStatus.ReliableDeterioration
            : ReliableChangeStatus.NoReliableChange;
    }

    /// <summary>Reliable recovery: recovery and reliable improvement; no when not at caseness at the start. [NHSTT] (H)</summary>
    internal static OutcomeState ReliableRecovery(RecoveryStatus recovery, ReliableChangeStatus change) =>
        recovery == RecoveryStatus.NotDefined || change == ReliableChangeStatus.NotDefined ? OutcomeState.NotDefined
        : recovery == RecoveryStatus.NotAtCaseness ? OutcomeState.No
        : recovery == RecoveryStatus.NotComputable || change == ReliableChangeStatus.NotComputable ? OutcomeState.NotComputable
        : Flag(recovery == RecoveryStatus.Recovered && change == ReliableChangeStatus.ReliableImprovement);

    /// <summary>Response: a fall of at least the given percentage from the first score. [CONVENTION] (H)</summary>
    internal static OutcomeState Response(Instrument instrument, ScorePoint? first, ScorePoint? last, int percent) =>
        !instrument.HigherIsWorse ? OutcomeState.NotDefined
        : first is not { } from || last is not { } to || from.Value <= 0 ? OutcomeState.NotComputable
        : Flag((from.Value - to.Value) * 100 >= from.Value * percent);

    /// <summary>Remission: the last score below the instrument's remission threshold. [CONVENTION, KROENKE01] (H)</summary>
    internal static OutcomeState Remission(Instrument instrument, ScorePoint? last) =>
        !instrument.HigherIsWorse || instrument.RemissionBelow is null ? OutcomeState.NotDefined
        : last is { } score ? Flag(instrument.IsRemission(score.Value))
        : OutcomeState.NotComputable;

    /// <summary>Caseness of the pair at the start: at caseness on either measure; both first scores are needed. [NHSTT] (H)</summary>
    internal static OutcomeState Either(OutcomeState a, OutcomeState b) =>
        a == OutcomeState.NotDefined || b == OutcomeState.NotDefined ? OutcomeState.NotDefined
        : a == OutcomeState.NotComputable || b == OutcomeState.NotComputable ? OutcomeState.NotComputable
        : Flag(a == OutcomeState.Yes || b == OutcomeState.Yes);

    /// <summary>Reliable change of the pair: a reliable improvement on at least one measure and no reliable deterioration on the other, and the reverse. [NHSTT] (H; the condition on the other measure M)</summary>
    internal static ReliableChangeStatus Pair(ReliableChangeStatus a, ReliableChangeStatus b)
    {
        if (a == ReliableChangeStatus.NotDefined || b == ReliableChangeStatus.NotDefined)
        {
            return ReliableChangeStatus.NotDefined;
        }

        if (a == ReliableChangeStatus.NotComputable || b == ReliableChangeStatus.NotComputable)
        {
            return ReliableChangeStatus.NotComputable;
        }

        var improved = a == ReliableChangeStatus.ReliableImprovement || b == ReliableChangeStatus.ReliableImprovement;
        var deteriorated = a == ReliableChangeStatus.ReliableDeterioration || b == ReliableChangeStatus.ReliableDeterioration;
        return improved && !deteriorated ? ReliableChangeStatus.ReliableImprovement
            : deteriorated && !improved ? ReliableChangeStatus.ReliableDeterioration
            : ReliableChangeStatus.NoReliableChange;
    }
}
