using System.Diagnostics.CodeAnalysis;

namespace Ipt.Protocol.Techniques;

/// <summary>The group a technique belongs to (Weissman's list, plus IPT-specific structures and non-IPT techniques). [WMK ch. 10] (H)</summary>
public enum TechniqueGroup
{
    /// <summary>Non-directive exploration; direct elicitation.</summary>
    Exploratory,

    /// <summary>Acceptance of painful affect; use of affect in relationships; generating suppressed affect.</summary>
    EncouragementOfAffect,

    /// <summary>Restating, pointing out contradictions, examining what was said.</summary>
    Clarification,

    /// <summary>Detailed review of a specific interaction.</summary>
    CommunicationAnalysis,

    /// <summary>The patient's feelings toward the therapist as a model of other relationships.</summary>
    TherapeuticRelationship,

    /// <summary>Directive techniques, decision analysis, role play.</summary>
    BehaviourChange,

    /// <summary>The contract; administrative details.</summary>
    Adjunctive,

    /// <summary>IPT-specific structures that act as techniques (inventory, closeness circle, formulation, …) and problem-area strategies.</summary>
    IptStructure,

    /// <summary>Not IPT: recorded use is flagged by the rule engine. [ALPF, WMK] (H/M)</summary>
    NonIpt,
}

/// <summary>How strongly a technique fits a phase, from 0 (does not apply) to 1.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Weight">The weight, 0 to 1.</param>
public readonly record struct PhaseWeight(Phase Phase, double Weight);

/// <summary>How strongly a technique fits a problem area, from 0 to 1.</summary>
/// <param name="Area">The problem area.</param>
/// <param name="Weight">The weight, 0 to 1.</param>
public readonly record struct AreaWeight(ProblemArea Area, double Weight);

/// <summary>How strongly a technique fits a role-dispute stage, from 0 to 1.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Weight">The weight, 0 to 1.</param>
public readonly record struct StageWeight(RoleDisputeStage Stage, double Weight);

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

/// <summary>
/// An immutable set of technique entries looked up by id. Built-in entries and contributor
/// catalogues compose into one catalogue (see the technique catalogue documentation).
/// </summary>
/// <remarks>Immutable and thread-safe. Enumeration is in id order, so output is deterministic.</remarks>
[SuppressMessage("Naming", "CA1710", Justification = "A catalogue is the domain name for this lookup.")]
public sealed class TechniqueCatalogue : IReadOnlyCollection<TechniqueEntry>
{
    private readonly System.Collections.Immutable.ImmutableArray<TechniqueEntry> ordered;
    private readonly System.Collections.Immutable.ImmutableDictionary<TechniqueId, TechniqueEntry> byId;

    private TechniqueCatalogue(System.Collections.Immutable.ImmutableArray<TechniqueEntry> ordered)
    {
        this.ordered = ordered;
        byId = System.Collections.Immutable.ImmutableDictionary.ToImmutableDictionary(ordered, e => e.Id);
    }

    /// <summary>Gets an empty catalogue.</summary>
    public static TechniqueCatalogue Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => ordered.Length;

    /// <summary>Creates a catalogue from entries.</summary>
    /// <param name="entries">The entries; ids must be unique.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="ArgumentException">An id repeats.</exception>
    public static TechniqueCatalogue Create(IEnumerable<TechniqueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var seen = new HashSet<TechniqueId>();
        foreach (var entry in list)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (!seen.Add(entry.Id))
            {
                throw new ArgumentException($"Technique id '{entry.Id}' appears more than once.", nameof(entries));
            }
        }

        list.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return new([.. list]);
    }

    /// <summary>Looks up an entry by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="entry">The entry, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(TechniqueId id, [NotNullWhen(true)] out TechniqueEntry? entry) => byId.TryGetValue(id, out entry);

    /// <summary>Returns whether an entry has the id.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(TechniqueId id) => byId.ContainsKey(id);

    /// <summary>Returns an enumerator over the entries in id order.</summary>
    /// <returns>The enumerator.</returns>
    public System.Collections.Immutable.ImmutableArray<TechniqueEntry>.Enumerator GetEnumerator() => ordered.GetEnumerator();

    IEnumerator<TechniqueEntry> IEnumerable<TechniqueEntry>.GetEnumerator() => ((IEnumerable<TechniqueEntry>)ordered).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((System.Collections.IEnumerable)ordered).GetEnumerator();
}
