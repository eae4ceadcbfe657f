using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Cli.Output;

/// <summary>The validation of one course file: its report and where each diagnostic's path is in the file.</summary>
internal sealed class FileReport
{
    private readonly IReadOnlyDictionary<DocumentPath, DocumentLocation> locations;

    public FileReport(CourseFile file, ValidationReport report, CourseOutcome? outcome = null)
    {
        File = file;
        Report = report;
        Outcome = outcome;
        Paths = [.. report.Diagnostics.Select(d => d.Path.ToString())];
        locations = Paths.Length == 0 ? new Dictionary<DocumentPath, DocumentLocation>() : CourseJson.Locate(file.Bytes, report.Diagnostics.Select(d => d.Path));
    }

    public CourseFile File { get; }

    public string Path => File.Path;

    public ValidationReport Report { get; }

    /// <summary>Gets the course's outcome so far (first and last scores and their classifications), when its protocol is known.</summary>
    public CourseOutcome? Outcome { get; }

    /// <summary>Gets the course's fidelity checklist, when its protocol is known (<see cref="ChecklistOutput"/>).</summary>
    public Fidelity.FidelityChecklist? Checklist { get; init; }

    /// <summary>Gets the diagnostics' paths as text, in the report's order.</summary>
    public string[] Paths { get; }

    /// <summary>The line and column of a diagnostic's path, when known.</summary>
    public DocumentLocation? LocationOf(int diagnostic) => locations.TryGetValue(Report.Diagnostics[diagnostic].Path, out var at) ? at : null;

    /// <summary>The session a diagnostic belongs to (its index in the course's sessions), or null for course-level findings.</summary>
    public int? SessionIndexOf(int diagnostic)
    {
        var segments = Report.Diagnostics[diagnostic].Path.Segments;
        return segments.Count >= 2 && segments[0].Property == "sessions" && segments[1].IsIndex ? segments[1].Index : null;
    }
}

/// <summary>Names shared by the output formats.</summary>
internal static class Names
{
    /// <summary>The repository, for absolute help links in SARIF.</summary>
    public const string Repository = "https://github.com/ipt-protocol/Ipt.Protocol";

    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    public static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));

    public static string Count(int n, string singular) => n == 1 ? $"1 {singular}" : $"{n} {singular}s";

    /// <summary>
    /// The help base given with <c>--help-base</c> for this run of the tool (async-local, so runs in
    /// parallel, as in tests, do not share it); <see langword="null"/> for the default.
    /// </summary>
    public static readonly AsyncLocal<string?> HelpBase = new();

    /// <summary>
    /// A rule's help link as the tool prints it: absolute; a built-in rule's page under <c>--help-base</c>
    /// when one was given; a relative link a host set resolved against the repository.
    /// </summary>
    public static string Help(DiagnosticDescriptor descriptor)
    {
        var link = descriptor.HelpLink;
        if (HelpBase.Value is { } helpBase && link.StartsWith(DiagnosticDescriptor.DefaultHelpBase, StringComparison.Ordinal))
        {
            return helpBase + link[DiagnosticDescriptor.DefaultHelpBase.Length..];
        }

        return Uri.TryCreate(link, UriKind.Absolute, out _) ? link : $"{Repository}/blob/main/{link}";
    }
}
