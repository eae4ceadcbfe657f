using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Rules;

/// <summary>
/// Every finding of one validation, in a deterministic order (reading order of the document, then
/// id, then message). Warnings and infos do not make a course invalid: only errors do.
/// </summary>
/// <remarks>
/// <para>A value type: the report of a clean course wraps an empty list and allocates nothing.
/// Immutable and thread-safe; equality compares the findings.</para>
/// </remarks>
public readonly record struct ValidationReport
{
    /// <summary>Creates a report; the findings are sorted into the report's order.</summary>
    /// <param name="diagnostics">The findings, in any order.</param>
    internal ValidationReport(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var list = diagnostics.ToList();
        list.Sort(Order);
        Diagnostics = ValueList.From(list);
        foreach (var diagnostic in list)
        {
            switch (diagnostic.Severity)
            {
                case DiagnosticSeverity.Error:
                    ErrorCount++;
                    break;
                case DiagnosticSeverity.Warning:
                    WarningCount++;
                    break;
                default:
                    InfoCount++;
                    break;
            }
        }
    }

    /// <summary>Gets the report of nothing checked: no findings and no rule run, so <see cref="IsValid"/> is <see langword="false"/>.</summary>
    public static ValidationReport Empty => default;

    /// <summary>Gets the findings, in report order.</summary>
    public ValueList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Gets the attendance of the course's treatment sessions (counts and rate); the default value
    /// when the course could not be checked (an unknown protocol). Attendance is reported here, not
    /// as findings, except when the contracted count can no longer be reached (IPT0109).
    /// </summary>
    public AttendanceSummary Attendance { get; internal init; }

    /// <summary>Gets the number of rules that ran; 0 when the course could not be checked (an unknown protocol) or every rule was disabled.</summary>
    public int RulesRun { get; internal init; }

    /// <summary>
    /// Gets the safety rules the host disabled or demoted, for this validation (empty when none). A
    /// safety check is never switched off silently: every output of the tool states these, and a host
    /// that shows a report should too.
    /// </summary>
    public ValueList<RuleChange> SafetyChecksChanged { get; internal init; }

    /// <summary>Gets the number of errors.</summary>
    public int ErrorCount { get; }

    /// <summary>Gets the number of warnings.</summary>
    public int WarningCount { get; }

    /// <summary>Gets the number of infos.</summary>
    public int InfoCount { get; }

    /// <summary>Gets a value indicating whether any finding is an error (the course is invalid under its protocol). A report with no error is <see cref="IsValid"/> only when rules ran.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Gets a value indicating whether any finding is a warning.</summary>
    public bool HasWarnings => WarningCount > 0;

    /// <summary>Gets a value indicating whether the course was checked (at least one rule ran, <see cref="RulesRun"/>) and has no errors (warnings and infos allowed): the one test of conformance. With every rule disabled it is <see langword="false"/> although <see cref="HasErrors"/> is too.</summary>
    public bool IsValid => RulesRun > 0 && ErrorCount == 0;

    /// <summary>Gets a value indicating whether there is no finding at all.</summary>
    public bool IsClean => Diagnostics.IsEmpty;

    /// <summary>Returns the number of findings of a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The count.</returns>
    public int CountOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => ErrorCount,
        DiagnosticSeverity.Warning => WarningCount,
        _ => InfoCount,
    };

    /// <summary>
    /// Groups the messages by path, the shape of ASP.NET Core's <c>ValidationProblemDetails.Errors</c>.
    /// Keys are the JSON paths as ASP.NET Core writes model-state keys (<c>$.sessions[3].techniques[0]</c>;
    /// <c>$</c> for the whole course); each message is prefixed with its id (<c>IPT0404: …</c>).
    /// </summary>
    /// <param name="minimum">The lowest severity to include (by default every finding).</param>
    /// <returns>A new dictionary, path → messages in report order.</returns>
    public Dictionary<string, string[]> ToDictionary(DiagnosticSeverity minimum = DiagnosticSeverity.Info)
    {
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var diagnostic in Diagnostics)
        {
            if (diagnostic.Severity < minimum)
            {
                continue;
            }

            var key = diagnostic.Path.ToString();
            if (!grouped.TryGetValue(key, out var messages))
            {
                messages = [];
                grouped.Add(key, messages);
            }

            messages.Add(diagnostic.Id + ": " + diagnostic.Message);
        }

        var result = new Dictionary<string, string[]>(grouped.Count, StringComparer.Ordinal);
        foreach (var pair in grouped)
        {
            result.Add(pair.Key, [.. pair.Value]);
        }

        return result;
    }

    /// <summary>Summarizes the report, and the safety checks the host changed, when any.</summary>
    /// <returns>A string such as <c>2 errors, 1 warning, 0 infos</c> or <c>0 errors, 0 warnings, 0 infos; safety checks changed: IPT0704 disabled</c>.</returns>
    public override string ToString()
    {
        var counts = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{ErrorCount} {(ErrorCount == 1 ? "error" : "errors")}, {WarningCount} {(WarningCount == 1 ? "warning" : "warnings")}, {InfoCount} {(InfoCount == 1 ? "info" : "infos")}");
        return SafetyChecksChanged.IsEmpty ? counts : counts + "; safety checks changed: " + string.Join(", ", SafetyChecksChanged);
    }

    private static int Order(Diagnostic x, Diagnostic y)
    {
        var c = x.Path.CompareTo(y.Path);
        if (c == 0)
        {
            c = string.CompareOrdinal(x.Id, y.Id);
        }

        return c == 0 ? string.CompareOrdinal(x.Message, y.Message) : c;
    }
}

/// <summary>A rule the host switched off or gave another severity.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Severity">The severity it now reports at; <see langword="null"/> when it is disabled.</param>
/// <param name="DefaultSeverity">The rule's default severity.</param>
public readonly record struct RuleChange(string Id, DiagnosticSeverity? Severity, DiagnosticSeverity DefaultSeverity)
{
    /// <summary>Gets a value indicating whether the rule is disabled.</summary>
    public bool IsDisabled => Severity is null;

    /// <summary>Describes the change.</summary>
    /// <returns>A string such as <c>IPT0704 disabled</c> or <c>IPT0704 demoted from error to info</c>.</returns>
    public override string ToString() => Severity switch
    {
        null => Id + " disabled",
        { } s when s < DefaultSeverity => $"{Id} demoted from {Word(DefaultSeverity)} to {Word(s)}",
        { } s => $"{Id} set from {Word(DefaultSeverity)} to {Word(s)}",
    };

    private static string Word(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
