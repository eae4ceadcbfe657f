using System.CommandLine;
using Ipt.Protocol.Cli.Output;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt rules</c>: lists the rule engine's diagnostics.</summary>
internal static class RulesCommand
{
    internal static Command Create(ProtocolRegistry registry)
    {
        var format = new Option<string>("--format")
        {
            Description = "Output format: text or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var protocol = new Option<string?>("--protocol")
        {
            Description = "Only the rules that apply to this protocol variant.",
        };
        var command = new Command("rules", "List the rules: id, default severity, category, title and source.\n\nExamples:\n  ipt rules\n  ipt rules --protocol ipt-a --format json")
        {
            format,
            protocol,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            IReadOnlyList<DiagnosticDescriptor> descriptors;
            if (parseResult.GetValue(protocol) is { } id)
            {
                if (!ProtocolId.TryFrom(id, out var protocolId) || !registry.TryGet(protocolId, out var definition))
                {
                    parseResult.InvocationConfiguration.Error.WriteLine($"ipt rules: unknown protocol '{id}'. Known: {string.Join(", ", registry.Select(p => p.Id))}.");
                    return IptCli.Failure;
                }

                descriptors = [.. CourseValidator.Default.RulesFor(definition).Rules.Select(r => r.Descriptor)];
            }
            else
            {
                descriptors = BuiltInRules.Descriptors;
            }

            output.Write(parseResult.GetValue(format) == "json" ? RenderJson(descriptors) : RenderText(descriptors));
            return IptCli.Success;
        });
        return command;
    }

    internal static string RenderText(IReadOnlyList<DiagnosticDescriptor> descriptors)
    {
        var sb = new StringBuilder();
        foreach (var d in descriptors)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{d.Id}  {Severity(d.DefaultSeverity),-7}  {d.Category,-18}  {d.Title}  [{d.Citation}]\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"{descriptors.Count} rules. Details: docs/rules/<ID>.md\n");
        return sb.ToString();
    }

    internal static string RenderJson(IReadOnlyList<DiagnosticDescriptor> descriptors)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("rules");
            foreach (var d in descriptors)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("title", d.Title);
                json.WriteString("category", d.Category);
                json.WriteString("defaultSeverity", Severity(d.DefaultSeverity));
                json.WriteString("messageFormat", d.MessageFormat);
                json.WriteString("helpUri", Names.Help(d));
                json.WriteString("citation", d.Citation?.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
