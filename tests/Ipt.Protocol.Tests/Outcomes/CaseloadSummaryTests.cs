using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Samples;
using static Ipt.Protocol.Tests.Outcomes.CourseOutcomeTests;

namespace Ipt.Protocol.Tests.Outcomes;

/// <summary>The caseload figures: counts, rates the NHS Talking Therapies way, dropout, median attendance, and merging.</summary>
public class CaseloadSummaryTests
{
    private static readonly CourseOutcome Recovered = Calculate(Scores((1, 15, 10), (16, 9, 7)));
    private static readonly CourseOutcome NotAtCaseness = Calculate(Scores((1, 9, 7), (16, 4, 4)));
    private static readonly CourseOutcome NotRecovered = Calculate(Scores((1, 18, 12), (16, 14, 10)));
    private static readonly CourseOutcome NoGadAtEnd = Calculate(Scores((1, 15, 10), (16, 9, null)));
    private static readonly CourseOutcome EndedEarlyAfter6 = Calculate(Record("ended-early-after-6"));
    private static readonly CourseOutcome Active = Calculate(Record("active-at-session-14"));
    private static readonly CourseOutcome EndedAfterOne = Calculate(EndAfterOneSession(Record("ended-early-after-6")));

    private static CourseOutcome[] Caseload => [Recovered, NotAtCaseness, NotRecovered, NoGadAtEnd, EndedEarlyAfter6, Active, EndedAfterOne];

    [Fact]
    public void A_caseload_counts_statuses_dropout_and_attendance()
    {
        var summary = CaseloadSummary.Of(Caseload);
        Assert.Equal(7, summary.Courses);
        Assert.Equal(1, summary.Active);
        Assert.Equal(4, summary.Completed);
        Assert.Equal(2, summary.EndedEarly);
        Assert.Equal(6, summary.Ended);
        Assert.Equal(4, summary.StatusInferred); // the four courses built from the standard sample have no lifecycle
        Assert.Equal(5, summary.FinishedTreatment); // not the active course, not the course that ended after 1 session
        Assert.Equal(2.0 / 6, summary.DropoutRate);

        // Ended courses attended 16, 16, 16, 16, 6 and 1 treatment sessions.
        Assert.Equal(17, summary.EndedByAttendedSessions.Count);
        Assert.Equal(1, summary.EndedByAttendedSessions[1]);
        Assert.Equal(1, summary.EndedByAttendedSessions[6]);
        Assert.Equal(4, summary.EndedByAttendedSessions[16]);
        Assert.Equal(16, summary.MedianAttendedSessions);
    }

    [Fact]
    public void The_pair_is_counted_over_finished_courses_and_the_recovery_rate_leaves_out_those_not_at_caseness()
    {
        var paired = CaseloadSummary.Of(Caseload).Paired;

        // Four finished courses have a baseline on both PHQ-9 and GAD-7 (the dropout measured PHQ-9 only);
        // one of them has no GAD-7 at the end, so its pair is not computable.
        Assert.Equal(4, paired.Courses);
        Assert.Equal(3, paired.Paired);
        Assert.Equal(3, paired.AtCaseness);
        Assert.Equal(1, paired.NotAtCaseness);
        Assert.Equal(0, paired.CasenessNotComputable);
        Assert.Equal(1, paired.Recovered);
        Assert.Equal(1, paired.NotRecovered);
        Assert.Equal(1, paired.RecoveryNotComputable);

        // Recovered / (finished − not at caseness) = 1 / (4 − 1): a course without paired scores stays in the denominator.
        Assert.Equal(1.0 / 3, paired.RecoveryRate);
        Assert.Equal(1, paired.ReliableRecovery);
        Assert.Equal(1.0 / 3, paired.ReliableRecoveryRate);
        Assert.Equal(1, paired.ReliableImprovement); // PHQ-9 15→9; the others fall by less than 6 and 4
        Assert.Equal(2, paired.NoReliableChange);
        Assert.Equal(1, paired.ReliableChangeNotComputable);
        Assert.Equal(0.25, paired.ReliableImprovementRate);
        Assert.Equal(0.5, paired.NoReliableChangeRate);
        Assert.Equal(0, paired.ReliableDeteriorationRate);
        Assert.Null(paired.ResponseRate); // response and remission are per instrument, not defined for the pair
        Assert.Null(paired.RemissionRate);
    }

    [Fact]
    public void Each_instrument_is_counted_over_the_finished_courses_that_measured_it()
    {
        var summary = CaseloadSummary.Of(Caseload);
        Assert.Equal([BuiltInInstruments.Gad7.Id, BuiltInInstruments.Phq9.Id], summary.Instruments.Select(i => i.Instrument)); // ordinal order

        var phq = summary.CountsOf(BuiltInInstruments.Phq9.Id)!;
        Assert.Equal(5, phq.Courses);
        Assert.Equal(5, phq.Paired);
        Assert.Equal(1, phq.NotAtCaseness);

        // PHQ-9 15→9 recovered (twice), 18→14 not, and 18→20 (the dropout's last score, at session 5) not.
        Assert.Equal(2, phq.Recovered);
        Assert.Equal(2, phq.NotRecovered);
        Assert.Equal(0.5, phq.RecoveryRate);
        Assert.Equal(1, phq.Responded); // 9→4 is a 55 % fall
        Assert.Equal(0.2, phq.ResponseRate);
        Assert.Equal(1, phq.InRemission); // 4 is below 5
        Assert.Equal(4, phq.NotInRemission);

        var gad = summary.CountsOf(BuiltInInstruments.Gad7.Id)!;
        Assert.Equal(4, gad.Courses);
        Assert.Equal(3, gad.Paired);
        Assert.Null(summary.CountsOf(BuiltInInstruments.Epds.Id));

        // A caseload that never uses GAD-7 has no pair counts, not a recovery rate of 0.
        var phqOnly = CaseloadSummary.Of([EndedEarlyAfter6, Calculate(SampleCourses.Standard)]);
        Assert.Equal(0, phqOnly.Paired.Courses);
        Assert.Null(phqOnly.Paired.RecoveryRate);
        Assert.Equal(0.5, phqOnly.CountsOf(BuiltInInstruments.Phq9.Id)!.RecoveryRate);
    }

    [Fact]
    public void An_outcome_the_instrument_does_not_define_has_no_rate()
    {
        // BDI-II has no caseness threshold and no reliable change index, and no remission threshold.
        var course = Scores()
            .WithSession(1, s => s.PlusMeasure(new Measurement(BuiltInInstruments.BdiII.Id, 30)))
            .WithSession(16, s => s.PlusMeasure(new Measurement(BuiltInInstruments.BdiII.Id, 10)));
        var bdi = CaseloadSummary.Of([Calculate(course)]).CountsOf(BuiltInInstruments.BdiII.Id)!;
        Assert.Equal(1, bdi.Courses);
        Assert.Null(bdi.RecoveryRate);
        Assert.Null(bdi.ReliableRecoveryRate);
        Assert.Null(bdi.ReliableImprovementRate);
        Assert.Null(bdi.RemissionRate);
        Assert.Equal(1.0, bdi.ResponseRate);
    }

    [Fact]
    public void The_recovery_rate_reproduces_the_published_worked_example()
    {
        // NHS Digital, IAPT outcomes: 23,291 recovered / (48,111 finished − 2,957 not at caseness) = 51.6 %.
        var outcomes = Enumerable.Repeat(Recovered, 23_291)
            .Concat(Enumerable.Repeat(NotRecovered, 48_111 - 2_957 - 23_291))
            .Concat(Enumerable.Repeat(NotAtCaseness, 2_957));
        var paired = CaseloadSummary.Of(outcomes).Paired;
        Assert.Equal(48_111, paired.Courses);
        Assert.Equal("51.6", (paired.RecoveryRate!.Value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Summaries_merge_to_the_same_result_in_any_order_and_grouping()
    {
        var all = CaseloadSummary.Of(Caseload);
        var left = CaseloadSummary.Of(Caseload[..2]);
        var middle = CaseloadSummary.Of(Caseload[2..4]);
        var right = CaseloadSummary.Of(Caseload[4..]);
        Assert.Equal(all, left.Plus(middle).Plus(right));
        Assert.Equal(all, right.Plus(left.Plus(middle)));
        Assert.Equal(all, CaseloadSummary.Empty.Plus(middle).Plus(right).Plus(left));
        Assert.Equal(all, Caseload.Reverse().Aggregate(CaseloadSummary.Empty, (s, o) => s.Plus(o)));
        Assert.Equal(all.GetHashCode(), left.Plus(middle).Plus(right).GetHashCode());

        // A parallel job: each partition summarised on its own, the partial results merged.
        var parallel = Enumerable.Range(0, 100).SelectMany(_ => Caseload).AsParallel()
            .Aggregate(() => CaseloadSummary.Empty, (s, o) => s.Plus(o), (a, b) => a.Plus(b), s => s);
        Assert.Equal(CaseloadSummary.Of(Enumerable.Range(0, 100).SelectMany(_ => Caseload)), parallel);
        Assert.NotEqual(all, left);

        // A stream: one builder, courses and partial summaries added as they come.
        var builder = new CaseloadSummary.Builder();
        builder.Add(right);
        foreach (var outcome in Caseload[..4])
        {
            builder.Add(outcome);
        }

        Assert.Equal(all, builder.ToSummary());
        builder.Add(Active);
        Assert.Equal(all.Plus(Active), builder.ToSummary());
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        var summary = CaseloadSummary.Of([EndedEarlyAfter6, Recovered]);
        Assert.Equal(11, summary.MedianAttendedSessions);
    }

    [Fact]
    public void An_empty_caseload_has_no_rates_and_says_so()
    {
        var empty = CaseloadSummary.Of([]);
        Assert.Equal(CaseloadSummary.Empty, empty);
        Assert.Null(empty.DropoutRate);
        Assert.Null(empty.MedianAttendedSessions);
        Assert.Null(empty.Paired.RecoveryRate);
        Assert.Empty(empty.Instruments);
        Assert.Equal("0 courses: 0 active, 0 completed, 0 ended early (dropout n/a); 0 finished treatment; median n/a sessions attended; pair: 0 finished courses, 0 paired: 0 recovered (n/a), 0 reliable improvement, 0 reliable deterioration", empty.ToString());
        Assert.Equal(
            "7 courses: 1 active, 4 completed, 2 ended early (dropout 33.3 %); 5 finished treatment; median 16 sessions attended; pair: 4 finished courses, 3 paired: 1 recovered (33.3 %), 1 reliable improvement, 0 reliable deterioration",
            CaseloadSummary.Of(Caseload).ToString());
    }

    private static Course Record(string name) => SampleCourses.Records.Single(r => r.Name == name).Course;

    private static Course EndAfterOneSession(Course course) =>
        course with { Sessions = ValueList.From(course.Sessions.Select(s => s.Number == 1 ? s : new Session(s.Number, s.Phase) { Date = s.Date, Status = SessionStatus.Missed })) };
}
