using System.Text.Json;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Cli.Output;

/// <summary>
/// The validation report as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), read by
/// CI systems and editors: one run whose driver lists the rules, one result per diagnostic located by
/// file, line and JSON path.
/// </summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(IReadOnlyList<FileReport> files, IReadOnlyList<InputProblem>? problems = null)
    {
        problems ??= [];
        var rules = new List<DiagnosticDescriptor>(BuiltInRules.Descriptors);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            index[rules[i].Id] = i;
        }

        foreach (var d in files.SelectMany(f => f.Report.Diagnostics))
        {
            if (index.TryAdd(d.Id, rules.Count))
            {
                rules.Add(d.Descriptor);
            }
        }

        return JsonOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            WriteInvocation(json, problems, SafetyChanges(files), index);
            json.WriteStartArray("artifacts");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteStartObject("location");
                json.WriteString("uri", ArtifactUri(file.Path));
                json.WriteEndObject();
                json.WriteString("mimeType", "application/json");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("results");
            for (var f = 0; f < files.Count; f++)
            {
                var file = files[f];
                for (var i = 0; i < file.Report.Diagnostics.Count; i++)
                {
                    WriteResult(json, file, f, i, index[file.Report.Diagnostics[i].Id]);
                }
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "unicodeCodePoints");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// The invocation: whether every file could be read, and a notification per file that could not
    /// (they have no results; the notification says which file and where).
    /// </summary>
    private static void WriteInvocation(Utf8JsonWriter json, IReadOnlyList<InputProblem> problems, List<RuleChange> safetyChanges, Dictionary<string, int> index)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", problems.Count == 0);
        if (safetyChanges.Count > 0)
        {
            // A safety check switched off or demoted is never silent: it is a configuration override
            // of the rule and a warning notification of the run.
            json.WriteStartArray("ruleConfigurationOverrides");
            foreach (var change in safetyChanges)
            {
                json.WriteStartObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", change.Id);
                if (index.TryGetValue(change.Id, out var ruleIndex))
                {
                    json.WriteNumber("index", ruleIndex);
                }

                json.WriteEndObject();
                json.WriteStartObject("configuration");
                if (change.Severity is { } severity)
                {
                    json.WriteString("level", Level(severity));
                }
                else
                {
                    json.WriteBoolean("enabled", false);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("toolConfigurationNotifications");
            json.WriteStartObject();
            json.WriteString("level", "warning");
            json.WriteStartObject("message");
            json.WriteString("text", "Safety checks changed: " + string.Join(", ", safetyChanges) + ".");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("toolExecutionNotifications");
        foreach (var problem in problems)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", problem.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ArtifactUri(problem.Path));
            json.WriteEndObject();
            if (problem.Location is { } at)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", at.Line);
                json.WriteNumber("startColumn", at.Column);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>The safety checks changed in any file's report, each once, in the order first seen.</summary>
    private static List<RuleChange> SafetyChanges(IReadOnlyList<FileReport> files)
    {
        var changes = new List<RuleChange>();
        foreach (var file in files)
        {
            foreach (var change in file.Report.SafetyChecksChanged)
            {
                if (!changes.Contains(change))
                {
                    changes.Add(change);
                }
            }
        }

        return changes;
    }

    /// <summary>A SARIF level from a severity.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter json, List<DiagnosticDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "ipt");
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", Names.Repository);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", RuleName(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", Names.Help(rule));
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteString("citation", rule.Citation?.ToString());
            if (rule.IsSafety)
            {
                json.WriteStartArray("tags");
                json.WriteStringValue("safety");
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, FileReport file, int fileIndex, int i, int ruleIndex)
    {
        var d = file.Report.Diagnostics[i];
        json.WriteStartObject();
        json.WriteString("ruleId", d.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(d.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", d.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ArtifactUri(file.Path));
        json.WriteNumber("index", fileIndex);
        json.WriteEndObject();
        if (file.LocationOf(i) is { } at)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", at.Line);
            json.WriteNumber("startColumn", at.Column);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", file.Paths[i]);
        json.WriteString("kind", "member");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A rule name in SARIF's PascalCase style from its title.</summary>
    private static string RuleName(string title) =>
        string.Concat(title.Split([' ', '-', '/', ',', '(', ')', '.', ':', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetterOrDigit(w[0]))
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>The file as a URI reference: relative paths stay relative (forward slashes, escaped), rooted paths become file URIs.</summary>
    private static string ArtifactUri(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return new Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri;
        }

        return string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
    }
}

/// <summary>The tool's name and version (the assembly's informational version without build metadata).</summary>
internal static class ToolInfo
{
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion;
        var version = informational ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
