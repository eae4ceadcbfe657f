using Ipt.Protocol.Fidelity;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Tests.Docs;
using Ipt.Protocol.Tests.Rules;

namespace Ipt.Protocol.Tests.Fidelity;

/// <summary>
/// The fidelity checklist on ideal courses and on real records (fetched mid-course, a missed session
/// made up, a pre-group meeting, a dropout), and its agreement with the rules that judge the same tasks.
/// </summary>
public class FidelityChecklistTests
{
    private static readonly CourseValidator Validator = new();

    private static FidelityChecklist Checklist(Course course, ProtocolDefinition? protocol = null) =>
        FidelityChecklist.Of(course, protocol ?? ProtocolRegistry.BuiltIn[course.Protocol]);

    private static Course Record(string name) => SampleCourses.Records.Single(r => r.Name == name).Course;

    private static ChecklistStatus StatusOf(FidelityChecklist checklist, ProtocolTask task) => checklist.ItemOf(task)!.Status;

    public static TheoryData<string> Variants() => [.. BuiltInProtocols.All.Select(p => p.Id.Value)];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_task_of_a_canonical_course_is_done_in_its_window(string id)
    {
        var protocol = ProtocolRegistry.BuiltIn[ProtocolId.From(id)];
        var checklist = Checklist(SampleCourses.All[protocol.Id]);
        Assert.Equal(CourseStatus.Completed, checklist.CourseStatus);
        Assert.Equal(PhaseTasks.For(protocol).Select(t => t.Task), checklist.Items.Select(i => i.Task));
        Assert.All(checklist.Items, item => Assert.True(item.Status == ChecklistStatus.Done, item.ToString()));
    }

    [Fact]
    public void Standard_ipt_lists_the_tasks_of_section_4_with_their_windows()
    {
        var checklist = Checklist(SampleCourses.Standard);
        Assert.Equal(
            [
                "BaselineMeasure (Initial, session 1): Done at session 1",
                "Diagnosis (Initial, sessions 1–3): Done at session 1",
                "Psychoeducation (Initial, sessions 1–3): Done at session 1",
                "SickRole (Initial, sessions 1–3): Done at session 1",
                "MedicationAssessment (Initial, sessions 1–3): Done at session 1",
                "InterpersonalInventory (Initial, sessions 1–3): Done at session 1",
                "SymptomLinking (Initial, sessions 1–3): Done at session 3",
                "ProblemAreaSelected (Initial, sessions 1–3): Done at session 3",
                "FormulationAgreed (Initial, sessions 1–3): Done at session 3",
                "ContractAgreed (Initial, sessions 1–3): Done at session 3",
                "GoalSetting (Initial, sessions 1–3): Done at session 3",
                "IntervalReview (Middle, sessions 4–13): Done (10 of 10 sessions)",
                "TimeLimitReminder (Middle, sessions 4–13): Done at session 4",
                "EndingRaised (Termination, sessions 12–14): Done at session 12",
                "FeelingsAboutEnding (Termination, sessions 14–16): Done at session 14",
                "ProgressReview (Termination, sessions 14–16): Done at session 14",
                "RelapsePreventionPlan (Termination, sessions 14–16): Done at session 16",
                "ContinuationDiscussed (Termination, sessions 14–16): Done at session 16",
            ],
            checklist.Items.Select(i => i.ToString()));
        Assert.Equal("Fidelity checklist (ipt, Completed): 18 tasks: 18 done, 0 done late, 0 missed, 0 due, 0 not yet due, 0 not reached", checklist.ToString());
    }

    [Fact]
    public void An_active_course_mid_way_has_its_later_tasks_not_yet_due()
    {
        var standard = SampleCourses.Standard;
        var course = standard with
        {
            Sessions = ValueList.From(standard.Sessions.Where(s => s.Number <= 7)),
            Lifecycle = new CourseLifecycle(CourseStatus.Active) { AsOf = standard.Sessions[6].Date },
        };
        var checklist = Checklist(course);
        Assert.Equal(CourseStatus.Active, checklist.CourseStatus);
        Assert.Equal(ChecklistStatus.Done, StatusOf(checklist, ProtocolTask.InterpersonalInventory));
        Assert.Equal(ChecklistStatus.Due, StatusOf(checklist, ProtocolTask.IntervalReview));
        foreach (var task in new[] { ProtocolTask.EndingRaised, ProtocolTask.FeelingsAboutEnding, ProtocolTask.ProgressReview, ProtocolTask.RelapsePreventionPlan, ProtocolTask.ContinuationDiscussed })
        {
            var item = checklist.ItemOf(task)!;
            Assert.Equal(ChecklistStatus.NotYetDue, item.Status);
            Assert.True(item.Window.IsProjected);
        }

        Assert.Equal((14, 16), (checklist.ItemOf(ProtocolTask.ProgressReview)!.Window.Opens, checklist.ItemOf(ProtocolTask.ProgressReview)!.Window.Deadline));
        Assert.True(Validator.Validate(course).IsClean);
    }

    [Fact]
    public void A_record_fetched_at_session_14_has_the_termination_tasks_due()
    {
        var checklist = Checklist(Record("active-at-session-14"));
        Assert.Equal(ChecklistStatus.Done, StatusOf(checklist, ProtocolTask.EndingRaised));
        Assert.Equal(ChecklistStatus.Done, StatusOf(checklist, ProtocolTask.ProgressReview));
        Assert.Equal(ChecklistStatus.Due, StatusOf(checklist, ProtocolTask.RelapsePreventionPlan));
        Assert.Equal(ChecklistStatus.Due, StatusOf(checklist, ProtocolTask.ContinuationDiscussed));
        Assert.Equal(0, checklist.Count(ChecklistStatus.Missed));
    }

    [Fact]
    public void A_missed_session_made_up_keeps_every_task_on_time()
    {
        var checklist = Checklist(Record("adolescent-missed-and-made-up"));
        Assert.All(checklist.Items, item => Assert.True(item.Status == ChecklistStatus.Done, item.ToString()));
        var caregiver = checklist.ItemOf(ProtocolTask.CaregiverInvolvement)!;
        Assert.Equal(1, caregiver.DoneAtSession);
        Assert.Equal("Termination: sessions 10–13 (closed)", checklist.ItemOf(ProtocolTask.ProgressReview)!.Window.ToString());
    }

    [Fact]
    public void A_missed_ending_deadline_moves_to_the_next_attended_session()
    {
        var course = SampleCourses.Standard
            .EditAll(s => s.Without(SessionTask.EndingRaised))
            .WithSession(14, s => s with { Status = SessionStatus.Missed })
            .WithSession(15, s => s.PlusTask(SessionTask.EndingRaised));
        var ending = Checklist(course).ItemOf(ProtocolTask.EndingRaised)!;
        Assert.Equal((ChecklistStatus.Done, 15, 15), (ending.Status, ending.DoneAtSession, ending.Window.Deadline));
    }

    [Fact]
    public void The_pre_group_meeting_does_the_initial_tasks_in_who_group_ipt()
    {
        var record = Record("who-group-pre-group-assessment");
        var checklist = Checklist(record);
        Assert.All(checklist.Items, item => Assert.True(item.Status == ChecklistStatus.Done, item.ToString()));
        Assert.Equal(1, checklist.ItemOf(ProtocolTask.PreGroupMeeting)!.DoneAtSession);
        Assert.Equal(1, checklist.ItemOf(ProtocolTask.Psychoeducation)!.DoneAtSession);
        Assert.Equal((1, 2), (checklist.ItemOf(ProtocolTask.Psychoeducation)!.Window.Opens, checklist.ItemOf(ProtocolTask.Psychoeducation)!.Window.Deadline));

        // A variant that does not count the meeting: the initial tasks are missed, as the rules say.
        var plain = BuiltInProtocols.WhoGroup with { Id = ProtocolId.From("who-plain"), InitialTasksInPreTreatment = false };
        var strict = Checklist(record, plain);
        Assert.Equal(ChecklistStatus.Missed, StatusOf(strict, ProtocolTask.Psychoeducation));
        Assert.Contains(Validator.Validate(record, plain).Diagnostics, d => d.Id == "IPT0306");
    }

    [Fact]
    public void A_course_that_ended_early_leaves_the_tasks_it_never_reached_not_reached()
    {
        var checklist = Checklist(Record("ended-early-after-6"));
        Assert.Equal(CourseStatus.EndedEarly, checklist.CourseStatus);
        Assert.Equal(ChecklistStatus.Done, StatusOf(checklist, ProtocolTask.FormulationAgreed));
        Assert.Equal(ChecklistStatus.Done, StatusOf(checklist, ProtocolTask.IntervalReview));
        foreach (var task in new[] { ProtocolTask.EndingRaised, ProtocolTask.FeelingsAboutEnding, ProtocolTask.ProgressReview, ProtocolTask.RelapsePreventionPlan, ProtocolTask.ContinuationDiscussed })
        {
            Assert.Equal(ChecklistStatus.NotReached, StatusOf(checklist, task));
        }

        Assert.Equal(0, checklist.Count(ChecklistStatus.Missed));
    }

    [Fact]
    public void A_task_done_after_its_phase_is_done_late()
    {
        // The inventory is begun when a session records its task or its technique (as IPT0310): neither before session 6.
        var course = SampleCourses.Standard
            .EditAll(s => s.Without(SessionTask.InterpersonalInventory).Without("interpersonal-inventory"))
            .Edit(6, s => s.PlusTask(SessionTask.InterpersonalInventory)) with { SickRole = new SickRole { GrantedAtSession = 5 } };
        var checklist = Checklist(course);
        var inventory = checklist.ItemOf(ProtocolTask.InterpersonalInventory)!;
        Assert.Equal((ChecklistStatus.DoneLate, 6, ChecklistEvidence.Session), (inventory.Status, inventory.DoneAtSession, inventory.Evidence));
        Assert.Equal(ChecklistStatus.DoneLate, StatusOf(checklist, ProtocolTask.SickRole));
        Assert.Equal("SickRole (Initial, sessions 1–3): DoneLate at session 5", checklist.ItemOf(ProtocolTask.SickRole)!.ToString());
    }

    [Fact]
    public void A_session_of_the_phase_without_a_task_of_every_session_is_missed_with_its_count()
    {
        var course = SampleCourses.Standard.Edit(6, s => s.Without(SessionTask.IntervalReview).Without("interval-review"));
        var item = Checklist(course).ItemOf(ProtocolTask.IntervalReview)!;
        Assert.Equal((ChecklistStatus.Missed, 10, 9), (item.Status, item.Sessions, item.SessionsDone));
        Assert.Equal("IntervalReview (Middle, sessions 4–13): Missed (9 of 10 sessions)", item.ToString());
    }

    [Fact]
    public void A_baseline_from_an_intake_assessment_counts()
    {
        var course = SampleCourses.Standard.Edit(1, s => s with { Measures = [] })
            .PlusAssessment(new Assessment(AssessmentOccasion.Intake, SampleCourses.Start.PlusDays(-7)) { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 18)] });
        var baseline = Checklist(course).ItemOf(ProtocolTask.BaselineMeasure)!;
        Assert.Equal((ChecklistStatus.Done, ChecklistEvidence.Assessment, (int?)null), (baseline.Status, baseline.Evidence, baseline.DoneAtSession));
        Assert.EndsWith(": Done before treatment", baseline.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Where a rule judges a required task, its break case is missed or late on the checklist and its fix is done: the two read one timeline.</summary>
    [Theory]
    [InlineData("IPT0301", ProtocolTask.BaselineMeasure)]
    [InlineData("IPT0302", ProtocolTask.InterpersonalInventory)]
    [InlineData("IPT0303", ProtocolTask.ProblemAreaSelected)]
    [InlineData("IPT0304", ProtocolTask.FormulationAgreed)]
    [InlineData("IPT0304-late", ProtocolTask.FormulationAgreed)]
    [InlineData("IPT0305", ProtocolTask.SickRole)]
    [InlineData("IPT0306", ProtocolTask.Psychoeducation)]
    [InlineData("IPT0307", ProtocolTask.ContractAgreed)]
    [InlineData("IPT0308", ProtocolTask.MedicationAssessment)]
    [InlineData("IPT0504", ProtocolTask.IntervalReview)]
    [InlineData("IPT0601", ProtocolTask.EndingRaised)]
    [InlineData("IPT0603", ProtocolTask.ProgressReview)]
    [InlineData("IPT0604", ProtocolTask.RelapsePreventionPlan)]
    [InlineData("IPT0605", ProtocolTask.ContinuationDiscussed)]
    [InlineData("IPT0801", ProtocolTask.CaregiverInvolvement)]
    [InlineData("IPT0803", ProtocolTask.PreGroupMeeting)]
    public void The_checklist_and_the_rule_agree(string caseName, ProtocolTask task)
    {
        var rule = RuleCases.All[caseName];
        var canonical = SampleCourses.All[rule.Protocol.Id];
        var broken = rule.Break(canonical);
        Assert.Contains(Validator.Validate(broken, rule.Protocol).Diagnostics, d => d.Id == rule.Id);
        Assert.Contains(Checklist(broken, rule.Protocol).ItemOf(task)!.Status, new[] { ChecklistStatus.Missed, ChecklistStatus.DoneLate });

        var fixedCourse = rule.Fix(broken);
        Assert.DoesNotContain(Validator.Validate(fixedCourse, rule.Protocol).Diagnostics, d => d.Id == rule.Id);
        Assert.Equal(ChecklistStatus.Done, Checklist(fixedCourse, rule.Protocol).ItemOf(task)!.Status);
    }

    [Fact]
    public void The_checklist_never_carries_labels_or_free_text()
    {
        var course = SampleCourses.Standard;
        course = course with
        {
            Inventory = new InterpersonalInventory(course.Inventory.Persons.Select(p => p with { Label = "Secretlabel" })),
            Formulation = course.Formulation! with { Notes = "Secretnote" },
            Sessions = ValueList.From(course.Sessions.Select(s => s with { Notes = "Secretsession" })),
        };
        var checklist = Checklist(course);
        var text = checklist + "\n" + string.Join("\n", checklist.Items);
        Assert.DoesNotContain("Secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_courses_give_equal_checklists()
    {
        Assert.Equal(Checklist(SampleCourses.Standard), Checklist(SampleCourses.Standard with { }));
        Assert.NotEqual(Checklist(SampleCourses.Standard), Checklist(Record("active-at-session-14")));
    }

    [Fact]
    public void Fidelity_md_documents_every_task_status_and_evidence()
    {
        var page = RepoFiles.Read("docs/fidelity.md");
        Assert.All(PhaseTasks.All, t => Assert.Contains($"| `{t.Task}` |", page, StringComparison.Ordinal));
        Assert.All(Enum.GetValues<ChecklistStatus>(), s => Assert.Contains($"| `{s}` |", page, StringComparison.Ordinal));
        Assert.All(Enum.GetValues<TaskTiming>(), t => Assert.Contains($"`{t}`", page, StringComparison.Ordinal));
    }
}
