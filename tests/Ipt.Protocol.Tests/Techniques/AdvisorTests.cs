using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Tests.Techniques;

public class AdvisorTests
{
    private static readonly TechniqueAdvisor Advisor = TechniqueAdvisor.Default;

    /// <summary>The canonical course of a protocol, held up to session <paramref name="next"/> − 1; later sessions planned and empty.</summary>
    public static Course UpTo(ProtocolDefinition protocol, int next, FocusArea? focus = null)
    {
        var course = SampleCourses.Canonical(protocol);
        var sessions = course.Sessions.Select(s => s.Number >= next
            ? s with { Status = SessionStatus.Planned, Tasks = default, Techniques = default, Measures = default }
            : s);
        course = course with { Sessions = ValueList.From(sessions) };
        if (focus is not null)
        {
            course = course with { Formulation = course.Formulation! with { Areas = [focus] } };
        }

        return course;
    }

    private static FocusArea Focus(ProblemArea area, RoleDisputeStage? stage = null) =>
        new(area) { DisputeStage = area == ProblemArea.RoleDispute ? stage ?? RoleDisputeStage.Impasse : null };

    private static string[] Ids(AdviceResult result) => [.. result.Suggestions.Select(s => s.Technique.Id.Value)];

    private static Course Without(Course course, int session, string technique, SessionTask? task = null) =>
        course.WithSession(session, s => s with
        {
            Techniques = ValueList.From(s.Techniques.Where(t => t.Value != technique)),
            Tasks = ValueList.From(s.Tasks.Where(t => t != task)),
        });

    [Theory]
    [InlineData(ProblemArea.Grief, "interval-review", "guided-mourning", "describe-events-around-death", "explore-feelings-about-loss", "new-relationships-after-loss")]
    [InlineData(ProblemArea.RoleDispute, "interval-review", "dispute-perpetuation-analysis", "nonreciprocal-expectations", "communication-analysis", "parallels-in-other-relationships")]
    [InlineData(ProblemArea.RoleTransition, "interval-review", "old-and-new-role-review", "feelings-about-role-change", "new-role-opportunities", "social-support-and-skills")]
    [InlineData(ProblemArea.InterpersonalDeficits, "interval-review", "past-relationships-review", "repeated-patterns", "role-play", "use-of-therapeutic-relationship")]
    public void Middle_phase_puts_the_interval_review_then_the_focus_areas_strategies_first(ProblemArea area, params string[] expected)
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6, Focus(area)));

        Assert.Equal(6, result.SessionNumber);
        Assert.Equal(Phase.Middle, result.Phase);
        Assert.Equal(area, result.PrimaryFocus);
        Assert.Equal(expected, Ids(result));
        Assert.Equal(SuggestionReason.PhaseTask, result.Suggestions[0].Reason);
        Assert.Equal(SuggestionReason.FocusStrategy, result.Suggestions[1].Reason);
        Assert.All(result.Suggestions.Skip(1), s => Assert.True(s.Technique.WeightFor(area) > 0));
        Assert.All(result.Suggestions.Skip(1), s => Assert.Contains("in the middle phase", s.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void The_rationale_names_the_focus_stage_and_phase()
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6, Focus(ProblemArea.RoleDispute, RoleDisputeStage.Impasse)));
        var analysis = Assert.Single(result.Suggestions, s => s.Technique.Id == TechniqueIds.CommunicationAnalysis);
        Assert.Equal("Role dispute at impasse in the middle phase: communication analysis.", analysis.Rationale);
        Assert.Equal(SuggestionReason.FocusTechnique, analysis.Reason);
        Assert.Equal("Middle phase: interval review in every session.", result.Suggestions[0].Rationale);
        Assert.Equal(
            "Role dispute at impasse in the middle phase: nonreciprocal expectations, a strategy of the focus area.",
            result.Suggestions.Single(s => s.Technique.Id == TechniqueIds.NonreciprocalExpectations).Rationale);
    }

    [Theory]
    [InlineData(ProblemArea.Grief)]
    [InlineData(ProblemArea.RoleDispute)]
    [InlineData(ProblemArea.RoleTransition)]
    [InlineData(ProblemArea.InterpersonalDeficits)]
    public void Initial_phase_starts_with_the_inventory_psychoeducation_and_sick_role_and_ends_with_formulation_and_contract(ProblemArea area)
    {
        var first = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 1, Focus(area)));
        Assert.Equal(Phase.Initial, first.Phase);
        Assert.Null(first.PrimaryFocus); // chosen at session 3
        Assert.Equal(["risk-review", "interpersonal-inventory", "psychoeducation", "sick-role"], Ids(first)[..4]);
        Assert.Equal(SuggestionReason.Safety, first.Suggestions[0].Reason);
        Assert.All(first.Suggestions.Skip(1).Take(3), s => Assert.Equal(SuggestionReason.PhaseTask, s.Reason));
        Assert.Equal("Initial phase task not yet done: psychoeducation.", first.Suggestions[2].Rationale);

        var last = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 3, Focus(area)), top: 8);
        Assert.Equal(area, last.PrimaryFocus);
        Assert.Equal(["contract-setting", "interpersonal-formulation"], Ids(last)[..2]);
        Assert.Equal("Last session of the initial phase: interpersonal formulation.", last.Suggestions[1].Rationale);
        Assert.Contains(last.Suggestions, s => s.Reason == SuggestionReason.FocusStrategy && s.Technique.StrategyFor.Contains(area));
        Assert.DoesNotContain(last.Suggestions, s => !s.Technique.AreaWeights.IsEmpty && s.Technique.WeightFor(area) == 0);
    }

    [Theory]
    [InlineData(ProblemArea.Grief)]
    [InlineData(ProblemArea.RoleDispute)]
    [InlineData(ProblemArea.RoleTransition)]
    [InlineData(ProblemArea.InterpersonalDeficits)]
    public void Termination_phase_puts_feelings_about_ending_progress_review_relapse_plan_and_continuation_first(ProblemArea area)
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 14, Focus(area)), top: 8);
        Assert.Equal(Phase.Termination, result.Phase);
        Assert.Equal(["feelings-about-ending", "progress-review", "relapse-prevention-plan", "continuation-planning"], Ids(result)[..4]);
        Assert.DoesNotContain(result.Suggestions, s => !s.Technique.AreaWeights.IsEmpty && s.Technique.WeightFor(area) == 0);
        Assert.DoesNotContain("interval-review", Ids(result)[..3]);
    }

    [Fact]
    public void A_dispute_in_dissolution_brings_in_transition_work_and_an_impasse_does_not()
    {
        var dissolution = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6, Focus(ProblemArea.RoleDispute, RoleDisputeStage.Dissolution)), top: 10);
        var review = Assert.Single(dissolution.Suggestions, s => s.Technique.Id == TechniqueIds.OldAndNewRoleReview);
        Assert.Equal("Role dispute in dissolution in the middle phase: old and new roles.", review.Rationale);
        Assert.Equal(RoleDisputeStage.Dissolution, dissolution.DisputeStage);

        var impasse = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6, Focus(ProblemArea.RoleDispute, RoleDisputeStage.Impasse)), top: 48);
        Assert.DoesNotContain(impasse.Suggestions, s => s.Technique.Id == TechniqueIds.OldAndNewRoleReview);
    }

    [Fact]
    public void Middle_phase_role_dispute_in_dissolution_puts_mourning_the_relationship_and_new_roles_in_the_top_five()
    {
        // Issue 15 item 5: at dissolution the dispute becomes an ending, handled like grief or a transition [WMK] (H).
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6, Focus(ProblemArea.RoleDispute, RoleDisputeStage.Dissolution)), top: 5);
        Assert.Equal(Phase.Middle, result.Phase);
        var top = Ids(result);
        Assert.Contains(TechniqueIds.ExploreFeelingsAboutLoss.Value, top);
        Assert.Contains(TechniqueIds.NewRoleOpportunities.Value, top);
    }

    [Theory]
    [InlineData(RoleDisputeStage.Renegotiation)]
    [InlineData(RoleDisputeStage.Impasse)]
    [InlineData(RoleDisputeStage.Dissolution)]
    public void Middle_phase_role_dispute_with_a_recorded_stage_is_not_offered_dispute_stage_assessment(RoleDisputeStage stage)
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6, Focus(ProblemArea.RoleDispute, stage)), top: 48);
        Assert.Equal(Phase.Middle, result.Phase);
        Assert.DoesNotContain(TechniqueIds.DisputeStageAssessment.Value, Ids(result));
    }

    [Theory]
    [InlineData(ProblemArea.RoleDispute)]
    [InlineData(ProblemArea.Grief)]
    [InlineData(ProblemArea.RoleTransition)]
    [InlineData(ProblemArea.InterpersonalDeficits)]
    public void Termination_phase_puts_acknowledging_feelings_about_ending_first_or_second(ProblemArea area)
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 14, Focus(area)));
        Assert.Equal(Phase.Termination, result.Phase);
        Assert.Contains(TechniqueIds.FeelingsAboutEnding.Value, Ids(result)[..2]);
        Assert.Equal("Termination phase task not yet done: feelings about ending.", result.Suggestions.Single(s => s.Technique.Id == TechniqueIds.FeelingsAboutEnding).Rationale);
    }

    [Fact]
    public void A_secondary_focus_adds_its_strategies_after_the_primarys()
    {
        var course = UpTo(BuiltInProtocols.Standard, 6, Focus(ProblemArea.RoleDispute));
        course = course with { Formulation = course.Formulation!.PlusArea(new FocusArea(ProblemArea.Grief, FocusRank.Secondary)) };
        var result = Advisor.Suggest(course, top: 10);
        Assert.Equal(ProblemArea.Grief, result.SecondaryFocus);
        var mourning = Assert.Single(result.Suggestions, s => s.Technique.Id == TechniqueIds.GuidedMourning);
        Assert.Equal("Grief (secondary focus) in the middle phase: guided mourning, a strategy of the focus area.", mourning.Rationale);
        Assert.True(result.Suggestions.IndexOf(mourning) > 2);
    }

    [Fact]
    public void A_missing_inventory_is_overdue_at_the_end_of_the_initial_phase_and_after()
    {
        var course = Without(UpTo(BuiltInProtocols.Standard, 3, Focus(ProblemArea.Grief)), 1, "interpersonal-inventory", SessionTask.InterpersonalInventory);
        var atEnd = Advisor.Suggest(course);
        Assert.Equal(TechniqueIds.InterpersonalInventory, atEnd.Suggestions[0].Technique.Id);
        Assert.Equal(SuggestionReason.Overdue, atEnd.Suggestions[0].Reason);
        Assert.Equal("Overdue: interpersonal inventory is not yet done and the initial phase ends at session 3.", atEnd.Suggestions[0].Rationale);

        var middle = Without(Without(UpTo(BuiltInProtocols.Standard, 4, Focus(ProblemArea.Grief)), 1, "interpersonal-inventory", SessionTask.InterpersonalInventory), 3, "interpersonal-inventory", SessionTask.InterpersonalInventory);
        var late = Advisor.Suggest(middle);
        Assert.Equal(Phase.Middle, late.Phase);
        Assert.Equal(TechniqueIds.InterpersonalInventory, late.Suggestions[0].Technique.Id);
        Assert.Equal("Overdue in the middle phase: interpersonal inventory was due by the end of the initial phase.", late.Suggestions[0].Rationale);
        Assert.Equal(TechniqueIds.IntervalReview, late.Suggestions[1].Technique.Id);
    }

    [Fact]
    public void An_initial_task_missed_is_not_suggested_in_termination()
    {
        var course = Without(UpTo(BuiltInProtocols.Standard, 14), 1, "interpersonal-inventory", SessionTask.InterpersonalInventory);
        course = Without(course, 3, "interpersonal-inventory", SessionTask.InterpersonalInventory);
        Assert.DoesNotContain(Advisor.Suggest(course, top: 48).Suggestions, s => s.Technique.Id == TechniqueIds.InterpersonalInventory);
    }

    [Fact]
    public void The_ending_is_due_from_n_minus_4_and_overdue_at_n_minus_2()
    {
        var notRaised = Without(UpTo(BuiltInProtocols.Standard, 17), 12, "ending-discussion", SessionTask.EndingRaised);
        var due = Advisor.Suggest(notRaised, sessionNumber: 13);
        var ending = Assert.Single(due.Suggestions, s => s.Technique.Id == TechniqueIds.EndingDiscussion);
        Assert.Equal(SuggestionReason.PhaseTask, ending.Reason);
        Assert.Equal("Ending due in the middle phase from session 12 (N−4): ending discussion.", ending.Rationale);

        var overdue = Advisor.Suggest(notRaised, sessionNumber: 14);
        Assert.Equal(TechniqueIds.EndingDiscussion, overdue.Suggestions[0].Technique.Id);
        Assert.Equal(SuggestionReason.Overdue, overdue.Suggestions[0].Reason);
        Assert.Equal("Overdue in the termination phase: the ending was to be raised by session 14 (N−2); ending discussion.", overdue.Suggestions[0].Rationale);

        var early = Advisor.Suggest(notRaised, sessionNumber: 11, top: 48);
        Assert.DoesNotContain(early.Suggestions, s => s.Technique.Id == TechniqueIds.EndingDiscussion && s.Reason != SuggestionReason.General);
    }

    [Fact]
    public void The_ending_follows_the_contract_after_a_renegotiation()
    {
        var course = UpTo(BuiltInProtocols.Standard, 9).PlusRenegotiation(new Renegotiation { AtSession = 8, Sessions = 12 });
        var result = Advisor.Suggest(course, sessionNumber: 10);
        Assert.Equal(12, result.LastSession);
        Assert.Equal(TechniqueIds.EndingDiscussion, result.Suggestions[0].Technique.Id);
        Assert.Equal(SuggestionReason.Overdue, result.Suggestions[0].Reason);
    }

    [Fact]
    public void A_relapse_plan_not_made_in_termination_is_overdue_after_the_last_session()
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 17), sessionNumber: 17);
        Assert.Equal(17, result.SessionNumber);
        Assert.False(result.IsCourseComplete);
        Assert.DoesNotContain(result.Suggestions, s => s.Reason == SuggestionReason.Overdue);

        var missing = Without(UpTo(BuiltInProtocols.Standard, 17), 16, "relapse-prevention-plan", SessionTask.RelapsePreventionPlan);
        var late = Advisor.Suggest(missing, sessionNumber: 17);
        Assert.Equal(TechniqueIds.RelapsePreventionPlan, late.Suggestions[0].Technique.Id);
        Assert.Equal(SuggestionReason.Overdue, late.Suggestions[0].Reason);
    }

    [Fact]
    public void One_off_tasks_already_done_are_not_suggested_again()
    {
        var course = UpTo(BuiltInProtocols.Standard, 16).WithSession(15, s => s.PlusTechnique(TechniqueIds.RelapsePreventionPlan));
        var result = Advisor.Suggest(course, top: 48);
        Assert.DoesNotContain(result.Suggestions, s => s.Technique.Id == TechniqueIds.RelapsePreventionPlan);

        // Recording the task (not the technique) counts too.
        var byTask = UpTo(BuiltInProtocols.Standard, 16).WithSession(15, s => s.PlusTask(SessionTask.RelapsePreventionPlan));
        Assert.DoesNotContain(Advisor.Suggest(byTask, top: 48).Suggestions, s => s.Technique.Id == TechniqueIds.RelapsePreventionPlan);

        // The sick role is granted at session 1 of the canonical course: not suggested at session 2.
        var initial = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 2), top: 48);
        Assert.DoesNotContain(initial.Suggestions, s => s.Technique.Id == TechniqueIds.SickRole);
        Assert.Contains(initial.Suggestions, s => s.Technique.Id == TechniqueIds.InterpersonalInventory); // not one-off
    }

    [Fact]
    public void Without_a_recorded_stage_the_stage_assessment_is_overdue_in_the_middle_phase()
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6, new FocusArea(ProblemArea.RoleDispute)));
        Assert.Null(result.DisputeStage);
        Assert.Equal(TechniqueIds.DisputeStageAssessment, result.Suggestions[0].Technique.Id);
        Assert.Equal(SuggestionReason.Overdue, result.Suggestions[0].Reason);
        Assert.Equal("Overdue in the middle phase: the role dispute has no recorded stage; dispute-stage assessment.", result.Suggestions[0].Rationale);
    }

    [Fact]
    public void Ipt_a_suggests_the_caregiver_session_and_closeness_circle_in_the_initial_phase()
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Adolescent, 1));
        Assert.Equal(["risk-review", "caregiver-session", "interpersonal-inventory", "psychoeducation", "sick-role", "closeness-circle"], Ids(Advisor.Suggest(UpTo(BuiltInProtocols.Adolescent, 1), top: 6)));
        Assert.Equal(SuggestionReason.VariantTask, result.Suggestions[1].Reason);
        Assert.Equal("ipt-a initial phase task not yet done: caregiver session.", result.Suggestions[1].Rationale);

        var missing = Without(UpTo(BuiltInProtocols.Adolescent, 4), 1, "caregiver-session", SessionTask.CaregiverInvolvement);
        var late = Advisor.Suggest(missing);
        Assert.Equal(TechniqueIds.CaregiverSession, late.Suggestions[0].Technique.Id);
        Assert.Equal(SuggestionReason.Overdue, late.Suggestions[0].Reason);

        Assert.DoesNotContain(Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 1), top: 48).Suggestions, s => s.Technique.Id == TechniqueIds.CaregiverSession);
    }

    [Fact]
    public void Ipsrt_reviews_the_social_rhythm_in_every_middle_phase_session()
    {
        var ipsrt = BuiltInProtocols.SocialRhythm;
        var middle = ipsrt.InitialSessions.Default + 2;
        var result = Advisor.Suggest(UpTo(ipsrt, middle, Focus(ProblemArea.RoleTransition)));
        Assert.Equal(["interval-review", "social-rhythm-review"], Ids(result)[..2]);
        Assert.Equal(SuggestionReason.VariantTask, result.Suggestions[1].Reason);
        Assert.Equal("ipsrt middle phase: social-rhythm review in every session.", result.Suggestions[1].Rationale);

        Assert.DoesNotContain(Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6), top: 48).Suggestions, s => s.Technique.Id == TechniqueIds.SocialRhythmReview);
    }

    [Theory]
    [InlineData("ipt-g-who")]
    [InlineData("ipt-g")]
    public void Group_variants_start_with_pre_group_preparation(string protocol)
    {
        var definition = ProtocolRegistry.BuiltIn[ProtocolId.From(protocol)];
        var result = Advisor.Suggest(UpTo(definition, 1));
        Assert.Equal(Phase.PreTreatment, result.Phase);
        Assert.Equal(TechniqueIds.RiskReview, result.Suggestions[0].Technique.Id);
        Assert.Equal(TechniqueIds.PreGroupPreparation, result.Suggestions[1].Technique.Id);
        Assert.Equal(SuggestionReason.VariantTask, result.Suggestions[1].Reason);
        Assert.Equal($"{protocol} pre-treatment phase task not yet done: pre-group preparation.", result.Suggestions[1].Rationale);

        var next = Advisor.Suggest(UpTo(definition, 2), top: 48);
        Assert.Equal(Phase.Initial, next.Phase);
        Assert.DoesNotContain(next.Suggestions, s => s.Technique.Id == TechniqueIds.PreGroupPreparation);
    }

    [Fact]
    public void Maintenance_ipt_has_no_initial_or_termination_tasks()
    {
        var result = Advisor.Suggest(UpTo(BuiltInProtocols.Maintenance, 3, Focus(ProblemArea.RoleDispute)), top: 48);
        Assert.Equal(Phase.Maintenance, result.Phase);
        Assert.Equal(TechniqueIds.IntervalReview, result.Suggestions[0].Technique.Id);
        Assert.DoesNotContain(result.Suggestions, s => s.Reason == SuggestionReason.Overdue);
        Assert.DoesNotContain(result.Suggestions, s => s.Technique.Id == TechniqueIds.EndingDiscussion && s.Reason != SuggestionReason.General);
    }

    [Fact]
    public void The_default_session_is_the_lowest_planned_else_the_one_after_the_highest()
    {
        Assert.Equal(6, Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6)).SessionNumber);
        Assert.Equal(17, Advisor.Suggest(SampleCourses.Standard, sessionNumber: 17).SessionNumber);
        Assert.Equal(1, Advisor.Suggest(new Course(BuiltInProtocols.Standard.Id)).SessionNumber);
        Assert.Equal(9, Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6), sessionNumber: 9).SessionNumber);
    }

    [Fact]
    public void A_complete_course_has_no_session_due_and_no_suggestions()
    {
        var complete = Advisor.Suggest(SampleCourses.Standard);
        Assert.True(complete.IsCourseComplete);
        Assert.Equal(17, complete.SessionNumber);
        Assert.Equal(16, complete.LastSession);
        Assert.Empty(complete.Suggestions);
        Assert.Equal("Course complete (16 sessions): no session due", complete.ToString());

        // One session still planned, or one asked for: not complete.
        var planned = Advisor.Suggest(UpTo(BuiltInProtocols.Standard, 16));
        Assert.False(planned.IsCourseComplete);
        Assert.Equal(16, planned.SessionNumber);
        Assert.NotEmpty(planned.Suggestions);
        Assert.False(Advisor.Suggest(SampleCourses.Standard, sessionNumber: 16).IsCourseComplete);

        // A contract extended by a renegotiation: the course goes on.
        var extended = SampleCourses.Standard with
        {
            Renegotiations = [new Renegotiation { AtSession = 14, Sessions = 20 }],
        };
        var next = Advisor.Suggest(extended);
        Assert.False(next.IsCourseComplete);
        Assert.Equal(17, next.SessionNumber);
        Assert.Equal(20, next.LastSession);
    }

    [Fact]
    public void Without_recorded_sessions_the_phase_follows_the_protocols_split()
    {
        foreach (var protocol in BuiltInProtocols.All)
        {
            var course = new Course(protocol.Id) { Contract = new Contract { Sessions = protocol.Sessions.Min } };
            var last = protocol.PreTreatmentSessions.Default + protocol.Sessions.Min;
            for (var k = 1; k <= last; k++)
            {
                var result = Advisor.Suggest(course, k);
                Assert.Equal(protocol.PhaseOf(k, protocol.Sessions.Min), result.Phase);
                Assert.Equal(last, result.LastSession);
            }
        }
    }

    [Fact]
    public void Risk_review_comes_first_while_a_safety_item_is_open_and_not_after_a_review()
    {
        // PHQ-9 25 with item 9 = 3 at session 8 of a course held up to 8.
        var course = UpTo(BuiltInProtocols.Standard, 9, Focus(ProblemArea.RoleDispute))
            .WithSession(8, s => s with { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 25, [3, 3, 3, 3, 3, 3, 3, 1, 3])] });
        var result = Advisor.Suggest(course);
        Assert.Equal(9, result.SessionNumber);
        var first = result.Suggestions[0];
        Assert.Equal((TechniqueIds.RiskReview, SuggestionReason.Safety), (first.Technique.Id, first.Reason));
        Assert.Equal("Risk review first: PHQ-9 item 9 scored 3 in session 8, and no risk review is recorded since; follow the service's safety procedure.", first.Rationale);
        Assert.Equal(5, result.Suggestions.Count);
        Assert.Single(result.Suggestions, s => s.Technique.Id == TechniqueIds.RiskReview);

        var reviewed = course.WithSession(8, s => s.PlusTask(SessionTask.RiskReview));
        Assert.DoesNotContain(Advisor.Suggest(reviewed).Suggestions, s => s.Reason == SuggestionReason.Safety);
    }

    [Fact]
    public void Risk_review_comes_first_after_a_deterioration()
    {
        var course = UpTo(BuiltInProtocols.Standard, 10, Focus(ProblemArea.RoleDispute))
            .WithSession(9, s => s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 22)] });
        var first = Advisor.Suggest(course).Suggestions[0];
        Assert.Equal(SuggestionReason.Safety, first.Reason);
        Assert.StartsWith("Risk review first: PHQ-9 rose from ", first.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_sessions_before_the_target_count_as_done()
    {
        // Asking about session 1 of a finished course: the inventory recorded in session 1 is not yet done.
        var result = Advisor.Suggest(SampleCourses.Standard, sessionNumber: 1);
        Assert.Equal(TechniqueIds.RiskReview, result.Suggestions[0].Technique.Id);
        Assert.Equal(TechniqueIds.InterpersonalInventory, result.Suggestions[1].Technique.Id);
        Assert.Equal(SuggestionReason.PhaseTask, result.Suggestions[1].Reason);
    }

    [Fact]
    public void Results_are_deterministic_and_ties_are_broken_by_id()
    {
        var course = UpTo(BuiltInProtocols.Standard, 6, Focus(ProblemArea.RoleDispute));
        var a = Advisor.Suggest(course, top: 20);
        var b = new TechniqueAdvisor(TechniqueCatalogue.BuiltIn, ProtocolRegistry.BuiltIn).Suggest(course, top: 20);
        Assert.Equal(a, b);
        for (var i = 1; i < a.Suggestions.Count; i++)
        {
            var (previous, current) = (a.Suggestions[i - 1], a.Suggestions[i]);
            Assert.True(previous.Score > current.Score || (previous.Score == current.Score && previous.Technique.Id < current.Technique.Id));
        }

        var perpetuation = a.Suggestions.Single(s => s.Technique.Id == TechniqueIds.DisputePerpetuationAnalysis);
        var expectations = a.Suggestions.Single(s => s.Technique.Id == TechniqueIds.NonreciprocalExpectations);
        Assert.Equal(perpetuation.Score, expectations.Score);
        Assert.True(a.Suggestions.IndexOf(perpetuation) < a.Suggestions.IndexOf(expectations));
    }

    [Fact]
    public void One_advisor_serves_many_threads()
    {
        var advisor = new TechniqueAdvisor(TechniqueCatalogue.BuiltIn, ProtocolRegistry.BuiltIn);
        var courses = SampleCourses.All.Values.ToArray();
        var expected = courses.Select(c => Enumerable.Range(1, c.Sessions.Count).Select(k => Advisor.Suggest(c, k)).ToArray()).ToArray();
        Parallel.For(0, 400, i =>
        {
            var c = i % courses.Length;
            var k = (i / courses.Length % courses[c].Sessions.Count) + 1;
            Assert.Equal(expected[c][k - 1], advisor.Suggest(courses[c], k));
        });
    }

    [Fact]
    public void Equal_entries_rank_by_id()
    {
        var template = BuiltInTechniques.All.Single(e => e.Id == TechniqueIds.Clarification);
        var catalogue = TechniqueCatalogue.Create([template with { Id = TechniqueId.From("zeta") }, template with { Id = TechniqueId.From("alpha") }]);
        var advisor = new TechniqueAdvisor(catalogue, ProtocolRegistry.BuiltIn);
        Assert.Equal(["alpha", "zeta"], Ids(advisor.Suggest(UpTo(BuiltInProtocols.Standard, 6))));
    }

    [Fact]
    public void A_catalogue_derives_with_Add_and_SetItem_in_id_order_as_the_registries_do()
    {
        var template = BuiltInTechniques.All.Single(e => e.Id == TechniqueIds.Clarification);
        var zeta = template with { Id = TechniqueId.From("zeta") };
        var alpha = template with { Id = TechniqueId.From("alpha") };
        var added = TechniqueCatalogue.Empty.Add(zeta).Add(alpha);
        Assert.Equal(TechniqueCatalogue.Create([alpha, zeta]), added);
        Assert.Equal(["alpha", "zeta"], added.Select(e => e.Id.Value));
        Assert.Throws<ArgumentException>(() => added.Add(alpha));

        var renamed = added.SetItem(alpha with { Name = "Alpha, renamed" });
        Assert.Equal(2, renamed.Count);
        Assert.Equal("Alpha, renamed", renamed[alpha.Id].Name);
        Assert.Equal(3, renamed.SetItem(template).Count);
        Assert.Equal(TechniqueCatalogue.BuiltIn, TechniqueCatalogue.BuiltIn.SetItem(template));
    }

    [Fact]
    public void Non_ipt_techniques_and_other_variants_entries_are_never_suggested()
    {
        foreach (var (protocol, course) in SampleCourses.All)
        {
            for (var k = 1; k <= course.Sessions.Count + 1; k++)
            {
                var result = Advisor.Suggest(course, sessionNumber: k, top: 100);
                Assert.All(result.Suggestions, s =>
                {
                    Assert.True(s.Technique.IsIpt);
                    Assert.True(s.Technique.AppliesTo(protocol));
                    Assert.True(s.Score > 0);
                });
            }
        }
    }

    [Fact]
    public void Rationales_never_contain_the_courses_labels_or_free_text()
    {
        var course = SampleCourses.Standard;
        course = course with
        {
            Inventory = new InterpersonalInventory(course.Inventory.Persons.Select(p => p with { Label = "Secretlabel" + p.Id })),
            Formulation = course.Formulation! with { Notes = "Secretnote" },
            Sessions = ValueList.From(course.Sessions.Select(s => s with { Notes = "Secretsession" })),
        };
        string[] secrets = ["Secretlabel", "Secretnote", "Secretsession"];
        for (var k = 1; k <= 17; k++)
        {
            foreach (var suggestion in Advisor.Suggest(course, sessionNumber: k, top: 48).Suggestions)
            {
                Assert.All(secrets, secret => Assert.DoesNotContain(secret, suggestion.Rationale, StringComparison.OrdinalIgnoreCase));
                Assert.Contains(suggestion.Rationale, suggestion.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_catalogue_without_an_entry_skips_its_task()
    {
        var catalogue = TechniqueCatalogue.Create(BuiltInTechniques.All.Where(e => e.Id != TechniqueIds.IntervalReview));
        var result = new TechniqueAdvisor(catalogue, ProtocolRegistry.BuiltIn).Suggest(UpTo(BuiltInProtocols.Standard, 6, Focus(ProblemArea.Grief)));
        Assert.Equal(TechniqueIds.GuidedMourning, result.Suggestions[0].Technique.Id);
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Advisor.Suggest(SampleCourses.Standard, top: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Advisor.Suggest(SampleCourses.Standard, sessionNumber: 0));
        Assert.Throws<ArgumentNullException>(() => Advisor.Suggest(null!));
        var unknown = new Course(ProtocolId.From("not-registered"));
        Assert.Throws<ArgumentException>(() => Advisor.Suggest(unknown));
        Assert.Throws<ArgumentException>(() => new TechniqueAdvisor(TechniqueCatalogue.BuiltIn, ProtocolRegistry.Empty).Suggest(SampleCourses.Standard));
    }

    [Fact]
    public void TrySuggest_returns_false_for_a_protocol_the_advisor_does_not_know_and_the_same_advice_otherwise()
    {
        Assert.False(Advisor.TrySuggest(new Course(ProtocolId.From("not-registered")), out var none));
        Assert.Null(none);

        var inProgress = SampleCourses.Standard.WithSession(9, s => s with { Status = SessionStatus.Planned, Date = null });
        Assert.True(Advisor.TrySuggest(inProgress, out var next));
        Assert.Equal(Advisor.Suggest(inProgress), next);
        Assert.True(Advisor.TrySuggest(inProgress, 4, 2, out var fourth));
        Assert.Equal(Advisor.Suggest(inProgress, 4, 2), fourth);
        Assert.Throws<ArgumentOutOfRangeException>(() => Advisor.TrySuggest(inProgress, 4, 0, out _));
    }
}
