using System.Globalization;

namespace Ipt.Protocol.Rendering;

/// <summary>
/// Draws the closeness circle of an interpersonal inventory: concentric rings (inner = closest),
/// each numbered, the patient at the centre, each placed person on their ring with their
/// relationship beneath. People are marked by id unless the options ask for initials or labels;
/// people with no ring are listed beside the circle; an empty inventory says so. Rings grow to fit
/// the people on them, so marks never overlap however many share a ring.
/// </summary>
public static class ClosenessCircleSvg
{
    private const double Margin = 16;
    private const double PatientRadius = 24;
    private const double MinBand = 64;
    private const double Gap = 12;
    private const double MarkerFont = 12;
    private const double CaptionFont = 10;
    private const double MarkHeight = 36;
    private const double SideGap = 24;

    /// <summary>Renders the circle as a standalone SVG document.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="options">The options; <see cref="RenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The SVG text.</returns>
    public static string Render(InterpersonalInventory inventory, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        options ??= RenderOptions.Default;

        // Each ring's people, and the radius at which they sit: far enough out that the marks fit
        // around the ring side by side (one slot at the top is kept for the ring's number), and
        // with the band wide enough for a mark. Ring k spans radii[k-1]..radii[k].
        var marks = inventory.Persons.Select(p => new Mark(p, options)).ToList();
        var onRing = new List<Mark>[inventory.Rings + 1];
        var radii = new double[inventory.Rings + 1];
        var middles = new double[inventory.Rings + 1];
        radii[0] = PatientRadius + 4;
        for (var ring = 1; ring <= inventory.Rings; ring++)
        {
            onRing[ring] = [.. marks.Where(m => m.Person.Ring == ring)];
            var extent = onRing[ring].Select(m => m.Extent).DefaultIfEmpty(0).Max();
            var slots = onRing[ring].Count + 1;
            var aroundRing = slots < 2 ? 0 : (extent + Gap) / (2 * Math.Sin(Math.PI / slots));
            middles[ring] = Math.Max(aroundRing, radii[ring - 1] + (Math.Max(MinBand, extent + Gap) / 2));
            radii[ring] = middles[ring] + (Math.Max(MinBand, extent + Gap) / 2);
        }

        var unplaced = marks.Where(m => m.Person.Ring is null).ToList();
        var side = new List<(string Text, string Attributes)>
        {
            ("Ring 1 = closest", "font-weight=\"bold\""),
            ("Beneath each mark: the relationship", "font-size=\"10\""),
            ("Dashed outline: deceased", "font-size=\"10\""),
        };
        if (inventory.Persons.IsEmpty)
        {
            side.Add(("No people recorded in the inventory.", "class=\"empty-note\" font-size=\"10\""));
        }

        if (unplaced.Count > 0)
        {
            side.Add((string.Empty, string.Empty));
            side.Add(("Not placed on a ring:", "font-weight=\"bold\""));
            side.AddRange(unplaced.Select(m => (
                $"{m.Marker} · {m.Caption}",
                $"class=\"unplaced\" data-id=\"{SvgBuilder.Escape(m.Person.Id.Value)}\" font-size=\"11\"")));
        }

        var radius = radii[inventory.Rings];
        var cx = Margin + radius;
        var cy = Margin + radius;
        var sideX = (2 * (Margin + radius)) + SideGap;
        var sideWidth = side.Max(s => SvgBuilder.TextWidth(s.Text, 12)) + Margin;
        var height = Math.Max(2 * (Margin + radius), (2 * Margin) + (side.Count * 18));
        var svg = new SvgBuilder(sideX + sideWidth, height, inventory.Persons.IsEmpty ? "Closeness circle: no people recorded" : "Closeness circle", "ipt-closeness-circle");

        // Rings, outermost first so inner rings paint over them.
        for (var ring = inventory.Rings; ring >= 1; ring--)
        {
            var fill = ring % 2 == 0 ? "#f4f6f9" : "#e8edf4";
            svg.Element("circle", string.Create(CultureInfo.InvariantCulture, $"class=\"ring\" data-ring=\"{ring}\" cx=\"{SvgBuilder.N(cx)}\" cy=\"{SvgBuilder.N(cy)}\" r=\"{SvgBuilder.N(radii[ring])}\" fill=\"{fill}\" stroke=\"#8aa0b8\""));
        }

        // Ring numbers in the slot kept free at the top of each ring.
        for (var ring = 1; ring <= inventory.Rings; ring++)
        {
            svg.Element("text", string.Create(CultureInfo.InvariantCulture, $"class=\"ring-number\" data-ring=\"{ring}\" x=\"{SvgBuilder.N(cx)}\" y=\"{SvgBuilder.N(cy - middles[ring] + 4)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#50627a\""), string.Create(CultureInfo.InvariantCulture, $"ring {ring}"));
        }

        svg.Element("circle", $"class=\"patient\" cx=\"{SvgBuilder.N(cx)}\" cy=\"{SvgBuilder.N(cy)}\" r=\"{SvgBuilder.N(PatientRadius)}\" fill=\"#4e79a7\"");
        svg.Element("text", $"x=\"{SvgBuilder.N(cx)}\" y=\"{SvgBuilder.N(cy + 3.5)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#ffffff\"", "patient");

        if (inventory.Persons.IsEmpty)
        {
            const double boxWidth = 150;
            svg.Raw("<g class=\"empty\">\n");
            svg.Element("rect", $"x=\"{SvgBuilder.N(cx - (boxWidth / 2))}\" y=\"{SvgBuilder.N(cy + PatientRadius + 10)}\" width=\"{SvgBuilder.N(boxWidth)}\" height=\"24\" rx=\"4\" fill=\"#ffffff\" stroke=\"#8aa0b8\"");
            svg.Element("text", $"x=\"{SvgBuilder.N(cx)}\" y=\"{SvgBuilder.N(cy + PatientRadius + 26)}\" text-anchor=\"middle\" font-size=\"12\"", "No people recorded");
            svg.Raw("</g>\n");
        }

        for (var ring = 1; ring <= inventory.Rings; ring++)
        {
            var slots = onRing[ring].Count + 1;
            for (var i = 0; i < onRing[ring].Count; i++)
            {
                var angle = (-Math.PI / 2) + (2 * Math.PI * (i + 1) / slots);
                onRing[ring][i].Draw(svg, cx + (middles[ring] * Math.Cos(angle)), cy + (middles[ring] * Math.Sin(angle)), ring);
            }
        }

        for (var i = 0; i < side.Count; i++)
        {
            if (side[i].Text.Length > 0)
            {
                svg.Element("text", string.Create(CultureInfo.InvariantCulture, $"{side[i].Attributes} x=\"{SvgBuilder.N(sideX)}\" y=\"{SvgBuilder.N(Margin + 10 + (i * 18))}\""), side[i].Text);
            }
        }

        return svg.Finish();
    }

    /// <summary>Returns the text that marks a person: id, initials or label.</summary>
    /// <param name="person">The person.</param>
    /// <param name="options">The options.</param>
    /// <returns>The marker text.</returns>
    internal static string Marker(InventoryPerson person, RenderOptions options) => options.People switch
    {
        PersonMarker.Label when person.Label is { } label => label,
        PersonMarker.Initials when person.Label is { } label => Initials(label, person.Id.Value),
        _ => person.Id.Value,
    };

    /// <summary>The words for a relationship, as a clinician would write them.</summary>
    /// <param name="relationship">The relationship.</param>
    /// <returns>Lower-case words.</returns>
    internal static string Words(Relationship relationship) => relationship switch
    {
        Relationship.Partner => "partner",
        Relationship.Parent => "parent",
        Relationship.Child => "child",
        Relationship.Sibling => "sibling",
        Relationship.OtherRelative => "other relative",
        Relationship.Friend => "friend",
        Relationship.Colleague => "colleague",
        Relationship.Neighbour => "neighbour",
        Relationship.Caregiver => "caregiver",
        _ => "other",
    };

    private static string Initials(string label, string fallback)
    {
        var initials = string.Concat(label.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0]))
            .Take(3)
            .Select(w => char.ToUpperInvariant(w[0])));
        return initials.Length == 0 ? fallback : initials;
    }

    /// <summary>One person's mark: a rounded box with the marker, the relationship beneath.</summary>
    private sealed class Mark(InventoryPerson person, RenderOptions options)
    {
        public InventoryPerson Person => person;

        public string Marker { get; } = ClosenessCircleSvg.Marker(person, options);

        public string Caption { get; } = person.Deceased ? $"{Words(person.Relationship)}, deceased" : Words(person.Relationship);

        private double BoxWidth => Math.Max(28, SvgBuilder.TextWidth(Marker, MarkerFont) + 12);

        /// <summary>The diagonal of the mark's box: the most it needs along or across a ring, at any angle.</summary>
        public double Extent => double.Hypot(MarkHeight, Math.Max(BoxWidth, SvgBuilder.TextWidth(Caption, CaptionFont)));

        public void Draw(SvgBuilder svg, double x, double y, int ring)
        {
            var stroke = person.Deceased ? "stroke=\"#555555\" stroke-dasharray=\"4 3\"" : "stroke=\"#4e79a7\"";
            svg.Raw(string.Create(CultureInfo.InvariantCulture, $"<g class=\"person\" data-id=\"{SvgBuilder.Escape(person.Id.Value)}\" data-ring=\"{ring}\" data-relationship=\"{Words(person.Relationship)}\">\n"));
            svg.Element("title", string.Empty, string.Create(CultureInfo.InvariantCulture, $"{Marker}: {Caption}, ring {ring}"));
            svg.Element("rect", $"x=\"{SvgBuilder.N(x - (BoxWidth / 2))}\" y=\"{SvgBuilder.N(y - 17)}\" width=\"{SvgBuilder.N(BoxWidth)}\" height=\"22\" rx=\"11\" fill=\"#ffffff\" {stroke} stroke-width=\"1.5\"");
            svg.Element("text", $"x=\"{SvgBuilder.N(x)}\" y=\"{SvgBuilder.N(y - 2)}\" text-anchor=\"middle\" font-size=\"{SvgBuilder.N(MarkerFont)}\"", Marker);
            svg.Element("text", $"class=\"relationship\" x=\"{SvgBuilder.N(x)}\" y=\"{SvgBuilder.N(y + 17)}\" text-anchor=\"middle\" font-size=\"{SvgBuilder.N(CaptionFont)}\" fill=\"#333333\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\"", Caption);
            svg.Raw("</g>\n");
        }
    }
}
