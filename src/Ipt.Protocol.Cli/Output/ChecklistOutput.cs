using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Ipt.Protocol.Fidelity;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Cli.Output;

/// <summary>
/// The fidelity checklist in the tool's outputs (issue 15 item 3): a summary line and the items that
/// need attention in the text report, the whole checklist in the JSON report, and its own section of
/// the HTML report. Task, phase and status names, session numbers, counts and source keys only: the
/// checklist holds no label or free text of the course, so neither does any of this.
/// </summary>
internal static class ChecklistOutput
{
    /// <summary>The statuses in the order the outputs count them.</summary>
    private static readonly ChecklistStatus[] Statuses =
        [ChecklistStatus.Done, ChecklistStatus.DoneLate, ChecklistStatus.Missed, ChecklistStatus.Due, ChecklistStatus.NotYetDue, ChecklistStatus.NotReached];

    /// <summary>The checklist of a course under the protocol it names (or the one forced), or null when the protocol is unknown.</summary>
    public static FidelityChecklist? Of(Course course, ProtocolRegistry registry, ProtocolDefinition? forced, InstrumentRegistry? instruments)
    {
        if (forced is null && !registry.TryGet(course.Protocol, out forced))
        {
            return null;
        }

        return FidelityChecklist.Of(course, forced, instruments);
    }

    /// <summary>
    /// The text lines: <c>fidelity checklist (completed): 18 tasks: 17 done, 1 missed</c>, then one
    /// line per item that needs attention (missed, done late, due), e.g.
    /// <c>  missed: ending raised (termination; session 14)</c>. Nothing when there is no checklist.
    /// </summary>
    public static IEnumerable<string> TextLines(FidelityChecklist? checklist)
    {
        if (checklist is null)
        {
            yield break;
        }

        var counts = Statuses.Select(s => (Status: s, Count: checklist.Count(s))).Where(c => c.Count > 0).Select(c => $"{c.Count} {Words(c.Status)}");
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"fidelity checklist ({Words(checklist.CourseStatus.ToString())}{(checklist.IsStatusInferred ? ", inferred" : string.Empty)}): {Names.Count(checklist.Items.Count, "task")}: {string.Join(", ", counts.DefaultIfEmpty("none"))}");
        foreach (var status in (ChecklistStatus[])[ChecklistStatus.Missed, ChecklistStatus.DoneLate, ChecklistStatus.Due])
        {
            foreach (var item in checklist.Items)
            {
                if (item.Status == status)
                {
                    yield return $"  {Words(status)}: {Words(item.Task.ToString())} ({Words(item.Phase.ToString())}; {Window(item.Window)}{Detail(item)})";
                }
            }
        }
    }

    /// <summary>Writes <c>fidelity</c> into the current JSON object (nothing when there is no checklist).</summary>
    public static void WriteJson(Utf8JsonWriter json, FidelityChecklist? checklist)
    {
        if (checklist is null)
        {
            return;
        }

        json.WriteStartObject("fidelity");
        json.WriteString("protocol", checklist.Protocol.Value);
        json.WriteString("courseStatus", Names.Camel(checklist.CourseStatus.ToString()));
        json.WriteBoolean("statusInferred", checklist.IsStatusInferred);
        if (checklist.AsOf is { } asOf)
        {
            json.WriteString("asOf", asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        }

        json.WriteStartObject("counts");
        foreach (var status in Statuses)
        {
            json.WriteNumber(Names.Camel(status.ToString()), checklist.Count(status));
        }

        json.WriteEndObject();
        json.WriteStartArray("items");
        foreach (var item in checklist.Items)
        {
            json.WriteStartObject();
            json.WriteString("task", Names.Camel(item.Task.ToString()));
            json.WriteString("phase", Names.Camel(item.Phase.ToString()));
            json.WriteString("timing", Names.Camel(item.Timing.ToString()));
            json.WriteString("status", Names.Camel(item.Status.ToString()));
            json.WriteStartObject("window");
            json.WriteNumber("opens", item.Window.Opens);
            json.WriteNumber("deadline", item.Window.Deadline);
            json.WriteBoolean("projected", item.Window.IsProjected);
            json.WriteBoolean("opened", item.Window.HasOpened);
            json.WriteBoolean("closed", item.Window.HasClosed);
            json.WriteEndObject();
            json.WriteString("evidence", Names.Camel(item.Evidence.ToString()));
            if (item.DoneAtSession is { } at)
            {
                json.WriteNumber("doneAtSession", at);
            }

            if (item.Timing == TaskTiming.EverySession)
            {
                json.WriteNumber("sessions", item.Sessions);
                json.WriteNumber("sessionsDone", item.SessionsDone);
            }

            json.WriteStartArray("sources");
            foreach (var source in item.Citation.Sources)
            {
                json.WriteStringValue(source);
            }

            json.WriteEndArray();
            json.WriteString("confidence", item.Citation.ConfidenceMark);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The HTML report's own section: the counts and a table of every item (nothing when there is no checklist).</summary>
    public static void WriteHtml(StringBuilder sb, FidelityChecklist? checklist)
    {
        if (checklist is null)
        {
            return;
        }

        sb.Append("<section id=\"fidelity\">\n<h2>Fidelity checklist</h2>\n");
        sb.Append("<p>").Append(Html(TextLines(checklist).First().Replace("fidelity checklist", "Every phase task the protocol requires", StringComparison.Ordinal)))
            .Append(". A task is judged only once its window has passed; the windows follow the record as it stands.</p>\n");
        sb.Append("<table>\n<thead><tr><th>Task</th><th>Phase</th><th>Window</th><th>Status</th><th>Done</th><th>Source</th></tr></thead>\n<tbody>\n");
        foreach (var item in checklist.Items)
        {
            var done = item.Timing == TaskTiming.EverySession
                ? string.Create(CultureInfo.InvariantCulture, $"{item.SessionsDone} of {item.Sessions} sessions")
                : item.DoneAtSession is { } at ? string.Create(CultureInfo.InvariantCulture, $"session {at}")
                : item.Evidence == ChecklistEvidence.Assessment ? "before treatment"
                : item.Evidence == ChecklistEvidence.CourseRecord ? "in the record"
                : string.Empty;
            sb.Append("<tr class=\"checklist-item ").Append(Names.Camel(item.Status.ToString())).Append("\"><td>").Append(Html(Words(item.Task.ToString())))
                .Append("</td><td>").Append(Html(Words(item.Phase.ToString())))
                .Append("</td><td>").Append(Html(Window(item.Window)))
                .Append("</td><td>").Append(Html(Words(item.Status)))
                .Append("</td><td>").Append(Html(done))
                .Append("</td><td>").Append(Html(item.Citation.ToString()))
                .Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>A status in words: <c>DoneLate</c> → "done late".</summary>
    private static string Words(ChecklistStatus status) => Words(status.ToString());

    /// <summary>An enum name in words: <c>InterpersonalInventory</c> → "interpersonal inventory" (as the HTML report writes them).</summary>
    private static string Words(string name) => HtmlReport.Spaced(name);

    /// <summary>"sessions 1–3", "session 14", with ", projected" while the deadline is not yet in the record.</summary>
    private static string Window(TaskWindow window)
    {
        var span = window.Opens == window.Deadline
            ? string.Create(CultureInfo.InvariantCulture, $"session {window.Deadline}")
            : string.Create(CultureInfo.InvariantCulture, $"sessions {window.Opens}–{window.Deadline}");
        return window.IsProjected && !window.HasClosed ? span + ", projected" : span;
    }

    private static string Detail(ChecklistItem item) =>
        item.Timing == TaskTiming.EverySession ? string.Create(CultureInfo.InvariantCulture, $"; {item.SessionsDone} of {item.Sessions} sessions")
        : item.DoneAtSession is { } at ? string.Create(CultureInfo.InvariantCulture, $"; done at session {at}")
        : string.Empty;

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
