using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;
using Microsoft.Extensions.Options;

namespace Ipt.Protocol.Host;

/// <summary>The service's endpoints: one course, and a JSON Lines caseload.</summary>
internal static class CourseEndpoints
{
    /// <summary>The problem type of a course document that could not be read.</summary>
    public const string UnreadableType = "https://github.com/ipt-protocol/Ipt.Protocol/blob/main/docs/json-format.md#error-codes";

    public static void MapCourseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/courses/validate", ValidateAsync).Accepts<object>("application/json");
        app.MapPost("/courses/validate-lines", ValidateLinesAsync).Accepts<object>("application/jsonl", "application/x-ndjson");
    }

    /// <summary>Reads one posted course document and validates it.</summary>
    private static async Task<IResult> ValidateAsync(HttpRequest request, CourseJson json, CourseValidator validator, IOptions<IptHostOptions> options, CancellationToken cancellationToken)
    {
        var read = await json.TryReadAsync(request.Body, cancellationToken);
        if (!read.TryGetValue(out var course))
        {
            // RFC 9457 problem details. Each error has its code, path and position, never its message:
            // a message may quote the document ("Unknown phase 'ending'"), and a document is patient data.
            return TypedResults.Problem(
                title: "The course document could not be read.",
                detail: $"{read.Errors.Count} problem(s) in the document; each names its code, JSON path, line and column.",
                statusCode: StatusCodes.Status400BadRequest,
                type: UnreadableType,
                extensions: new Dictionary<string, object?> { ["errors"] = read.Errors.Select(ReadErrorDto.Of).ToArray() });
        }

        return TypedResults.Ok(ReportDto.Of(validator.Validate(course), options.Value.HelpBase));
    }

    /// <summary>Reads and validates a JSON Lines caseload; progress goes to the Ipt.Protocol meter and activity source.</summary>
    private static async Task<IResult> ValidateLinesAsync(HttpRequest request, CourseJson json, CourseValidator validator, CancellationToken cancellationToken)
    {
        var lines = new List<LineDto>();
        await foreach (var line in json.ValidateLinesAsync(request.Body, validator, cancellationToken: cancellationToken))
        {
            lines.Add(line.WasRead
                ? new LineDto(line.LineNumber, true, line.Report.IsValid, line.Report.ErrorCount, line.Report.WarningCount, line.Report.InfoCount, [])
                : new LineDto(line.LineNumber, false, false, 0, 0, 0, [.. line.ReadErrors.Select(ReadErrorDto.Of)]));
        }

        return TypedResults.Ok(lines);
    }

    internal static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

/// <summary>One read error: code, JSON path and position (1-based).</summary>
internal sealed record ReadErrorDto(string Code, string Path, int? Line, int? Column)
{
    public static ReadErrorDto Of(DocumentError error) => new(error.Code, error.Path.ToString(), error.Location?.Line, error.Location?.Column);
}

/// <summary>One finding: rule id, severity, category, message (ids and numbers only), JSON path and help link.</summary>
internal sealed record FindingDto(string RuleId, string Severity, string Category, string Message, string Path, string HelpLink);

/// <summary>A safety check the configuration disabled or demoted.</summary>
internal sealed record SafetyChangeDto(string RuleId, string? Severity, string DefaultSeverity);

/// <summary>The validation report of one course.</summary>
internal sealed record ReportDto(bool Valid, int Errors, int Warnings, int Infos, int RulesRun, IReadOnlyList<SafetyChangeDto> SafetyChecksChanged, IReadOnlyList<FindingDto> Findings)
{
    public static ReportDto Of(ValidationReport report, Uri? helpBase) => new(
        report.IsValid,
        report.ErrorCount,
        report.WarningCount,
        report.InfoCount,
        report.RulesRun,
        [.. report.SafetyChecksChanged.Select(c => new SafetyChangeDto(c.Id, c.Severity is { } s ? CourseEndpoints.Severity(s) : null, CourseEndpoints.Severity(c.DefaultSeverity)))],
        [.. report.Diagnostics.Select(d => new FindingDto(d.Id, CourseEndpoints.Severity(d.Severity), d.Descriptor.Category, d.Message, d.Path.ToString(), Absolute(helpBase, d.Descriptor.HelpLink)))]);

    // Built-in help links are relative to the repository; a host rule's may be absolute already.
    private static string Absolute(Uri? helpBase, string link) =>
        helpBase is not null && link.StartsWith(DiagnosticDescriptor.DefaultHelpBase, StringComparison.Ordinal)
            ? new Uri(helpBase, link[DiagnosticDescriptor.DefaultHelpBase.Length..]).ToString()
            : link;
}

/// <summary>One line of a JSON Lines caseload: read or not, and the counts of its findings or its read errors.</summary>
internal sealed record LineDto(long Line, bool Read, bool Valid, int Errors, int Warnings, int Infos, IReadOnlyList<ReadErrorDto> ReadErrors);
