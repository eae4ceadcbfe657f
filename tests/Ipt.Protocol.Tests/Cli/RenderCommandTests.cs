using System.Xml;
using System.Xml.Linq;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Tests.Cli;

public sealed class RenderCommandTests : IDisposable
{
    private const string Marker = "ZZLABELMARKERZZ";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>The standard sample with every person labelled with a marker, session 5 missed and session 6 cancelled.</summary>
    private static Course Marked()
    {
        var course = SampleCourses.Standard
            .WithSession(5, s => s with { Status = SessionStatus.Missed })
            .WithSession(6, s => s with { Status = SessionStatus.Cancelled });
        return course with
        {
            Inventory = new InterpersonalInventory(course.Inventory.Persons.Select(p => p with { Label = $"{Marker} {p.Id}" }), course.Inventory.Rings),
        };
    }

    private string MarkedFile() => files.Course("marked.course.json", Marked());

    private static XDocument Parse(string text) =>
        XDocument.Parse(text, LoadOptions.None);

    private static IEnumerable<XElement> WithClass(XContainer doc, string element, string cssClass) =>
        doc.Descendants(Svg + element).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    [Fact]
    public void Svg_timeline_has_one_mark_per_session()
    {
        var path = files.PathOf("timeline.svg");
        var (code, output, error) = CliRunner.Run("render", MarkedFile(), "--out", path);
        Assert.True(code == 0, error);
        Assert.Equal($"{path}: written.\n", output);
        var doc = Parse(File.ReadAllText(path));
        var marks = WithClass(doc, "g", "session").ToList();
        Assert.Equal(Marked().Sessions.Count, marks.Count);
        Assert.Equal("missed", (string)marks[4].Attribute("data-status")!);
        Assert.Equal("cancelled", (string)marks[5].Attribute("data-status")!);
    }

    [Fact]
    public void Svg_closeness_circle_has_one_circle_per_ring_and_hides_labels_by_default()
    {
        var (code, output, _) = CliRunner.Run("render", MarkedFile(), "--picture", "closeness-circle");
        Assert.Equal(0, code);
        var doc = Parse(output);
        Assert.Equal(Marked().Inventory.Rings, WithClass(doc, "circle", "ring").Count());
        Assert.Equal(Marked().Inventory.Persons.Count, WithClass(doc, "g", "person").Count());
        Assert.DoesNotContain(Marker, output, StringComparison.Ordinal);

        var (_, initials, _) = CliRunner.Run("render", MarkedFile(), "--picture", "closeness-circle", "--people", "initials");
        Assert.DoesNotContain(Marker, initials, StringComparison.Ordinal);

        var (_, labelled, _) = CliRunner.Run("render", MarkedFile(), "--picture", "closeness-circle", "--show-labels");
        Assert.Contains(Marker, labelled, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_measure_chart_has_one_point_per_measure()
    {
        var course = Marked();
        var (code, output, _) = CliRunner.Run("render", MarkedFile(), "--picture", "measure", "--instrument", "phq-9");
        Assert.Equal(0, code);
        var count = course.Sessions.Sum(s => s.Measures.Count(m => m.Instrument == BuiltInInstruments.Phq9.Id));
        Assert.Equal(count, WithClass(Parse(output), "circle", "point").Count());

        // Without --instrument, the protocol's primary instrument.
        var (_, primary, _) = CliRunner.Run("render", MarkedFile(), "--picture", "measure");
        Assert.Equal(output, primary);
    }

    private XElement HtmlBody(Course course)
    {
        var source = files.Course("course.course.json", course);
        var path = files.PathOf("course.html");
        var (code, _, error) = CliRunner.Run("render", source, "--out", path);
        Assert.True(code == 0, error);
        return XDocument.Parse(File.ReadAllText(path), LoadOptions.None).Root!.Element(Xhtml + "body")!;
    }

    private static XElement? Section(XElement body, string id) =>
        body.Descendants(Xhtml + "section").SingleOrDefault(s => (string?)s.Attribute("id") == id);

    [Fact]
    public void Html_report_opens_with_a_safety_banner_when_the_course_has_a_safety_finding()
    {
        var body = HtmlBody(SampleCourses.Mistakes.Single(m => m.Name == "safety-item-without-risk-review").Course);
        var banner = Section(body, "safety");
        Assert.NotNull(banner);
        Assert.Equal("alert", (string?)banner.Attribute("role"));
        Assert.Contains("1 safety finding", banner.Value, StringComparison.Ordinal);
        Assert.Equal("safety", (string?)body.Elements(Xhtml + "section").First().Attribute("id"));
    }

    [Fact]
    public void Html_report_of_a_course_without_safety_findings_has_no_banner_and_states_attendance_and_outcomes()
    {
        var body = HtmlBody(SampleCourses.Records.Single(r => r.Name == "adolescent-missed-and-made-up").Course);
        Assert.Null(Section(body, "safety"));
        var summary = Section(body, "summary")!.Value;
        Assert.Contains("12 of 12 contracted treatment sessions attended, 1 did not attend, 0 cancelled, 1 make-up", summary, StringComparison.Ordinal);
        Assert.Contains("completed; finished treatment: 2 or more sessions — phq-9 18 → 3", summary, StringComparison.Ordinal);
        var outcome = Assert.Single(Section(body, "outcomes")!.Descendants(Xhtml + "tr"), r => (string?)r.Attribute("class") == "outcome");
        Assert.Equal(["phq-9", "18", "3", "recovered, reliable improvement, response, remission"], outcome.Elements(Xhtml + "td").Select(td => td.Value));
    }

    [Fact]
    public void Html_report_is_self_contained_well_formed_with_summary_table_and_pictures()
    {
        var course = SampleCourses.Mistakes.Single(m => m.Name == "formulation-not-agreed").Course;
        course = course with
        {
            Inventory = new InterpersonalInventory(course.Inventory.Persons.Select(p => p with { Label = Marker }), course.Inventory.Rings),
        };
        var source = files.Course("mistake.course.json", course);
        var path = files.PathOf("report.html");
        var (code, _, error) = CliRunner.Run("render", source, "--out", path);
        Assert.True(code == 0, error);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var doc = XDocument.Parse(html, LoadOptions.None);
        var body = doc.Root!.Element(Xhtml + "body")!;
        Assert.NotNull(body.Descendants(Xhtml + "section").SingleOrDefault(s => (string?)s.Attribute("id") == "summary"));
        var rows = body.Descendants(Xhtml + "tr").Where(r => (string?)r.Attribute("class") == "diagnostic").ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.Value.Contains("IPT0304", StringComparison.Ordinal));
        var svgs = body.Descendants(Svg + "svg").ToList();
        Assert.Equal(2 + Ipt.Protocol.Rendering.MeasureChartSvg.InstrumentsRecorded(course).Count, svgs.Count);
        Assert.Equal(course.Inventory.Rings, WithClass(body, "circle", "ring").Count());
        Assert.Equal(course.Sessions.Count, WithClass(body, "g", "session").Count());

        // Self-contained: no scripts, no external resources; no labels. The only links are the help
        // column's, to each rule's page.
        Assert.Empty(doc.Descendants(Xhtml + "script"));
        Assert.Empty(doc.Descendants(Xhtml + "link"));
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Descendants(), e => e.Attributes().Any(a => a.Name.LocalName is "src"));
        var links = doc.Descendants().Where(e => e.Attribute("href") is not null).ToList();
        Assert.All(links, a => Assert.Equal(Xhtml + "a", a.Name));
        Assert.Equal(rows.Count, links.Count);
        var help = rows.First(r => r.Value.Contains("IPT0304", StringComparison.Ordinal)).Descendants(Xhtml + "a").Single();
        Assert.Equal("About IPT0304", help.Value);
        Assert.Matches("^https://.*IPT0304", (string)help.Attribute("href")!);
        Assert.DoesNotContain(Marker, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProblemArea.RoleDispute, RoleDisputeStage.Impasse, FocusRank.Primary, "role dispute (impasse)")]
    [InlineData(ProblemArea.RoleDispute, null, FocusRank.Primary, "role dispute (stage not recorded)")]
    [InlineData(ProblemArea.InterpersonalDeficits, null, FocusRank.Secondary, "interpersonal deficits, secondary")]
    [InlineData(ProblemArea.Grief, null, FocusRank.Primary, "grief")]
    public void Html_report_summary_is_in_words_not_the_documents_names(ProblemArea area, RoleDisputeStage? stage, FocusRank rank, string focus)
    {
        var course = SampleCourses.Standard with
        {
            Formulation = SampleCourses.Standard.Formulation! with { Areas = [new FocusArea(area) { DisputeStage = stage, Rank = rank }] },
        };
        var path = files.PathOf("words.html");
        Assert.Equal(0, CliRunner.Run("render", files.Course("words.course.json", course), "--out", path).ExitCode);
        var summary = XDocument.Parse(File.ReadAllText(path)).Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "summary");
        var items = summary.Descendants(Xhtml + "dt").ToDictionary(dt => dt.Value, dt => ((XElement)dt.NextNode!).Value);
        Assert.Equal(focus, items["Focus"]);
        Assert.Equal("16 held", items["Sessions"]);
        Assert.All(items.Where(i => i.Key != "File"), i => Assert.DoesNotMatch("[a-z][A-Z]", i.Value));
    }

    [Fact]
    public void Html_report_of_every_sample_parses_as_xml()
    {
        foreach (var (id, course) in SampleCourses.All)
        {
            var source = files.Course($"{id}.course.json", course);
            var (code, output, _) = CliRunner.Run("render", source, "--out", files.PathOf($"{id}.html"));
            Assert.Equal(0, code);
            using var reader = XmlReader.Create(files.PathOf($"{id}.html"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            while (reader.Read())
            {
            }

            Assert.NotEmpty(output);
        }
    }

    [Fact]
    public void Bad_inputs_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("render", files.PathOf("missing.json")).ExitCode);
        Assert.Equal(2, CliRunner.Run("render", files.Text("bad.json", "{"), "--out", files.PathOf("x.svg")).ExitCode);
        var (code, _, error) = CliRunner.Run("render", MarkedFile(), "--out", files.PathOf("x.png"));
        Assert.Equal(2, code);
        Assert.Contains("must end in .svg or .html", error, StringComparison.Ordinal);
        var (unknown, _, unknownError) = CliRunner.Run("render", MarkedFile(), "--picture", "measure", "--instrument", "nope");
        Assert.Equal(2, unknown);
        Assert.Contains("unknown instrument 'nope'", unknownError, StringComparison.Ordinal);
    }
}
