using System.Globalization;

namespace Ipt.Protocol.Outcomes;

/// <summary>
/// How many finished courses of a caseload had each outcome, on one instrument or on the pair of
/// measures, with the rates a service reports. Part of a <see cref="CaseloadSummary"/>.
/// </summary>
/// <remarks>
/// <para><b>Who is counted.</b> Finished courses of treatment only (<see cref="CourseOutcome.IsFinishedTreatment"/>):
/// for an instrument, those with a score of it; for the pair, those with a baseline score of both
/// measures (<see cref="PairedOutcome.HasBaselines"/>: the pair was in use at the start, so a service
/// that never uses GAD-7 has no pair counts rather than a recovery rate of 0). A course whose
/// classification is <c>NotDefined</c> (the instrument lacks the threshold) is not counted for that
/// classification.</para>
/// <para><b>Rates.</b> A finished course whose scores are missing stays in the denominator, as in the
/// NHS Talking Therapies recovery rate: it cannot count as a success, and the <c>…NotComputable</c>
/// counts say how many there are. The <b>recovery rate</b> is
/// <c>Recovered / (Courses − NotAtCaseness)</c> [NHSTT] (H); the reliable recovery rate has the same
/// denominator. The reliable change rates are shares of the courses for which reliable change is
/// defined; the response and remission rates likewise. A rate is <see langword="null"/> when its
/// denominator is 0.</para>
/// <para>Immutable and thread-safe, with value equality.</para>
/// </remarks>
public sealed record OutcomeCounts
{
    private readonly Tally tally;

    internal OutcomeCounts(in Tally tally) => this.tally = tally;

    /// <summary>Gets the counts of no course.</summary>
    public static OutcomeCounts Empty { get; } = new(default(Tally));

    /// <summary>Gets the number of finished courses counted.</summary>
    public int Courses => tally.Courses;

    /// <summary>Gets the number of those with a first and a last score (for the pair, on both measures).</summary>
    public int Paired => tally.Paired;

    /// <summary>Gets the number at caseness at the start.</summary>
    public int AtCaseness => tally.AtCaseness;

    /// <summary>Gets the number below caseness at the start (left out of the recovery rate's denominator).</summary>
    public int NotAtCaseness => tally.NotAtCaseness;

    /// <summary>Gets the number whose caseness at the start is not computable (no baseline score).</summary>
    public int CasenessNotComputable => tally.CasenessNotComputable;

    /// <summary>Gets the number that recovered.</summary>
    public int Recovered => tally.Recovered;

    /// <summary>Gets the number at caseness at the start that did not recover.</summary>
    public int NotRecovered => tally.NotRecovered;

    /// <summary>Gets the number whose recovery is not computable (a score is missing).</summary>
    public int RecoveryNotComputable => tally.RecoveryNotComputable;

    /// <summary>Gets the number with reliable improvement.</summary>
    public int ReliableImprovement => tally.ReliableImprovement;

    /// <summary>Gets the number with no reliable change.</summary>
    public int NoReliableChange => tally.NoReliableChange;

    /// <summary>Gets the number with reliable deterioration.</summary>
    public int ReliableDeterioration => tally.ReliableDeterioration;

    /// <summary>Gets the number whose reliable change is not computable (a score is missing).</summary>
    public int ReliableChangeNotComputable => tally.ReliableChangeNotComputable;

    /// <summary>Gets the number that recovered reliably.</summary>
    public int ReliableRecovery => tally.ReliableRecovery;

    /// <summary>Gets the number whose reliable recovery is not computable (a score is missing).</summary>
    public int ReliableRecoveryNotComputable => tally.ReliableRecoveryNotComputable;

    /// <summary>Gets the number that responded.</summary>
    public int Responded => tally.Responded;

    /// <summary>Gets the number that did not respond.</summary>
    public int NotResponded => tally.NotResponded;

    /// <summary>Gets the number whose response is not computable (a score is missing, or the first score is 0).</summary>
    public int ResponseNotComputable => tally.ResponseNotComputable;

    /// <summary>Gets the number in remission at the end.</summary>
    public int InRemission => tally.InRemission;

    /// <summary>Gets the number not in remission at the end.</summary>
    public int NotInRemission => tally.NotInRemission;

    /// <summary>Gets the number whose remission is not computable (no end-of-treatment score).</summary>
    public int RemissionNotComputable => tally.RemissionNotComputable;

    /// <summary>Gets the recovery rate: <c>Recovered / (Courses − NotAtCaseness)</c>, over the courses for which recovery is defined. [NHSTT] (H)</summary>
    public double? RecoveryRate => Rate(Recovered, RecoveryDenominator);

    /// <summary>Gets the reliable recovery rate, with the recovery rate's denominator.</summary>
    public double? ReliableRecoveryRate =>
        ReliableRecovery + tally.ReliableRecoveryNo + ReliableRecoveryNotComputable == 0 ? null : Rate(ReliableRecovery, RecoveryDenominator);

    /// <summary>Gets the share with reliable improvement, of the courses for which reliable change is defined.</summary>
    public double? ReliableImprovementRate => Rate(ReliableImprovement, ReliableChangeDenominator);

    /// <summary>Gets the share with reliable deterioration, of the courses for which reliable change is defined.</summary>
    public double? ReliableDeteriorationRate => Rate(ReliableDeterioration, ReliableChangeDenominator);

    /// <summary>Gets the share with no reliable change, of the courses for which reliable change is defined.</summary>
    public double? NoReliableChangeRate => Rate(NoReliableChange, ReliableChangeDenominator);

    /// <summary>Gets the share that responded, of the courses for which response is defined.</summary>
    public double? ResponseRate => Rate(Responded, Responded + NotResponded + ResponseNotComputable);

    /// <summary>Gets the share in remission, of the courses for which remission is defined.</summary>
    public double? RemissionRate => Rate(InRemission, InRemission + NotInRemission + RemissionNotComputable);

    internal Tally Tally => tally;

    private int RecoveryDenominator => Recovered + NotRecovered + RecoveryNotComputable;

    private int ReliableChangeDenominator => ReliableImprovement + NoReliableChange + ReliableDeterioration + ReliableChangeNotComputable;

    /// <summary>Adds two sets of counts.</summary>
    /// <param name="other">The other counts.</param>
    /// <returns>The sum.</returns>
    public OutcomeCounts Plus(OutcomeCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sum = tally;
        sum.Add(other.tally);
        return new OutcomeCounts(sum);
    }

    /// <summary>Describes the counts (numbers only).</summary>
    /// <returns>A string such as <c>100 finished courses, 96 paired: 48 recovered (51.6 %), 60 reliable improvement, 5 reliable deterioration</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Courses} finished courses, {Paired} paired: {Recovered} recovered ({Percent(RecoveryRate)}), {ReliableImprovement} reliable improvement, {ReliableDeterioration} reliable deterioration");

    internal static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static double? Rate(int count, int of) => of == 0 ? null : (double)count / of;
}

/// <summary>The counts of one instrument in a <see cref="CaseloadSummary"/>.</summary>
/// <remarks>Immutable and thread-safe, with value equality.</remarks>
public sealed record InstrumentCounts
{
    internal InstrumentCounts(InstrumentId instrument, OutcomeCounts counts)
    {
        Instrument = instrument;
        Counts = counts;
    }

    /// <summary>Gets the instrument's id.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>Gets the counts over the finished courses with a score of the instrument.</summary>
    public OutcomeCounts Counts { get; }

    /// <summary>Describes the counts (numbers only).</summary>
    /// <returns>A string such as <c>phq-9: 100 finished courses, ...</c>.</returns>
    public override string ToString() => $"{Instrument}: {Counts}";
}

/// <summary>The mutable counts behind <see cref="OutcomeCounts"/>: one course at a time, or another tally.</summary>
internal record struct Tally
{
    public int Courses;
    public int Paired;
    public int AtCaseness;
    public int NotAtCaseness;
    public int CasenessNotComputable;
    public int Recovered;
    public int NotRecovered;
    public int RecoveryNotComputable;
    public int ReliableImprovement;
    public int NoReliableChange;
    public int ReliableDeterioration;
    public int ReliableChangeNotComputable;
    public int ReliableRecovery;
    public int ReliableRecoveryNo;
    public int ReliableRecoveryNotComputable;
    public int Responded;
    public int NotResponded;
    public int ResponseNotComputable;
    public int InRemission;
    public int NotInRemission;
    public int RemissionNotComputable;

    public void Add(InstrumentOutcome outcome)
    {
        Add(outcome.IsPaired, outcome.CasenessAtStart, outcome.Recovery, outcome.ReliableChange, outcome.ReliableRecovery);
        Count(outcome.Response, ref Responded, ref NotResponded, ref ResponseNotComputable);
        Count(outcome.Remission, ref InRemission, ref NotInRemission, ref RemissionNotComputable);
    }

    public void Add(PairedOutcome outcome) =>
        Add(outcome.IsPaired, outcome.CasenessAtStart, outcome.Recovery, outcome.ReliableChange, outcome.ReliableRecovery);

    public void Add(in Tally other)
    {
        Courses += other.Courses;
        Paired += other.Paired;
        AtCaseness += other.AtCaseness;
        NotAtCaseness += other.NotAtCaseness;
        CasenessNotComputable += other.CasenessNotComputable;
        Recovered += other.Recovered;
        NotRecovered += other.NotRecovered;
        RecoveryNotComputable += other.RecoveryNotComputable;
        ReliableImprovement += other.ReliableImprovement;
        NoReliableChange += other.NoReliableChange;
        ReliableDeterioration += other.ReliableDeterioration;
        ReliableChangeNotComputable += other.ReliableChangeNotComputable;
        ReliableRecovery += other.ReliableRecovery;
        ReliableRecoveryNo += other.ReliableRecoveryNo;
        ReliableRecoveryNotComputable += other.ReliableRecoveryNotComputable;
        Responded += other.Responded;
        NotResponded += other.NotResponded;
        ResponseNotComputable += other.ResponseNotComputable;
        InRemission += other.InRemission;
        NotInRemission += other.NotInRemission;
        RemissionNotComputable += other.RemissionNotComputable;
    }

    private void Add(bool paired, OutcomeState caseness, RecoveryStatus recovery, ReliableChangeStatus change, OutcomeState reliableRecovery)
    {
        Courses++;
        Paired += paired ? 1 : 0;
        Count(caseness, ref AtCaseness, ref NotAtCaseness, ref CasenessNotComputable);
        switch (recovery)
        {
            case RecoveryStatus.Recovered:
                Recovered++;
                break;
            case RecoveryStatus.NotRecovered:
                NotRecovered++;
                break;
            case RecoveryStatus.NotComputable:
                RecoveryNotComputable++;
                break;
            default:
                // NotAtCaseness is counted with caseness; NotDefined is not counted.
                break;
        }

        switch (change)
        {
            case ReliableChangeStatus.ReliableImprovement:
                ReliableImprovement++;
                break;
            case ReliableChangeStatus.NoReliableChange:
                NoReliableChange++;
                break;
            case ReliableChangeStatus.ReliableDeterioration:
                ReliableDeterioration++;
                break;
            case ReliableChangeStatus.NotComputable:
                ReliableChangeNotComputable++;
                break;
            default:
                break;
        }

        Count(reliableRecovery, ref ReliableRecovery, ref ReliableRecoveryNo, ref ReliableRecoveryNotComputable);
    }

    private static void Count(OutcomeState state, ref int yes, ref int no, ref int notComputable)
    {
        switch (state)
        {
            case OutcomeState.Yes:
                yes++;
                break;
            case OutcomeState.No:
                no++;
                break;
            case OutcomeState.NotComputable:
                notComputable++;
                break;
            default:
                break;
        }
    }
}
