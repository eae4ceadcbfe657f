using Ipt.Protocol.Protocols;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Rules;

/// <summary>A host's choice of severity for one rule id.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Severity">The severity to use instead of the default.</param>
public readonly record struct SeverityOverride(string Id, DiagnosticSeverity Severity);

/// <summary>
/// How a <see cref="CourseValidator"/> runs: severity overrides per id, disabled ids, host rules,
/// the protocol registry and the technique catalogue.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe; derive changed copies with <c>with</c> or the
/// <c>With…</c>/<c>Plus…</c> methods.</para>
/// <para><see cref="Techniques"/> defaults to the built-in catalogue
/// (<see cref="TechniqueCatalogue.BuiltIn"/>); a host passes its composed catalogue instead, or
/// <see cref="TechniqueCatalogue.Empty"/> to switch the catalogue-based technique rules (IPT0501,
/// IPT0502, IPT0503, IPT0505) off.</para>
/// </remarks>
public sealed record ValidatorOptions
{
    /// <summary>The default most findings in one report: 1,000.</summary>
    public const int DefaultMaxDiagnostics = 1_000;

    /// <summary>Gets the default options: built-in protocols, built-in technique catalogue, no overrides.</summary>
    public static ValidatorOptions Default { get; } = new();

    /// <summary>Gets the severity overrides; the last one for an id wins.</summary>
    public ValueList<SeverityOverride> SeverityOverrides { get; init; }

    /// <summary>Gets the ids of rules that do not run.</summary>
    public ValueList<string> DisabledIds { get; init; }

    /// <summary>Gets the host's own rules, which run after the built-in ones for every variant they apply to.</summary>
    public ValueList<CourseRule> ExtraRules { get; init; }

    /// <summary>Gets the registry used to find a course's protocol by id.</summary>
    public ProtocolRegistry Protocols { get; init => field = Guard.NotNull(value, nameof(Protocols)); } = ProtocolRegistry.BuiltIn;

    /// <summary>Gets the instruments the rules know (the built-in ones by default); a measurement of any other instrument is reported (IPT0706).</summary>
    public InstrumentRegistry Instruments { get; init => field = Guard.NotNull(value, nameof(Instruments)); } = InstrumentRegistry.BuiltIn;

    /// <summary>Gets the technique catalogue used by the technique rules (the built-in one by default); empty switches those rules off.</summary>
    public TechniqueCatalogue Techniques { get; init => field = Guard.NotNull(value, nameof(Techniques)); } = TechniqueCatalogue.BuiltIn;

    /// <summary>
    /// Gets the most findings one report lists (default 1,000). Beyond it findings are counted by rule
    /// id in one last <c>IPT0003</c> diagnostic, at the highest severity among them, so a huge record
    /// (1,000 sessions × 50 measures) cannot flood a host, and no error is hidden silently.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDiagnostics
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxDiagnostics;

    /// <summary>Returns a copy in which a rule id has a different severity.</summary>
    /// <param name="id">The rule id.</param>
    /// <param name="severity">The severity.</param>
    /// <returns>The new options.</returns>
    public ValidatorOptions WithSeverity(string id, DiagnosticSeverity severity) =>
        this with { SeverityOverrides = SeverityOverrides.Add(new(CheckId(id), Guard.Defined(severity, nameof(severity)))) };

    /// <summary>Returns a copy in which a rule id does not run.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns>The new options.</returns>
    public ValidatorOptions Disable(string id) => this with { DisabledIds = DisabledIds.Add(CheckId(id)) };

    /// <summary>Returns a copy with a host rule added (the options are immutable: the verbs <c>WithSeverity</c>, <c>Disable</c> and <c>AddRule</c> are those of the DI builder, each returning new options).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The new options.</returns>
    public ValidatorOptions AddRule(CourseRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return this with { ExtraRules = ExtraRules.Add(rule) };
    }

    private static string CheckId(string id) =>
        DiagnosticDescriptor.IsValidId(id) ? id : throw new ArgumentException("A diagnostic id is upper-case letters followed by four digits, such as IPT0101.", nameof(id));
}
