using System.Text;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Serialization;

public class JsonLinesTests
{
    private static readonly Course Standard = SampleCourses.Standard;
    private static readonly Course Mistake = SampleCourses.Mistakes[0].Course;

    private static string Line(Course course) => CourseJson.Default.WriteToString(course, indented: false);

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Reads_one_course_per_line_in_order_with_line_numbers()
    {
        var text = Line(Standard) + "\n" + Line(Mistake) + "\n" + Line(Standard) + "\n";
        var lines = await ToList(CourseJson.Default.ReadLinesAsync(Stream(text), TestContext.Current.CancellationToken));
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.LineNumber));
        Assert.All(lines, l => Assert.True(l.Result.Success));
        Assert.Equal([Standard, Mistake, Standard], lines.Select(l => l.Result.Value));
    }

    [Fact]
    public async Task Blank_lines_are_skipped_but_counted_and_crlf_and_a_missing_last_newline_are_accepted()
    {
        var text = "\r\n" + Line(Standard) + "\r\n   \r\n\t\n" + Line(Mistake);
        var lines = await ToList(CourseJson.Default.ReadLinesAsync(Stream(text), TestContext.Current.CancellationToken));
        Assert.Equal([2L, 5L], lines.Select(l => l.LineNumber));
        Assert.Equal([Standard, Mistake], lines.Select(l => l.Result.Value));
    }

    [Fact]
    public async Task An_empty_stream_gives_no_lines()
    {
        Assert.Empty(await ToList(CourseJson.Default.ReadLinesAsync(Stream(""), TestContext.Current.CancellationToken)));
        Assert.Empty(await ToList(CourseJson.Default.ValidateLinesAsync(Stream("\n\n"), maxDegreeOfParallelism: 2, cancellationToken: TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_its_line_number_and_does_not_stop_the_rest()
    {
        var text = Line(Standard) + "\n{\"schemaVersion\":2,\"protocol\":\"ipt\",\"patientAge\":-3}\nnot json\n" + Line(Standard) + "\n";
        var results = await ToList(CourseJson.Default.ValidateLinesAsync(Stream(text), maxDegreeOfParallelism: 2, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal([1L, 2L, 3L, 4L], results.Select(r => r.LineNumber));
        Assert.True(results[0].IsValid);
        Assert.False(results[1].WasRead);
        Assert.Contains(results[1].ReadErrors, e => e.Path.ToString() == "$.patientAge");
        Assert.False(results[2].WasRead);
        Assert.All(results[2].ReadErrors, e => Assert.Equal(1, e.Location?.Line));
        Assert.True(results[3].IsValid);
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_reported_and_skipped()
    {
        var reader = new CourseJson(new IptJsonLimits { MaxDocumentBytes = 1024 });
        var small = "{\"schemaVersion\":2,\"protocol\":\"ipt\"}";
        var text = small + "\n" + "{\"x\":\"" + new string('a', 300_000) + "\"}\n" + small + "\n";
        var lines = await ToList(reader.ReadLinesAsync(Stream(text), TestContext.Current.CancellationToken));
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.LineNumber));
        Assert.True(lines[0].Result.Success);
        Assert.Contains("longer than the limit", Assert.Single(lines[1].Result.Errors).Message, StringComparison.Ordinal);
        Assert.True(lines[2].Result.Success);
    }

    [Fact]
    public async Task Validation_reports_each_course_and_parallel_results_equal_sequential()
    {
        var courses = SampleCourses.All.Values.Concat(SampleCourses.Mistakes.Select(m => m.Course)).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            text.Append(i % 37 == 5 ? "{broken" : Line(courses[i % courses.Count])).Append('\n');
        }

        var sequential = await ToList(CourseJson.Default.ValidateLinesAsync(Stream(text.ToString()), maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken));
        var parallel = await ToList(CourseJson.Default.ValidateLinesAsync(Stream(text.ToString()), maxDegreeOfParallelism: 4, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(300, sequential.Count);
        Assert.Equal(sequential, parallel);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), parallel.Select(r => r.LineNumber));
        var mistake = parallel.First(r => r.Course == Mistake);
        Assert.Equal(CourseValidator.Default.Validate(Mistake), mistake.Report);
        Assert.Contains(parallel, r => !r.WasRead);
    }

    [Fact]
    public async Task Cancellation_stops_the_work()
    {
        var text = string.Concat(Enumerable.Repeat(Line(Standard) + "\n", 500));
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in CourseJson.Default.ValidateLinesAsync(Stream(text), maxDegreeOfParallelism: 2, cancellationToken: cts.Token))
            {
                if (++seen == 10)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.True(seen < 500);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => CourseJson.Default.ReadLinesAsync(null!, TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => CourseJson.Default.ValidateLinesAsync(Stream(""), maxDegreeOfParallelism: 0, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => new BulkResult(1, ValueList<DocumentError>.Empty));
    }

    [Fact]
    public async Task Results_name_no_patient_data()
    {
        var results = await ToList(CourseJson.Default.ValidateLinesAsync(Stream(Line(Standard) + "\n{bad\n"), maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken));
        Assert.All(results, r => Assert.DoesNotContain("Alex", r.ToString(), StringComparison.Ordinal));
    }
}
