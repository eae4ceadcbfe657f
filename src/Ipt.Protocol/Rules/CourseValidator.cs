using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Rules;

/// <summary>
/// Validates a course against its protocol and returns every finding in one pass. Build one per
/// set of options and share it: the validator is immutable and thread-safe, and validating a clean
/// course allocates nothing.
/// </summary>
/// <remarks>
/// <para>Bad input never throws: an unknown protocol id is one <c>IPT0002</c> error, and a rule
/// that throws becomes one <c>IPT0001</c> error naming the rule while the other rules still run.
/// Only a <see langword="null"/> argument (a programming error) throws.</para>
/// </remarks>
public sealed class CourseValidator
{
    private readonly FrozenDictionary<ProtocolId, RuleSet> byProtocol;
    private readonly FrozenDictionary<string, DiagnosticSeverity>? overrides;
    private readonly ConditionalWeakTable<ProtocolDefinition, RuleSet> adHoc = [];
    private readonly ValueList<RuleChange> safetyChanges;

    /// <summary>Creates a validator.</summary>
    /// <param name="options">The options; <see cref="ValidatorOptions.Default"/> when omitted.</param>
    /// <exception cref="ArgumentException">
    /// A severity override or a disabled id names no rule (neither built in nor among the host's
    /// rules), or names one of the engine's own ids, which cannot be changed.
    /// </exception>
    public CourseValidator(ValidatorOptions? options = null)
    {
        Options = options ?? ValidatorOptions.Default;
        var known = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in BuiltInRules.Descriptors)
        {
            known[descriptor.Id] = descriptor;
        }

        foreach (var rule in Options.ExtraRules)
        {
            known[rule.Descriptor.Id] = rule.Descriptor;
        }

        var map = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);
        foreach (var choice in Options.SeverityOverrides)
        {
            map[choice.Id] = choice.Severity;
        }

        var safety = new List<RuleChange>();
        foreach (var id in map.Keys.Concat(Options.DisabledIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!known.TryGetValue(id, out var descriptor))
            {
                throw new ArgumentException($"No rule has id '{id}': it is neither built in nor one of the host's rules.", nameof(options));
            }

            if (!descriptor.IsConfigurable)
            {
                throw new ArgumentException($"{id} is one of the engine's own diagnostics; it cannot be disabled or given another severity.", nameof(options));
            }

            var disabled = Options.DisabledIds.Contains(id);
            if (descriptor.IsSafety && (disabled || map[id] < descriptor.DefaultSeverity))
            {
                safety.Add(new RuleChange(id, disabled ? null : map[id], descriptor.DefaultSeverity));
            }
        }

        safetyChanges = ValueList.From(safety);

        overrides = map.Count == 0 ? null : map.ToFrozenDictionary(StringComparer.Ordinal);
        var sets = new Dictionary<ProtocolId, RuleSet>();
        foreach (var protocol in Options.Protocols)
        {
            sets[protocol.Id] = Build(protocol);
        }

        byProtocol = sets.ToFrozenDictionary();
    }

    /// <summary>Gets a validator with the default options.</summary>
    public static CourseValidator Default { get; } = new();

    /// <summary>Gets the options.</summary>
    public ValidatorOptions Options { get; }

    /// <summary>Returns the rule set used for a protocol definition.</summary>
    /// <param name="protocol">The protocol definition.</param>
    /// <returns>The rule set (cached).</returns>
    public RuleSet RulesFor(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (byProtocol.TryGetValue(protocol.Id, out var set) && ReferenceEquals(set.Protocol, protocol))
        {
            return set;
        }

        return adHoc.TryGetValue(protocol, out var cached) ? cached : adHoc.GetValue(protocol, Build);
    }

    /// <summary>Validates a course against the protocol its <see cref="Course.Protocol"/> names in the registry.</summary>
    /// <param name="course">The course.</param>
    /// <returns>The report; an unknown protocol id gives one <c>IPT0002</c> error.</returns>
    public ValidationReport Validate(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (!byProtocol.TryGetValue(course.Protocol, out var set))
        {
            var sink = new DiagnosticSink(overrides, Options.MaxDiagnostics);
            sink.Report(EngineDescriptors.UnknownProtocol, DocumentPath.Of("protocol"), DiagnosticArgument.From("protocol", course.Protocol));
            return sink.ToReport() with { SafetyChecksChanged = safetyChanges };
        }

        return Run(course, set);
    }

    /// <summary>Validates a course against a given protocol definition (for example a host-defined variant), whatever id the course names.</summary>
    /// <param name="course">The course.</param>
    /// <param name="protocol">The protocol definition.</param>
    /// <returns>The report.</returns>
    public ValidationReport Validate(Course course, ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(course);
        return Run(course, RulesFor(protocol));
    }

    [SuppressMessage("Design", "CA1031", Justification = "A failing rule must not hide the other findings: it is reported as IPT0001.")]
    private ValidationReport Run(Course course, RuleSet set)
    {
        var sink = new DiagnosticSink(overrides, Options.MaxDiagnostics);
        var context = new RuleContext(course, set.Protocol, Options.Techniques, Options.Instruments);
        foreach (var rule in set.Rules)
        {
            var mark = sink.Mark;
            sink.Current = rule.Descriptor;
            try
            {
                rule.Check(in context, ref sink);
            }
            catch (Exception)
            {
                sink.Truncate(mark);
                sink.Report(EngineDescriptors.RuleFailed, DocumentPath.Root, DiagnosticArgument.FromRuleId("rule", rule.Descriptor.Id));
            }
        }

        return sink.ToReport() with { Attendance = context.Timeline.Attendance, RulesRun = set.Rules.Count, SafetyChecksChanged = safetyChanges };
    }

    private RuleSet Build(ProtocolDefinition protocol) =>
        RuleSet.For(protocol, [.. BuiltInRules.All, .. Options.ExtraRules], Options.DisabledIds);
}
