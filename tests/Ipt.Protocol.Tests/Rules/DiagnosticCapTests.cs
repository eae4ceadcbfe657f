using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Rules;

/// <summary>A capped report lists the first findings and counts the rest by id in one IPT0003, never hiding an error silently.</summary>
public class DiagnosticCapTests
{
    /// <summary>The standard course with PHQ-9 item 9 positive and no risk review in every session: one safety error (IPT0704) per session.</summary>
    private static Course ManySafetyFindings()
    {
        var positive = new Measurement(BuiltInInstruments.Phq9.Id, null, [1, 1, 1, 1, 1, 1, 1, 1, 2]);
        return SampleCourses.Standard with
        {
            Sessions = ValueList.From(SampleCourses.Standard.Sessions.Select(s => s.Without(SessionTask.RiskReview) with { Measures = [positive] })),
        };
    }

    [Fact]
    public void Below_the_cap_the_report_is_whole()
    {
        var report = CourseValidator.Default.Validate(ManySafetyFindings());
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "IPT0003");
        Assert.True(report.Diagnostics.Count(d => d.Id == "IPT0704") >= 10);
    }

    [Fact]
    public void Over_the_cap_the_rest_is_counted_by_id_at_error_severity()
    {
        var course = ManySafetyFindings();
        var whole = CourseValidator.Default.Validate(course);
        var capped = new CourseValidator(new ValidatorOptions { MaxDiagnostics = 3 }).Validate(course);
        Assert.Equal(4, capped.Diagnostics.Count);
        var omitted = Assert.Single(capped.Diagnostics, d => d.Id == "IPT0003");
        Assert.Equal(DiagnosticSeverity.Error, omitted.Severity);
        Assert.Equal("$", omitted.Path.ToString());
        Assert.Equal((whole.Diagnostics.Count - 3).ToString(System.Globalization.CultureInfo.InvariantCulture), omitted.Argument("omitted"));
        Assert.Contains("IPT0704 × ", omitted.Message, StringComparison.Ordinal);
        Assert.True(capped.HasErrors);
    }

    [Fact]
    public void A_cap_that_leaves_out_only_warnings_is_a_warning()
    {
        var course = SampleCourses.Standard with { Sessions = ValueList.From(SampleCourses.Standard.Sessions.Select(s => s with { Length = NodaTime.Duration.FromMinutes(20) })) };
        var whole = CourseValidator.Default.Validate(course);
        Assert.All(whole.Diagnostics, d => Assert.NotEqual(DiagnosticSeverity.Error, d.Severity));
        var capped = new CourseValidator(new ValidatorOptions { MaxDiagnostics = 1 }).Validate(course);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(capped.Diagnostics, d => d.Id == "IPT0003").Severity);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValidatorOptions { MaxDiagnostics = 0 });
    }
}
