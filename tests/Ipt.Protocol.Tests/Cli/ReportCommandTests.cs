using System.Text.Json;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Cli;

public sealed class ReportCommandTests : IDisposable
{
    private const string Marker = "ZZLABELMARKERZZ";
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>Every sample document (variants, mistakes, records), one compact course per line.</summary>
    private static string CaseloadLines() =>
        string.Concat(SampleDocumentTests.Documents().Select(d => CourseJson.Default.WriteToString(d.Course, indented: false) + "\n"));

    [Fact]
    public void The_caseload_sample_holds_every_sample_course_one_per_line()
    {
        Snapshot.MatchFile("docs/examples/caseload.jsonl", CaseloadLines());
    }

    [Fact]
    public void The_report_counts_the_caseload_as_the_outcomes_api_does()
    {
        var path = files.Text("caseload.jsonl", CaseloadLines());
        var (code, output, error) = CliRunner.Run("report", path, "--format", "json");
        Assert.Equal(0, code);
        Assert.Empty(error);
        var calculator = new OutcomeCalculator();
        var expected = CaseloadSummary.Of(SampleDocumentTests.Documents().Select(d => calculator.TryCalculate(d.Course, out var o) ? o : throw new InvalidOperationException(d.Path)));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(SampleDocumentTests.Documents().Count(), root.GetProperty("read").GetInt32());
        Assert.Equal(0, root.GetProperty("unreadable").GetInt32());
        Assert.Equal(expected.Courses, root.GetProperty("courses").GetInt32());
        Assert.Equal(expected.Active, root.GetProperty("active").GetInt32());
        Assert.Equal(expected.EndedEarly, root.GetProperty("endedEarly").GetInt32());
        Assert.Equal(expected.FinishedTreatment, root.GetProperty("finishedTreatment").GetInt32());
        Assert.Equal(expected.MedianAttendedSessions, root.GetProperty("medianAttendedSessions").GetDouble());
        var phq9 = expected.CountsOf(BuiltInInstruments.Phq9.Id)!;
        var reported = root.GetProperty("instruments").GetProperty("phq-9");
        Assert.Equal(phq9.Recovered, reported.GetProperty("recovered").GetInt32());
        Assert.Equal(phq9.ReliableImprovement, reported.GetProperty("reliableImprovement").GetInt32());
        Assert.Equal(Math.Round(phq9.RecoveryRate!.Value, 4), reported.GetProperty("recoveryRate").GetDouble());

        // The safety mistake is counted as a course with a safety finding; the ended-early record as a dropout.
        Assert.True(root.GetProperty("findings").GetProperty("coursesWithSafetyFindings").GetInt32() >= 1);
        Assert.True(root.GetProperty("endedEarly").GetInt32() >= 1);
    }

    [Fact]
    public void Unreadable_lines_are_listed_with_their_line_and_counted_and_the_exit_code_is_2()
    {
        var good = CourseJson.Default.WriteToString(SampleCourses.Standard, indented: false);
        var path = files.Text("mixed.jsonl", $"{good}\n\n{good[..40]}\n{good}\n");
        var (code, output, error) = CliRunner.Run("report", path);
        Assert.Equal(2, code);
        Assert.StartsWith($"{path}: 2 courses read, 1 unreadable line\n", output, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:3:", error, StringComparison.Ordinal);
        Assert.Contains(": truncated: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_caseload_reads_as_numbers_and_ids_only()
    {
        var course = SampleCourses.Standard with
        {
            Inventory = new InterpersonalInventory(SampleCourses.Standard.Inventory.Persons.Select(p => p with { Label = Marker }), SampleCourses.Standard.Inventory.Rings),
        };
        var path = files.Text("one.jsonl", CourseJson.Default.WriteToString(course, indented: false) + "\n");
        var (code, output, error) = CliRunner.Run("report", path);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.DoesNotContain(Marker, output, StringComparison.Ordinal);
        Assert.Contains("courses: 0 active, 1 completed, 0 ended early (dropout rate 0.0 %)", output, StringComparison.Ordinal);
        Assert.Contains("phq-9: 1 finished course, 1 with a first and last score; recovered 1 (100.0 %)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_a_bad_parallel_count_is_exit_code_2()
    {
        var (code, _, error) = CliRunner.Run("report", files.PathOf("absent.jsonl"));
        Assert.Equal(2, code);
        Assert.Contains("the file does not exist", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("report", files.Text("x.jsonl", "\n"), "--parallel", "0");
        Assert.Equal(2, code);
        Assert.Contains("--parallel must be at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_line_is_written_with_control_characters_escaped()
    {
        var path = files.Text("escape.jsonl", "{\"schemaVersion\":2,\"protocol\":\"ipt\",\"\\u001b[2J\":1}\n");
        var (code, _, error) = CliRunner.Run("report", path);
        Assert.Equal(2, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.StartsWith($"{path}:1:", error, StringComparison.Ordinal);
        Assert.Contains("unknown-member", error, StringComparison.Ordinal);
    }
}
