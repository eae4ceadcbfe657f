using System.Globalization;
using System.Text;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rendering;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Cli.Output;

/// <summary>
/// The HTML report of one course: summary, validation findings and the three pictures (one measure
/// chart per recorded instrument) in one self-contained HTML5 page (inline CSS and SVG, no scripts,
/// no external fonts, styles or images; the only links are to the rule pages). Written as
/// well-formed XHTML-compatible markup so XML tools read it too. Values are in words a clinician
/// uses ("role dispute (impasse)"), not the document's names. Course text (labels, notes) appears
/// only in the closeness circle, and only when the options ask for labels.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.3em 1.5em; }
        dt { font-weight: bold; } dd { margin: 0; }
        a { color: #1f4e79; }
        svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        .error { color: #b00020; font-weight: bold; } .warning { color: #8a6100; font-weight: bold; } .info { color: #00607a; }
        figure { margin: 1em 0; } figcaption { font-size: 0.9em; color: #555; }
        code { font-size: 0.95em; }
        .safety { border: 2px solid #b00020; background: #fdecee; padding: 0.5em 1em; margin: 1em 0; }
        """;

    /// <summary>The most measure charts in one report.</summary>
    internal const int MaxMeasureCharts = 12;

    public static string Render(FileReport file, ProtocolRegistry registry, RenderOptions options)
    {
        var course = file.File.Course;
        var report = file.Report;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        sb.Append("<title>IPT course report: ").Append(Escape(Path.GetFileName(file.Path))).Append("</title>\n");
        sb.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        sb.Append("<h1>IPT course report</h1>\n");
        Safety(sb, report);

        // Summary: ids, counts and enum values only; no course text.
        var protocolName = registry.TryGet(course.Protocol, out var protocol) ? $"{protocol.Name} ({course.Protocol})" : course.Protocol.Value;
        sb.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<dl>\n");
        Item(sb, "File", file.Path);
        Item(sb, "Protocol", protocolName);
        Item(sb, "Sessions", string.Join(", ", Enum.GetValues<SessionStatus>()
            .Select(s => (Status: s, Count: course.Sessions.Count(x => x.Status == s)))
            .Where(x => x.Count > 0)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Count} {x.Status.ToString().ToLowerInvariant()}"))
            .DefaultIfEmpty("none")));
        if (course.Formulation is { } formulation && !formulation.Areas.IsEmpty)
        {
            Item(sb, "Focus", string.Join("; ", formulation.Areas.Select(Words)));
        }

        Item(sb, "Validation", $"{Names.Count(report.ErrorCount, "error")}, {Names.Count(report.WarningCount, "warning")}, {Names.Count(report.InfoCount, "info")}");
        if (RecordSummary.AttendanceLine(report.Attendance) is { } attendance)
        {
            Item(sb, "Attendance", attendance["attendance: ".Length..]);
        }

        if (RecordSummary.OutcomeLine(file.Outcome) is { } outcomeLine)
        {
            // "outcome (completed; …): phq-9 18 → 3 (…)" as "completed; … — phq-9 18 → 3 (…)".
            var close = outcomeLine.IndexOf("): ", StringComparison.Ordinal);
            Item(sb, "Outcome", string.Concat(outcomeLine.AsSpan("outcome (".Length, close - "outcome (".Length), " — ", outcomeLine.AsSpan(close + 3)));
        }

        sb.Append("</dl>\n</section>\n");
        Outcomes(sb, file.Outcome);

        sb.Append("<section id=\"diagnostics\">\n<h2>Validation</h2>\n");
        if (report.Diagnostics.IsEmpty)
        {
            sb.Append("<p>No findings: the course follows the protocol's rules.</p>\n");
        }
        else
        {
            sb.Append("<table>\n<thead><tr><th>Severity</th><th>Rule</th><th>Path</th><th>Line</th><th>Message</th><th>Help</th></tr></thead>\n<tbody>\n");
            for (var i = 0; i < report.Diagnostics.Count; i++)
            {
                var d = report.Diagnostics[i];
                var severity = Names.Severity(d.Severity);
                sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"diagnostic\"><td class=\"{severity}\">{severity}</td><td>{Escape(d.Id)}</td><td><code>{Escape(file.Paths[i])}</code></td><td>{file.LocationOf(i)?.Line.ToString(CultureInfo.InvariantCulture) ?? string.Empty}</td><td>{Escape(d.Message)}</td><td><a href=\"{Escape(Names.Help(d.Descriptor))}\">About {Escape(d.Id)}</a></td></tr>\n");
            }

            sb.Append("</tbody>\n</table>\n");
        }

        sb.Append("</section>\n");
        ChecklistOutput.WriteHtml(sb, file.Checklist);

        Figure(sb, "closeness-circle", "Closeness circle", "People of the interpersonal inventory by ring, each with their relationship; ring 1 is the closest.", ClosenessCircleSvg.Render(course.Inventory, options));
        Figure(sb, "timeline", "Timeline", "Sessions coloured by phase; held, missed and cancelled sessions marked; key tasks as markers.", TimelineSvg.Render(course));
        var instruments = MeasureChartSvg.InstrumentsRecorded(course);
        if (instruments.Count == 0)
        {
            sb.Append("<section id=\"measures\">\n<h2>Measures</h2>\n<p>No measures recorded.</p>\n</section>\n");
        }
        else
        {
            // Bounded: a record with dozens of instruments gets the first charts and a note, not a page of
            // megabytes. The rest are one command away.
            foreach (var instrument in instruments.Take(MaxMeasureCharts))
            {
                Figure(sb, $"measure-{instrument.Id}", $"Measure: {instrument.Name}", instrument.CasenessThreshold is null ? "Total scores by session over the instrument's severity bands." : "Total scores by session over the instrument's severity bands; the dashed line is the caseness threshold.", MeasureChartSvg.Render(course, instrument));
            }
        }

        if (instruments.Count > MaxMeasureCharts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<section id=\"more-measures\">\n<p>{instruments.Count - MaxMeasureCharts} more instruments are recorded and not drawn here (the report draws at most {MaxMeasureCharts}); <code>ipt render FILE --picture measure --instrument ID</code> draws one.</p>\n</section>\n");
        }

        sb.Append("<footer><p>Written by ipt ").Append(Escape(ToolInfo.Version)).Append(". States protocol facts; gives no clinical advice.</p></footer>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// The safety banner at the top: how many safety findings the course has (each is in the table
    /// below) and which safety checks were switched off or demoted. Nothing when there are neither.
    /// </summary>
    private static void Safety(StringBuilder sb, ValidationReport report)
    {
        var findings = 0;
        foreach (var d in report.Diagnostics)
        {
            findings += d.Descriptor.IsSafety ? 1 : 0;
        }

        if (findings == 0 && report.SafetyChecksChanged.IsEmpty)
        {
            return;
        }

        sb.Append("<section id=\"safety\" class=\"safety\" role=\"alert\">\n<h2>Safety</h2>\n");
        if (findings > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p><strong>{Names.Count(findings, "safety finding")}</strong> (listed under Validation): each names what the protocol requires about risk in that session. Follow the service's safety procedure.</p>\n");
        }

        if (RecordSummary.SafetyLine(report) is { } changed)
        {
            sb.Append("<p><strong>").Append(Escape(char.ToUpperInvariant(changed[0]) + changed[1..])).Append("</strong>.</p>\n");
        }

        sb.Append("</section>\n");
    }

    /// <summary>The outcome table: each instrument's first and last score and its classifications, and the pair's.</summary>
    private static void Outcomes(StringBuilder sb, CourseOutcome? outcome)
    {
        if (outcome is null || outcome.Instruments.IsEmpty)
        {
            return;
        }

        sb.Append("<section id=\"outcomes\">\n<h2>Outcomes</h2>\n<table>\n<thead><tr><th>Instrument</th><th>First</th><th>Last</th><th>Classifications</th></tr></thead>\n<tbody>\n");
        foreach (var o in outcome.Instruments)
        {
            var first = o.First is { } f ? f.Value.ToString(CultureInfo.InvariantCulture) : string.Empty;
            var last = o.Last is { } l ? l.Value.ToString(CultureInfo.InvariantCulture) : string.Empty;
            sb.Append("<tr class=\"outcome\"><td>").Append(Escape(o.Instrument.Value)).Append("</td><td>").Append(first).Append("</td><td>").Append(last)
                .Append("</td><td>").Append(Escape(string.Join(", ", RecordSummary.Classifications(o)))).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
        var p = outcome.Paired;
        sb.Append(CultureInfo.InvariantCulture, $"<p>On the pair {Escape(p.Depression.Value)} + {Escape(p.Anxiety.Value)} (NHS Talking Therapies): recovery: {Spaced(p.Recovery.ToString())}; reliable change: {Spaced(p.ReliableChange.ToString())}; reliable recovery: {Spaced(p.ReliableRecovery.ToString())}.</p>\n");
        sb.Append("</section>\n");
    }

    /// <summary>An enum name in words: <c>NotComputable</c> → "not computable".</summary>
    internal static string Spaced(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>A focus area as a clinician writes it: "role dispute (impasse)", "grief (secondary)".</summary>
    internal static string Words(FocusArea area)
    {
        var words = area.Area switch
        {
            ProblemArea.Grief => "grief",
            ProblemArea.RoleDispute => area.DisputeStage switch
            {
                RoleDisputeStage.Renegotiation => "role dispute (renegotiation)",
                RoleDisputeStage.Impasse => "role dispute (impasse)",
                RoleDisputeStage.Dissolution => "role dispute (dissolution)",
                _ => "role dispute (stage not recorded)",
            },
            ProblemArea.RoleTransition => "role transition",
            ProblemArea.LostHealthySelf => "grief for the lost healthy self",
            _ => "interpersonal deficits",
        };
        return area.Rank == FocusRank.Secondary ? words + ", secondary" : words;
    }

    private static void Item(StringBuilder sb, string term, string value) =>
        sb.Append("<dt>").Append(Escape(term)).Append("</dt><dd>").Append(Escape(value)).Append("</dd>\n");

    private static void Figure(StringBuilder sb, string id, string heading, string caption, string svg) =>
        sb.Append("<section id=\"").Append(Escape(id)).Append("\">\n<h2>").Append(Escape(heading)).Append("</h2>\n<figure>\n")
            .Append(svg.TrimEnd('\n')).Append("\n<figcaption>").Append(Escape(caption)).Append("</figcaption>\n</figure>\n</section>\n");

    /// <summary>Escapes text for the XHTML page: markup characters as entities, characters XML does not allow as U+FFFD.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    _ when char.IsSurrogate(c) || c is '\ufffe' or '\uffff' || (char.IsControl(c) && c is not '\n' and not '\t') => "\ufffd",
                    _ => c.ToString(),
                });
            }
        }

        return sb.ToString();
    }
}
