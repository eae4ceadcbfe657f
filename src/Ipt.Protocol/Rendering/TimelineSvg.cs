using System.Globalization;
using NodaTime.Text;

namespace Ipt.Protocol.Rendering;

/// <summary>
/// Draws a course's timeline: one mark per session, coloured by phase; held sessions filled,
/// planned ones outlined, missed ones crossed, cancelled ones dashed; key protocol tasks as markers
/// above the session where they were recorded.
/// </summary>
public static class TimelineSvg
{
    private const double Cell = 34;
    private const double Left = 20;
    private const double Top = 46;
    private const double Height = 30;

    private static readonly (SessionTask Task, string Symbol, string Name)[] KeyTasks =
    [
        (SessionTask.InterpersonalInventory, "I", "inventory"),
        (SessionTask.EndingRaised, "E", "ending raised"),
        (SessionTask.RelapsePreventionPlan, "R", "relapse-prevention plan"),
        (SessionTask.RiskReview, "!", "risk review"),
    ];

    /// <summary>Renders the timeline as a standalone SVG document.</summary>
    /// <param name="course">The course.</param>
    /// <returns>The SVG text.</returns>
    public static string Render(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var sessions = course.Sessions.OrderBy(s => s.Number).ToList();
        var width = Math.Max(640, (Left * 2) + (sessions.Count * Cell));
        var svg = new SvgBuilder(width, 170, "Course timeline", "ipt-timeline");
        svg.Element("text", $"x=\"{SvgBuilder.N(Left)}\" y=\"16\" font-weight=\"bold\"", $"Course timeline ({course.Protocol})");

        var formulationAgreedAt = course.Formulation?.AgreedAtSession;
        for (var i = 0; i < sessions.Count; i++)
        {
            var s = sessions[i];
            var x = Left + (i * Cell);
            var colour = PhaseColours.Of(s.Phase);
            var status = s.Status.ToString().ToLowerInvariant();
            var (fill, opacity, dash) = s.Status switch
            {
                SessionStatus.Held => (colour, "1", "none"),
                SessionStatus.Missed => (colour, "0.25", "none"),
                SessionStatus.Cancelled or SessionStatus.CancelledByPatient or SessionStatus.CancelledByService => ("#ffffff", "1", "4 3"),
                _ => ("#ffffff", "1", "none"),
            };
            var title = s.Date is { } date
                ? string.Create(CultureInfo.InvariantCulture, $"Session {s.Number}, {PhaseColours.Name(s.Phase)}, {status}, {LocalDatePattern.Iso.Format(date)}")
                : string.Create(CultureInfo.InvariantCulture, $"Session {s.Number}, {PhaseColours.Name(s.Phase)}, {status}");
            svg.Raw(string.Create(CultureInfo.InvariantCulture, $"<g class=\"session {status}\" data-number=\"{s.Number}\" data-phase=\"{PhaseColours.Name(s.Phase)}\" data-status=\"{status}\">\n"));
            svg.Element("title", string.Empty, title);
            svg.Element("rect", $"x=\"{SvgBuilder.N(x)}\" y=\"{SvgBuilder.N(Top)}\" width=\"{SvgBuilder.N(Cell - 4)}\" height=\"{SvgBuilder.N(Height)}\" rx=\"3\" fill=\"{fill}\" fill-opacity=\"{opacity}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"");
            if (s.Status == SessionStatus.Missed)
            {
                svg.Element("path", $"d=\"M{SvgBuilder.N(x + 4)} {SvgBuilder.N(Top + 4)} L{SvgBuilder.N(x + Cell - 8)} {SvgBuilder.N(Top + Height - 4)} M{SvgBuilder.N(x + Cell - 8)} {SvgBuilder.N(Top + 4)} L{SvgBuilder.N(x + 4)} {SvgBuilder.N(Top + Height - 4)}\" stroke=\"#333333\" stroke-width=\"1.5\"");
            }

            svg.Element("text", string.Create(CultureInfo.InvariantCulture, $"x=\"{SvgBuilder.N(x + ((Cell - 4) / 2))}\" y=\"{SvgBuilder.N(Top + Height + 14)}\" text-anchor=\"middle\" font-size=\"10\""), s.Number.ToString(CultureInfo.InvariantCulture));
            svg.Raw("</g>\n");

            var markerY = Top - 6;
            foreach (var (task, symbol, name) in KeyTasks)
            {
                if (s.Has(task))
                {
                    Marker(svg, x, markerY, symbol, name, s.Number);
                    markerY -= 12;
                }
            }

            if (formulationAgreedAt == s.Number)
            {
                Marker(svg, x, markerY, "F", "formulation agreed", s.Number);
            }
        }

        Legend(svg, Top + Height + 34);
        return svg.Finish();
    }

    private static void Marker(SvgBuilder svg, double x, double y, string symbol, string name, int session)
    {
        svg.Raw(string.Create(CultureInfo.InvariantCulture, $"<g class=\"task-marker\" data-task=\"{name}\" data-session=\"{session}\">\n"));
        svg.Element("title", string.Empty, name);
        svg.Element("text", $"x=\"{SvgBuilder.N(x + 15)}\" y=\"{SvgBuilder.N(y)}\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\"", symbol);
        svg.Raw("</g>\n");
    }

    private static void Legend(SvgBuilder svg, double y)
    {
        var x = Left;
        foreach (var phase in new[] { Phase.PreTreatment, Phase.Initial, Phase.Middle, Phase.Termination, Phase.Maintenance })
        {
            svg.Element("rect", $"class=\"legend\" x=\"{SvgBuilder.N(x)}\" y=\"{SvgBuilder.N(y)}\" width=\"12\" height=\"12\" fill=\"{PhaseColours.Of(phase)}\"");
            svg.Element("text", $"x=\"{SvgBuilder.N(x + 16)}\" y=\"{SvgBuilder.N(y + 10)}\" font-size=\"10\"", PhaseColours.Name(phase));
            x += 110;
        }

        svg.Element("text", $"x=\"{SvgBuilder.N(Left)}\" y=\"{SvgBuilder.N(y + 30)}\" font-size=\"10\"", "filled: held · outlined: planned · crossed: missed · dashed: cancelled");
        svg.Element("text", $"x=\"{SvgBuilder.N(Left)}\" y=\"{SvgBuilder.N(y + 44)}\" font-size=\"10\"", "I inventory · F formulation agreed · E ending raised · R relapse-prevention plan · ! risk review");
    }
}
