using Ipt.Protocol.DependencyInjection;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Scheduling;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ipt.Protocol.Tests.Docs;

/// <summary>
/// The README's C# examples, kept compiling and true: the snippets, pasted together in order, are
/// compiled as one program against the library (as the README says a reader can do), and each
/// example's behaviour is checked below. Keep the behaviour tests in step with README.md.
/// </summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void The_snippets_pasted_together_in_order_compile_as_one_program()
    {
        var snippets = DocSnippets.CSharpBlocks(RepoFiles.Read("README.md"));
        Assert.True(snippets.Count >= 5, $"found {snippets.Count} C# snippets in README.md");
        var (_, problems) = DocSnippets.Compile("ReadmeProgram", string.Concat(snippets), captureConsole: false, TestContext.Current.CancellationToken);
        Assert.True(problems.Count == 0, $"README.md's snippets, pasted together, do not compile cleanly:\n{string.Join("\n", problems)}");
    }

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
                .PlusMeasure(new Measurement(BuiltInInstruments.Phq9.Id, total: 17)))
            .PlusPerson(new InventoryPerson(PersonId.From("p1"), Relationship.Partner) { Ring = 1 });

        Phase? phase = protocol.PhaseOf(14);
        DueStatus due = DueStatus.Of(course, protocol, SystemClock.Instance, DateTimeZoneProviders.Tzdb["Europe/London"]);

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

        var validator = new CourseValidator(new ValidatorOptions { Protocols = registry }
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
        AdviceResult advice = TechniqueAdvisor.Default.Suggest(course);
        Assert.Equal(8, advice.SessionNumber);
        Assert.Contains(advice.Suggestions, s => s.Rationale.StartsWith("Role dispute at impasse in the middle phase: communication analysis", StringComparison.Ordinal));
    }

    [Fact]
    public void Outcomes_of_a_course_and_of_a_caseload()
    {
        var course = SampleCourses.Standard;
        var outcomes = SampleCourses.Records.Select(r => r.Course).Append(course)
            .Select(c => OutcomeCalculator.Default.TryCalculate(c, out var o) ? o : null).OfType<CourseOutcome>().ToList();

        Assert.True(OutcomeCalculator.Default.TryCalculate(course, out CourseOutcome? outcome));
        bool finished = outcome.IsFinishedTreatment;
        RecoveryStatus recovery = outcome.Paired.Recovery;
        OutcomeState remission = outcome.Primary?.Remission ?? OutcomeState.NotComputable;

        CaseloadSummary summary = CaseloadSummary.Of(outcomes);
        double? recoveryRate = summary.Paired.RecoveryRate;
        double? dropout = summary.DropoutRate;
        double? median = summary.MedianAttendedSessions;

        Assert.True(finished);
        Assert.Equal(RecoveryStatus.NotComputable, recovery); // the sample measures PHQ-9 only
        Assert.NotEqual(OutcomeState.NotComputable, remission);
        Assert.Equal(6, summary.Courses);
        Assert.Null(recoveryRate); // no sample measures GAD-7, so the pair is not counted
        Assert.Equal(0.8, summary.CountsOf(BuiltInInstruments.Phq9.Id)!.RecoveryRate); // four of the five finished courses recover on PHQ-9
        Assert.NotNull(dropout);
        Assert.NotNull(median);
    }

    [Fact]
    public void Dependency_injection()
    {
        var nhs = BuiltInProtocols.Standard with { Id = ProtocolId.From("nhs-ipt"), Name = "IPT (NHS)" };
        var services = new ServiceCollection();
        services.AddIptProtocol(ipt => ipt
            .AddProtocol(nhs)
            .AddCatalogueFile(RepoFiles.PathOf("docs/examples/catalogue.example.json"))
            .WithSeverity("IPT0602", DiagnosticSeverity.Warning)
            .Disable("IPT0308"));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<CourseValidator>());
    }
}
