using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>Safety findings (issue 14): every safety item, unrecorded items, deterioration, and no silent switching off.</summary>
public class SafetyTests
{
    private static readonly CourseValidator Validator = new();
    private static readonly InstrumentId Phq9 = BuiltInInstruments.Phq9.Id;

    private static (string Id, string Path)[] Findings(Course course, CourseValidator? validator = null) =>
        [.. (validator ?? Validator).Validate(course).Diagnostics.Select(d => (d.Id, d.Path.ToString()))];

    [Fact]
    public void A_phq9_total_at_caseness_without_items_asks_for_item_9()
    {
        var course = SampleCourses.Standard.WithSession(5, s => s with { Measures = [new Measurement(Phq9, 24)] });
        var report = Validator.Validate(course);
        var finding = Assert.Single(report.Diagnostics, d => d.Id == "IPT0707");
        Assert.Equal("$.sessions[4].measures[0]", finding.Path.ToString());
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal("The phq-9 total 24 in session 5 is at or above 10, but item 9 (the safety item) is not recorded and no risk review is; record item 9.", finding.Message);
    }

    [Fact]
    public void An_epds_total_without_items_asks_for_item_10_and_a_low_total_does_not()
    {
        var perinatal = SampleCourses.All[ProtocolId.From("ipt-perinatal")];
        Assert.Contains(("IPT0707", "$.sessions[4].measures[0]"), Findings(perinatal.WithSession(5, s => s with { Measures = [new Measurement(BuiltInInstruments.Epds.Id, 15)] })));
        Assert.DoesNotContain(Findings(perinatal.WithSession(5, s => s with { Measures = [new Measurement(BuiltInInstruments.Epds.Id, 9)] })), f => f.Id == "IPT0707");
    }

    [Theory]
    [InlineData("bdi-ii", 21, 9, 3)]
    [InlineData("hrsd-17", 17, 3, 4)]
    [InlineData("epds", 10, 10, 1)]
    [InlineData("phq-9", 9, 9, 2)]
    public void Every_built_in_safety_item_needs_a_risk_review(string instrument, int count, int item, int score)
    {
        var items = new int[count];
        items[item - 1] = score;
        var measure = new Measurement(InstrumentId.From(instrument), null, items);
        var course = SampleCourses.Standard.WithSession(6, s => s.PlusMeasure(measure));
        Assert.Contains(("IPT0704", $"$.sessions[5].measures[0].items[{item - 1}]"), Findings(course));
        Assert.DoesNotContain(Findings(course.WithSession(6, s => s.PlusTask(SessionTask.RiskReview))), f => f.Id == "IPT0704");
    }

    [Fact]
    public void A_positive_item_at_intake_needs_a_risk_review_at_the_first_session_after_it()
    {
        var intake = new Assessment(AssessmentOccasion.Intake, SampleCourses.Start.PlusDays(-5)) { Measures = [new Measurement(Phq9, 12, [2, 2, 2, 2, 2, 0, 0, 0, 2])] };
        var course = SampleCourses.Standard.PlusAssessment(intake).WithSession(1, s => s.Without(SessionTask.RiskReview));
        var finding = Assert.Single(Validator.Validate(course).Diagnostics, d => d.Id == "IPT0704");
        Assert.Equal("$.assessments[0].measures[0].items[8]", finding.Path.ToString());
        Assert.Contains("in the intake assessment of 2025-12-31", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Validator.Validate(course.WithSession(1, s => s.PlusTask(SessionTask.RiskReview))).Diagnostics, d => d.Id == "IPT0704");
    }

    [Fact]
    public void A_reliable_rise_is_a_deterioration_that_needs_a_review()
    {
        // 18 -> 12 -> 10 -> 24 at session 13.
        var course = SampleCourses.Standard
            .WithSession(5, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 12)] })
            .WithSession(9, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 10)] })
            .WithSession(13, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 24)] });
        var finding = Assert.Single(Validator.Validate(course).Diagnostics, d => d.Id == "IPT0708");
        Assert.Equal("$.sessions[12].measures[0]", finding.Path.ToString());
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Equal("The phq-9 score rose from 10 to 24 in session 13 (a rise of at least the reliable change of 6), and the session records neither a risk review nor a plan review.", finding.Message);
        Assert.DoesNotContain(Validator.Validate(course.WithSession(13, s => s.PlusTask(SessionTask.RiskReview))).Diagnostics, d => d.Id == "IPT0708");
    }

    [Fact]
    public void A_move_into_the_most_severe_band_is_a_deterioration_and_a_small_rise_is_not()
    {
        var std = SampleCourses.Standard;
        var severe = std.WithSession(9, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 16)] }).WithSession(13, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 20)] });
        Assert.Contains(Validator.Validate(severe).Diagnostics, d => d.Id == "IPT0708" && d.Message.Contains("into the most severe band, severe", StringComparison.Ordinal));
        var small = std.WithSession(9, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 10)] }).WithSession(13, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 14)] });
        Assert.DoesNotContain(Validator.Validate(small).Diagnostics, d => d.Id == "IPT0708");
    }

    [Fact]
    public void Mid_treatment_improvement_means_reliable_improvement()
    {
        var course = SampleCourses.Standard.WithSession(5, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 17)] });
        Assert.Contains(("IPT0705", "$.sessions[4].measures[0]"), Findings(course));
        var reliable = SampleCourses.Standard.WithSession(5, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 12)] });
        Assert.DoesNotContain(Findings(reliable), f => f.Id == "IPT0705");
    }

    [Fact]
    public void A_completed_course_without_an_end_of_treatment_score_is_reported()
    {
        // PHQ-9 only at sessions 1, 5, 9 and 13 of 16.
        var course = SampleCourses.Standard.WithSession(16, s => s with { Measures = [] });
        Assert.Contains(("IPT0709", "$.sessions[15].measures"), Findings(course));
    }

    [Fact]
    public void Disabling_or_demoting_a_safety_rule_is_stated_in_the_report()
    {
        var course = SampleCourses.Mistakes.Single(m => m.Name == "safety-item-without-risk-review").Course;
        var disabled = new CourseValidator(ValidatorOptions.Default.Disable("IPT0704")).Validate(course);
        Assert.DoesNotContain(disabled.Diagnostics, d => d.Id == "IPT0704");
        var change = Assert.Single(disabled.SafetyChecksChanged);
        Assert.True(change.IsDisabled);
        Assert.Equal("0 errors, 0 warnings, 0 infos; safety checks changed: IPT0704 disabled", disabled.ToString());

        var demoted = new CourseValidator(ValidatorOptions.Default.WithSeverity("IPT0708", DiagnosticSeverity.Info)).Validate(course);
        Assert.Equal("IPT0708 demoted from error to info", Assert.Single(demoted.SafetyChecksChanged).ToString());

        // A rule that is not a safety rule changes silently, as before; raising a safety rule is not a demotion.
        Assert.Empty(new CourseValidator(ValidatorOptions.Default.Disable("IPT0504").WithSeverity("IPT0707", DiagnosticSeverity.Error)).Validate(course).SafetyChecksChanged);
    }

    [Theory]
    [InlineData("IPT0001")]
    [InlineData("IPT0002")]
    public void The_engines_own_ids_cannot_be_demoted_or_disabled(string id)
    {
        Assert.Throws<ArgumentException>(() => new CourseValidator(ValidatorOptions.Default.WithSeverity(id, DiagnosticSeverity.Info)));
        Assert.Throws<ArgumentException>(() => new CourseValidator(ValidatorOptions.Default.Disable(id)));
    }

    [Fact]
    public void An_unknown_rule_id_is_an_error_but_a_host_rule_id_is_known()
    {
        var error = Assert.Throws<ArgumentException>(() => new CourseValidator(ValidatorOptions.Default.Disable("IPT9999")));
        Assert.Contains("IPT9999", error.Message, StringComparison.Ordinal);
        _ = new CourseValidator(ValidatorOptions.Default.AddRule(new EngineTests.NoGoalsRule()).Disable("HOST0100"));
    }

    [Fact]
    public void A_course_is_never_valid_when_no_rule_ran()
    {
        var unknown = Validator.Validate(SampleCourses.Standard with { Protocol = ProtocolId.From("nope") });
        Assert.False(unknown.IsValid);
        Assert.Equal(0, unknown.RulesRun);

        var everything = BuiltInRules.All.Aggregate(ValidatorOptions.Default, (o, r) => o.Disable(r.Descriptor.Id));
        var none = new CourseValidator(everything).Validate(SampleCourses.Standard);
        Assert.True(none.IsClean);
        Assert.False(none.IsValid);
        Assert.NotEmpty(none.SafetyChecksChanged);
    }
}
