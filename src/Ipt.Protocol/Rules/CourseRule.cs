using Ipt.Protocol.Protocols;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Rules;

/// <summary>
/// The body of a host rule made with <see cref="CourseRule.Create(string, string, DiagnosticSeverity, string, CourseCheck)"/>:
/// checks the course in <paramref name="context"/> and reports each finding with
/// <see cref="DiagnosticSink.Report(DocumentPath, ReadOnlySpan{DiagnosticArgument})"/>.
/// </summary>
/// <param name="context">The course, its protocol and per-course facts (a stack-only value: use it inside the check, do not capture it in a nested lambda).</param>
/// <param name="sink">Where findings go.</param>
public delegate void CourseCheck(in RuleContext context, ref DiagnosticSink sink);

/// <summary>
/// One check of a course against its protocol. A rule is a small, stateless type with one
/// descriptor; built-in rules are singletons. Hosts add their own with
/// <see cref="Create(string, string, DiagnosticSeverity, string, CourseCheck)"/> (a lambda) or by deriving from this class.
/// </summary>
/// <remarks>
/// <para>Implementations must be thread-safe and keep no state between calls. For a clean course a
/// rule should allocate nothing: iterate with <c>foreach</c> over <see cref="ValueList{T}"/> or
/// <c>AsSpan()</c>, build paths and arguments only when reporting.</para>
/// <para>A rule that throws is reported as one <c>IPT0001</c> error naming the rule; the other
/// rules still run.</para>
/// </remarks>
public abstract class CourseRule
{
    /// <summary>Gets the descriptor of the findings this rule reports.</summary>
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>Returns whether the rule belongs to the rule set of a protocol variant (by default, every variant).</summary>
    /// <param name="protocol">The protocol definition.</param>
    /// <returns><see langword="true"/> when the rule should run for courses of that variant.</returns>
    public virtual bool AppliesTo(ProtocolDefinition protocol) => true;

    /// <summary>Checks a course and reports each finding to the sink.</summary>
    /// <param name="context">The course, its protocol and per-course facts.</param>
    /// <param name="sink">Where findings go.</param>
    public abstract void Check(in RuleContext context, ref DiagnosticSink sink);

    /// <summary>Describes the rule by its descriptor.</summary>
    /// <returns>The descriptor's id and title.</returns>
    public override string ToString() => Descriptor.ToString();

    /// <summary>
    /// Creates a host rule from a lambda, for every protocol variant. Its message is its title; for a
    /// message with placeholders, a citation or a help link of your own, pass a
    /// <see cref="DiagnosticDescriptor"/> to <see cref="Create(DiagnosticDescriptor, CourseCheck, Func{ProtocolDefinition, bool}?)"/>.
    /// </summary>
    /// <param name="id">The rule id: an upper-case prefix of your own and four digits, such as <c>CLINIC0001</c>.</param>
    /// <param name="category">The category, an id of your choosing such as <c>audit</c> (see <see cref="DiagnosticDescriptor.IsValidCategory"/>).</param>
    /// <param name="severity">The default severity.</param>
    /// <param name="title">A short title, also the message of each finding.</param>
    /// <param name="check">The check, such as <c>(in RuleContext course, ref DiagnosticSink sink) =&gt; …</c>.</param>
    /// <returns>The rule; register it with <see cref="ValidatorOptions.AddRule"/> or the dependency-injection builder's <c>AddRule</c>.</returns>
    /// <exception cref="ArgumentException">The id or the category is malformed, or the title is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="check"/> is <see langword="null"/>.</exception>
    public static CourseRule Create(string id, string category, DiagnosticSeverity severity, string title, CourseCheck check) =>
        Create(new DiagnosticDescriptor(id, title, title, category, severity), check);

    /// <summary>Creates a host rule from a descriptor and a lambda, for every variant.</summary>
    /// <param name="descriptor">The descriptor of the rule's findings.</param>
    /// <param name="check">The check.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> or <paramref name="check"/> is <see langword="null"/>.</exception>
    public static CourseRule Create(DiagnosticDescriptor descriptor, CourseCheck check) => Create(descriptor, check, null);

    /// <summary>Creates a host rule from a descriptor and a lambda.</summary>
    /// <param name="descriptor">The descriptor of the rule's findings.</param>
    /// <param name="check">The check.</param>
    /// <param name="appliesTo">The protocol variants the rule runs for; every variant when <see langword="null"/>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> or <paramref name="check"/> is <see langword="null"/>.</exception>
    public static CourseRule Create(DiagnosticDescriptor descriptor, CourseCheck check, Func<ProtocolDefinition, bool>? appliesTo)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(check);
        return new LambdaRule(descriptor, check, appliesTo);
    }

    private sealed class LambdaRule(DiagnosticDescriptor descriptor, CourseCheck check, Func<ProtocolDefinition, bool>? appliesTo) : CourseRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = descriptor;

        public override bool AppliesTo(ProtocolDefinition protocol) => appliesTo?.Invoke(protocol) ?? true;

        public override void Check(in RuleContext context, ref DiagnosticSink sink) => check(in context, ref sink);
    }
}

/// <summary>
/// What a rule sees: the course, its protocol definition, the technique catalogue and the known
/// instruments, and the course's <see cref="CourseTimeline"/> (the contract in force, slots,
/// attendance, where the course stands), computed once per validation.
/// </summary>
/// <remarks>A stack-only value; computing it allocates nothing.</remarks>
public readonly ref struct RuleContext
{
    internal RuleContext(Course course, ProtocolDefinition protocol, TechniqueCatalogue techniques, InstrumentRegistry instruments)
    {
        Course = course;
        Protocol = protocol;
        Techniques = techniques;
        Instruments = instruments;
        Timeline = CourseTimeline.Of(course, protocol);
    }

    /// <summary>Gets the course.</summary>
    public Course Course { get; }

    /// <summary>Gets the protocol definition the course is checked against.</summary>
    public ProtocolDefinition Protocol { get; }

    /// <summary>Gets the technique catalogue; empty when the host registered none (technique rules then skip).</summary>
    public TechniqueCatalogue Techniques { get; }

    /// <summary>Gets the instruments the rules know; a measurement of any other is reported.</summary>
    public InstrumentRegistry Instruments { get; }

    /// <summary>
    /// Gets the course under its protocol: the contract in force, the treatment sessions and their
    /// slots, make-ups, attendance, where the course stands, the phase split and every task's window.
    /// It is the one place rules ask these questions (<c>context.Timeline.IsTreatment(session)</c>,
    /// <c>context.Timeline.IsFinished</c>), so a host rule counts sessions exactly as the built-in rules do.
    /// </summary>
    public CourseTimeline Timeline { get; }
}

/// <summary>
/// Collects the findings of one validation. The list is created on the first finding, so a clean
/// course allocates nothing. Rules receive it by reference and call
/// <see cref="Report(DocumentPath, ReadOnlySpan{DiagnosticArgument})"/> (a finding of the rule being run)
/// or <see cref="Report(DiagnosticDescriptor, DocumentPath, ReadOnlySpan{DiagnosticArgument})"/>.
/// </summary>
public ref struct DiagnosticSink
{
    private readonly IReadOnlyDictionary<string, DiagnosticSeverity>? overrides;
    private readonly int max;
    private List<Diagnostic>? found;
    private Dictionary<string, (int Count, DiagnosticSeverity Severity)>? omitted;

    internal DiagnosticSink(IReadOnlyDictionary<string, DiagnosticSeverity>? overrides, int max = ValidatorOptions.DefaultMaxDiagnostics)
    {
        this.overrides = overrides;
        this.max = max;
        found = null;
        omitted = null;
        Current = null;
    }

    /// <summary>Gets the number of findings kept so far.</summary>
    public readonly int Count => found?.Count ?? 0;

    /// <summary>Gets or sets the descriptor of the rule being run (set by the validator before each rule).</summary>
    internal DiagnosticDescriptor? Current { readonly get; set; }

    /// <summary>Reports a finding of the rule being run, with its descriptor (see <see cref="Report(DiagnosticDescriptor, DocumentPath, ReadOnlySpan{DiagnosticArgument})"/>).</summary>
    /// <param name="path">Where the finding applies, such as <c>DocumentPath.Session(2).Measure(0)</c>.</param>
    /// <param name="arguments">The message arguments (numbers, ids, enum names; never free text).</param>
    /// <exception cref="InvalidOperationException">No rule is being run (the sink was not given to a rule by a <see cref="CourseValidator"/>).</exception>
    public void Report(DocumentPath path, params ReadOnlySpan<DiagnosticArgument> arguments) =>
        Report(Current ?? throw new InvalidOperationException("No rule is being run."), path, arguments);

    /// <summary>
    /// Reports a finding; the severity is the host's override for the id, or the descriptor's default.
    /// Beyond <see cref="ValidatorOptions.MaxDiagnostics"/> findings the finding is only counted, by id,
    /// and the report ends with one <c>IPT0003</c> diagnostic that says how many of each were left out.
    /// </summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <param name="path">Where the finding applies.</param>
    /// <param name="arguments">The message arguments (numbers, ids, enum names; never free text).</param>
    public void Report(DiagnosticDescriptor descriptor, DocumentPath path, params ReadOnlySpan<DiagnosticArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var severity = overrides is not null && overrides.TryGetValue(descriptor.Id, out var chosen) ? chosen : descriptor.DefaultSeverity;
        if (Count >= max)
        {
            omitted ??= new Dictionary<string, (int, DiagnosticSeverity)>(StringComparer.Ordinal);
            var (count, highest) = omitted.GetValueOrDefault(descriptor.Id);
            omitted[descriptor.Id] = (count + 1, severity > highest ? severity : highest);
            return;
        }

        (found ??= []).Add(new Diagnostic(descriptor, severity, path, ValueList.Create(arguments)));
    }

    internal readonly int Mark => Count;

    internal readonly void Truncate(int mark)
    {
        if (found is not null && found.Count > mark)
        {
            found.RemoveRange(mark, found.Count - mark);
        }
    }

    internal readonly ValidationReport ToReport()
    {
        if (found is null)
        {
            return ValidationReport.Empty;
        }

        if (omitted is not null)
        {
            // Never hidden silently: the omitted findings are counted by id, at the highest severity among them.
            var total = 0;
            var severity = DiagnosticSeverity.Info;
            var counts = new System.Text.StringBuilder();
            foreach (var (id, (count, highest)) in omitted.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                total += count;
                severity = highest > severity ? highest : severity;
                counts.Append(counts.Length == 0 ? string.Empty : ", ").Append(id).Append(" × ").Append(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            found.Add(new Diagnostic(
                EngineDescriptors.FindingsOmitted,
                severity,
                DocumentPath.Root,
                [DiagnosticArgument.From("listed", found.Count), DiagnosticArgument.From("omitted", total), DiagnosticArgument.Summary("counts", counts.ToString())]));
        }

        return new ValidationReport(found);
    }
}
