using System.Globalization;
using System.Xml.Linq;
using Ipt.Protocol.Rendering;
using Ipt.Protocol.Samples;
using NodaTime;

namespace Ipt.Protocol.Tests.Rendering;

public class RenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static IEnumerable<XElement> WithClass(XDocument doc, string element, string cssClass) =>
        doc.Descendants(Svg + element).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    [Fact]
    public void The_closeness_circle_has_one_circle_per_ring_and_one_mark_per_placed_person()
    {
        var inventory = SampleCourses.Standard.Inventory;
        var doc = Parse(ClosenessCircleSvg.Render(inventory));
        Assert.Equal(3, WithClass(doc, "circle", "ring").Count());
        Assert.Equal(inventory.Persons.Count, WithClass(doc, "g", "person").Count());
        Assert.Equal(["p1", "p2", "p3", "p4", "p5"], WithClass(doc, "g", "person").Select(g => (string)g.Attribute("data-id")!).Order());
    }

    [Fact]
    public void The_closeness_circle_follows_the_inventory_ring_count_and_lists_unplaced_people()
    {
        var inventory = new InterpersonalInventory(
            [new InventoryPerson(PersonId.From("a"), Relationship.Friend) { Ring = 5 }, new InventoryPerson(PersonId.From("b"), Relationship.Friend)],
            rings: 5);
        var doc = Parse(ClosenessCircleSvg.Render(inventory));
        Assert.Equal(5, WithClass(doc, "circle", "ring").Count());
        Assert.Single(WithClass(doc, "g", "person"));
        Assert.Equal("b", (string)WithClass(doc, "text", "unplaced").Single().Attribute("data-id")!);
    }

    [Fact]
    public void Each_ring_is_numbered_and_each_person_shows_their_relationship()
    {
        var doc = Parse(ClosenessCircleSvg.Render(SampleCourses.Standard.Inventory));
        Assert.Equal(["ring 1", "ring 2", "ring 3"], WithClass(doc, "text", "ring-number").Select(t => t.Value));
        var p1 = WithClass(doc, "g", "person").Single(g => (string)g.Attribute("data-id")! == "p1");
        Assert.Equal("partner", (string)p1.Attribute("data-relationship")!);
        Assert.Equal("partner", WithClass(p1.Document!, "text", "relationship").First(t => t.Parent == p1).Value);
        Assert.Equal("p1: partner, ring 1", p1.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void A_deceased_person_is_dashed_and_says_so()
    {
        var inventory = new InterpersonalInventory([new InventoryPerson(PersonId.From("p1"), Relationship.OtherRelative) { Ring = 2, Deceased = true }]);
        var person = WithClass(Parse(ClosenessCircleSvg.Render(inventory)), "g", "person").Single();
        Assert.Equal("other relative, deceased", WithClass(person.Document!, "text", "relationship").Single().Value);
        Assert.NotNull((string?)person.Element(Svg + "rect")!.Attribute("stroke-dasharray"));
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(12, 9)]
    [InlineData(40, 3)]
    public void Marks_never_overlap_and_stay_inside_their_ring_however_many_share_it(int onRing1, int onRing2)
    {
        var relationships = Enum.GetValues<Relationship>();
        var persons = Enumerable.Range(1, onRing1 + onRing2).Select(i => new InventoryPerson(PersonId.From($"person-{i}"), relationships[i % relationships.Length])
        {
            Ring = i <= onRing1 ? 1 : 2,
            Deceased = i % 7 == 0,
        });
        var doc = Parse(ClosenessCircleSvg.Render(new InterpersonalInventory(persons)));
        var rings = WithClass(doc, "circle", "ring").ToDictionary(c => (int)c.Attribute("data-ring")!, c => (double)c.Attribute("r")!);
        var patient = WithClass(doc, "circle", "patient").Single();
        var (cx, cy) = ((double)patient.Attribute("cx")!, (double)patient.Attribute("cy")!);
        var boxes = WithClass(doc, "g", "person").Select(g => (Ring: (int)g.Attribute("data-ring")!, Box: MarkBox(g))).ToList();
        Assert.Equal(onRing1 + onRing2, boxes.Count);
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Box.IntersectsWith(boxes[j].Box), $"marks {i} and {j} overlap");
            }

            // Every corner lies between the ring's inner and outer circle.
            var inner = boxes[i].Ring == 1 ? (double)patient.Attribute("r")! : rings[boxes[i].Ring - 1];
            var outer = rings[boxes[i].Ring];
            var b = boxes[i].Box;
            foreach (var (x, y) in new[] { (b.Left, b.Top), (b.Right, b.Top), (b.Left, b.Bottom), (b.Right, b.Bottom) })
            {
                Assert.InRange(double.Hypot(x - cx, y - cy), inner, outer);
            }
        }
    }

    /// <summary>The box a person's mark covers: its rounded box, widened to its caption, down to the caption's baseline.</summary>
    private static System.Drawing.RectangleF MarkBox(XElement person)
    {
        var rect = person.Element(Svg + "rect")!;
        var (x, y, w, h) = ((double)rect.Attribute("x")!, (double)rect.Attribute("y")!, (double)rect.Attribute("width")!, (double)rect.Attribute("height")!);
        var caption = person.Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "relationship");
        var captionWidth = caption.Value.Length * 10 * 0.6;
        var left = Math.Min(x, (x + (w / 2)) - (captionWidth / 2));
        var width = Math.Max(w, captionWidth);
        return new((float)left, (float)y, (float)width, (float)((double)caption.Attribute("y")! + 3 - y));
    }

    [Fact]
    public void An_empty_inventory_says_that_no_people_are_recorded()
    {
        var svg = ClosenessCircleSvg.Render(new InterpersonalInventory([]));
        var doc = Parse(svg);
        Assert.Equal("Closeness circle: no people recorded", doc.Root!.Element(Svg + "title")!.Value);
        Assert.Contains("No people recorded", WithClass(doc, "g", "empty").Single().Value, StringComparison.Ordinal);
        Assert.Equal(3, WithClass(doc, "circle", "ring").Count());
        Assert.Empty(WithClass(doc, "g", "person"));
        Assert.DoesNotContain("No people recorded", ClosenessCircleSvg.Render(SampleCourses.Standard.Inventory), StringComparison.Ordinal);
    }

    [Fact]
    public void People_are_marked_by_id_unless_labels_or_initials_are_asked_for()
    {
        var inventory = new InterpersonalInventory([new InventoryPerson(PersonId.From("p1"), Relationship.Partner) { Label = "Alex Morgan <x>", Ring = 1 }]);
        var byId = ClosenessCircleSvg.Render(inventory);
        Assert.DoesNotContain("Alex", byId, StringComparison.Ordinal);
        Assert.Contains(">p1<", byId, StringComparison.Ordinal);
        Assert.Contains("<title>p1: partner, ring 1</title>", byId, StringComparison.Ordinal);

        var initials = ClosenessCircleSvg.Render(inventory, new RenderOptions { People = PersonMarker.Initials });
        Assert.Contains(">AM<", initials, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", initials, StringComparison.Ordinal);

        var labels = ClosenessCircleSvg.Render(inventory, new RenderOptions { People = PersonMarker.Label });
        Assert.Contains("Alex Morgan &lt;x&gt;", labels, StringComparison.Ordinal);
        Parse(labels);
    }

    [Fact]
    public void The_timeline_has_one_mark_per_session_coloured_by_phase_with_status()
    {
        var course = SampleCourses.Standard
            .WithSession(5, s => s with { Status = SessionStatus.Missed })
            .WithSession(6, s => s with { Status = SessionStatus.Cancelled })
            .WithSession(16, s => s with { Status = SessionStatus.Planned });
        var doc = Parse(TimelineSvg.Render(course));
        var marks = WithClass(doc, "g", "session").ToList();
        Assert.Equal(16, marks.Count);
        Assert.Equal("missed", (string)marks[4].Attribute("data-status")!);
        Assert.Equal("cancelled", (string)marks[5].Attribute("data-status")!);
        Assert.Equal("planned", (string)marks[15].Attribute("data-status")!);
        Assert.Equal("initial", (string)marks[0].Attribute("data-phase")!);
        Assert.Equal("termination", (string)marks[15].Attribute("data-phase")!);
        Assert.Contains(WithClass(doc, "g", "task-marker"), m => (string)m.Attribute("data-task")! == "formulation agreed");
        Assert.Contains(WithClass(doc, "g", "task-marker"), m => (string)m.Attribute("data-task")! == "ending raised");
    }

    [Fact]
    public void The_measure_chart_has_one_point_per_measurement_over_the_bands()
    {
        var course = SampleCourses.Standard;
        var phq9Count = course.Sessions.Sum(s => s.Measures.Count(m => m.Instrument == BuiltInInstruments.Phq9.Id));
        var doc = Parse(MeasureChartSvg.Render(course, BuiltInInstruments.Phq9));
        Assert.Equal(phq9Count, WithClass(doc, "circle", "point").Count());
        Assert.Equal(BuiltInInstruments.Phq9.Bands.Count, WithClass(doc, "rect", "band").Count());
        Assert.Single(WithClass(doc, "path", "caseness"));
        Assert.Single(WithClass(doc, "polyline", "trajectory"));
    }

    [Fact]
    public void The_measure_chart_writes_each_score_at_its_point()
    {
        var course = SampleCourses.Standard;
        var scores = course.Sessions.SelectMany(s => s.Measures.Where(m => m.Instrument == BuiltInInstruments.Phq9.Id).Select(m => (s.Number, m.Score))).ToList();
        var values = WithClass(Parse(MeasureChartSvg.Render(course, BuiltInInstruments.Phq9)), "text", "value").ToList();
        Assert.Equal(scores.Select(p => (p.Number, p.Score.ToString(CultureInfo.InvariantCulture))), values.Select(v => ((int)v.Attribute("data-session")!, v.Value)));
    }

    [Fact]
    public void The_score_axis_has_round_ticks_from_the_minimum_to_the_maximum()
    {
        var doc = Parse(MeasureChartSvg.Render(SampleCourses.Standard, BuiltInInstruments.Phq9));
        Assert.Equal(["0", "5", "10", "15", "20", "25", "27"], WithClass(doc, "text", "y-tick").Select(t => t.Value));
        Assert.Equal(7, WithClass(doc, "path", "y-tick").Count());
        Assert.Equal(["session", "total score"], WithClass(doc, "text", "axis-title").Select(t => t.Value).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 16).Select(n => n.ToString(CultureInfo.InvariantCulture)), WithClass(doc, "text", "x-tick").Select(t => t.Value));
    }

    [Fact]
    public void The_caseness_line_is_labelled_clear_of_the_points()
    {
        // Scores far from the threshold near the left: the label takes its first place (above the line at the left).
        var clear = SampleCourses.Standard.WithSession(5, s => s with { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 16)] });
        var doc = Parse(MeasureChartSvg.Render(clear, BuiltInInstruments.Phq9));
        Assert.Equal("caseness threshold: 10", WithClass(doc, "text", "caseness-label").Single().Value);

        // A score just above the threshold at the first session moves the label from its first place
        // to one where it covers no point and no written score.
        var course = clear.WithSession(1, s => s with { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 11)] });
        var moved = Parse(MeasureChartSvg.Render(course, BuiltInInstruments.Phq9));
        static (string?, string?, string?) Place(XElement t) => ((string?)t.Attribute("x"), (string?)t.Attribute("y"), (string?)t.Attribute("text-anchor"));
        var label = WithClass(moved, "text", "caseness-label").Single();
        Assert.NotEqual(Place(WithClass(doc, "text", "caseness-label").Single()), Place(label));
        var box = TextBox(label);
        Assert.All(WithClass(moved, "circle", "point"), p => Assert.False(box.IntersectsWith(new((float)(double)p.Attribute("cx")! - 5, (float)(double)p.Attribute("cy")! - 5, 10, 10))));
        Assert.All(WithClass(moved, "text", "value"), v => Assert.False(box.IntersectsWith(TextBox(v))));
        Assert.Empty(WithClass(Parse(MeasureChartSvg.Render(course, BuiltInInstruments.Hrsd17)), "text", "caseness-label"));
    }

    /// <summary>The box an 11-pixel text covers, from its anchor and baseline.</summary>
    private static System.Drawing.RectangleF TextBox(XElement text)
    {
        var width = text.Value.Length * 11 * 0.6;
        var x = (double)text.Attribute("x")!;
        var left = (string?)text.Attribute("text-anchor") switch { "end" => x - width, "middle" => x - (width / 2), _ => x };
        return new((float)left, (float)((double)text.Attribute("y")! - 11), (float)width, 14);
    }

    [Fact]
    public void The_measure_chart_says_so_when_nothing_was_measured()
    {
        var course = new Course(ProtocolId.From("ipt")) { Sessions = [new Session(1, Phase.Initial)] };
        var svg = MeasureChartSvg.Render(course, BuiltInInstruments.Gad7);
        Assert.Contains("No measurements recorded", svg, StringComparison.Ordinal);
        Assert.Empty(WithClass(Parse(svg), "circle", "point"));
    }

    [Fact]
    public void Recorded_instruments_include_host_instruments_with_a_range_from_their_scores()
    {
        var course = new Course(ProtocolId.From("ipt"))
        {
            Sessions =
            [
                new Session(1, Phase.Initial) { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 12), new Measurement(InstrumentId.From("core-10"), 18)], Date = new LocalDate(2026, 12, 7) },
                new Session(2, Phase.Initial) { Measures = [new Measurement(InstrumentId.From("core-10"), 25)] },
            ],
        };
        var instruments = MeasureChartSvg.InstrumentsRecorded(course);
        Assert.Equal(["phq-9", "core-10"], instruments.Select(i => i.Id.Value));
        Assert.Equal(25, instruments[1].TotalMax);
        Assert.Equal(2, WithClass(Parse(MeasureChartSvg.Render(course, instruments[1])), "circle", "point").Count());

        var core10 = new Instrument { Id = InstrumentId.From("core-10"), Name = "CORE-10", TotalMax = 40, CasenessThreshold = 11, Citation = new Citation(Confidence.Low, "HOST") };
        var registered = MeasureChartSvg.InstrumentsRecorded(course, InstrumentRegistry.BuiltIn.Add(core10));
        Assert.Same(core10, registered[1]);
    }
}
