using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>
/// Records as hosts send them (fetched mid-course, missed sessions, make-ups, pre-group meetings,
/// dropouts, groups): a well-run record raises no false alarm, and a dropout is its own finding.
/// </summary>
public class RealRecordTests
{
    private static readonly CourseValidator Validator = new();

    public static TheoryData<string> RecordNames() => [.. SampleCourses.Records.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Each_sample_record_triggers_exactly_its_expected_rules(string name)
    {
        var record = SampleCourses.Records.Single(r => r.Name == name);
        var report = Validator.Validate(record.Course);
        Assert.Equal(record.ExpectedIds, report.Diagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void A_record_fetched_mid_course_is_not_judged_as_finished_with_or_without_a_lifecycle()
    {
        var active = SampleCourses.Records.Single(r => r.Name == "active-at-session-14").Course;
        Assert.True(Validator.Validate(active).IsClean);
        Assert.True(Validator.Validate(active with { Lifecycle = null }).IsClean);
    }

    [Fact]
    public void A_completed_lifecycle_makes_the_termination_tasks_due()
    {
        var active = SampleCourses.Records.Single(r => r.Name == "active-at-session-14").Course;
        var completed = active with { Lifecycle = new CourseLifecycle(CourseStatus.Completed) };
        var ids = Validator.Validate(completed).Diagnostics.Select(d => d.Id).ToArray();
        Assert.Contains("IPT0604", ids);
        Assert.Contains("IPT0605", ids);
    }

    [Theory]
    [InlineData("ipt-a", 6)]
    [InlineData("ipt-g-who", 5)]
    [InlineData("ipt-b", 4)]
    public void A_missed_session_is_attendance_not_a_protocol_breach(string protocol, int missed)
    {
        var course = MissAndCarryOver(SampleCourses.All[ProtocolId.From(protocol)], missed);
        var report = Validator.Validate(course);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id is "IPT0101" or "IPT0107" or "IPT0204" or "IPT0603");
        Assert.Equal(1, report.Attendance.DidNotAttend);
        Assert.All(report.Diagnostics, d => Assert.NotEqual(DiagnosticSeverity.Error, d.Severity));
    }

    /// <summary>The patient misses a session; what was planned for it (tasks, techniques, measures) is done at the next one.</summary>
    private static Course MissAndCarryOver(Course course, int number)
    {
        var missed = course.Sessions.Single(s => s.Number == number);
        return course
            .WithSession(number, s => new Session(s.Number, s.Phase) { Date = s.Date, Format = s.Format, Status = SessionStatus.Missed })
            .WithSession(number + 1, s => s with
            {
                Tasks = ValueList.From(s.Tasks.Concat(missed.Tasks).Distinct()),
                Techniques = ValueList.From(s.Techniques.Concat(missed.Techniques).Distinct()),
                Measures = s.Measures.IsEmpty ? missed.Measures : s.Measures,
            });
    }

    [Fact]
    public void A_make_up_session_is_not_a_contract_change()
    {
        var record = SampleCourses.Records.Single(r => r.Name == "adolescent-missed-and-made-up").Course;
        var report = Validator.Validate(record);
        Assert.True(report.IsClean);
        Assert.Equal(12, report.Attendance.Attended);
        Assert.Equal(1, report.Attendance.DidNotAttend);
        Assert.Equal(1, report.Attendance.MakeUps);
        Assert.Equal(12.0 / 13.0, report.Attendance.Rate!.Value, 6);
    }

    [Fact]
    public void A_missed_session_without_make_up_in_a_completed_course_is_reported_as_attendance()
    {
        var course = SampleCourses.All[ProtocolId.From("ipt-a")].WithSession(6, s => new Session(6, s.Phase) { Date = s.Date, Status = SessionStatus.Missed });
        var report = Validator.Validate(course);
        var finding = Assert.Single(report.Diagnostics, d => d.Id == "IPT0109");
        Assert.Equal(DiagnosticSeverity.Info, finding.Severity);
        Assert.Equal("11 of the 12 contracted treatment sessions were attended (1 not attended, 0 cancelled); the course is complete, so the contracted count can no longer be reached.", finding.Message);
    }

    [Fact]
    public void A_dropout_is_its_own_finding_with_reason_and_last_score_band()
    {
        var record = SampleCourses.Records.Single(r => r.Name == "ended-early-after-6").Course;
        var finding = Assert.Single(Validator.Validate(record).Diagnostics);
        Assert.Equal("IPT0607", finding.Id);
        Assert.Equal("$.lifecycle.status", finding.Path.ToString());
        Assert.Equal("The course ended early (lostToContact) after 6 of 16 contracted treatment sessions were attended; last phq-9 score: 20 (severe).", finding.Message);
    }

    [Fact]
    public void A_dropout_without_a_lifecycle_is_inferred_when_every_slot_is_used_and_termination_never_held()
    {
        var standard = SampleCourses.Standard;
        var course = standard with
        {
            Sessions = ValueList.From(standard.Sessions.Select(s => s.Number <= 6 ? s : new Session(s.Number, s.Phase) { Date = s.Date, Status = SessionStatus.Missed })),
        };
        var report = Validator.Validate(course);
        var finding = Assert.Single(report.Diagnostics, d => d.Id == "IPT0607");
        Assert.Contains("(reason not recorded)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id is "IPT0204" or "IPT0603" or "IPT0604" or "IPT0605" or "IPT0601");
    }

    [Fact]
    public void The_pre_group_meeting_counts_for_the_initial_tasks_in_group_ipt()
    {
        var record = SampleCourses.Records.Single(r => r.Name == "who-group-pre-group-assessment").Course;
        Assert.True(Validator.Validate(record).IsClean);

        // The same meeting in a variant that does not declare it: the initial tasks are missing.
        var plain = BuiltInProtocols.WhoGroup with { Id = ProtocolId.From("who-plain"), InitialTasksInPreTreatment = false };
        var ids = Validator.Validate(record, plain).Diagnostics.Select(d => d.Id).ToHashSet();
        Assert.Contains("IPT0306", ids);
        Assert.Contains("IPT0308", ids);
        Assert.Contains("IPT0501", ids);
    }

    [Fact]
    public void An_unknown_instrument_is_reported_and_is_not_a_baseline()
    {
        var course = SampleCourses.Standard.WithSession(1, s => s with { Measures = [new Measurement(InstrumentId.From("phq-8"), 12)] });
        var ids = Validator.Validate(course).Diagnostics.Select(d => (d.Id, d.Path.ToString())).ToArray();
        Assert.Contains(("IPT0706", "$.sessions[0].measures[0].instrument"), ids);
        Assert.Contains(("IPT0301", "$.sessions[0].measures"), ids);
    }

    [Fact]
    public void A_host_registered_instrument_is_known()
    {
        var phq8 = new Instrument { Id = InstrumentId.From("phq-8"), Name = "PHQ-8", TotalMax = 24, Citation = new Citation(Confidence.High, "HOST") };
        var validator = new CourseValidator(new ValidatorOptions { Instruments = InstrumentRegistry.BuiltIn.Add(phq8) });
        var course = SampleCourses.Standard.WithSession(1, s => s.PlusMeasure(new Measurement(phq8.Id, 12)));
        Assert.True(validator.Validate(course).IsClean);
    }

    [Fact]
    public void A_baseline_may_come_from_an_intake_assessment()
    {
        var standard = SampleCourses.Standard;
        var course = standard.WithSession(1, s => s with { Measures = [] })
            .PlusAssessment(new Assessment(AssessmentOccasion.Intake, SampleCourses.Start.PlusDays(-7)) { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 18)] });
        Assert.DoesNotContain(Validator.Validate(course).Diagnostics, d => d.Id == "IPT0301");
        var followUpOnly = standard.WithSession(1, s => s with { Measures = [] })
            .PlusAssessment(new Assessment(AssessmentOccasion.FollowUp, SampleCourses.Start.PlusWeeks(30)) { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, 8)] });
        Assert.Contains(Validator.Validate(followUpOnly).Diagnostics, d => d.Id == "IPT0301");
    }

    [Fact]
    public void A_caregiver_among_the_attendees_counts_as_caregiver_involvement()
    {
        var course = SampleCourses.All[ProtocolId.From("ipt-a")].WithSession(1, s => s with
        {
            Format = SessionFormat.Individual,
            Tasks = ValueList.From(s.Tasks.Where(t => t != SessionTask.CaregiverInvolvement)),
            Attendees = [SampleCourses.P("p1")],
        });
        Assert.DoesNotContain(Validator.Validate(course).Diagnostics, d => d.Id == "IPT0801");
    }

    [Fact]
    public void Attendance_counts_every_category()
    {
        var course = SampleCourses.Standard
            .WithSession(3, s => s with { Status = SessionStatus.Missed })
            .WithSession(5, s => s with { Status = SessionStatus.CancelledByPatient })
            .WithSession(7, s => s with { Status = SessionStatus.CancelledByService })
            .WithSession(9, s => s with { Status = SessionStatus.Cancelled })
            .WithSession(11, s => s with { Status = SessionStatus.Planned });
        var attendance = Validator.Validate(course).Attendance;
        Assert.Equal((11, 1, 1, 1, 1, 1), (attendance.Attended, attendance.DidNotAttend, attendance.CancelledByPatient, attendance.CancelledByService, attendance.CancelledUnspecified, attendance.Planned));
        Assert.Equal(11.0 / 13.0, attendance.Rate!.Value, 6);
        Assert.Equal("11 of 16 attended, 1 did not attend, 3 cancelled", attendance.ToString());
    }

    [Fact]
    public void Missed_appointments_keep_the_cadence()
    {
        var course = SampleCourses.Standard
            .WithSession(6, s => s with { Status = SessionStatus.Missed })
            .WithSession(7, s => s with { Status = SessionStatus.Missed });
        Assert.DoesNotContain(Validator.Validate(course).Diagnostics, d => d.Id == "IPT0105");
    }

    [Fact]
    public void A_missed_ending_deadline_moves_to_the_next_attended_session()
    {
        // The ending was due by session 14; the patient missed 14, and the ending was raised at 15.
        var course = SampleCourses.Standard
            .EditAll(s => s.Without(SessionTask.EndingRaised))
            .WithSession(14, s => s with { Status = SessionStatus.Missed })
            .WithSession(15, s => s.PlusTask(SessionTask.EndingRaised));
        Assert.DoesNotContain(Validator.Validate(course).Diagnostics, d => d.Id is "IPT0601");
    }
}
