using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Outcomes;

/// <summary>
/// The outcomes of a course: each classification in both directions, at the boundaries of the
/// reliable change index and the thresholds, for one measure and for the PHQ-9 + GAD-7 pair.
/// </summary>
public class CourseOutcomeTests
{
    private static readonly InstrumentId Phq9 = BuiltInInstruments.Phq9.Id;
    private static readonly InstrumentId Gad7 = BuiltInInstruments.Gad7.Id;

    [Fact]
    public void A_PHQ_9_only_course_recovers_on_PHQ_9_and_has_no_pair_without_GAD_7()
    {
        // PHQ-9 18 at session 1 and 6 at session 16; every session held, so the course is completed (inferred).
        var outcome = Calculate(ScoreSeriesTests.Standard);
        Assert.Equal(CourseStatus.Completed, outcome.Status);
        Assert.True(outcome.IsStatusInferred);
        Assert.Equal(16, outcome.AttendedTreatmentSessions);
        Assert.True(outcome.IsFinishedTreatment);

        var phq = Assert.Single(outcome.Instruments);
        Assert.Same(phq, outcome.Primary);
        Assert.Equal(18m, phq.First?.Value);
        Assert.Equal(6m, phq.Last?.Value);
        Assert.Equal(-12m, phq.Change);
        Assert.Equal(OutcomeState.Yes, phq.CasenessAtStart);
        Assert.Equal(RecoveryStatus.Recovered, phq.Recovery);
        Assert.Equal(ReliableChangeStatus.ReliableImprovement, phq.ReliableChange);
        Assert.Equal(OutcomeState.Yes, phq.ReliableRecovery);
        Assert.Equal(OutcomeState.Yes, phq.Response);
        Assert.Equal(OutcomeState.No, phq.Remission);

        Assert.False(outcome.Paired.HasBaselines);
        Assert.False(outcome.Paired.IsPaired);
        Assert.Equal(RecoveryStatus.NotComputable, outcome.Paired.Recovery);
        Assert.Equal(ReliableChangeStatus.NotComputable, outcome.Paired.ReliableChange);
    }

    [Theory]
    [InlineData(10, OutcomeState.Yes)]
    [InlineData(9, OutcomeState.No)]
    public void Caseness_at_the_start_is_at_or_above_the_threshold(int first, OutcomeState expected)
    {
        var phq = Calculate(Scores((1, first, null), (16, 3, null))).Primary!;
        Assert.Equal(expected, phq.CasenessAtStart);
        Assert.Equal(expected == OutcomeState.Yes ? RecoveryStatus.Recovered : RecoveryStatus.NotAtCaseness, phq.Recovery);
    }

    [Theory]
    [InlineData(9, RecoveryStatus.Recovered)]
    [InlineData(10, RecoveryStatus.NotRecovered)]
    public void Recovery_is_below_caseness_at_the_end(int last, RecoveryStatus expected) =>
        Assert.Equal(expected, Calculate(Scores((1, 18, null), (16, last, null))).Primary!.Recovery);

    [Theory]
    [InlineData(15, 9, ReliableChangeStatus.ReliableImprovement)]
    [InlineData(15, 10, ReliableChangeStatus.NoReliableChange)]
    [InlineData(8, 14, ReliableChangeStatus.ReliableDeterioration)]
    [InlineData(8, 13, ReliableChangeStatus.NoReliableChange)]
    [InlineData(12, 12, ReliableChangeStatus.NoReliableChange)]
    public void Reliable_change_is_a_change_of_at_least_the_index(int first, int last, ReliableChangeStatus expected) =>
        Assert.Equal(expected, Calculate(Scores((1, first, null), (16, last, null))).Primary!.ReliableChange);

    [Theory]
    [InlineData(15, 9, OutcomeState.Yes)] // recovered and a fall of 6
    [InlineData(14, 9, OutcomeState.No)] // recovered, but a fall of 5 is not reliable
    [InlineData(18, 10, OutcomeState.No)] // a reliable fall, not recovered
    [InlineData(8, 2, OutcomeState.No)] // not at caseness at the start
    public void Reliable_recovery_is_recovery_with_reliable_improvement(int first, int last, OutcomeState expected) =>
        Assert.Equal(expected, Calculate(Scores((1, first, null), (16, last, null))).Primary!.ReliableRecovery);

    [Theory]
    [InlineData(18, 9, 50, OutcomeState.Yes)]
    [InlineData(18, 10, 50, OutcomeState.No)]
    [InlineData(18, 10, 40, OutcomeState.Yes)]
    [InlineData(0, 0, 50, OutcomeState.NotComputable)]
    public void Response_is_a_fall_of_at_least_the_protocol_percentage(int first, int last, int percent, OutcomeState expected)
    {
        var protocol = BuiltInProtocols.Standard with { ResponseReductionPercent = percent };
        var phq = OutcomeCalculator.Default.Calculate(Scores((1, first, null), (16, last, null)), protocol).Primary!;
        Assert.Equal(expected, phq.Response);
        Assert.Equal(percent, phq.ResponseReductionPercent);
    }

    [Theory]
    [InlineData(4, OutcomeState.Yes)]
    [InlineData(5, OutcomeState.No)]
    public void Remission_is_a_last_score_below_the_threshold(int last, OutcomeState expected) =>
        Assert.Equal(expected, Calculate(Scores((1, 18, null), (16, last, null))).Primary!.Remission);

    [Fact]
    public void Perinatal_EPDS_15_to_8_is_in_remission_though_not_a_50_percent_response()
    {
        var perinatal = SampleCourses.All[BuiltInProtocols.Perinatal.Id];
        var course = perinatal with
        {
            Sessions = ValueList.From(perinatal.Sessions.Select((s, i) => s with
            {
                Measures = i == 0 ? [new Measurement(BuiltInInstruments.Epds.Id, 15)] : i == perinatal.Sessions.Count - 1 ? [new Measurement(BuiltInInstruments.Epds.Id, 8)] : [],
            })),
        };
        var epds = Calculate(course).Primary!;
        Assert.Equal(BuiltInInstruments.Epds.Id, epds.Instrument);
        Assert.Equal(OutcomeState.No, epds.Response);
        Assert.Equal(OutcomeState.Yes, epds.Remission);
        Assert.Equal(RecoveryStatus.Recovered, epds.Recovery);
        Assert.Equal(ReliableChangeStatus.ReliableImprovement, epds.ReliableChange);

        // Sources differ on EPDS remission (below 10 or below 13): a host instrument sets its own threshold.
        var strict = BuiltInInstruments.Epds with { RemissionBelow = 8 };
        var calculator = new OutcomeCalculator(new OutcomeOptions { Instruments = InstrumentRegistry.BuiltIn.SetItem(strict) });
        Assert.Equal(OutcomeState.No, calculator.TryCalculate(course, out var outcome) ? outcome.Primary!.Remission : OutcomeState.NotComputable);
    }

    [Theory]
    [InlineData(15, 9, 10, 7, RecoveryStatus.Recovered)]
    [InlineData(15, 9, 10, 8, RecoveryStatus.NotRecovered)] // GAD-7 still at caseness (8)
    [InlineData(15, 10, 10, 4, RecoveryStatus.NotRecovered)] // PHQ-9 still at caseness (10)
    [InlineData(8, 4, 10, 4, RecoveryStatus.Recovered)] // at caseness on GAD-7 only at the start
    [InlineData(9, 4, 7, 4, RecoveryStatus.NotAtCaseness)] // below caseness on both at the start
    public void The_pair_recovers_when_either_was_at_caseness_and_both_end_below(int phqFirst, int phqLast, int gadFirst, int gadLast, RecoveryStatus expected)
    {
        var paired = Calculate(Scores((1, phqFirst, gadFirst), (16, phqLast, gadLast))).Paired;
        Assert.True(paired.IsPaired);
        Assert.Equal(expected, paired.Recovery);
        Assert.Equal(expected == RecoveryStatus.NotAtCaseness ? OutcomeState.No : OutcomeState.Yes, paired.CasenessAtStart);
    }

    [Theory]
    [InlineData(15, 9, 10, 10, ReliableChangeStatus.ReliableImprovement)] // PHQ-9 falls 6, GAD-7 unchanged
    [InlineData(15, 10, 10, 6, ReliableChangeStatus.ReliableImprovement)] // GAD-7 falls 4
    [InlineData(15, 10, 10, 7, ReliableChangeStatus.NoReliableChange)] // falls of 5 and 3
    [InlineData(15, 9, 10, 13, ReliableChangeStatus.ReliableImprovement)] // GAD-7 rises 3: not reliable
    [InlineData(18, 10, 5, 9, ReliableChangeStatus.NoReliableChange)] // PHQ-9 falls 8, GAD-7 rises 4
    [InlineData(8, 14, 10, 8, ReliableChangeStatus.ReliableDeterioration)] // PHQ-9 rises 6, GAD-7 falls 2
    [InlineData(8, 12, 5, 9, ReliableChangeStatus.ReliableDeterioration)] // GAD-7 rises 4
    public void The_pair_changes_reliably_on_one_measure_with_no_reliable_change_the_other_way(int phqFirst, int phqLast, int gadFirst, int gadLast, ReliableChangeStatus expected) =>
        Assert.Equal(expected, Calculate(Scores((1, phqFirst, gadFirst), (16, phqLast, gadLast))).Paired.ReliableChange);

    [Fact]
    public void The_pair_recovers_reliably_with_recovery_and_reliable_improvement()
    {
        Assert.Equal(OutcomeState.Yes, Calculate(Scores((1, 15, 10), (16, 9, 7))).Paired.ReliableRecovery);
        Assert.Equal(OutcomeState.No, Calculate(Scores((1, 14, 10), (16, 9, 7))).Paired.ReliableRecovery); // falls of 5 and 3
        Assert.Equal(OutcomeState.No, Calculate(Scores((1, 9, 7), (16, 2, 2))).Paired.ReliableRecovery); // not at caseness
    }

    [Fact]
    public void A_host_sets_another_pair_of_measures()
    {
        // The built-in WSAS has bands but no caseness threshold (Mundt 2002), so recovery on the pair is not defined.
        var course = Scores((1, 15, null), (16, 9, null))
            .WithSession(1, s => s.PlusMeasure(new Measurement(BuiltInInstruments.Wsas.Id, 25)))
            .WithSession(16, s => s.PlusMeasure(new Measurement(BuiltInInstruments.Wsas.Id, 10)));
        Assert.True(new OutcomeCalculator(new OutcomeOptions { Anxiety = BuiltInInstruments.Wsas.Id }).TryCalculate(course, out var builtIn));
        Assert.Equal(RecoveryStatus.NotDefined, builtIn.Paired.Recovery);

        // A host's WSAS with a threshold of its own: above 20, Mundt's "moderately severe or worse".
        var wsas = BuiltInInstruments.Wsas with { CasenessThreshold = 21 };
        var options = new OutcomeOptions { Anxiety = wsas.Id, Instruments = InstrumentRegistry.BuiltIn.SetItem(wsas) };
        Assert.True(new OutcomeCalculator(options).TryCalculate(course, out var outcome));
        Assert.Equal(BuiltInInstruments.Wsas.Id, outcome.Paired.Anxiety);

        // The host's WSAS has a caseness threshold but no reliable change index: reliable change is not defined for the pair.
        Assert.Equal(RecoveryStatus.Recovered, outcome.Paired.Recovery);
        Assert.Equal(ReliableChangeStatus.NotDefined, outcome.Paired.ReliableChange);
        Assert.Equal(OutcomeState.NotDefined, outcome.Paired.ReliableRecovery);
        Assert.Throws<ArgumentException>(() => OutcomeOptions.Default with { Anxiety = default });
    }

    [Fact]
    public void A_course_without_scores_is_not_computable_and_never_throws()
    {
        var outcome = Calculate(Scores());
        Assert.Empty(outcome.Instruments);
        Assert.Null(outcome.Primary);
        Assert.False(outcome.Paired.HasBaselines);
        Assert.Equal(OutcomeState.NotComputable, outcome.Paired.CasenessAtStart);
        Assert.Equal(RecoveryStatus.NotComputable, outcome.Paired.Recovery);
        Assert.Equal(ReliableChangeStatus.NotComputable, outcome.Paired.ReliableChange);
        Assert.Equal(OutcomeState.NotComputable, outcome.Paired.ReliableRecovery);

        var empty = Calculate(new Course(BuiltInProtocols.Standard.Id));
        Assert.Equal(CourseStatus.Active, empty.Status);
        Assert.False(empty.IsFinishedTreatment);
        Assert.Empty(empty.Instruments);
    }

    [Fact]
    public void A_baseline_alone_gives_caseness_and_nothing_that_needs_an_end_score()
    {
        var phq = Calculate(Scores((1, 18, null))).Primary!;
        Assert.NotNull(phq.First);
        Assert.Null(phq.Last);
        Assert.False(phq.IsPaired);
        Assert.Null(phq.Change);
        Assert.Equal(OutcomeState.Yes, phq.CasenessAtStart);
        Assert.Equal(RecoveryStatus.NotComputable, phq.Recovery);
        Assert.Equal(ReliableChangeStatus.NotComputable, phq.ReliableChange);
        Assert.Equal(OutcomeState.NotComputable, phq.ReliableRecovery);
        Assert.Equal(OutcomeState.NotComputable, phq.Response);
        Assert.Equal(OutcomeState.NotComputable, phq.Remission);
    }

    [Fact]
    public void A_mean_scored_instrument_reports_its_scores_and_no_threshold_outcomes()
    {
        // SRM-5 is a mean (0-7) where a higher score is better, with no thresholds: scores yes, classifications not defined.
        var srm = BuiltInInstruments.Srm5.Id;
        var course = Scores()
            .WithSession(1, s => s.PlusMeasure(Measurement.OfMean(srm, 3.2m)))
            .WithSession(16, s => s.PlusMeasure(Measurement.OfMean(srm, 4.6m)));
        var outcome = Calculate(course).OutcomeOf(srm)!;
        Assert.Equal(3.2m, outcome.First?.Value);
        Assert.Equal(4.6m, outcome.Last?.Value);
        Assert.Equal(1.4m, outcome.Change);
        Assert.Equal(OutcomeState.NotDefined, outcome.CasenessAtStart);
        Assert.Equal(RecoveryStatus.NotDefined, outcome.Recovery);
        Assert.Equal(ReliableChangeStatus.NotDefined, outcome.ReliableChange);
        Assert.Equal(OutcomeState.NotDefined, outcome.ReliableRecovery);
        Assert.Equal(OutcomeState.NotDefined, outcome.Response);
        Assert.Equal(OutcomeState.NotDefined, outcome.Remission);
        Assert.Equal("srm-5 3.2 -> 4.6: caseness NotDefined, recovery NotDefined, NotDefined, reliable recovery NotDefined, response NotDefined, remission NotDefined", outcome.ToString());

        // A host that gives it a reliable change index gets reliable change in its direction: a rise is better.
        var withRci = InstrumentOutcome.Of(BuiltInInstruments.Srm5 with { ReliableChange = 1 }, ScoreSeriesTests.Series(course, srm), 50);
        Assert.Equal(ReliableChangeStatus.ReliableImprovement, withRci.ReliableChange);
    }

    [Fact]
    public void Instruments_without_a_threshold_say_not_defined_and_keep_the_ones_they_have()
    {
        var course = Scores()
            .WithSession(1, s => s.PlusMeasure(new Measurement(BuiltInInstruments.BdiII.Id, 30)).PlusMeasure(new Measurement(BuiltInInstruments.Hrsd17.Id, 20)))
            .WithSession(16, s => s.PlusMeasure(new Measurement(BuiltInInstruments.BdiII.Id, 10)).PlusMeasure(new Measurement(BuiltInInstruments.Hrsd17.Id, 7)));
        var outcome = Calculate(course);
        Assert.Equal([BuiltInInstruments.Hrsd17.Id, BuiltInInstruments.BdiII.Id], outcome.Instruments.Select(o => o.Instrument)); // registry order

        var bdi = outcome.OutcomeOf(BuiltInInstruments.BdiII.Id)!;
        Assert.Equal(RecoveryStatus.NotDefined, bdi.Recovery);
        Assert.Equal(ReliableChangeStatus.NotDefined, bdi.ReliableChange);
        Assert.Equal(OutcomeState.NotDefined, bdi.Remission);
        Assert.Equal(OutcomeState.Yes, bdi.Response);

        var hrsd = outcome.OutcomeOf(BuiltInInstruments.Hrsd17.Id)!;
        Assert.Equal(OutcomeState.Yes, hrsd.Remission); // 7 or less
        Assert.Equal(ReliableChangeStatus.NotDefined, hrsd.ReliableChange);
    }

    [Fact]
    public void Follow_ups_are_reported_apart_and_do_not_change_the_classification()
    {
        var end = SampleCourses.Standard.Sessions[^1].Date!.Value;
        var course = ScoreSeriesTests.Standard.PlusAssessment(new Assessment(AssessmentOccasion.FollowUp, end.PlusMonths(3)) { Measures = [new Measurement(Phq9, 21)] });
        var phq = Calculate(course).Primary!;
        Assert.Equal(21m, Assert.Single(phq.FollowUps).Value);
        Assert.Equal(6m, phq.Last?.Value);
        Assert.Equal(RecoveryStatus.Recovered, phq.Recovery);
    }

    [Fact]
    public void A_finished_course_of_treatment_has_ended_after_at_least_two_attended_treatment_sessions()
    {
        var endedEarly = SampleCourses.Records.Single(r => r.Name == "ended-early-after-6").Course;
        var outcome = Calculate(endedEarly);
        Assert.Equal(CourseStatus.EndedEarly, outcome.Status);
        Assert.False(outcome.IsStatusInferred);
        Assert.Equal(6, outcome.AttendedTreatmentSessions);
        Assert.Equal(3, outcome.Attendance.DidNotAttend);
        Assert.True(outcome.IsFinishedTreatment);
        Assert.Equal(20m, outcome.Primary!.Last?.Value); // session 5: the last held treatment session with a score

        var afterOne = endedEarly with { Sessions = ValueList.From(endedEarly.Sessions.Select(s => s.Number == 1 ? s : new Session(s.Number, s.Phase) { Date = s.Date, Status = SessionStatus.Missed })) };
        Assert.Equal(1, Calculate(afterOne).AttendedTreatmentSessions);
        Assert.False(Calculate(afterOne).IsFinishedTreatment);

        var active = SampleCourses.Records.Single(r => r.Name == "active-at-session-14").Course;
        var interim = Calculate(active);
        Assert.Equal(CourseStatus.Active, interim.Status);
        Assert.False(interim.HasEnded);
        Assert.False(interim.IsFinishedTreatment);
        Assert.Equal(13, interim.Primary!.Last?.SessionNumber); // an interim reading on the scores so far
    }

    [Fact]
    public void An_unknown_protocol_is_a_false_result_and_an_unknown_instrument_is_left_out()
    {
        Assert.False(OutcomeCalculator.Default.TryCalculate(SampleCourses.Standard with { Protocol = ProtocolId.From("no-such-protocol") }, out var none));
        Assert.Null(none);

        var course = SampleCourses.Standard.WithSession(1, s => s.PlusMeasure(new Measurement(InstrumentId.From("phq-8"), 12)));
        Assert.DoesNotContain(Calculate(course).Instruments, o => o.Instrument.Value == "phq-8");
    }

    [Fact]
    public void The_worked_example_of_outcomes_md_holds_and_outcomes_are_values_without_patient_data()
    {
        const string Marker = "PATIENT-DATA-MARKER";
        var course = Scores((1, 15, 10), (16, 9, 7));
        course = course with { Sessions = ValueList.From(course.Sessions.Select(s => s with { Notes = Marker })) };
        var outcome = Calculate(course);
        Assert.Equal(outcome, Calculate(course));
        Assert.Equal(outcome.GetHashCode(), Calculate(course).GetHashCode());
        Assert.NotEqual(outcome, Calculate(Scores((1, 15, 10), (16, 10, 7))));

        var text = outcome.ToString();
        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        Assert.Equal("ipt Completed (inferred): 16 treatment sessions attended, finished treatment; 2 instruments; phq-9 + gad-7: caseness Yes, recovery Recovered, ReliableImprovement, reliable recovery Yes", text);
        Assert.Equal("phq-9 15 -> 9: caseness Yes, recovery Recovered, ReliableImprovement, reliable recovery Yes, response No, remission No", outcome.Primary!.ToString());
    }

    internal static CourseOutcome Calculate(Course course) =>
        OutcomeCalculator.Default.TryCalculate(course, out var outcome) ? outcome : throw new InvalidOperationException("unknown protocol");

    /// <summary>The standard sample with PHQ-9 (and GAD-7, when given) scores at the given sessions only.</summary>
    internal static Course Scores(params (int Session, int Phq9, int? Gad7)[] scores) =>
        SampleCourses.Standard with
        {
            Sessions = ValueList.From(SampleCourses.Standard.Sessions.Select(s =>
            {
                var at = scores.Where(p => p.Session == s.Number).ToList();
                if (at.Count == 0)
                {
                    return s with { Measures = [] };
                }

                var measures = new List<Measurement> { new(Phq9, at[0].Phq9) };
                if (at[0].Gad7 is { } gad)
                {
                    measures.Add(new Measurement(Gad7, gad));
                }

                return s with { Measures = ValueList.From(measures) };
            })),
        };
}
