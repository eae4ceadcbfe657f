using System.Diagnostics.CodeAnalysis;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Outcomes;

/// <summary>
/// What an <see cref="OutcomeCalculator"/> reads courses with: the protocols, the instruments (with
/// their thresholds) and the pair of measures of the NHS Talking Therapies course-level outcome.
/// </summary>
/// <remarks>Immutable and thread-safe. Derive changed options with <c>with</c>.</remarks>
public sealed record OutcomeOptions
{
    /// <summary>Gets the default options: the built-in protocols and instruments, PHQ-9 with GAD-7.</summary>
    public static OutcomeOptions Default { get; } = new();

    /// <summary>Gets the protocols a course's <see cref="Course.Protocol"/> is looked up in.</summary>
    public ProtocolRegistry Protocols { get; init => field = Guard.NotNull(value, nameof(Protocols)); } = ProtocolRegistry.BuiltIn;

    /// <summary>Gets the instruments whose scores are classified (scores of any other are left out).</summary>
    public InstrumentRegistry Instruments { get; init => field = Guard.NotNull(value, nameof(Instruments)); } = InstrumentRegistry.BuiltIn;

    /// <summary>Gets the depression measure of the pair: PHQ-9 [NHSTT] (H).</summary>
    public InstrumentId Depression { get; init => field = Required(value, nameof(Depression)); } = Ipt.Protocol.BuiltInInstruments.Phq9.Id;

    /// <summary>Gets the anxiety measure of the pair: GAD-7 [NHSTT] (H). NHS Talking Therapies use an anxiety-disorder-specific measure for some problem descriptors (Clark et al. 2018); a host sets it here.</summary>
    public InstrumentId Anxiety { get; init => field = Required(value, nameof(Anxiety)); } = Ipt.Protocol.BuiltInInstruments.Gad7.Id;

    private static InstrumentId Required(InstrumentId value, string paramName) =>
        value == default ? throw new ArgumentException("The instrument id is missing.", paramName) : value;
}

/// <summary>
/// Computes the outcome of a course: its score series per instrument, the published classifications
/// and the NHS Talking Therapies result on the pair of measures (<see cref="CourseOutcome"/>).
/// Build one per set of options and share it: it is immutable and thread-safe.
/// </summary>
/// <remarks>
/// Bad input never throws: missing scores give <c>NotComputable</c> states, and a course whose protocol
/// the registry does not know makes <see cref="TryCalculate"/> return <see langword="false"/>. Only a
/// <see langword="null"/> argument (a programming error) throws. Outcomes state what the scores are
/// under published definitions; they are not clinical advice.
/// </remarks>
public sealed class OutcomeCalculator
{
    /// <summary>Creates a calculator.</summary>
    /// <param name="options">The options; <see cref="OutcomeOptions.Default"/> when omitted.</param>
    public OutcomeCalculator(OutcomeOptions? options = null) => Options = options ?? OutcomeOptions.Default;

    /// <summary>Gets a calculator with the default options.</summary>
    public static OutcomeCalculator Default { get; } = new();

    /// <summary>Gets the options.</summary>
    public OutcomeOptions Options { get; }

    /// <summary>Computes the outcome of a course under the protocol its <see cref="Course.Protocol"/> names in the registry.</summary>
    /// <param name="course">The course.</param>
    /// <param name="outcome">The outcome, when the protocol is known.</param>
    /// <returns><see langword="false"/> when the registry does not know the course's protocol.</returns>
    public bool TryCalculate(Course course, [NotNullWhen(true)] out CourseOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (!Options.Protocols.TryGet(course.Protocol, out var protocol))
        {
            outcome = null;
            return false;
        }

        outcome = Calculate(course, protocol);
        return true;
    }

    /// <summary>Computes the outcome of a course under a given protocol definition (for example a host-defined variant), whatever id the course names.</summary>
    /// <param name="course">The course.</param>
    /// <param name="protocol">The protocol definition.</param>
    /// <returns>The outcome.</returns>
    public CourseOutcome Calculate(Course course, ProtocolDefinition protocol)
    {
        var timeline = CourseTimeline.Of(course, protocol);
        List<InstrumentOutcome>? measured = null;
        InstrumentOutcome? depression = null, anxiety = null;
        foreach (var instrument in Options.Instruments)
        {
            var series = ScoreSeries.Of(timeline, instrument.Id);
            var outcome = InstrumentOutcome.Of(instrument, series, protocol.ResponseReductionPercent, ScoreSeries.FollowUpsOf(course, instrument.Id));
            if (series.Baseline is not null || series.FollowUpCount > 0)
            {
                (measured ??= []).Add(outcome);
            }

            if (instrument.Id == Options.Depression)
            {
                depression = outcome;
            }

            if (instrument.Id == Options.Anxiety)
            {
                anxiety = outcome;
            }
        }

        Options.Instruments.TryGet(Options.Depression, out var depressionInstrument);
        Options.Instruments.TryGet(Options.Anxiety, out var anxietyInstrument);
        var paired = PairedOutcome.Of(Options.Depression, Options.Anxiety, depressionInstrument, depression, anxietyInstrument, anxiety);
        return new CourseOutcome(timeline, measured is null ? ValueList<InstrumentOutcome>.Empty : ValueList.From(measured), paired);
    }
}
