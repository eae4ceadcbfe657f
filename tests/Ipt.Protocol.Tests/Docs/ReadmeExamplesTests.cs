using Ipt.Protocol.DependencyInjection;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Scheduling;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ipt.Protocol.Tests.Docs;

/// <summary>The README's C# examples, kept compiling and true. Keep these in step with README.md.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void Quick_start()
    {
        var protocol = ProtocolRegistry.BuiltIn[ProtocolId.From("ipt")];
        var course = SchedulePlanner.PlanCourse(protocol, new LocalDate(2026, 12, 7),
            new ScheduleOptions { Skip = [new LocalDate(2026, 12, 28)] });

        course = course
            .WithSession(1, s => s.AsHeld()
                .PlusTask(SessionTask.InterpersonalInventory)
                .PlusTechnique(TechniqueId.From("psychoeducation"))
                .PlusMeasure(new Measurement(Instruments.Phq9.Id, total: 17)))
            .PlusPerson(new InventoryPerson(PersonId.From("p1"), Relationship.Partner) { Ring = 1 });

        Phase? phase = protocol.PhaseOf(14);
        DueStatus due = CourseSchedule.GetDueStatus(course, protocol, SystemClock.Instance, DateTimeZoneProviders.Tzdb["Europe/London"]);

        var nhs = protocol with { Id = ProtocolId.From("nhs-ipt"), Name = "IPT (NHS Talking Therapies)", MeasurementIntervalSessions = 1 };
        var registry = ProtocolRegistry.BuiltIn.Add(nhs);

        Assert.Equal(Phase.Termination, phase);
        Assert.Equal(2, due.NextSession);
        Assert.Equal(new LocalDate(2027, 1, 4), course.Sessions[3].Date);
        Assert.True(registry.Contains(nhs.Id));
    }

    [Fact]
    public void Validate_a_course()
    {
        var course = SampleCourses.Mistakes[0].Course;
        var registry = ProtocolRegistry.BuiltIn;

        ValidationReport report = CourseValidator.Default.Validate(course);
        var lines = report.Diagnostics.Select(d => $"{d.Descriptor.Id} {d.Severity} {d.Path}: {d.Message}").ToList();
        var problems = report.ToDictionary();

        var validator = new CourseValidator(new ValidatorOptions { Registry = registry }
            .WithSeverity("IPT0602", DiagnosticSeverity.Warning)
            .Disable("IPT0308"));

        Assert.NotEmpty(lines);
        Assert.NotEmpty(problems);
        Assert.True(validator.Validate(SampleCourses.Standard).IsClean);
    }

    [Fact]
    public void Read_and_write_course_documents()
    {
        string json = CourseJson.Default.WriteToString(SampleCourses.Standard);
        ReadResult<Course> read = CourseJson.Default.TryRead(json);
        Assert.True(read.Success);
        Assert.Equal(SampleCourses.Standard, read.Value);

        var bad = CourseJson.Default.TryRead(json.Replace("\"number\": 1,", "\"number\": 0,", StringComparison.Ordinal));
        Assert.False(bad.Success);
        Assert.Equal("$.sessions[0].number (line 91, column 7): number must be 1 or more. [value]", bad.Errors[0].ToString());
    }

    [Fact]
    public void Suggest_techniques_for_the_next_session()
    {
        var course = SampleCourses.Mistakes.Single(m => m.Name == "in-progress").Course;
        AdviceResult advice = TechniqueAdvisor.BuiltIn.Suggest(course);
        Assert.Equal(8, advice.SessionNumber);
        Assert.Contains(advice.Suggestions, s => s.Rationale.StartsWith("Role dispute at impasse in the middle phase: communication analysis", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependency_injection()
    {
        var nhsVariant = BuiltInProtocols.Standard with { Id = ProtocolId.From("nhs-ipt"), Name = "IPT (NHS)" };
        var services = new ServiceCollection();
        services.AddIptProtocol(ipt => ipt
            .AddProtocol(nhsVariant)
            .AddCatalogueFile(RepoFiles.PathOf("docs/examples/catalogue.example.json"))
            .SetSeverity("IPT0602", DiagnosticSeverity.Warning)
            .DisableRule("IPT0308"));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<CourseValidator>());
    }
}
