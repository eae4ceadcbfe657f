using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Host;

/// <summary>The clinic's own rules, written as in docs/extending.md ("Write your own rule").</summary>
internal static class ClinicRules
{
    /// <summary>A held session whose length is not recorded (the clinic reports session time to its commissioners).</summary>
    public static CourseRule LengthRecorded { get; } = CourseRule.Create(
        new DiagnosticDescriptor("CLINIC0001", "Held session without its length", "Session {session} was held but its length is not recorded; the clinic reports session time.", "audit", DiagnosticSeverity.Warning)
        {
            HelpLink = "https://clinic.example/ipt-rules/CLINIC0001",
        },
        (in RuleContext course, ref DiagnosticSink sink) =>
        {
            var sessions = course.Course.Sessions;
            for (var i = 0; i < sessions.Count; i++)
            {
                if (sessions[i].IsHeld && sessions[i].Length is null)
                {
                    sink.Report(DocumentPath.Session(i), DiagnosticArgument.From("session", sessions[i].Number));
                }
            }
        });
}
