using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Samples;
using NodaTime;

namespace Ipt.Protocol.Tests.Outcomes;

/// <summary>The one home of the baseline and the end-of-treatment score.</summary>
public class ScoreSeriesTests
{
    private static readonly InstrumentId Phq9 = BuiltInInstruments.Phq9.Id;

    [Fact]
    public void The_baseline_is_the_first_held_session_with_a_score_and_the_end_is_the_last_held_treatment_session()
    {
        var series = Of(Standard);
        Assert.Equal(1, series.Baseline?.SessionNumber);
        Assert.Equal(18m, series.Baseline?.Value);
        Assert.Equal(16, series.EndOfTreatment?.SessionNumber);
        Assert.Equal(6m, series.EndOfTreatment?.Value);
        Assert.Equal("$.sessions[15].measures[0]", series.EndOfTreatment?.Path.ToString());
        Assert.Equal(5, series.TreatmentScoreCount);
        Assert.True(series.IsPaired);
    }

    [Fact]
    public void An_intake_or_screening_assessment_is_the_baseline_the_earliest_by_date()
    {
        var course = Standard
            .PlusAssessment(new Assessment(AssessmentOccasion.Intake, SampleCourses.Start.PlusDays(-7)) { Measures = [new Measurement(Phq9, 20)] })
            .PlusAssessment(new Assessment(AssessmentOccasion.Screening, SampleCourses.Start.PlusDays(-21)) { Measures = [new Measurement(Phq9, 22)] });
        var series = Of(course);
        Assert.Equal(ScoreSource.Assessment, series.Baseline?.Source);
        Assert.Equal(AssessmentOccasion.Screening, series.Baseline?.Occasion);
        Assert.Equal(22m, series.Baseline?.Value);
        Assert.Equal("$.assessments[1].measures[0]", series.Baseline?.Path.ToString());
        Assert.Equal(16, series.EndOfTreatment?.SessionNumber);
    }

    [Fact]
    public void A_pre_treatment_meeting_gives_the_baseline_but_never_the_end_of_treatment_score()
    {
        // WHO group IPT: PHQ-9 18 at the pre-group meeting (session 1), then 14 and 8 at group sessions 5 and 9.
        var who = SampleCourses.Records.Single(r => r.Name == "who-group-pre-group-assessment").Course;
        who = who with { Sessions = ValueList.From(who.Sessions.Select(s => s with { Measures = s.Number is 1 or 5 or 9 ? [new Measurement(Phq9, s.Number == 1 ? 18 : s.Number == 5 ? 14 : 8)] : [] })) };
        var series = ScoreSeries.Of(CourseTimeline.Of(who, BuiltInProtocols.WhoGroup), Phq9);
        Assert.Equal(Phase.PreTreatment, series.Baseline?.Phase);
        Assert.Equal(18m, series.Baseline?.Value);
        Assert.Equal(9, series.EndOfTreatment?.SessionNumber);
        Assert.Equal(8m, series.EndOfTreatment?.Value);
        Assert.Equal(2, series.TreatmentScoreCount);
    }

    [Fact]
    public void Missed_and_planned_sessions_are_not_read()
    {
        var course = Standard
            .WithSession(16, s => s with { Status = SessionStatus.Missed })
            .WithSession(13, s => s with { Status = SessionStatus.Planned });
        var series = Of(course);
        Assert.Equal(9, series.EndOfTreatment?.SessionNumber);
        Assert.Equal(3, series.TreatmentScoreCount);
    }

    [Fact]
    public void One_score_is_a_baseline_without_an_end_of_treatment_score()
    {
        var course = OnlyScores(SampleCourses.Standard, (1, 18));
        var series = Of(course);
        Assert.Equal(18m, series.Baseline?.Value);
        Assert.Null(series.EndOfTreatment);
        Assert.False(series.IsPaired);
        Assert.Equal(series.Baseline, series.Latest);
    }

    [Fact]
    public void A_course_without_scores_has_an_empty_series()
    {
        var series = Of(OnlyScores(SampleCourses.Standard));
        Assert.Null(series.Baseline);
        Assert.Null(series.EndOfTreatment);
        Assert.Null(series.Latest);
        Assert.Equal(0, series.TreatmentScoreCount);
        Assert.Equal(new ScoreSeries().Baseline, series.Baseline);
        Assert.Equal("phq-9: no baseline -> no end-of-treatment score, 0 scores in treatment", series.ToString());
    }

    [Fact]
    public void Follow_ups_are_kept_apart_in_date_order()
    {
        var end = SampleCourses.Standard.Sessions[^1].Date!.Value;
        var course = Standard
            .PlusAssessment(new Assessment(AssessmentOccasion.FollowUp, end.PlusMonths(6)) { Measures = [new Measurement(Phq9, 9)] })
            .PlusAssessment(new Assessment(AssessmentOccasion.FollowUp, end.PlusMonths(3)) { Measures = [new Measurement(Phq9, 7)] })
            .PlusAssessment(new Assessment(AssessmentOccasion.Other, end.PlusMonths(1)) { Measures = [new Measurement(Phq9, 25)] });
        var series = Of(course);
        Assert.Equal(18m, series.Baseline?.Value);
        Assert.Equal(6m, series.EndOfTreatment?.Value);
        Assert.Equal(2, series.FollowUpCount);

        var followUps = ScoreSeries.FollowUpsOf(course, Phq9);
        Assert.Equal([7m, 9m], followUps.Select(p => p.Value));
        Assert.Equal([1, 0], followUps.Select(p => p.Index));
        Assert.Empty(ScoreSeries.FollowUpsOf(course, BuiltInInstruments.Gad7.Id));
    }

    [Fact]
    public void Points_describe_themselves_without_dates_or_free_text()
    {
        var course = Standard.PlusAssessment(
            new Assessment(AssessmentOccasion.Intake, new LocalDate(2025, 12, 1)) { Measures = [new Measurement(Phq9, 20)] });
        var series = Of(course with { Sessions = ValueList.From(course.Sessions.Select(s => s with { Notes = "Private note" })) });
        Assert.Equal("20 (Intake assessment)", series.Baseline.ToString());
        Assert.Equal("6 (session 16)", series.EndOfTreatment.ToString());
        Assert.Equal("phq-9: 20 (Intake assessment) -> 6 (session 16), 5 scores in treatment", series.ToString());
    }

    [Fact]
    public void Reading_a_series_allocates_nothing()
    {
        var timeline = CourseTimeline.Of(SampleCourses.Standard, BuiltInProtocols.Standard);
        for (var i = 0; i < 100; i++)
        {
            _ = ScoreSeries.Of(timeline, Phq9);
        }

        // As in AllocationTests: the runtime may allocate now and then for its own reasons, so one of
        // five rounds must show exactly 0 bytes.
        var measured = new List<long>();
        for (var round = 0; round < 5 && (measured.Count == 0 || measured[^1] != 0); round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10; i++)
            {
                _ = ScoreSeries.Of(timeline, Phq9);
            }

            measured.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, measured[^1]);
    }

    /// <summary>The standard sample with PHQ-9 at sessions 1, 5, 9, 13 and 16: 18 → 6 (set here, whatever the sample's own scores).</summary>
    internal static Course Standard { get; } = OnlyScores(SampleCourses.Standard, (1, 18), (5, 15), (9, 12), (13, 9), (16, 6));

    internal static ScoreSeries Of(Course course) => Series(course, Phq9);

    internal static ScoreSeries Series(Course course, InstrumentId instrument) => ScoreSeries.Of(CourseTimeline.Of(course, BuiltInProtocols.Standard), instrument);

    /// <summary>The course with PHQ-9 scores only at the given sessions (other measures removed).</summary>
    internal static Course OnlyScores(Course course, params (int Session, int Score)[] scores) =>
        course with
        {
            Sessions = ValueList.From(course.Sessions.Select(s =>
                scores.FirstOrDefault(p => p.Session == s.Number) is { Session: > 0 } p
                    ? s with { Measures = [SampleCourses.Scored(BuiltInInstruments.Phq9, p.Score)] }
                    : s with { Measures = [] })),
        };
}
