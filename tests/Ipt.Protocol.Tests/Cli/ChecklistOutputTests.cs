using System.Text.Json;
using System.Xml.Linq;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Tests.Rules;

namespace Ipt.Protocol.Tests.Cli;

/// <summary>
/// The fidelity checklist in <c>ipt validate</c> (text and JSON) and in the HTML report of
/// <c>ipt render</c> (issue 15 item 3): every status on real records, nothing judged before its
/// window on a record fetched mid-course, and no label or free text of the course in any output.
/// </summary>
public sealed class ChecklistOutputTests : IDisposable
{
    private const string Marker = "ZZCHECKLISTZZ";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>Standard IPT fetched at session 7: the initial phase over, the middle phase under way, termination ahead.</summary>
    private static Course FetchedAtSession7()
    {
        var standard = SampleCourses.Standard;
        return standard with
        {
            Sessions = ValueList.From(standard.Sessions.Where(s => s.Number <= 7)),
            Lifecycle = new CourseLifecycle(CourseStatus.Active) { AsOf = standard.Sessions[6].Date },
        };
    }

    /// <summary>Standard IPT with the inventory first taken at session 6 (late) and the ending never raised (missed).</summary>
    private static Course LateAndMissed() => SampleCourses.Standard
        .EditAll(s => s.Without(SessionTask.InterpersonalInventory).Without("interpersonal-inventory").Without(SessionTask.EndingRaised))
        .WithSession(6, s => s.PlusTask(SessionTask.InterpersonalInventory));

    private static Course Labelled(Course course) => course with
    {
        Inventory = new InterpersonalInventory(course.Inventory.Persons.Select(p => p with { Label = Marker }), course.Inventory.Rings),
    };

    [Fact]
    public void Text_of_a_record_fetched_mid_course_judges_nothing_before_its_window()
    {
        var path = files.Course("mid.course.json", FetchedAtSession7());
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.True(code == 0, error);
        var lines = output.Split('\n').Where(l => l.StartsWith(path + ": fidelity", StringComparison.Ordinal) || l.StartsWith(path + ":   ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"{path}: fidelity checklist (active): 18 tasks: 12 done, 1 due, 5 not yet due",
                $"{path}:   due: interval review (middle; sessions 4–13, projected; 4 of 4 sessions)",
            ],
            lines);
        Assert.DoesNotContain("missed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_lists_missed_then_late_tasks_with_their_windows()
    {
        var path = files.Course("late.course.json", LateAndMissed());
        var (_, output, _) = CliRunner.Run("validate", path);
        Assert.Contains($"{path}: fidelity checklist (completed, inferred): 18 tasks: 16 done, 1 done late, 1 missed\n", output, StringComparison.Ordinal);
        Assert.Contains(
            $"{path}:   missed: ending raised (termination; sessions 12–14)\n{path}:   done late: interpersonal inventory (initial; sessions 1–3; done at session 6)\n",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_checklist_with_counts_windows_and_statuses()
    {
        var path = files.Course("late.course.json", LateAndMissed());
        var (_, output, _) = CliRunner.Run("validate", path, "--format", "json");
        using var json = JsonDocument.Parse(output);
        var fidelity = json.RootElement.GetProperty("files")[0].GetProperty("fidelity");
        Assert.Equal(["protocol", "courseStatus", "statusInferred", "counts", "items"], fidelity.EnumerateObject().Select(p => p.Name));
        Assert.Equal("completed", fidelity.GetProperty("courseStatus").GetString());
        Assert.Equal(
            [("done", 16), ("doneLate", 1), ("missed", 1), ("due", 0), ("notYetDue", 0), ("notReached", 0)],
            fidelity.GetProperty("counts").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        var items = fidelity.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(18, items.Count);
        var inventory = items.Single(i => i.GetProperty("task").GetString() == "interpersonalInventory");
        Assert.Equal(
            ["task", "phase", "timing", "status", "window", "evidence", "doneAtSession", "sources", "confidence"],
            inventory.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("doneLate", 6), (inventory.GetProperty("status").GetString(), inventory.GetProperty("doneAtSession").GetInt32()));
        var window = inventory.GetProperty("window");
        Assert.Equal((1, 3, false, true, true), (window.GetProperty("opens").GetInt32(), window.GetProperty("deadline").GetInt32(), window.GetProperty("projected").GetBoolean(), window.GetProperty("opened").GetBoolean(), window.GetProperty("closed").GetBoolean()));
        var review = items.Single(i => i.GetProperty("task").GetString() == "intervalReview");
        Assert.Equal((10, 10), (review.GetProperty("sessions").GetInt32(), review.GetProperty("sessionsDone").GetInt32()));
        var ending = items.Single(i => i.GetProperty("task").GetString() == "endingRaised");
        Assert.Equal(("missed", "none"), (ending.GetProperty("status").GetString(), ending.GetProperty("evidence").GetString()));
        Assert.False(ending.TryGetProperty("doneAtSession", out _));
    }

    [Fact]
    public void Json_of_a_record_fetched_mid_course_has_its_date_and_later_tasks_not_yet_due()
    {
        var course = FetchedAtSession7();
        var path = files.Course("mid.course.json", course);
        var (_, output, _) = CliRunner.Run("validate", path, "--format", "json");
        using var json = JsonDocument.Parse(output);
        var fidelity = json.RootElement.GetProperty("files")[0].GetProperty("fidelity");
        Assert.Equal(course.Lifecycle!.AsOf!.Value.ToString("uuuu-MM-dd", null), fidelity.GetProperty("asOf").GetString());
        var termination = fidelity.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("phase").GetString() == "termination").ToList();
        Assert.Equal(5, termination.Count);
        Assert.All(termination, i => Assert.Equal("notYetDue", i.GetProperty("status").GetString()));
        Assert.All(termination, i => Assert.True(i.GetProperty("window").GetProperty("projected").GetBoolean()));
    }

    [Fact]
    public void Html_report_has_its_own_fidelity_section_with_one_row_per_task()
    {
        var source = files.Course("late.course.json", LateAndMissed());
        var path = files.PathOf("late.html");
        var (code, _, error) = CliRunner.Run("render", source, "--out", path);
        Assert.True(code == 0, error);
        var body = XDocument.Parse(File.ReadAllText(path), LoadOptions.None).Root!.Element(Xhtml + "body")!;
        var section = Assert.Single(body.Descendants(Xhtml + "section"), s => (string?)s.Attribute("id") == "fidelity");
        Assert.Equal("Fidelity checklist", section.Element(Xhtml + "h2")!.Value);
        var rows = section.Descendants(Xhtml + "tr").Where(r => ((string?)r.Attribute("class"))?.StartsWith("checklist-item", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(18, rows.Count);
        var inventory = rows.Single(r => r.Elements(Xhtml + "td").First().Value == "interpersonal inventory");
        Assert.Equal(["interpersonal inventory", "initial", "sessions 1–3", "done late", "session 6", "WMK, MARK, ISIPT (H)"], inventory.Elements(Xhtml + "td").Select(td => td.Value));
        Assert.Equal("checklist-item doneLate", (string?)inventory.Attribute("class"));
        Assert.Contains(rows, r => r.Elements(Xhtml + "td").ElementAt(3).Value == "missed");

        // Its own section, after the findings and before the pictures.
        var ids = body.Elements(Xhtml + "section").Select(s => (string?)s.Attribute("id")).ToList();
        Assert.Equal(ids.IndexOf("diagnostics") + 1, ids.IndexOf("fidelity"));
    }

    [Fact]
    public void No_output_of_the_checklist_carries_course_text()
    {
        var source = files.Course("marked.course.json", Labelled(LateAndMissed()));
        foreach (var format in new[] { "text", "json" })
        {
            var (_, output, _) = CliRunner.Run("validate", source, "--format", format);
            Assert.Contains("fidelity", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Marker, output, StringComparison.Ordinal);
        }

        var path = files.PathOf("marked.html");
        CliRunner.Run("render", source, "--out", path);
        var html = File.ReadAllText(path);
        var fidelity = html[html.IndexOf("<section id=\"fidelity\">", StringComparison.Ordinal)..];
        Assert.DoesNotContain(Marker, fidelity[..fidelity.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}
