using System.Text.Json;
using Ipt.Protocol.DependencyInjection;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Tests.Docs;
using Microsoft.Extensions.DependencyInjection;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>Host rules written as lambdas, their string categories, the typed path helpers and the check of unknown ids.</summary>
public class HostRuleTests
{
    private static readonly CourseRule ShortSessions = CourseRule.Create("CLINIC0001", "audit", DiagnosticSeverity.Warning, "Session shorter than 40 minutes",
        (in RuleContext course, ref DiagnosticSink sink) =>
        {
            var sessions = course.Course.Sessions.AsSpan();
            for (var i = 0; i < sessions.Length; i++)
            {
                if (sessions[i].Length is { } length && length < NodaTime.Duration.FromMinutes(40))
                {
                    sink.Report(DocumentPath.Session(i).Property("length"));
                }
            }
        });

    [Fact]
    public void A_lambda_rule_reports_with_its_own_descriptor_and_runs_after_the_built_in_rules()
    {
        var course = SampleCourses.Standard.WithSession(3, s => s with { Length = NodaTime.Duration.FromMinutes(30) });
        var validator = new CourseValidator(ValidatorOptions.Default.AddRule(ShortSessions));

        var d = Assert.Single(validator.Validate(course).Diagnostics, d => d.Id == "CLINIC0001");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("audit", d.Descriptor.Category);
        Assert.Null(d.Descriptor.Citation);
        Assert.Equal("Session shorter than 40 minutes", d.Message);
        Assert.Equal("$.sessions[2].length", d.Path.ToString());
        Assert.True(validator.Validate(SampleCourses.Standard).IsClean);
    }

    [Fact]
    public void A_lambda_rule_takes_overrides_a_disable_and_a_protocol_filter()
    {
        var course = SampleCourses.Standard.WithSession(1, s => s with { Length = NodaTime.Duration.FromMinutes(20) });
        var demoted = new CourseValidator(ValidatorOptions.Default.AddRule(ShortSessions).WithSeverity("CLINIC0001", DiagnosticSeverity.Info));
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(demoted.Validate(course).Diagnostics, d => d.Id == "CLINIC0001").Severity);
        var off = new CourseValidator(ValidatorOptions.Default.AddRule(ShortSessions).Disable("CLINIC0001"));
        Assert.DoesNotContain(off.Validate(course).Diagnostics, d => d.Id == "CLINIC0001");

        var descriptor = new DiagnosticDescriptor("CLINIC0002", "Brief only", "Session {session} is in a brief course.", "local-audit", DiagnosticSeverity.Info, new Citation(Confidence.Low, "CLINIC"));
        var briefOnly = CourseRule.Create(descriptor, (in RuleContext c, ref DiagnosticSink sink) => sink.Report(DocumentPath.Session(0), DiagnosticArgument.From("session", 1)), p => p.Id.Value == "ipt-b");
        var validator = new CourseValidator(ValidatorOptions.Default.AddRule(briefOnly));
        Assert.DoesNotContain(validator.Validate(SampleCourses.Standard).Diagnostics, d => d.Id == "CLINIC0002");
        Assert.Equal("Session 1 is in a brief course.", Assert.Single(validator.Validate(SampleCourses.Standard with { Protocol = ProtocolId.From("ipt-b") }).Diagnostics, d => d.Id == "CLINIC0002").Message);
    }

    [Fact]
    public void A_clean_course_allocates_nothing_with_a_lambda_rule_that_finds_nothing()
    {
        var validator = new CourseValidator(ValidatorOptions.Default.AddRule(ShortSessions));
        for (var i = 0; i < 100; i++)
        {
            validator.Validate(SampleCourses.Standard);
        }

        var measured = new List<long>();
        for (var round = 0; round < 5 && (measured.Count == 0 || measured[^1] != 0); round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10; i++)
            {
                validator.Validate(SampleCourses.Standard);
            }

            measured.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(measured[^1] == 0, $"Every round of 10 validations allocated: {string.Join(", ", measured)} bytes.");
    }

    [Fact]
    public void Categories_are_open_ids_and_built_in_ones_keep_their_json_names()
    {
        Assert.Equal("initialTasks", DiagnosticDescriptor.CategoryName(RuleCategory.InitialTasks));
        Assert.All(BuiltInRules.Descriptors, d => Assert.True(DiagnosticDescriptor.IsValidCategory(d.Category), d.Id));
        Assert.True(DiagnosticDescriptor.IsValidCategory("local-audit"));
        Assert.False(DiagnosticDescriptor.IsValidCategory("Audit"));
        Assert.False(DiagnosticDescriptor.IsValidCategory("audit trail"));
        Assert.False(DiagnosticDescriptor.IsValidCategory("audit-"));
        Assert.False(DiagnosticDescriptor.IsValidCategory(""));
        Assert.Throws<ArgumentException>(() => CourseRule.Create("CLINIC0001", "Audit", DiagnosticSeverity.Info, "t", (in RuleContext c, ref DiagnosticSink s) => { }));
        Assert.Throws<ArgumentException>(() => CourseRule.Create("clinic1", "audit", DiagnosticSeverity.Info, "t", (in RuleContext c, ref DiagnosticSink s) => { }));
        Assert.Throws<ArgumentNullException>(() => CourseRule.Create("CLINIC0001", "audit", DiagnosticSeverity.Info, "t", null!));
    }

    [Fact]
    public void The_typed_path_helpers_name_members_of_the_course_document()
    {
        DocumentPath[] paths =
        [
            DocumentPath.Session(2).Measure(0), DocumentPath.Session(2).Technique(1), DocumentPath.Session(0).Task(0),
            DocumentPath.Assessment(0).Measure(1), DocumentPath.FocusArea(0), DocumentPath.Person(3), DocumentPath.LifeEvent(0), DocumentPath.Goal(1),
        ];
        Assert.Equal(
            ["$.sessions[2].measures[0]", "$.sessions[2].techniques[1]", "$.sessions[0].tasks[0]", "$.assessments[0].measures[1]", "$.formulation.areas[0]", "$.inventory.persons[3]", "$.lifeEvents[0]", "$.goals[1]"],
            paths.Select(p => p.ToString()));

        // Every step is a member of the schema: the helpers follow the document, not a guess.
        using var schema = JsonDocument.Parse(RepoFiles.Read("docs/schema/course.schema.json"));
        foreach (var path in paths)
        {
            var node = schema.RootElement;
            foreach (var segment in path.Segments)
            {
                node = segment.IsIndex ? node.GetProperty("items") : Resolve(schema.RootElement, node).GetProperty("properties").GetProperty(segment.Property!);
                node = Resolve(schema.RootElement, node);
            }
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement node)
    {
        if (node.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            return Resolve(root, target);
        }

        if (node.TryGetProperty("anyOf", out var any) || node.TryGetProperty("oneOf", out any))
        {
            foreach (var option in any.EnumerateArray())
            {
                var resolved = Resolve(root, option);
                if (resolved.TryGetProperty("properties", out _) || resolved.TryGetProperty("items", out _))
                {
                    return resolved;
                }
            }
        }

        return node;
    }

    [Fact]
    public void An_unknown_or_engine_rule_id_is_an_error_in_the_library_and_at_registration()
    {
        Assert.Throws<ArgumentException>(() => new CourseValidator(ValidatorOptions.Default.WithSeverity("IPT9999", DiagnosticSeverity.Info)));
        Assert.Throws<ArgumentException>(() => new CourseValidator(ValidatorOptions.Default.Disable("CLINIC0001")));

        var unknown = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddIptProtocol(b => b.Disable("IPT9999")));
        Assert.Contains("IPT9999", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddIptProtocol(b => b.WithSeverity("IPT0001", DiagnosticSeverity.Info)));

        // A host rule added in the same call (or an earlier one) may be configured.
        var services = new ServiceCollection().AddIptProtocol(b => b.AddRule(ShortSessions)).AddIptProtocol(b => b.WithSeverity("CLINIC0001", DiagnosticSeverity.Error));
        using var provider = services.BuildServiceProvider();
        var course = SampleCourses.Standard.WithSession(1, s => s with { Length = NodaTime.Duration.FromMinutes(20) });
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(provider.GetRequiredService<CourseValidator>().Validate(course).Diagnostics, d => d.Id == "CLINIC0001").Severity);
    }
}
