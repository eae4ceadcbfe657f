using System.Text;
using System.Text.Json;

namespace Ipt.Protocol.Cli.Output;

/// <summary>
/// The machine-readable validation report:
/// <c>{"files":[{"path","valid","errors","warnings","infos","rulesRun","safetyChecksChanged":[],"attendance":{},"outcome"?:{},"fidelity"?:{},"diagnostics":[{"id","severity","category","message","path","line"?,"column"?,"helpUri"}]}]}</c>.
/// </summary>
internal static class JsonReport
{
    public static string Render(IReadOnlyList<FileReport> files)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                var report = file.Report;
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteBoolean("valid", report.IsValid);
                json.WriteNumber("errors", report.ErrorCount);
                json.WriteNumber("warnings", report.WarningCount);
                json.WriteNumber("infos", report.InfoCount);
                RecordSummary.WriteJson(json, report, file.Outcome);
                ChecklistOutput.WriteJson(json, file.Checklist);
                json.WriteStartArray("diagnostics");
                for (var i = 0; i < report.Diagnostics.Count; i++)
                {
                    var d = report.Diagnostics[i];
                    json.WriteStartObject();
                    json.WriteString("id", d.Id);
                    json.WriteString("severity", Names.Severity(d.Severity));
                    json.WriteString("category", d.Descriptor.Category);
                    json.WriteString("message", d.Message);
                    json.WriteString("path", file.Paths[i]);
                    if (file.LocationOf(i) is { } at)
                    {
                        json.WriteNumber("line", at.Line);
                        json.WriteNumber("column", at.Column);
                    }

                    json.WriteString("helpUri", Names.Help(d.Descriptor));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

/// <summary>
/// Writer options for the tool's JSON: indented by two spaces, <c>\n</c> line ends, non-ASCII letters
/// and punctuation kept (<c>'</c>, not <c>\u0027</c>: the output is JSON for programs, never embedded
/// in HTML); control characters are still escaped.
/// </summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
