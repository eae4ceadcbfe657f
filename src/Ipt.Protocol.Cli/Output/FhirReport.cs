using Hl7.Fhir.Model;
using Ipt.Protocol.Fhir;

namespace Ipt.Protocol.Cli.Output;

/// <summary>
/// <c>ipt validate --format fhir</c>: an OperationOutcome per file. One file gives the OperationOutcome
/// itself; several give a collection Bundle of them in the order of the files. A file that cannot be
/// read gives an OperationOutcome with its read errors (issue code <c>structure</c>).
/// </summary>
internal static class FhirReport
{
    public static string Render(IReadOnlyList<FileReport> reports, IReadOnlyList<InputProblem> problems, IReadOnlyList<string> files)
    {
        var outcomes = new List<OperationOutcome>();
        foreach (var path in files)
        {
            if (reports.FirstOrDefault(r => r.Path == path) is { } report)
            {
                outcomes.Add(IptFhirMapper.ToOperationOutcome(report.Report));
                continue;
            }

            var unreadable = new OperationOutcome();
            foreach (var problem in problems.Where(p => p.Path == path))
            {
                unreadable.Issue.Add(new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Fatal,
                    Code = OperationOutcome.IssueType.Structure,
                    Details = new CodeableConcept { Text = problem.Message },
                    Diagnostics = problem.Location is { } at ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {at.Line}, column {at.Column}") : null,
                });
            }

            if (unreadable.Issue.Count == 0)
            {
                unreadable.Issue.Add(new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Fatal, Code = OperationOutcome.IssueType.Structure, Details = new CodeableConcept { Text = "The file cannot be read." } });
            }

            outcomes.Add(unreadable);
        }

        if (outcomes.Count == 1)
        {
            return FhirOutput.ToJson(outcomes[0]);
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var outcome in outcomes)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = outcome });
        }

        return FhirOutput.ToJson(bundle);
    }
}
