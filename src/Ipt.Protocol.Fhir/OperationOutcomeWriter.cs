using Hl7.Fhir.Model;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Fhir;

/// <summary>Writes a validation report as an OperationOutcome: one issue per finding, in report order.</summary>
internal static class OperationOutcomeWriter
{
    public static OperationOutcome Write(ValidationReport report)
    {
        var outcome = new OperationOutcome();
        foreach (var diagnostic in report.Diagnostics)
        {
            var issue = new OperationOutcome.IssueComponent
            {
                Severity = Severity(diagnostic.Severity),
                Code = OperationOutcome.IssueType.BusinessRule,
                Details = new CodeableConcept
                {
                    Coding = [new Coding(IptFhirUris.CodeSystems.Rule, diagnostic.Id, diagnostic.Descriptor.Title)],
                    Text = diagnostic.Message,
                },
                Diagnostics = diagnostic.Descriptor.HelpLink,
            };
            if (!diagnostic.Path.IsRoot)
            {
                issue.Expression = [diagnostic.Path.ToString()];
            }

            outcome.Issue.Add(issue);
        }

        if (outcome.Issue.Count == 0)
        {
            // An OperationOutcome has at least one issue: a clean report says so.
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.Informational,
                Details = new CodeableConcept { Text = "No findings: the course conforms to its protocol." },
            });
        }

        return outcome;
    }

    internal static OperationOutcome.IssueSeverity Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => OperationOutcome.IssueSeverity.Error,
        DiagnosticSeverity.Warning => OperationOutcome.IssueSeverity.Warning,
        _ => OperationOutcome.IssueSeverity.Information,
    };
}
