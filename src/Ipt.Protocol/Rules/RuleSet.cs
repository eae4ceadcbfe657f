using System.Collections.Immutable;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Rules;

/// <summary>
/// The rules that run for one protocol variant: the built-in rules whose applicability matches the
/// variant's parameters and requirements, plus any host rules, minus disabled ids. A validator gives
/// the set it runs for a variant with <see cref="CourseValidator.RulesFor"/>.
/// </summary>
/// <remarks>Immutable and thread-safe; built once per variant and reused.</remarks>
public sealed class RuleSet
{
    private RuleSet(ProtocolDefinition protocol, ImmutableArray<CourseRule> rules)
    {
        Protocol = protocol;
        Rules = new ValueList<CourseRule>(rules);
    }

    /// <summary>Gets the protocol definition.</summary>
    public ProtocolDefinition Protocol { get; }

    /// <summary>Gets the rules, built-in rules first in id order, then host rules in the order given.</summary>
    public ValueList<CourseRule> Rules { get; }

    /// <summary>Builds the rule set of a variant from the built-in rules.</summary>
    /// <param name="protocol">The protocol definition (built-in or host-defined).</param>
    /// <returns>The rule set.</returns>
    internal static RuleSet For(ProtocolDefinition protocol) => For(protocol, BuiltInRules.All, []);

    /// <summary>Builds the rule set of a variant.</summary>
    /// <param name="protocol">The protocol definition (built-in or host-defined).</param>
    /// <param name="rules">The candidate rules; those that apply to the variant are kept.</param>
    /// <param name="disabledIds">Ids to leave out.</param>
    /// <returns>The rule set.</returns>
    internal static RuleSet For(ProtocolDefinition protocol, IEnumerable<CourseRule> rules, IEnumerable<string> disabledIds)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(disabledIds);
        var disabled = disabledIds.ToHashSet(StringComparer.Ordinal);
        var kept = ImmutableArray.CreateBuilder<CourseRule>();
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            if (!disabled.Contains(rule.Descriptor.Id) && rule.AppliesTo(protocol))
            {
                kept.Add(rule);
            }
        }

        return new(protocol, kept.ToImmutable());
    }

    /// <summary>Returns whether a rule id is in the set.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns><see langword="true"/> when a rule of the set has that id.</returns>
    public bool Contains(string id)
    {
        foreach (var rule in Rules)
        {
            if (rule.Descriptor.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Describes the set.</summary>
    /// <returns>A string such as <c>ipt: 44 rules</c>.</returns>
    public override string ToString() => $"{Protocol.Id}: {Rules.Count} rules";
}
