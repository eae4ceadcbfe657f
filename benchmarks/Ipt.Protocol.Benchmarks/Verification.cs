using Ipt.Protocol.Benchmarks.Comparison;
using Ipt.Protocol.Benchmarks.Workloads;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Benchmarks;

/// <summary>
/// Checks that the comparison baselines do the same work as the library on the workload: the
/// FluentValidation validator reports the same findings (id, path, severity) as the rule engine.
/// Run by every validation benchmark's global setup, and on its own with <c>--verify</c>.
/// </summary>
internal static class Verification
{
    public static int Run(TextWriter output)
    {
        try
        {
            foreach (var (name, course) in new[] { ("valid", Workload.Valid()), ("departures", Workload.WithDepartures()) })
            {
                var findings = CheckValidators(course);
                output.WriteLine($"{name}: {findings.Count} findings, the same from both validators");
                foreach (var finding in findings)
                {
                    output.WriteLine("  " + finding);
                }
            }

            return 0;
        }
        catch (InvalidOperationException e)
        {
            output.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Validates with both validators and throws when they disagree; returns the findings.</summary>
    public static IReadOnlyList<Finding> CheckValidators(Course course)
    {
        var ours = Finding.From(CourseValidator.Default.Validate(course));
        var theirs = Finding.From(FluentCourseValidator.Standard.Validate(course));
        if (!ours.SequenceEqual(theirs))
        {
            throw new InvalidOperationException(
                "The FluentValidation baseline disagrees with the rule engine." + Environment.NewLine
                + "ours:   " + string.Join(", ", ours) + Environment.NewLine
                + "theirs: " + string.Join(", ", theirs));
        }

        return ours;
    }
}

/// <summary>One finding, as both validators report it: rule id, JSON path and severity.</summary>
internal sealed record Finding(string Id, string Path, string Severity)
{
    public static List<Finding> From(ValidationReport report) =>
        [.. report.Diagnostics.Select(d => new Finding(d.Id, d.Path.ToString(), d.Severity.ToString())).OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal)];

    public static List<Finding> From(FluentValidation.Results.ValidationResult result) =>
        [.. result.Errors.Select(e => new Finding(e.ErrorCode, JsonPath(e.PropertyName), e.Severity.ToString())).OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal)];

    /// <summary>FluentValidation's property name (<c>sessions[6].date</c>) in the rule engine's JSON path syntax (<c>$.sessions[6].date</c>).</summary>
    private static string JsonPath(string propertyName) => propertyName.Length == 0 ? "$" : "$." + propertyName;

    public override string ToString() => $"{Id} {Path} ({Severity})";
}
