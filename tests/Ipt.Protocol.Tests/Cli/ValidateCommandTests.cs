using System.Text.Json;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private string Standard() => files.Course("standard.course.json", SampleCourses.Standard);

    private string Mistake(string name) => files.Course($"{name}.course.json", SampleCourses.Mistakes.Single(m => m.Name == name).Course);

    [Fact]
    public void A_correct_course_exits_0_with_a_summary_line()
    {
        var path = Standard();
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(
            $"{path}: attendance: 16 of 16 contracted treatment sessions attended, 0 did not attend, 0 cancelled; attendance rate 100 % of the sessions offered\n"
            + $"{path}: outcome (completed; finished treatment: 2 or more sessions): phq-9 18 → 3 (recovered, reliable improvement, response, remission)\n"
            + $"{path}: fidelity checklist (completed, inferred): 18 tasks: 18 done\n"
            + $"{path}: 0 errors, 0 warnings, 0 infos\n",
            output);
    }

    [Fact]
    public void A_course_with_an_error_exits_1_and_the_text_report_names_id_path_line_and_help()
    {
        var path = Mistake("formulation-not-agreed");
        var (code, output, _) = CliRunner.Run("validate", path);
        Assert.Equal(1, code);
        Assert.Contains("error IPT0304 ", output, StringComparison.Ordinal);
        Assert.Contains("(line ", output, StringComparison.Ordinal);
        Assert.Contains("[https://github.com/ipt-protocol/Ipt.Protocol/blob/main/docs/rules/IPT0304.md]", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ errors?, \d+ warnings?, \d+ infos?\n$", output);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_report_groups_findings_by_session_with_course_level_findings_first()
    {
        var path = Mistake("session-dates-out-of-order");
        var (_, output, _) = CliRunner.Run("validate", path);
        var lines = output.Split('\n');
        var sessionHeader = Array.FindIndex(lines, l => l.StartsWith($"{path}: session ", StringComparison.Ordinal));
        Assert.True(sessionHeader >= 0, output);
        var courseHeader = Array.FindIndex(lines, l => l == $"{path}: course");
        Assert.True(courseHeader < sessionHeader, output);
    }

    [Fact]
    public void Json_report_has_the_documented_shape_and_lines()
    {
        var path = Mistake("role-dispute-without-stage");
        var (code, output, _) = CliRunner.Run("validate", path, "--format", "json");
        using var json = JsonDocument.Parse(output);
        var file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(path, file.GetProperty("path").GetString());
        var errors = file.GetProperty("errors").GetInt32();
        Assert.Equal(errors == 0, file.GetProperty("valid").GetBoolean());
        Assert.Equal(errors > 0 ? 1 : 0, code);
        var diagnostic = file.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "IPT0404");
        Assert.Equal(
            ["id", "severity", "category", "message", "path", "line", "column", "helpUri"],
            diagnostic.EnumerateObject().Select(p => p.Name));
        Assert.Equal("$.formulation.areas[0].disputeStage", diagnostic.GetProperty("path").GetString());
        Assert.Equal("https://github.com/ipt-protocol/Ipt.Protocol/blob/main/docs/rules/IPT0404.md", diagnostic.GetProperty("helpUri").GetString());

        // The member is left out of the document, so the line is its enclosing focus area's.
        var bytes = File.ReadAllBytes(path);
        var areaPath = DocumentPath.Of("formulation").Property("areas").At(0);
        var area = CourseJson.Locate(bytes, [areaPath])[areaPath];
        Assert.Equal(area.Line, diagnostic.GetProperty("line").GetInt64());
    }

    [Fact]
    public void A_missing_file_exits_2_naming_it_while_other_files_are_still_reported()
    {
        var good = Standard();
        var missing = files.PathOf("nope.course.json");
        var (code, output, error) = CliRunner.Run("validate", missing, good);
        Assert.Equal(2, code);
        Assert.Contains($"{missing}: cannot read the file: the file does not exist", error, StringComparison.Ordinal);
        Assert.Contains($"{good}: 0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_exits_2_with_file_line_and_position()
    {
        var bad = files.Text("bad.course.json", "{\n  \"schemaVersion\": 2,\n  \"protocol\": \"ipt\",,\n}\n");
        var (code, output, error) = CliRunner.Run("validate", bad, "--format", "json");
        Assert.Equal(2, code);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(bad)}:3:\\d+: ", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public void Errors_in_one_file_and_an_unreadable_other_exit_2()
    {
        var (code, _, _) = CliRunner.Run("validate", Mistake("formulation-not-agreed"), files.PathOf("missing.json"));
        Assert.Equal(2, code);
    }

    [Fact]
    public void Severity_override_turns_an_error_into_a_warning()
    {
        var path = Mistake("formulation-not-agreed");
        var before = CliRunner.Run("validate", path, "--format", "json");
        using var beforeJson = JsonDocument.Parse(before.Output);
        var ids = beforeJson.RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() == "error")
            .Select(d => d.GetProperty("id").GetString()!)
            .Distinct()
            .ToList();
        Assert.Contains("IPT0304", ids);
        var args = new List<string> { "validate", path, "--format", "json" };
        foreach (var id in ids)
        {
            args.AddRange(["--severity", $"{id}=warning"]);
        }

        var (code, output, _) = CliRunner.Run([.. args]);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var d304 = json.RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("id").GetString() == "IPT0304");
        Assert.Equal("warning", d304.GetProperty("severity").GetString());
    }

    [Fact]
    public void Disable_removes_a_rule()
    {
        var path = Mistake("formulation-not-agreed");
        var (_, output, _) = CliRunner.Run("validate", path, "--disable", "IPT0304");
        Assert.DoesNotContain("IPT0304", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--severity", "IPT0304=fatal", "expected ID=error")]
    [InlineData("--severity", "IPT9999=error", "unknown rule id 'IPT9999'")]
    [InlineData("--disable", "nonsense", "unknown rule id")]
    [InlineData("--protocol", "nope", "unknown protocol 'nope'")]
    public void Bad_options_are_bad_usage(string option, string value, string message)
    {
        var (code, _, error) = CliRunner.Run("validate", Standard(), option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("suggest")]
    [InlineData("render")]
    public void A_mistyped_option_is_bad_usage_not_a_missing_file(string command)
    {
        var (code, output, error) = CliRunner.Run(command, "--frmat", "json", Standard());
        Assert.Equal(2, code);
        Assert.Contains("Unknown option '--frmat'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read the file", error + output, StringComparison.Ordinal);

        // Corrected, the same command runs.
        var (fixedCode, _, _) = CliRunner.Run(command, Standard());
        Assert.Equal(0, fixedCode);
    }

    [Fact]
    public void Protocol_option_validates_against_another_variant()
    {
        var path = Standard();
        var (own, _, _) = CliRunner.Run("validate", path);
        Assert.Equal(0, own);
        var (code, output, _) = CliRunner.Run("validate", path, "--protocol", "ipt-a", "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains("\"IPT0802\"", output, StringComparison.Ordinal); // the adult patient is outside IPT-A's age range
        Assert.Contains("\"IPT0801\"", output, StringComparison.Ordinal); // no caregiver in the initial phase
    }

    [Fact]
    public void A_bad_catalogue_exits_2_with_file_and_line()
    {
        var catalogue = files.Text("bad.catalogue.json", "{\n  \"name\": 5\n}\n");
        var (code, output, error) = CliRunner.Run("validate", Standard(), "--catalogue", catalogue);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"{catalogue}:", error, StringComparison.Ordinal);
        Assert.Matches(":\\d+:\\d+: ", error);
    }

    [Fact]
    public void A_good_catalogue_is_accepted()
    {
        var (code, _, error) = CliRunner.Run("validate", Standard(), "--catalogue", Docs.RepoFiles.PathOf("docs/examples/catalogue.example.json"));
        Assert.True(code == 0, error);
    }

    [Fact]
    public void Suggest_flag_prints_the_next_session_suggestions_after_the_report()
    {
        var (code, output, _) = CliRunner.Run("validate", Mistake("in-progress"), "--suggest");
        Assert.Equal(0, code);
        Assert.Contains(": suggestions for session 8 of 16", output, StringComparison.Ordinal);
        Assert.Contains("   1. ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_flag_on_a_complete_course_says_that_no_session_is_due()
    {
        var (code, output, _) = CliRunner.Run("validate", Standard(), "--suggest");
        Assert.Equal(0, code);
        Assert.Contains(": the course is complete: every session up to 16", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   1. ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_output_has_every_required_property_of_sarif_2_1_0()
    {
        var path = Mistake("safety-item-without-risk-review");
        var (code, output, _) = CliRunner.Run("validate", path, "--format", "sarif");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var problems = SarifStructure.Check(json.RootElement);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var run = json.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "IPT0704");
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[result.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("IPT0704", rule.GetProperty("id").GetString());
        Assert.EndsWith("docs/rules/IPT0704.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        var location = result.GetProperty("locations")[0];
        Assert.True(location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() > 1);
        Assert.StartsWith("$.sessions[", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_reports_an_unreadable_file_as_a_failed_invocation_with_its_line()
    {
        var bad = files.Text("bad.course.json", "{\n  \"schemaVersion\": 2,,\n}\n");
        var (code, output, _) = CliRunner.Run("validate", bad, Standard(), "--format", "sarif");
        Assert.Equal(2, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(SarifStructure.Check(json.RootElement));
        var invocation = json.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal(2, notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Sarif_states_a_disabled_safety_check_as_an_override_and_a_warning_notification()
    {
        var (code, output, _) = CliRunner.Run("validate", Mistake("safety-item-without-risk-review"), "--format", "sarif", "--disable", "IPT0704");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(SarifStructure.Check(json.RootElement));
        var run = json.RootElement.GetProperty("runs")[0];
        var invocation = run.GetProperty("invocations")[0];
        var change = Assert.Single(invocation.GetProperty("ruleConfigurationOverrides").EnumerateArray());
        Assert.Equal("IPT0704", change.GetProperty("descriptor").GetProperty("id").GetString());
        Assert.False(change.GetProperty("configuration").GetProperty("enabled").GetBoolean());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal("IPT0704", rules[change.GetProperty("descriptor").GetProperty("index").GetInt32()].GetProperty("id").GetString());
        var notification = Assert.Single(invocation.GetProperty("toolConfigurationNotifications").EnumerateArray());
        Assert.Equal("warning", notification.GetProperty("level").GetString());
        Assert.Equal("Safety checks changed: IPT0704 disabled.", notification.GetProperty("message").GetProperty("text").GetString());
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("id").GetString() == "IPT0704" && r.GetProperty("properties").GetProperty("tags")[0].GetString() == "safety");
    }

    [Fact]
    public void Sarif_without_changed_safety_checks_has_no_overrides()
    {
        var (_, output, _) = CliRunner.Run("validate", Standard(), "--format", "sarif", "--disable", "IPT0504");
        using var json = JsonDocument.Parse(output);
        var invocation = json.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.TryGetProperty("ruleConfigurationOverrides", out _));
        Assert.False(invocation.TryGetProperty("toolConfigurationNotifications", out _));
    }

    [Fact]
    public void Text_and_json_state_a_demoted_safety_check_for_every_course()
    {
        var (code, output, _) = CliRunner.Run("validate", Standard(), Mistake("safety-item-without-risk-review"), "--severity", "IPT0704=info");
        Assert.Equal(0, code);
        Assert.Equal(2, output.Split('\n').Count(l => l.EndsWith(": safety checks changed: IPT0704 demoted from error to info", StringComparison.Ordinal)));
        var (_, jsonOutput, _) = CliRunner.Run("validate", Standard(), "--severity", "IPT0704=info", "--format", "json");
        using var json = JsonDocument.Parse(jsonOutput);
        var change = Assert.Single(json.RootElement.GetProperty("files")[0].GetProperty("safetyChecksChanged").EnumerateArray());
        Assert.Equal("IPT0704", change.GetProperty("id").GetString());
        Assert.Equal("info", change.GetProperty("now").GetString());
        Assert.Equal("error", change.GetProperty("defaultSeverity").GetString());
    }

    [Fact]
    public void The_engines_own_ids_cannot_be_disabled_or_demoted()
    {
        var (code, _, error) = CliRunner.Run("validate", Standard(), "--disable", "IPT0001");
        Assert.Equal(2, code);
        Assert.Contains("IPT0001 is one of the engine's own diagnostics and cannot be disabled", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("validate", Standard(), "--severity", "IPT0002=info");
        Assert.Equal(2, code);
        Assert.Contains("cannot be given another severity", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_states_attendance_and_the_outcome_of_a_course_that_ended_early()
    {
        var record = SampleCourses.Records.Single(r => r.Name == "ended-early-after-6");
        var path = files.Course("ended.course.json", record.Course);
        var (_, output, _) = CliRunner.Run("validate", path);
        Assert.Contains($"{path}: attendance: 6 of 16 contracted treatment sessions attended, 3 did not attend, 0 cancelled", output, StringComparison.Ordinal);
        Assert.Contains($"{path}: outcome (ended early; finished treatment: 2 or more sessions): phq-9 18 → 20 (not recovered, no reliable change, no response, no remission)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_of_a_clean_course_is_valid_with_no_results()
    {
        var (code, output, _) = CliRunner.Run("validate", Standard(), "--format", "sarif");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(SarifStructure.Check(json.RootElement));
        Assert.Equal(0, json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Messages_never_carry_course_text()
    {
        const string marker = "ZZMARKERZZ";
        var course = SampleCourses.Mistakes.Single(m => m.Name == "formulation-not-agreed").Course;
        course = course with
        {
            Inventory = new InterpersonalInventory(course.Inventory.Persons.Select(p => p with { Label = marker }), course.Inventory.Rings),
        };
        var path = files.Course("marked.course.json", course);
        foreach (var format in new[] { "text", "json", "sarif" })
        {
            var (_, output, error) = CliRunner.Run("validate", path, "--format", format, "--suggest");
            Assert.DoesNotContain(marker, output, StringComparison.Ordinal);
            Assert.DoesNotContain(marker, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_prints_the_version_without_build_metadata()
    {
        var (code, output, _) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$", output);
    }
}
