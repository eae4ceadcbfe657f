using System.Globalization;
using System.Text;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Cli.Output;

/// <summary>The readable validation report: findings grouped by session (course-level first), then a summary line per file.</summary>
internal static class TextReport
{
    private const string Reset = "\u001b[0m";

    public static string Render(IReadOnlyList<FileReport> files, bool colour)
    {
        var sb = new StringBuilder();
        foreach (var file in files)
        {
            var diagnostics = file.Report.Diagnostics;
            var order = Enumerable.Range(0, diagnostics.Count)
                .OrderBy(i => file.SessionIndexOf(i) ?? -1)
                .ThenBy(i => i)
                .ToList();
            int? group = int.MinValue;
            foreach (var i in order)
            {
                var session = file.SessionIndexOf(i);
                if (session != group)
                {
                    group = session;
                    sb.Append(session is { } index
                        ? string.Create(CultureInfo.InvariantCulture, $"{file.Path}: session {SessionNumber(file, index)}\n")
                        : $"{file.Path}: course\n");
                }

                var d = diagnostics[i];
                var severity = Names.Severity(d.Severity);
                var line = file.LocationOf(i) is { } at ? string.Create(CultureInfo.InvariantCulture, $" ({at})") : string.Empty;
                var path = file.Paths[i];
                sb.Append("  ");
                sb.Append(colour ? Colour(d.Severity) + severity + Reset : severity);
                sb.Append(CultureInfo.InvariantCulture, $" {d.Id} {path}{line}: {d.Message}  [{Names.Help(d.Descriptor)}]\n");
            }

            foreach (var line in new[] { RecordSummary.AttendanceLine(file.Report.Attendance), RecordSummary.OutcomeLine(file.Outcome), RecordSummary.SafetyLine(file.Report) })
            {
                if (line is not null)
                {
                    sb.Append(file.Path).Append(": ").Append(line).Append('\n');
                }
            }

            foreach (var line in ChecklistOutput.TextLines(file.Checklist))
            {
                sb.Append(file.Path).Append(": ").Append(line).Append('\n');
            }

            sb.Append(Summary(file)).Append('\n');
        }

        return sb.ToString();
    }

    public static string Summary(FileReport file) =>
        $"{file.Path}: {Names.Count(file.Report.ErrorCount, "error")}, {Names.Count(file.Report.WarningCount, "warning")}, {Names.Count(file.Report.InfoCount, "info")}";

    private static string SessionNumber(FileReport file, int index) =>
        index < file.File.Course.Sessions.Count
            ? file.File.Course.Sessions[index].Number.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"at position {index}");

    private static string Colour(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "\u001b[31m",
        DiagnosticSeverity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
