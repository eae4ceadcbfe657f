using System.Text;
using System.Xml.Linq;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Cli;

/// <summary>The tool on inputs that crashed it, fooled it or made it say something wrong (issue 16, item 5).</summary>
public sealed class ToolHardeningTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private string Standard() => files.Course("standard.course.json", SampleCourses.Standard);

    [Fact]
    public void Validate_with_suggest_on_an_unknown_protocol_reports_it_and_gives_no_suggestions()
    {
        var path = files.Course("unknown.course.json", SampleCourses.Standard with { Protocol = ProtocolId.From("no-such-variant") });
        var (code, output, error) = CliRunner.Run("validate", path, "--suggest");
        Assert.Equal(1, code);
        Assert.Empty(error);
        Assert.Contains(" IPT0002 ", output, StringComparison.Ordinal);
        Assert.EndsWith($"{path}: no suggestions: the course's protocol ($.protocol) is not known.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_past_the_end_of_the_calendar_is_a_usage_error()
    {
        var (code, output, error) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "9999-12-01");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal("ipt plan: --start 9999-12-01: the plan would run past the last date of the calendar (9999-12-31).\n", error);
    }

    [Fact]
    public void The_planner_refuses_a_plan_past_the_calendar_with_an_argument_error_naming_start()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ipt.Protocol.Scheduling.SchedulePlanner.Plan(Ipt.Protocol.Protocols.BuiltInProtocols.Standard, new NodaTime.LocalDate(9999, 12, 1)));
        Assert.Equal("start", ex.ParamName);
    }

    [Fact]
    public void Plan_out_does_not_overwrite_a_file_without_force()
    {
        var path = files.Text("existing.course.json", "keep me\n");
        var (code, _, error) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07", "--out", path);
        Assert.Equal(2, code);
        Assert.Contains("the file exists; add --force to overwrite it", error, StringComparison.Ordinal);
        Assert.Equal("keep me\n", File.ReadAllText(path));
        (code, _, _) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07", "--out", path, "--force");
        Assert.Equal(0, code);
        Assert.True(CourseJson.Default.TryRead(File.ReadAllText(path)).Success);
    }

    [Fact]
    public void Plan_skip_on_a_date_without_a_session_is_an_error_and_on_a_session_date_moves_it()
    {
        var (code, _, error) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07", "--skip", "2026-12-08");
        Assert.Equal(2, code);
        Assert.Equal("ipt plan: --skip 2026-12-08: no session of the plan falls on that date.\n", error);
        var (ok, output, _) = CliRunner.Run("plan", "--protocol", "ipt", "--start", "2026-12-07", "--skip", "2026-12-14");
        Assert.Equal(0, ok);
        Assert.DoesNotContain("2026-12-14", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_sessions_outside_a_fixed_count_says_exactly()
    {
        var (code, _, error) = CliRunner.Run("plan", "--protocol", "ipt-b", "--start", "2026-12-07", "--sessions", "9");
        Assert.Equal(2, code);
        Assert.Equal("ipt plan: --sessions 9: ipt-b has exactly 8 treatment sessions.\n", error);
    }

    [Fact]
    public void Terminal_escapes_in_a_member_name_are_written_escaped()
    {
        var path = files.Text("escape.course.json", "{\"schemaVersion\":2,\"protocol\":\"ipt\",\"\\u001b[2J\\r0 errors\":1}");
        var (code, _, error) = CliRunner.Run("validate", path);
        Assert.Equal(2, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\r', error);
        Assert.Contains("($['\\u001b[2J\\u000d0 errors'])", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_with_control_characters_prints_escaped_and_parses_back()
    {
        var path = DocumentPath.Of("a\u001bb").Property("c'\\u");
        Assert.Equal("$['a\\u001bb']['c\\'\\\\u']", path.ToString());
        Assert.Equal(path, DocumentPath.ParseInternal(path.ToString()));
    }

    [Fact]
    public void Labels_with_xml_noncharacters_still_make_well_formed_svg_and_html()
    {
        var course = SampleCourses.Standard with
        {
            Inventory = new InterpersonalInventory(SampleCourses.Standard.Inventory.Persons.Select(p => p with { Label = "a\uFFFEb\uFFFF\u0001\uD800" }), SampleCourses.Standard.Inventory.Rings),
        };
        var source = files.Course("labels.course.json", course);
        var (code, svg, error) = CliRunner.Run("render", source, "--picture", "closeness-circle", "--show-labels");
        Assert.True(code == 0, error);
        Assert.Contains("a\uFFFDb\uFFFD\uFFFD\uFFFD", XDocument.Parse(svg).ToString(), StringComparison.Ordinal);
        var html = files.PathOf("labels.html");
        (code, _, error) = CliRunner.Run("render", source, "--show-labels", "--out", html);
        Assert.True(code == 0, error);
        XDocument.Parse(File.ReadAllText(html));
    }

    [Fact]
    public void The_html_report_of_a_huge_record_is_bounded()
    {
        var instruments = Enumerable.Range(0, 50).Select(k => InstrumentId.From($"host-{k}")).ToList();
        var sessions = Enumerable.Range(1, 1000).Select(n => new Session(n, Phase.Middle)
        {
            Status = SessionStatus.Held,
            Measures = ValueList.From(instruments.Select(i => new Measurement(i, n % 20))),
        });
        var source = files.Course("huge.course.json", new Course(SampleCourses.Standard.Protocol) { Sessions = ValueList.From(sessions) });
        var html = files.PathOf("huge.html");
        var (code, _, error) = CliRunner.Run("render", source, "--out", html);
        Assert.True(code == 0, error);
        var text = File.ReadAllText(html);
        Assert.True(text.Length < 4_000_000, $"{text.Length} characters");
        var body = XDocument.Parse(text).Root!;
        Assert.Equal(2 + Ipt.Protocol.Cli.Output.HtmlReport.MaxMeasureCharts, body.Descendants(XName.Get("svg", "http://www.w3.org/2000/svg")).Count(e => e.Parent?.Name.LocalName == "figure"));
        Assert.Contains("38 more instruments are recorded and not drawn here", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_argument_validates_every_course_file_in_it()
    {
        var folder = Directory.CreateDirectory(files.PathOf("caseload")).FullName;
        File.WriteAllText(Path.Combine(folder, "b.course.json"), CourseJson.Default.WriteToString(SampleCourses.Standard));
        File.WriteAllText(Path.Combine(folder, "a.course.json"), CourseJson.Default.WriteToString(SampleCourses.Standard));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a course");
        var (code, output, error) = CliRunner.Run("validate", folder);
        Assert.Equal(0, code);
        Assert.Empty(error);
        var summaries = output.Split('\n').Where(l => l.EndsWith(": 0 errors, 0 warnings, 0 infos", StringComparison.Ordinal)).ToList();
        Assert.Equal([Path.Combine(folder, "a.course.json"), Path.Combine(folder, "b.course.json")], summaries.Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)]));
        var empty = Directory.CreateDirectory(files.PathOf("empty")).FullName;
        (code, _, error) = CliRunner.Run("validate", empty);
        Assert.Equal(2, code);
        Assert.Contains("the folder has no *.course.json file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_reads_the_course_from_standard_input()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(CourseJson.Default.WriteToString(SampleCourses.Standard)));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Ipt.Protocol.Cli.IptCli.Run(["validate", "-"], output, error, input);
        Assert.Equal(0, code);
        Assert.EndsWith("-: 0 errors, 0 warnings, 0 infos\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_is_accepted_in_any_case_and_a_wrong_one_is_named()
    {
        var (code, output, _) = CliRunner.Run("validate", Standard(), "--format", "JSON");
        Assert.Equal(0, code);
        Assert.StartsWith("{", output, StringComparison.Ordinal);
        var (bad, _, error) = CliRunner.Run("validate", Standard(), "--format", "xml");
        Assert.Equal(2, bad);
        Assert.Equal("--format 'xml' is not one of: text, json, sarif, fhir.\nRun 'ipt validate --help' for usage.\n", error);
    }

    [Fact]
    public void A_usage_error_prints_the_reason_and_where_the_help_is_not_the_whole_help()
    {
        var (code, output, error) = CliRunner.Run("validate", "--frmat", "json");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("Unknown option '--frmat'", error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'ipt validate --help' for usage.\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_keeps_apostrophes_and_text_output_writes_categories_as_json_does()
    {
        var (_, json, _) = CliRunner.Run("rules", "--format", "json");
        Assert.DoesNotContain("\\u0027", json, StringComparison.Ordinal);
        Assert.Contains("'", json, StringComparison.Ordinal);
        var (_, text, _) = CliRunner.Run("rules");
        Assert.Contains("  structure ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  Structure ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_count_focus_areas_from_one()
    {
        var path = files.Course("dispute.course.json", SampleCourses.Mistakes.Single(m => m.Name == "role-dispute-without-stage").Course);
        var (_, output, _) = CliRunner.Run("validate", path);
        Assert.Contains("Focus area 1 is a role dispute without a stage", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_prints_the_page_of_every_built_in_rule_from_the_tool_itself()
    {
        foreach (var d in Ipt.Protocol.Rules.BuiltInRules.Descriptors)
        {
            var (code, output, error) = CliRunner.Run("explain", d.Id.ToLowerInvariant());
            Assert.True(code == 0, error);
            Assert.StartsWith($"# {d.Id}: ", output, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllText(Path.Combine(Snapshots.Snapshot.RepositoryRoot, "docs", "rules", d.Id + ".md")).ReplaceLineEndings("\n").TrimEnd('\n'), output[..output.LastIndexOf("\n\nOnline: ", StringComparison.Ordinal)].TrimEnd('\n'));
            Assert.EndsWith($"Online: {d.HelpLink}\n", output, StringComparison.Ordinal);
        }

        var (bad, _, message) = CliRunner.Run("explain", "IPT9999");
        Assert.Equal(2, bad);
        Assert.Equal("ipt explain: 'IPT9999' is not a built-in rule id; 'ipt rules' lists them.\n", message);
    }

    [Fact]
    public void Help_links_are_absolute_in_every_output_and_the_base_is_an_option()
    {
        var path = files.Course("dispute.course.json", SampleCourses.Mistakes.Single(m => m.Name == "role-dispute-without-stage").Course);
        var (_, text, _) = CliRunner.Run("validate", path);
        Assert.Contains("  [https://github.com/ipt-protocol/Ipt.Protocol/blob/main/docs/rules/IPT0404.md]\n", text, StringComparison.Ordinal);
        foreach (var format in new[] { "json", "sarif" })
        {
            var (_, output, _) = CliRunner.Run("validate", path, "--format", format, "--help-base", "https://mirror.example/rules/");
            Assert.Contains("\"https://mirror.example/rules/IPT0404.md\"", output, StringComparison.Ordinal);
            Assert.DoesNotContain("\"docs/rules/", output, StringComparison.Ordinal);
        }

        var (code, _, error) = CliRunner.Run("validate", path, "--help-base", "not a url");
        Assert.Equal(2, code);
        Assert.StartsWith("--help-base 'not a url': expected an absolute http(s) or file URL ending in '/'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_on_a_record_with_a_hole_in_its_numbers_advises_the_first_missing_session()
    {
        var course = SampleCourses.Standard with { Sessions = ValueList.From(SampleCourses.Standard.Sessions.Where(s => s.Number is 1 or 2 or 3 or 16)) };
        var path = files.Course("gap.course.json", course);
        var (code, output, _) = CliRunner.Run("suggest", path);
        Assert.Equal(0, code);
        Assert.StartsWith($"{path}: suggestions for session 4 of 16 (middle phase", output, StringComparison.Ordinal);
        Assert.Contains("   1. ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_for_a_session_after_the_contract_is_a_usage_error()
    {
        var path = files.Course("adolescent.course.json", SampleCourses.All[ProtocolId.From("ipt-a")]);
        var (code, output, error) = CliRunner.Run("suggest", path, "--session", "99");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal("ipt suggest: --session 99: the course has 12 sessions under its contract; ask for one of them.\n", error);
        (code, _, _) = CliRunner.Run("suggest", path, "--session", "12");
        Assert.Equal(0, code);
    }
}
