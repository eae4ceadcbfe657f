using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// The names under which bulk validation (<see cref="CourseJson.ValidateLinesAsync"/>) reports its
/// progress, with <see cref="System.Diagnostics"/> only: a <see cref="Meter"/> and an
/// <see cref="ActivitySource"/>, both named <see cref="Name"/>. Subscribe with OpenTelemetry
/// (<c>AddMeter("Ipt.Protocol")</c>, <c>AddSource("Ipt.Protocol")</c>), <c>dotnet-counters</c>, or a
/// <see cref="MeterListener"/> and an <see cref="ActivityListener"/>. Nothing is recorded about a
/// course's content: counts only.
/// </summary>
/// <remarks>
/// The counters advance as each line's result is handed to the caller, so they show progress while a
/// file is being validated. With nobody listening, recording costs a check per line and allocates nothing.
/// </remarks>
public static class IptTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>Ipt.Protocol</c>.</summary>
    public const string Name = "Ipt.Protocol";

    /// <summary>The counter of non-blank lines (courses) read, readable or not: <c>ipt.courses.read</c>, unit <c>{course}</c>.</summary>
    public const string CoursesRead = "ipt.courses.read";

    /// <summary>The counter of courses read and validated: <c>ipt.courses.validated</c>, unit <c>{course}</c>.</summary>
    public const string CoursesValidated = "ipt.courses.validated";

    /// <summary>The counter of lines that could not be read as a course (read errors): <c>ipt.courses.unreadable</c>, unit <c>{course}</c>.</summary>
    public const string CoursesUnreadable = "ipt.courses.unreadable";

    /// <summary>The counter of findings of validated courses, tagged <see cref="SeverityTag"/>: <c>ipt.findings</c>, unit <c>{finding}</c>.</summary>
    public const string Findings = "ipt.findings";

    /// <summary>The tag of <see cref="Findings"/> that holds the effective severity: <c>ipt.severity</c>, one of <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
    public const string SeverityTag = "ipt.severity";

    /// <summary>
    /// The name of the activity that spans one bulk validation: <c>ipt.validate_lines</c>. When it ends
    /// it carries the tags <see cref="CoursesRead"/>, <see cref="CoursesValidated"/>,
    /// <see cref="CoursesUnreadable"/> and <c>ipt.findings.error</c>, <c>ipt.findings.warning</c>,
    /// <c>ipt.findings.info</c>, each a count.
    /// </summary>
    public const string ValidateLinesActivity = "ipt.validate_lines";

    private static readonly Meter Meter = new(Name, typeof(IptTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Read = Meter.CreateCounter<long>(CoursesRead, "{course}", "Non-blank lines (courses) read by bulk validation, readable or not.");

    private static readonly Counter<long> Validated = Meter.CreateCounter<long>(CoursesValidated, "{course}", "Courses read and validated by bulk validation.");

    private static readonly Counter<long> Unreadable = Meter.CreateCounter<long>(CoursesUnreadable, "{course}", "Lines that bulk validation could not read as a course.");

    private static readonly Counter<long> Found = Meter.CreateCounter<long>(Findings, "{finding}", "Findings of the courses validated in bulk, by severity.");

    private static readonly KeyValuePair<string, object?> ErrorTag = new(SeverityTag, "error");

    private static readonly KeyValuePair<string, object?> WarningTag = new(SeverityTag, "warning");

    private static readonly KeyValuePair<string, object?> InfoTag = new(SeverityTag, "info");

    internal static ActivitySource Source { get; } = new(Name, typeof(IptTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Counts one bulk result, in the meter and in the run's totals.</summary>
    internal static void Record(BulkResult result, ref BulkTotals totals)
    {
        totals.Read++;
        Read.Add(1);
        if (!result.WasRead)
        {
            totals.Unreadable++;
            Unreadable.Add(1);
            return;
        }

        totals.Validated++;
        Validated.Add(1);
        var report = result.Report;
        totals.Errors += report.ErrorCount;
        totals.Warnings += report.WarningCount;
        totals.Infos += report.InfoCount;
        if (report.ErrorCount > 0)
        {
            Found.Add(report.ErrorCount, ErrorTag);
        }

        if (report.WarningCount > 0)
        {
            Found.Add(report.WarningCount, WarningTag);
        }

        if (report.InfoCount > 0)
        {
            Found.Add(report.InfoCount, InfoTag);
        }
    }

    /// <summary>Puts a run's totals on its activity.</summary>
    internal static void Complete(Activity? activity, in BulkTotals totals)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(CoursesRead, totals.Read);
        activity.SetTag(CoursesValidated, totals.Validated);
        activity.SetTag(CoursesUnreadable, totals.Unreadable);
        activity.SetTag(Findings + ".error", totals.Errors);
        activity.SetTag(Findings + ".warning", totals.Warnings);
        activity.SetTag(Findings + ".info", totals.Infos);
    }

    /// <summary>The counts of one bulk run.</summary>
    internal struct BulkTotals
    {
        public long Read;
        public long Validated;
        public long Unreadable;
        public long Errors;
        public long Warnings;
        public long Infos;
    }
}
