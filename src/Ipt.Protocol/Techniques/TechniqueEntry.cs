using Ipt.Protocol.Protocols;
namespace Ipt.Protocol.Techniques;

/// <summary>
/// One entry of a technique catalogue: a therapist intervention or an IPT structure that acts as
/// one, with weights that say where it fits (phase, problem area, role-dispute stage), the variants
/// it applies to and its citation. Catalogues use weights, not prohibitions, except that a phase
/// with no weight (or weight 0) is a phase where the entry does not apply. [inference from WMK, MARK, STUART, MUFSON]
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TechniqueEntry
{
    /// <summary>Gets the stable kebab-case id.</summary>
    public required TechniqueId Id
    {
        get;
        init => field = value == default ? throw new ArgumentException("The technique id is missing.", nameof(Id)) : value;
    }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init => field = Guard.RequiredText(value, nameof(Name)); }

    /// <summary>Gets the group.</summary>
    public required TechniqueGroup Group { get; init => field = Guard.Defined(value, nameof(Group)); }

    /// <summary>Gets a short description.</summary>
    public required string Description { get; init => field = Guard.RequiredText(value, nameof(Description)); }

    /// <summary>Gets the weight per phase; a phase not listed has weight 0 (the entry does not apply there).</summary>
    public ValueList<PhaseWeight> PhaseWeights { get; init => field = CheckWeights(value, static w => w.Weight, nameof(PhaseWeights)); }

    /// <summary>Gets the weight per problem area; empty means the entry is general (not tied to an area).</summary>
    public ValueList<AreaWeight> AreaWeights { get; init => field = CheckWeights(value, static w => w.Weight, nameof(AreaWeights)); }

    /// <summary>Gets the weight per role-dispute stage; empty means the stage does not matter.</summary>
    public ValueList<StageWeight> StageWeights { get; init => field = CheckWeights(value, static w => w.Weight, nameof(StageWeights)); }

    /// <summary>Gets the problem areas for which the entry is one of the area's own strategies (section 5 of the domain reference).</summary>
    public ValueList<ProblemArea> StrategyFor { get; init => field = Guard.AllDefined(value, nameof(StrategyFor)); }

    /// <summary>Gets the protocol variants the entry applies to; empty means every variant.</summary>
    public ValueList<ProtocolId> Variants { get; init; }

    /// <summary>Gets the protocol task the entry carries out, when it acts as one (recording either counts as done).</summary>
    public SessionTask? Task { get; init => field = Guard.Defined(value, nameof(Task)); }

    /// <summary>Gets a value indicating whether the entry is done once per course (it is not suggested again once done).</summary>
    public bool OneOff { get; init; }

    /// <summary>Gets where the entry comes from.</summary>
    public required Citation Citation { get; init; }

    /// <summary>Gets a value indicating whether the entry is an IPT technique (false for <see cref="TechniqueGroup.NonIpt"/>).</summary>
    public bool IsIpt => Group != TechniqueGroup.NonIpt;

    /// <summary>Returns the entry's weight in a phase (0 when not listed).</summary>
    /// <param name="phase">The phase.</param>
    /// <returns>The weight, 0 to 1.</returns>
    public double WeightIn(Phase phase)
    {
        foreach (var weight in PhaseWeights)
        {
            if (weight.Phase == phase)
            {
                return weight.Weight;
            }
        }

        return 0;
    }

    /// <summary>
    /// Returns the entry's weight in a phase of a protocol: its weight in the phase, except that in a
    /// protocol whose pre-treatment meetings do the initial phase's tasks
    /// (<see cref="ProtocolDefinition.InitialTasksInPreTreatment"/>) a pre-treatment meeting also
    /// takes the entry's initial-phase weight. The technique rules and the advisor both read weights
    /// through this method.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <param name="protocol">The protocol.</param>
    /// <returns>The weight, 0 to 1.</returns>
    public double WeightIn(Phase phase, ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var weight = WeightIn(phase);
        return phase == Phase.PreTreatment && protocol.InitialTasksInPreTreatment ? Math.Max(weight, WeightIn(Phase.Initial)) : weight;
    }

    /// <summary>Returns the entry's weight for a problem area (0 when not listed).</summary>
    /// <param name="area">The problem area.</param>
    /// <returns>The weight, 0 to 1.</returns>
    public double WeightFor(ProblemArea area)
    {
        foreach (var weight in AreaWeights)
        {
            if (weight.Area == area)
            {
                return weight.Weight;
            }
        }

        return 0;
    }

    /// <summary>Returns the entry's weight for a role-dispute stage (0 when not listed).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The weight, 0 to 1.</returns>
    public double WeightFor(RoleDisputeStage stage)
    {
        foreach (var weight in StageWeights)
        {
            if (weight.Stage == stage)
            {
                return weight.Weight;
            }
        }

        return 0;
    }

    /// <summary>Returns whether the entry applies in a phase (its weight there is above 0).</summary>
    /// <param name="phase">The phase.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    public bool AppliesIn(Phase phase) => WeightIn(phase) > 0;

    /// <summary>Returns whether the entry applies in a phase of a protocol (see <see cref="WeightIn(Phase, ProtocolDefinition)"/>).</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="protocol">The protocol.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    public bool AppliesIn(Phase phase, ProtocolDefinition protocol) => WeightIn(phase, protocol) > 0;

    /// <summary>Returns whether the entry applies to a protocol variant.</summary>
    /// <param name="protocol">The protocol's id.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    public bool AppliesTo(ProtocolId protocol) => Variants.IsEmpty || Variants.Contains(protocol);

    /// <summary>Describes the entry by id and name.</summary>
    /// <returns>A string such as <c>communication-analysis (Communication analysis)</c>.</returns>
    public override string ToString() => $"{Id} ({Name})";

    private static ValueList<T> CheckWeights<T>(ValueList<T> weights, Func<T, double> weightOf, string paramName)
    {
        foreach (var item in weights)
        {
            var weight = weightOf(item);
            if (!(weight >= 0 && weight <= 1))
            {
                throw new ArgumentOutOfRangeException(paramName, weight, $"{paramName}: every weight is between 0 and 1.");
            }
        }

        return weights;
    }
}
