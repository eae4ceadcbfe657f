using Ipt.Protocol.Fidelity;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Scheduling;
using Ipt.Protocol.Tests.Rules;
using Ipt.Protocol.Techniques;
using NodaTime;
using NodaTime.Testing;

namespace Ipt.Protocol.Tests.Protocols;

/// <summary>
/// The course timeline is the one home of protocol timing: the split under the contract in force,
/// the windows of the phases and tasks as the record stands, and the cadence of each session. The
/// rules, the advisor and the scheduler agree because they read it.
/// </summary>
public class TimelineTests
{
    private static readonly ProtocolDefinition Ipsrt = BuiltInProtocols.SocialRhythm;

    private static SampleRecord Record(string name) => SampleCourses.Records.Single(r => r.Name == name);

    private static CourseTimeline Timeline(Course course) => CourseTimeline.Of(course, ProtocolRegistry.BuiltIn[course.Protocol]);

    [Fact]
    public void Ipsrt_splits_its_default_course_into_acute_weekly_phases_a_preventive_phase_and_termination()
    {
        Assert.Equal(
            [new PhaseSpan(Phase.Initial, 1, 4), new PhaseSpan(Phase.Middle, 5, 16), new PhaseSpan(Phase.Maintenance, 17, 22), new PhaseSpan(Phase.Termination, 23, 26)],
            Ipsrt.PhaseSpans());
        Assert.Empty(Ipsrt.Check());
    }

    [Theory]
    [InlineData(20, 12, 0)]
    [InlineData(16, 8, 0)]
    [InlineData(23, 12, 3)]
    [InlineData(54, 16, 30)]
    public void An_ipsrt_contract_fills_the_middle_phase_first_and_gives_the_rest_to_maintenance(int sessions, int middle, int maintenance)
    {
        var plan = Ipsrt.PlanPhases(sessions);
        Assert.Equal((4, middle, maintenance, 4), (plan.Initial, plan.Middle, plan.Maintenance, plan.Termination));
        Assert.Equal(sessions, plan.TreatmentSessions);
    }

    [Fact]
    public void PhaseOf_and_PhaseSpans_read_the_same_plan_and_a_session_beyond_has_no_phase()
    {
        foreach (var protocol in BuiltInProtocols.All)
        {
            var plan = protocol.PlanPhases();
            Assert.Equal(plan.Spans(), protocol.PhaseSpans());
            for (var k = 1; k <= plan.LastSession; k++)
            {
                Assert.Equal(plan.PhaseOf(k), protocol.PhaseOf(k));
            }

            Assert.Null(protocol.PhaseOf(plan.LastSession + 1));
            Assert.Equal(protocol.CorePhase == Phase.Maintenance ? Phase.Maintenance : Phase.Termination, plan.LastPhase);
        }
    }

    [Fact]
    public void The_planner_tapers_ipsrt_to_every_two_weeks_then_monthly()
    {
        var start = new LocalDate(2027, 1, 4);
        var sessions = SchedulePlanner.Plan(Ipsrt, start);
        Assert.Equal(26, sessions.Count);
        Assert.Equal(start.PlusWeeks(15), sessions[15].Date);
        Assert.Equal(Phase.Middle, sessions[15].Phase);
        Assert.Equal([Phase.Maintenance], sessions.Skip(16).Take(6).Select(s => s.Phase).Distinct());
        var fortnight = sessions[15].Date!.Value;
        Assert.Equal([fortnight.PlusWeeks(2), fortnight.PlusWeeks(4), fortnight.PlusWeeks(6), fortnight.PlusWeeks(8)], sessions.Skip(16).Take(4).Select(s => s.Date!.Value));
        var month = sessions[19].Date!.Value;
        Assert.Equal([month.PlusMonths(1), month.PlusMonths(2), month.PlusMonths(3), month.PlusMonths(6)], new[] { sessions[20], sessions[21], sessions[22], sessions[25] }.Select(s => s.Date!.Value));
        Assert.Equal(Phase.Termination, sessions[22].Phase);

        // An acute-only course stays weekly to its end.
        var acute = SchedulePlanner.Plan(Ipsrt, start, new ScheduleOptions { Sessions = 20 });
        Assert.Equal(start.PlusWeeks(19), acute[^1].Date);
        Assert.DoesNotContain(acute, s => s.Phase == Phase.Maintenance);
    }

    [Fact]
    public void The_canonical_ipsrt_course_planned_with_its_taper_validates_clean()
    {
        var course = SampleCourses.All[Ipsrt.Id];
        Assert.Equal(26, course.Sessions.Count);
        Assert.True(CourseValidator.Default.Validate(course).IsClean);
    }

    [Fact]
    public void The_cadence_gap_rule_allows_the_gap_of_the_cadence_in_force()
    {
        var course = SampleCourses.All[Ipsrt.Id];
        var timeline = Timeline(course);
        var cadences = new List<int>();
        foreach (var scheduled in timeline.ScheduledSessions)
        {
            cadences.Add(scheduled.Cadence.MaxGapDays);
        }

        Assert.Equal([.. Enumerable.Repeat(14, 16), .. Enumerable.Repeat(28, 4), .. Enumerable.Repeat(45, 6)], cadences);

        // Three weeks between middle-phase sessions is too long; six weeks in the monthly phase is not.
        var lateMiddle = course.EditAll(s => s.Number >= 10 ? s with { Date = s.Date!.Value.PlusWeeks(2) } : s);
        var finding = Assert.Single(CourseValidator.Default.Validate(lateMiddle).Diagnostics, d => d.Id == "IPT0105");
        Assert.Contains("allows at most 14", finding.Message, StringComparison.Ordinal);
        var lateMonthly = course.EditAll(s => s.Number >= 22 ? s with { Date = s.Date!.Value.PlusWeeks(2) } : s);
        Assert.DoesNotContain(CourseValidator.Default.Validate(lateMonthly).Diagnostics, d => d.Id is "IPT0105" or "IPT0108");
        var tooLateMonthly = course.EditAll(s => s.Number >= 22 ? s with { Date = s.Date!.Value.PlusWeeks(3) } : s);
        Assert.Contains("allows at most 45", Assert.Single(CourseValidator.Default.Validate(tooLateMonthly).Diagnostics, d => d.Id == "IPT0105").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contracted_end_follows_the_taper()
    {
        var course = SampleCourses.All[Ipsrt.Id];
        Assert.True(Timeline(course).TryGetContractedEnd(out var end, out var cadence));
        Assert.Equal(course.Sessions[^1].Date, end);
        Assert.Equal(45, cadence.MaxGapDays);
        var early = course.EditContract(k => k with { StartDate = k.StartDate!.Value.PlusWeeks(-8) });
        Assert.Contains(CourseValidator.Default.Validate(early).Diagnostics, d => d.Id == "IPT0108");
    }

    [Fact]
    public void Sessions_more_often_than_the_cadence_are_judged_on_the_taper_in_force()
    {
        // Weekly sessions are the cadence in IPSRT's middle phase, but twice the two-weekly cadence of its preventive phase (IPT0114).
        var course = SampleCourses.All[Ipsrt.Id];
        Assert.DoesNotContain(CourseValidator.Default.Validate(course).Diagnostics, d => d.Id == "IPT0114");
        var start = course.Sessions[16].Date!.Value;
        var weeklyMaintenance = course.EditAll(s => s.Number is >= 18 and <= 19 ? s with { Date = start.PlusWeeks(s.Number - 17) } : s);
        var finding = Assert.Single(CourseValidator.Default.Validate(weeklyMaintenance).Diagnostics, d => d.Id == "IPT0114");
        Assert.Equal("$.sessions[18].date", finding.Path.ToString());
        Assert.Contains("meets every 14 days", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_social_rhythm_metric_is_due_from_the_second_session_through_the_preventive_phase()
    {
        // SocialRhythmMetricFrom (initial, IPSRT) and the maintenance phase meet in CourseTimeline.IsDueIn, read by IPT0804 and the checklist.
        var course = SampleCourses.All[Ipsrt.Id];
        var timeline = Timeline(course);
        var review = PhaseTasks.Of(ProtocolTask.SocialRhythmReview);
        Assert.Equal(Enumerable.Range(2, 21), course.Sessions.Where(s => timeline.IsDueIn(review, s)).Select(s => s.Number));
        Assert.Equal("Middle: sessions 2–22 (closed)", timeline.WindowOf(review).ToString());
        var withoutMetric = course.Edit(20, s => s with { Measures = ValueList.From(s.Measures.Where(m => m.Instrument != BuiltInInstruments.Srm5.Id)) });
        var finding = Assert.Single(CourseValidator.Default.Validate(withoutMetric).Diagnostics, d => d.Id == "IPT0804");
        Assert.Equal("$.sessions[19].measures", finding.Path.ToString());
        var item = FidelityChecklist.Of(course, Ipsrt).ItemOf(ProtocolTask.SocialRhythmReview)!;
        Assert.Equal((ChecklistStatus.Done, 21, 21), (item.Status, item.Sessions, item.SessionsDone));
    }

    [Fact]
    public void Phase_rules_read_maintenance_between_middle_and_termination()
    {
        var course = SampleCourses.All[Ipsrt.Id];
        var middleAfterMaintenance = course.Edit(20, s => s with { Phase = Phase.Middle });
        var finding = Assert.Single(CourseValidator.Default.Validate(middleAfterMaintenance).Diagnostics, d => d.Id == "IPT0201");
        Assert.Equal("$.sessions[19].phase", finding.Path.ToString());
    }

    [Fact]
    public void The_advisor_reads_the_preventive_phase_and_its_tasks()
    {
        var result = TechniqueAdvisor.Default.Suggest(Tests.Techniques.AdvisorTests.UpTo(Ipsrt, 18, new FocusArea(ProblemArea.RoleTransition)));
        Assert.Equal(Phase.Maintenance, result.Phase);
        Assert.Equal(26, result.LastSession);
        Assert.Equal(TechniqueIds.IntervalReview, result.Suggestions[0].Technique.Id);
        Assert.Contains(result.Suggestions, s => s.Technique.Id == TechniqueIds.SocialRhythmReview && s.Reason == SuggestionReason.VariantTask);
    }

    [Fact]
    public void The_due_date_follows_the_taper()
    {
        var start = new LocalDate(2027, 1, 4);
        var planned = SchedulePlanner.PlanCourse(Ipsrt, start);
        var held = planned with { Sessions = ValueList.From(planned.Sessions.Where(s => s.Number <= 18).Select(s => s.AsHeld())) };
        var clock = new FakeClock(Instant.FromUtc(2027, 1, 4, 12, 0));
        var status = DueStatus.Of(held, Ipsrt, clock, DateTimeZone.Utc);
        Assert.Equal(19, status.NextSession);
        Assert.Equal(held.Sessions[^1].Date!.Value.PlusWeeks(2), status.DueDate);

        var monthly = planned with { Sessions = ValueList.From(planned.Sessions.Where(s => s.Number <= 21).Select(s => s.AsHeld())) };
        Assert.Equal(monthly.Sessions[^1].Date!.Value.PlusMonths(1), DueStatus.Of(monthly, Ipsrt, clock, DateTimeZone.Utc).DueDate);
    }

    [Fact]
    public void A_course_fetched_mid_way_has_its_later_windows_projected()
    {
        var timeline = Timeline(Record("active-at-session-14").Course);
        var initial = timeline.PhaseWindow(Phase.Initial);
        Assert.Equal((1, 3, true, false), (initial.Opens, initial.Deadline, initial.HasClosed, initial.IsProjected));
        var termination = timeline.PhaseWindow(Phase.Termination);
        Assert.Equal((14, 16, true, false, true), (termination.Opens, termination.Deadline, termination.HasOpened, termination.HasClosed, termination.IsProjected));
        Assert.Equal("Termination: sessions 14–16, projected (open)", termination.ToString());
        var ending = timeline.WindowOf(PhaseTasks.Of(ProtocolTask.EndingRaised));
        Assert.Equal((12, 14, 13, true), (ending.Opens, ending.Deadline, ending.DeadlineIndex, ending.HasClosed));
        Assert.Equal(16, timeline.LastSessionNumber);
    }

    [Fact]
    public void A_missed_session_made_up_moves_numbers_not_slots()
    {
        var timeline = Timeline(Record("adolescent-missed-and-made-up").Course);
        Assert.Equal(12, timeline.TreatmentCount);
        Assert.Equal(13, timeline.LastSessionNumber);
        Assert.Equal(7, timeline.NumberOfSlot(6));
        Assert.Equal(6, timeline.PlannedNumberOf(6)); // the missed session has the place of the make-up that replaced it
        Assert.Equal(6, timeline.PlannedNumberOf(7));
        Assert.Equal(14, timeline.PlannedNumberOf(15));
        var termination = timeline.PhaseWindow(Phase.Termination);
        Assert.Equal((10, 13, true), (termination.Opens, termination.Deadline, termination.HasClosed));
    }

    [Fact]
    public void A_pre_group_meeting_opens_the_initial_tasks_window_in_group_ipt()
    {
        var timeline = Timeline(Record("who-group-pre-group-assessment").Course);
        var initial = timeline.WindowOf(PhaseTasks.Of(ProtocolTask.InterpersonalInventory));
        Assert.Equal((1, 2, true), (initial.Opens, initial.Deadline, initial.HasClosed));
        var plain = CourseTimeline.Of(Record("who-group-pre-group-assessment").Course, BuiltInProtocols.WhoGroup with { InitialTasksInPreTreatment = false });
        Assert.Equal(2, plain.PhaseWindow(Phase.Initial).Opens);
    }

    [Fact]
    public void A_course_that_ended_early_never_reaches_its_termination_window()
    {
        var timeline = Timeline(Record("ended-early-after-6").Course);
        var termination = timeline.PhaseWindow(Phase.Termination);
        Assert.False(termination.HasOpened);
        Assert.False(termination.HasClosed);
        Assert.True(timeline.PhaseWindow(Phase.Initial).HasClosed);
        Assert.False(timeline.PhaseWindow(Phase.Middle).HasClosed);
        var ending = timeline.WindowBeforeEnd(2);
        Assert.Equal((14, false, true), (ending.Deadline, ending.HasClosed, ending.IsProjected));
    }

    [Fact]
    public void A_course_not_yet_started_is_projected_from_the_plan()
    {
        var timeline = CourseTimeline.Of(new Course(BuiltInProtocols.WhoGroup.Id), BuiltInProtocols.WhoGroup);
        Assert.Equal(1, timeline.Plan.PreTreatment);
        Assert.Equal(2, timeline.NumberOfSlot(1));
        Assert.Equal(Phase.PreTreatment, timeline.PhaseAt(1));
        Assert.Equal(Phase.Initial, timeline.PhaseAt(2));
        Assert.Null(timeline.PhaseAt(10));
        var initial = timeline.PhaseWindow(Phase.Initial);
        Assert.Equal((1, 2, false, false, true), (initial.Opens, initial.Deadline, initial.HasOpened, initial.HasClosed, initial.IsProjected));
        Assert.True(CourseTimeline.Of(new Course(BuiltInProtocols.Maintenance.Id), BuiltInProtocols.Maintenance).PhaseWindow(Phase.Initial).IsEmpty);
    }
}
