using System.Globalization;

namespace Ipt.Protocol.Rendering;

/// <summary>
/// Draws the closeness circle of an interpersonal inventory: concentric rings (inner = closest),
/// the patient at the centre, each placed person on their ring. People are marked by id unless
/// the options ask for initials or labels; people with no ring are listed beside the circle.
/// </summary>
public static class ClosenessCircleSvg
{
    private const double RingWidth = 70;
    private const double Margin = 20;
    private const double SideWidth = 170;

    /// <summary>Renders the circle as a standalone SVG document.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="options">The options; <see cref="RenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The SVG text.</returns>
    public static string Render(InterpersonalInventory inventory, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        options ??= RenderOptions.Default;
        var radius = (inventory.Rings * RingWidth) + 10;
        var size = (radius * 2) + (Margin * 2);
        var cx = Margin + radius;
        var cy = Margin + radius;
        var svg = new SvgBuilder(size + SideWidth, Math.Max(size, 120), "Closeness circle", "ipt-closeness-circle");

        // Rings, outermost first so inner rings paint over them.
        for (var ring = inventory.Rings; ring >= 1; ring--)
        {
            var r = (ring * RingWidth) + 10;
            var fill = ring % 2 == 0 ? "#f4f6f9" : "#e8edf4";
            svg.Element("circle", string.Create(CultureInfo.InvariantCulture, $"class=\"ring\" data-ring=\"{ring}\" cx=\"{SvgBuilder.N(cx)}\" cy=\"{SvgBuilder.N(cy)}\" r=\"{SvgBuilder.N(r)}\" fill=\"{fill}\" stroke=\"#8aa0b8\""));
        }

        svg.Element("circle", $"class=\"patient\" cx=\"{SvgBuilder.N(cx)}\" cy=\"{SvgBuilder.N(cy)}\" r=\"22\" fill=\"#4e79a7\"");
        svg.Element("text", $"x=\"{SvgBuilder.N(cx)}\" y=\"{SvgBuilder.N(cy + 3)}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#ffffff\"", "patient");

        var unplaced = new List<InventoryPerson>();
        for (var ring = 1; ring <= inventory.Rings; ring++)
        {
            var onRing = inventory.Persons.Where(p => p.Ring == ring).ToList();
            for (var i = 0; i < onRing.Count; i++)
            {
                var angle = (-Math.PI / 2) + (2 * Math.PI * i / onRing.Count) + (ring * 0.35);
                var r = ring == 1 ? 52 : (ring * RingWidth) - (RingWidth / 2) + 10;
                var x = cx + (r * Math.Cos(angle));
                var y = cy + (r * Math.Sin(angle));
                var person = onRing[i];
                svg.Raw(string.Create(CultureInfo.InvariantCulture, $"<g class=\"person\" data-id=\"{SvgBuilder.Escape(person.Id.Value)}\" data-ring=\"{ring}\">\n"));
                svg.Element("circle", $"cx=\"{SvgBuilder.N(x)}\" cy=\"{SvgBuilder.N(y)}\" r=\"16\" fill=\"#ffffff\" stroke=\"{(person.Deceased ? "#555555" : "#4e79a7")}\" stroke-dasharray=\"{(person.Deceased ? "3 2" : "none")}\"");
                svg.Element("text", $"x=\"{SvgBuilder.N(x)}\" y=\"{SvgBuilder.N(y + 4)}\" text-anchor=\"middle\" font-size=\"11\"", Marker(person, options));
                svg.Raw("</g>\n");
            }
        }

        foreach (var person in inventory.Persons)
        {
            if (person.Ring is null)
            {
                unplaced.Add(person);
            }
        }

        var sideX = size + 10;
        svg.Element("text", $"x=\"{SvgBuilder.N(sideX)}\" y=\"{SvgBuilder.N(Margin + 4)}\" font-weight=\"bold\"", "Rings: 1 = closest");
        if (unplaced.Count > 0)
        {
            svg.Element("text", $"x=\"{SvgBuilder.N(sideX)}\" y=\"{SvgBuilder.N(Margin + 28)}\"", "Not placed:");
            for (var i = 0; i < unplaced.Count; i++)
            {
                svg.Element("text", string.Create(CultureInfo.InvariantCulture, $"class=\"unplaced\" data-id=\"{SvgBuilder.Escape(unplaced[i].Id.Value)}\" x=\"{SvgBuilder.N(sideX + 8)}\" y=\"{SvgBuilder.N(Margin + 46 + (i * 16))}\""), Marker(unplaced[i], options));
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

    private static string Initials(string label, string fallback)
    {
        var initials = string.Concat(label.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0]))
            .Take(3)
            .Select(w => char.ToUpperInvariant(w[0])));
        return initials.Length == 0 ? fallback : initials;
    }
}
