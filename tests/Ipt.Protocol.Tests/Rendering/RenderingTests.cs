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
    public void People_are_marked_by_id_unless_labels_or_initials_are_asked_for()
    {
        var inventory = new InterpersonalInventory([new InventoryPerson(PersonId.From("p1"), Relationship.Partner) { Label = "Alex Morgan <x>", Ring = 1 }]);
        var byId = ClosenessCircleSvg.Render(inventory);
        Assert.DoesNotContain("Alex", byId, StringComparison.Ordinal);
        Assert.Contains(">p1<", byId, StringComparison.Ordinal);

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
        var phq9Count = course.Sessions.Sum(s => s.Measures.Count(m => m.Instrument == Instruments.Phq9.Id));
        var doc = Parse(MeasureChartSvg.Render(course, Instruments.Phq9));
        Assert.Equal(phq9Count, WithClass(doc, "circle", "point").Count());
        Assert.Equal(Instruments.Phq9.Bands.Count, WithClass(doc, "rect", "band").Count());
        Assert.Single(WithClass(doc, "path", "caseness"));
        Assert.Single(WithClass(doc, "polyline", "trajectory"));
    }

    [Fact]
    public void The_measure_chart_says_so_when_nothing_was_measured()
    {
        var course = new Course(ProtocolId.From("ipt")) { Sessions = [new Session(1, Phase.Initial)] };
        var svg = MeasureChartSvg.Render(course, Instruments.Gad7);
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
                new Session(1, Phase.Initial) { Measures = [new Measurement(Instruments.Phq9.Id, 12), new Measurement(InstrumentId.From("core-10"), 18)], Date = new LocalDate(2026, 12, 7) },
                new Session(2, Phase.Initial) { Measures = [new Measurement(InstrumentId.From("core-10"), 25)] },
            ],
        };
        var instruments = MeasureChartSvg.InstrumentsRecorded(course);
        Assert.Equal(["phq-9", "core-10"], instruments.Select(i => i.Id.Value));
        Assert.Equal(25, instruments[1].TotalMax);
        Assert.Equal(2, WithClass(Parse(MeasureChartSvg.Render(course, instruments[1])), "circle", "point").Count());
    }
}
