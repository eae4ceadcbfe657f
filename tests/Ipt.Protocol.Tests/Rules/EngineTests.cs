using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

public class EngineTests
{
    private static readonly Course Standard = SampleCourses.Standard;

    private static Course MissingStage() =>
        Standard.EditFormulation(f => f with { Areas = [new FocusArea(ProblemArea.RoleDispute)] });

    [Fact]
    public void Unknown_protocol_is_one_error_not_an_exception()
    {
        var report = CourseValidator.Default.Validate(Standard with { Protocol = ProtocolId.From("no-such-variant") });
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal("IPT0002", d.Id);
        Assert.Equal("$.protocol", d.Path.ToString());
        Assert.Equal("no-such-variant", d.Argument("protocol"));
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void A_rule_that_throws_is_reported_once_and_the_other_findings_still_come_back()
    {
        var validator = new CourseValidator(ValidatorOptions.Default.AddRule(new ThrowingRule()));
        var report = validator.Validate(MissingStage());
        var failed = Assert.Single(report.Diagnostics, d => d.Id == "IPT0001");
        Assert.Equal("HOST0001", failed.Argument("rule"));
        Assert.True(failed.Path.IsRoot);
        Assert.Contains(report.Diagnostics, d => d.Id == "IPT0404");
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "HOST0001");
    }

    [Fact]
    public void Host_can_override_a_severity()
    {
        var validator = new CourseValidator(ValidatorOptions.Default.WithSeverity("IPT0404", DiagnosticSeverity.Warning));
        var report = validator.Validate(MissingStage());
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(report.Diagnostics).Severity);
        Assert.False(report.HasErrors);
        Assert.True(report.HasWarnings);
        Assert.True(report.IsValid);
    }

    [Fact]
    public void Host_can_disable_an_id()
    {
        var validator = new CourseValidator(ValidatorOptions.Default.Disable("IPT0404"));
        Assert.True(validator.Validate(MissingStage()).IsClean);
        Assert.False(validator.RulesFor(BuiltInProtocols.Standard).Contains("IPT0404"));
    }

    [Fact]
    public void Host_rules_run_for_every_variant_they_apply_to()
    {
        var validator = new CourseValidator(ValidatorOptions.Default.AddRule(new NoGoalsRule()));
        var report = validator.Validate(Standard with { Goals = [] });
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal("HOST0100", d.Id);
        Assert.Equal("$.goals", d.Path.ToString());
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
    }

    [Fact]
    public void Course_can_be_validated_against_a_host_defined_variant()
    {
        var strict = BuiltInProtocols.Standard with { Id = ProtocolId.From("ipt-strict"), MaxGapDays = 6 };
        var report = CourseValidator.Default.Validate(Standard, strict);
        Assert.Contains(report.Diagnostics, d => d.Id == "IPT0105");
        Assert.Same(CourseValidator.Default.RulesFor(strict), CourseValidator.Default.RulesFor(strict));

        var registered = new CourseValidator(new ValidatorOptions { Protocols = ProtocolRegistry.BuiltIn.Add(strict) });
        Assert.Contains(registered.Validate(Standard with { Protocol = strict.Id }).Diagnostics, d => d.Id == "IPT0105");
    }

    [Fact]
    public void The_response_cut_off_of_IPT0606_is_a_protocol_parameter()
    {
        // The last PHQ-9 is 15: less than the default 50 % reduction from the baseline.
        var course = Standard.Edit(16, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 15)] });
        var baseline = course.Sessions.SelectMany(s => s.Measures).First(m => m.Instrument == BuiltInInstruments.Phq9.Id).Score;
        Assert.True(baseline > 15);
        Assert.Equal(50, BuiltInProtocols.Standard.ResponseReductionPercent);

        var finding = Assert.Single(CourseValidator.Default.Validate(course).Diagnostics, d => d.Id == "IPT0606");
        Assert.Contains("less than a 50% reduction", finding.Message, StringComparison.Ordinal);

        // A host variant that counts any fall as a response: the same course is a responder.
        var lenient = BuiltInProtocols.Standard with { ResponseReductionPercent = 1 };
        Assert.DoesNotContain(CourseValidator.Default.Validate(course, lenient).Diagnostics, d => d.Id == "IPT0606");

        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInProtocols.Standard with { ResponseReductionPercent = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInProtocols.Standard with { ResponseReductionPercent = 101 });
    }

    [Theory]
    [InlineData(8, false)] // below the EPDS remission threshold (10): a 47 % fall, but not a non-responder
    [InlineData(9, false)]
    [InlineData(10, true)] // a 33 % fall and not in remission
    [InlineData(11, true)]
    public void IPT0606_counts_remission_as_a_good_outcome(int last, bool reported)
    {
        // Perinatal IPT, primary instrument EPDS: 15 at the first session, the last score at the last session.
        var perinatal = SampleCourses.All[BuiltInProtocols.Perinatal.Id];
        var lastNumber = perinatal.Sessions[^1].Number;
        var course = perinatal.EditAll(s => s with
        {
            Measures = s.Number == 1 ? [new Measurement(BuiltInInstruments.Epds.Id, 15)]
                : s.Number == lastNumber ? [new Measurement(BuiltInInstruments.Epds.Id, last)]
                : [],
        });
        var ids = CourseValidator.Default.Validate(course).Diagnostics.Select(d => d.Id);
        Assert.Equal(reported, ids.Contains("IPT0606"));

        // The same rule on PHQ-9: 7 → 4 is a 43 % fall that ends below 5.
        var standard = Standard.EditAll(s => s with
        {
            Measures = s.Number == 1 ? [new Measurement(BuiltInInstruments.Phq9.Id, 7)] : s.Number == 16 ? [new Measurement(BuiltInInstruments.Phq9.Id, 4)] : [],
        });
        Assert.DoesNotContain(CourseValidator.Default.Validate(standard).Diagnostics, d => d.Id == "IPT0606");
    }

    [Fact]
    public void Rule_sets_follow_the_variant()
    {
        Assert.True(RuleSet.For(BuiltInProtocols.Adolescent).Contains("IPT0801"));
        Assert.False(RuleSet.For(BuiltInProtocols.Standard).Contains("IPT0801"));
        Assert.True(RuleSet.For(BuiltInProtocols.SocialRhythm).Contains("IPT0804"));
        Assert.False(RuleSet.For(BuiltInProtocols.Maintenance).Contains("IPT0601"));
        Assert.True(RuleSet.For(BuiltInProtocols.WhoGroup).Contains("IPT0803"));
        Assert.False(RuleSet.For(BuiltInProtocols.Standard with { Taxonomy = ProblemAreaTaxonomy.Stuart }).Contains("IPT0405"));
    }

    [Fact]
    public void Report_is_sorted_in_document_order_then_id_and_counts_by_severity()
    {
        var course = MissingStage()
            .Edit(6, s => s with { Tasks = ValueList.From(s.Tasks.Where(t => t != SessionTask.IntervalReview)), Techniques = ValueList.From(s.Techniques.Where(t => t.Value != "interval-review")) })
            .Edit(3, s => s with { Length = NodaTime.Duration.FromMinutes(20) })
            .EditContract(k => k with { Sessions = 17 });
        var report = CourseValidator.Default.Validate(course);
        Assert.Equal(["$.contract.sessions", "$.formulation.areas[0].disputeStage", "$.sessions[2].length", "$.sessions[5].tasks"], report.Diagnostics.Select(d => d.Path.ToString()));
        Assert.Equal(2, report.ErrorCount);
        Assert.Equal(1, report.WarningCount);
        Assert.Equal(1, report.InfoCount);
        Assert.Equal(1, report.CountOf(DiagnosticSeverity.Info));
        Assert.True(report.HasErrors);
        Assert.True(report.HasWarnings);
    }

    [Fact]
    public void ToDictionary_groups_messages_by_path_for_problem_details()
    {
        var report = CourseValidator.Default.Validate(MissingStage());
        var errors = report.ToDictionary();
        var messages = errors["$.formulation.areas[0].disputeStage"];
        Assert.StartsWith("IPT0404: ", Assert.Single(messages), StringComparison.Ordinal);
        Assert.Empty(CourseValidator.Default.Validate(Standard).ToDictionary());
    }

    [Fact]
    public void Diagnostic_carries_descriptor_message_path_segments_and_arguments()
    {
        var d = Assert.Single(CourseValidator.Default.Validate(MissingStage()).Diagnostics);
        Assert.Equal("Focus area 1 is a role dispute without a stage; determine renegotiation, impasse or dissolution.", d.Message);
        Assert.Equal(["formulation", "areas", null, "disputeStage"], d.Path.Segments.Select(s => s.Property));
        Assert.Equal(0, d.Path.Segments[2].Index);
        Assert.Equal("1", d.Argument("number"));
        Assert.Equal("https://github.com/ipt-protocol/Ipt.Protocol/blob/main/docs/rules/IPT0404.md", d.Descriptor.HelpLink);
        Assert.Equal("focus", d.Descriptor.Category);
        Assert.Equal("error IPT0404 at $.formulation.areas[0].disputeStage: " + d.Message, d.ToString());
    }

    [Fact]
    public void Clean_report_has_no_findings_and_carries_the_attendance()
    {
        var report = CourseValidator.Default.Validate(Standard);
        Assert.Equal(ValidationReport.Empty with { Attendance = report.Attendance, RulesRun = report.RulesRun }, report);
        Assert.Equal(16, report.Attendance.Attended);
        Assert.True(report.RulesRun > 40);
        Assert.True(report.IsValid);
        Assert.True(report.IsClean);
        Assert.False(report.HasErrors);
        Assert.False(report.HasWarnings);
    }

    [Fact]
    public void Enum_arguments_use_the_json_names()
    {
        Assert.Equal("roleDispute", DiagnosticArgument.FromEnum("area", ProblemArea.RoleDispute).Value);
        Assert.Throws<ArgumentException>(() => DiagnosticArgument.FromRuleId("rule", "not an id"));
    }

    [Fact]
    public void Descriptor_ids_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor("ipt101", "t", "m", RuleCategory.Focus, DiagnosticSeverity.Info, new Citation(Confidence.High, "WMK")));
        Assert.True(DiagnosticDescriptor.IsValidId("HOST0001"));
        Assert.False(DiagnosticDescriptor.IsValidId("IPT01"));
    }

    [Fact]
    public void No_message_of_any_sample_mistake_contains_a_label_or_free_text()
    {
        var texts = new List<string>();
        foreach (var mistake in SampleCourses.Mistakes)
        {
            var course = mistake.Course;
            texts.AddRange(course.Inventory.Persons.Select(p => p.Label).OfType<string>());
            texts.AddRange(course.Goals.Select(g => g.Description));
            if (course.Formulation?.Notes is { } notes)
            {
                texts.Add(notes);
            }

            foreach (var d in RuleTestKit.WithCatalogue.Validate(course).Diagnostics)
            {
                foreach (var text in texts)
                {
                    Assert.DoesNotContain(text, d.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain(text, d.ToString(), StringComparison.Ordinal);
                }
            }
        }
    }

    private sealed class ThrowingRule : CourseRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = new("HOST0001", "Throws", "Never shown.", RuleCategory.Structure, DiagnosticSeverity.Error, new Citation(Confidence.Low, "SEEDS"));

        public override void Check(in RuleContext context, ref DiagnosticSink sink)
        {
            sink.Report(Descriptor, DocumentPath.Root);
            throw new InvalidOperationException("boom");
        }
    }

    internal sealed class NoGoalsRule : CourseRule
    {
        public override DiagnosticDescriptor Descriptor { get; } = new("HOST0100", "No goals", "The course records no goals.", RuleCategory.InitialTasks, DiagnosticSeverity.Info, new Citation(Confidence.Medium, "SEEDS"));

        public override void Check(in RuleContext context, ref DiagnosticSink sink)
        {
            if (context.Course.Goals.IsEmpty)
            {
                sink.Report(Descriptor, DocumentPath.Of("goals"));
            }
        }
    }
}

public class EdgeCaseTests
{
    [Fact]
    public void A_contract_that_runs_past_the_calendar_is_not_a_rule_failure()
    {
        var course = Ipt.Protocol.Samples.SampleCourses.Standard.EditContract(k => k with { StartDate = new NodaTime.LocalDate(9999, 1, 1), Frequency = NodaTime.Period.FromYears(500) });
        var report = CourseValidator.Default.Validate(course);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "IPT0001");
    }

    [Fact]
    public void An_empty_course_is_valid_while_nothing_has_happened()
    {
        var report = CourseValidator.Default.Validate(new Course(BuiltInProtocols.Standard.Id));
        Assert.False(report.HasErrors, string.Join("\n", report.Diagnostics));
    }
}

public class ConcurrencyTests
{
    [Fact]
    public void One_validator_shared_across_threads_gives_the_same_reports()
    {
        var courses = Ipt.Protocol.Samples.SampleCourses.Mistakes.Select(m => m.Course)
            .Concat(Enumerable.Range(0, 50).Select(seed => Ipt.Protocol.Tests.Robustness.CourseGenerator.Build(seed)))
            .ToArray();
        var expected = courses.Select(c => RuleTestKit.WithCatalogue.Validate(c)).ToArray();
        var actual = new ValidationReport[courses.Length * 4];
        Parallel.For(0, actual.Length, i => actual[i] = RuleTestKit.WithCatalogue.Validate(courses[i % courses.Length]));
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % courses.Length], actual[i]);
        }
    }
}
