using System.Text.Json;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Tests.Cli;

public sealed class SuggestTechniquesPlanSchemaTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>The standard sample with sessions 8 to 16 only planned: the next due session is 8.</summary>
    private string Midway()
    {
        var course = SampleCourses.Standard;
        course = course with
        {
            Sessions = [.. course.Sessions.Select(s => s.Number < 8 ? s : new Session(s.Number, s.Phase) { Date = s.Date, Status = SessionStatus.Planned })],
        };
        return files.Course("midway.course.json", course);
    }

    [Fact]
    public void Suggest_ranks_techniques_for_the_next_due_session()
    {
        var (code, output, error) = CliRunner.Run("suggest", Midway());
        Assert.True(code == 0, error);
        Assert.Contains("suggestions for session 8 of 16 (middle phase, ipt", output, StringComparison.Ordinal);
        Assert.Contains("   1. ", output, StringComparison.Ordinal);
        Assert.Contains("   5. ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   6. ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_as_json_for_a_chosen_session_and_count()
    {
        var (code, output, _) = CliRunner.Run("suggest", Midway(), "--session", "2", "--top", "3", "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("session").GetInt32());
        Assert.Equal("initial", json.RootElement.GetProperty("phase").GetString());
        var suggestions = json.RootElement.GetProperty("suggestions");
        Assert.Equal(3, suggestions.GetArrayLength());
        Assert.All(suggestions.EnumerateArray(), s => Assert.True(TechniqueCatalogue.BuiltIn.Contains(TechniqueId.From(s.GetProperty("id").GetString()!))));
        var scores = suggestions.EnumerateArray().Select(s => s.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Suggest_on_a_complete_course_says_so_and_suggests_nothing()
    {
        var path = files.Course("complete.course.json", SampleCourses.Standard);
        var (code, output, error) = CliRunner.Run("suggest", path);
        Assert.True(code == 0, error);
        Assert.Equal($"{path}: the course is complete: every session up to 16, the last under its contract, is recorded and none is planned; no suggestions (ask for one with --session N)\n", output.ReplaceLineEndings("\n"));

        var (jsonCode, json, _) = CliRunner.Run("suggest", path, "--format", "json");
        Assert.Equal(0, jsonCode);
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("courseComplete").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("suggestions").GetArrayLength());

        var (midCode, mid, _) = CliRunner.Run("suggest", Midway(), "--format", "json");
        Assert.Equal(0, midCode);
        using var midDocument = JsonDocument.Parse(mid);
        Assert.False(midDocument.RootElement.GetProperty("courseComplete").GetBoolean());
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--session", "0")]
    public void Suggest_rejects_counts_below_one(string option, string value)
    {
        var (code, _, _) = CliRunner.Run("suggest", Midway(), option, value);
        Assert.Equal(2, code);
    }

    [Fact]
    public void Suggest_for_a_missing_or_malformed_file_exits_2()
    {
        var (missing, _, error) = CliRunner.Run("suggest", files.PathOf("nope.json"));
        Assert.Equal(2, missing);
        Assert.Contains("nope.json: cannot read the file", error, StringComparison.Ordinal);
        var bad = files.Text("bad.json", "[1,");
        var (malformed, _, error2) = CliRunner.Run("suggest", bad);
        Assert.Equal(2, malformed);
        Assert.StartsWith($"{bad}:1:", error2, StringComparison.Ordinal);
    }

    [Fact]
    public void Techniques_lists_the_built_in_catalogue_in_text_and_json()
    {
        var (code, output, _) = CliRunner.Run("techniques");
        Assert.Equal(0, code);
        Assert.Contains($"{TechniqueCatalogue.BuiltIn.Count} techniques.", output, StringComparison.Ordinal);
        Assert.Contains("communication-analysis", output, StringComparison.Ordinal);
        var (jsonCode, jsonText, _) = CliRunner.Run("techniques", "--format", "json");
        Assert.Equal(0, jsonCode);
        using var json = JsonDocument.Parse(jsonText);
        var all = json.RootElement.GetProperty("techniques");
        Assert.Equal(TechniqueCatalogue.BuiltIn.Count, all.GetArrayLength());
        var closeness = all.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "closeness-circle");
        Assert.Equal(["initial"], closeness.GetProperty("phases").EnumerateArray().Select(p => p.GetString()));
        Assert.False(string.IsNullOrEmpty(closeness.GetProperty("citation").GetString()));
    }

    [Fact]
    public void Techniques_with_a_catalogue_lists_the_composed_catalogue()
    {
        var path = Docs.RepoFiles.PathOf("docs/examples/catalogue.example.json");
        var composed = CatalogueComposer.ComposeFiles([path]).GetValueOrThrow();
        var (code, output, error) = CliRunner.Run("techniques", "--catalogue", path, "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(composed.Count, json.RootElement.GetProperty("techniques").GetArrayLength());
        var (bad, _, badError) = CliRunner.Run("techniques", "--catalogue", files.PathOf("missing.json"));
        Assert.Equal(2, bad);
        Assert.Contains("missing.json: cannot read the catalogue", badError, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_out_writes_a_course_document_that_reads_back_and_validates()
    {
        var path = files.PathOf("planned.course.json");
        var (code, output, error) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07", "--skip", "2026-12-28", "--out", path);
        Assert.True(code == 0, error);
        Assert.Contains("a new ipt course with 16 planned sessions", output, StringComparison.Ordinal);
        var course = CourseJson.Default.TryRead(File.ReadAllBytes(path)).GetValueOrThrow();
        Assert.Equal("ipt", course.Protocol.Value);
        Assert.Equal(16, course.Sessions.Count);
        Assert.All(course.Sessions, s => Assert.Equal(SessionStatus.Planned, s.Status));
        Assert.DoesNotContain(course.Sessions, s => s.Date == new NodaTime.LocalDate(2026, 12, 28));
        Assert.False(CourseValidator.Default.Validate(course).HasErrors);
        var (validate, _, _) = CliRunner.Run("validate", path);
        Assert.Equal(0, validate);
    }

    [Fact]
    public void Plan_out_to_an_unwritable_place_exits_2()
    {
        var (code, _, error) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07", "--out", Path.Combine(files.Root, "no", "such", "folder", "c.json"));
        Assert.Equal(2, code);
        Assert.Contains("cannot write the file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_offers_every_document_kind()
    {
        foreach (var schema in DocumentSchema.All)
        {
            var (code, output, _) = CliRunner.Run("schema", schema.Name);
            Assert.Equal(0, code);
            Assert.Equal(schema.ToJsonString(), output);
        }

        var (bad, _, _) = CliRunner.Run("schema", "nonsense");
        Assert.Equal(2, bad);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("suggest")]
    [InlineData("plan")]
    [InlineData("protocols")]
    [InlineData("rules")]
    [InlineData("techniques")]
    [InlineData("schema")]
    [InlineData("render")]
    public void Help_of_every_command_shows_examples(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains($"ipt {command}", output, StringComparison.Ordinal);
    }
}
