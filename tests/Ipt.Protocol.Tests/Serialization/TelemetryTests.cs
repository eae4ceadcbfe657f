using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>Bulk validation's meter and activity (run alone: a listener hears every bulk run in the process).</summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
[Collection(nameof(TelemetryTests))]
public class TelemetryTests
{
    [Fact]
    public async Task Bulk_validation_counts_courses_and_findings_by_severity_and_ends_one_activity_with_the_totals()
    {
        var mistake = SampleCourses.Mistakes[0].Course;
        var expected = CourseValidator.Default.Validate(mistake);
        var text = string.Join("\n", CourseJson.Default.WriteToString(SampleCourses.Standard, indented: false), "not json", CourseJson.Default.WriteToString(mistake, indented: false), string.Empty);

        var measured = new Dictionary<string, long>(StringComparer.Ordinal);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IptTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name;
            foreach (var tag in tags)
            {
                key += $" {tag.Key}={tag.Value}";
            }

            lock (measured)
            {
                measured[key] = measured.GetValueOrDefault(key) + value;
            }
        });
        meters.Start();

        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == IptTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => activities.Add(activity),
        };
        ActivitySource.AddActivityListener(listener);

        await foreach (var _ in CourseJson.Default.ValidateLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxDegreeOfParallelism: 2, cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        Assert.Equal(3, measured[IptTelemetry.CoursesRead]);
        Assert.Equal(2, measured[IptTelemetry.CoursesValidated]);
        Assert.Equal(1, measured[IptTelemetry.CoursesUnreadable]);
        Assert.Equal(expected.ErrorCount, measured.GetValueOrDefault($"{IptTelemetry.Findings} {IptTelemetry.SeverityTag}=error"));
        Assert.Equal(expected.WarningCount, measured.GetValueOrDefault($"{IptTelemetry.Findings} {IptTelemetry.SeverityTag}=warning"));
        Assert.Equal(expected.InfoCount, measured.GetValueOrDefault($"{IptTelemetry.Findings} {IptTelemetry.SeverityTag}=info"));
        Assert.True(expected.ErrorCount > 0);

        var run = Assert.Single(activities);
        Assert.Equal(IptTelemetry.ValidateLinesActivity, run.OperationName);
        Assert.Equal(3L, run.GetTagItem(IptTelemetry.CoursesRead));
        Assert.Equal(2L, run.GetTagItem(IptTelemetry.CoursesValidated));
        Assert.Equal(1L, run.GetTagItem(IptTelemetry.CoursesUnreadable));
        Assert.Equal((long)expected.ErrorCount, run.GetTagItem("ipt.findings.error"));
    }
}
