using Ipt.Protocol.Protocols;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Rules;

/// <summary>
/// One check of a course against its protocol. A rule is a small, stateless type with one
/// descriptor; built-in rules are singletons. Hosts add their own by deriving from this class.
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
}

/// <summary>
/// What a rule sees: the course, its protocol definition, the technique catalogue, and facts
/// computed once per validation (contracted session count, whether the initial phase is over, …).
/// </summary>
/// <remarks>A stack-only value; computing it allocates nothing.</remarks>
public readonly ref struct RuleContext
{
    internal RuleContext(Course course, ProtocolDefinition protocol, TechniqueCatalogue techniques)
    {
        Course = course;
        Protocol = protocol;
        Techniques = techniques;

        var contracted = course.Contract?.Sessions;
        foreach (var renegotiation in course.Renegotiations)
        {
            contracted = renegotiation.Sessions ?? contracted;
        }

        ContractedSessions = contracted ?? protocol.Sessions.Default;
        var firstCore = -1;
        var finishedCandidate = false;
        var anyPlanned = false;
        foreach (var session in course.Sessions)
        {
            if (session.Phase == Phase.PreTreatment)
            {
                PreTreatmentCount++;
            }

            if (session.Status == SessionStatus.Planned)
            {
                anyPlanned = true;
            }

            if (!IsTreatment(session))
            {
                continue;
            }

            if (session.Status != SessionStatus.Cancelled)
            {
                TreatmentCount++;
            }

            if (session.IsHeld)
            {
                HeldTreatmentCount++;
                if (session.Phase is Phase.Middle or Phase.Maintenance or Phase.Termination)
                {
                    InitialPhaseOver = true;
                }

                if (session.Phase == Phase.Termination)
                {
                    finishedCandidate = true;
                }
            }

            if (firstCore < 0 && session.Phase == protocol.CorePhase && session.Status != SessionStatus.Cancelled)
            {
                firstCore = session.Number;
            }
        }

        FirstCoreSessionNumber = firstCore;
        IsFinished = finishedCandidate && !anyPlanned;
    }

    /// <summary>Gets the course.</summary>
    public Course Course { get; }

    /// <summary>Gets the protocol definition the course is checked against.</summary>
    public ProtocolDefinition Protocol { get; }

    /// <summary>Gets the technique catalogue; empty when the host registered none (technique rules then skip).</summary>
    public TechniqueCatalogue Techniques { get; }

    /// <summary>Gets the number of treatment sessions in the contract in force, or the protocol's default when there is no contract.</summary>
    public int ContractedSessions { get; }

    /// <summary>Gets the number of pre-treatment sessions.</summary>
    public int PreTreatmentCount { get; }

    /// <summary>Gets the number of treatment sessions that are not cancelled (see <see cref="IsTreatment"/>).</summary>
    public int TreatmentCount { get; }

    /// <summary>Gets the number of held treatment sessions.</summary>
    public int HeldTreatmentCount { get; }

    /// <summary>Gets a value indicating whether a treatment session after the initial phase has been held.</summary>
    public bool InitialPhaseOver { get; }

    /// <summary>Gets the number of the first (non-cancelled) session of the core phase, or -1.</summary>
    public int FirstCoreSessionNumber { get; }

    /// <summary>Gets a value indicating whether the course is over: a termination session was held and none is still planned.</summary>
    public bool IsFinished { get; }

    /// <summary>
    /// Returns whether a session counts as a treatment session: not pre-treatment and, in a group
    /// protocol, not an individual meeting (the individual meetings of group IPT are extra to the
    /// contracted group sessions).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns><see langword="true"/> for a treatment session.</returns>
    public bool IsTreatment(Session session) =>
        session.Phase != Phase.PreTreatment && !(Protocol.IsGroup && session.Format == SessionFormat.Individual);
}

/// <summary>
/// Collects the findings of one validation. The list is created on the first finding, so a clean
/// course allocates nothing. Rules receive it by reference and call <see cref="Report"/>.
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
    }

    /// <summary>Gets the number of findings kept so far.</summary>
    public readonly int Count => found?.Count ?? 0;

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
