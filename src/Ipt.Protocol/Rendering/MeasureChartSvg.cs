using System.Globalization;

namespace Ipt.Protocol.Rendering;

/// <summary>
/// Draws the trajectory of one instrument over a course: one point per measurement at its session,
/// joined by a line, over the instrument's bands shaded from mild to severe, with the caseness
/// threshold dashed when the instrument has one.
/// </summary>
public static class MeasureChartSvg
{
    private const double Width = 620;
    private const double Height = 280;
    private const double Left = 48;
    private const double Right = 180;
    private const double Top = 30;
    private const double Bottom = 36;

    private static readonly string[] BandShades = ["#e6f4ea", "#fff8e1", "#ffe9cc", "#ffd9cc", "#ffcdd2", "#ef9a9a"];

    /// <summary>Returns the instruments recorded anywhere in a course, built-in ones resolved, in order of first use.</summary>
    /// <param name="course">The course.</param>
    /// <returns>The instruments; an unknown instrument gets a range from its highest recorded score.</returns>
    public static IReadOnlyList<Instrument> InstrumentsRecorded(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var result = new List<Instrument>();
        foreach (var session in course.Sessions)
        {
            foreach (var measure in session.Measures)
            {
                if (result.Exists(i => i.Id == measure.Instrument))
                {
                    continue;
                }

                if (Instruments.TryGet(measure.Instrument, out var known))
                {
                    result.Add(known);
                }
                else
                {
                    var max = course.Sessions.SelectMany(s => s.Measures).Where(m => m.Instrument == measure.Instrument).Max(m => m.Score);
                    result.Add(new Instrument
                    {
                        Id = measure.Instrument,
                        Name = measure.Instrument.Value,
                        TotalMax = Math.Max(1, max),
                        Citation = new Citation(Confidence.Low, "HOST"),
                    });
                }
            }
        }

        return result;
    }

    /// <summary>Renders the trajectory of an instrument as a standalone SVG document.</summary>
    /// <param name="course">The course.</param>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The SVG text.</returns>
    public static string Render(Course course, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(instrument);
        var points = new List<(int Session, int Score)>();
        foreach (var session in course.Sessions.OrderBy(s => s.Number))
        {
            foreach (var measure in session.Measures)
            {
                if (measure.Instrument == instrument.Id)
                {
                    points.Add((session.Number, measure.Score));
                }
            }
        }

        var lastSession = Math.Max(1, course.Sessions.Count == 0 ? 1 : course.Sessions.Max(s => s.Number));
        var yMax = Math.Max(instrument.TotalMax, points.Count == 0 ? 0 : points.Max(p => p.Score));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int session) => Left + (lastSession == 1 ? plotW / 2 : (session - 1) * plotW / (lastSession - 1));
        double Y(double score) => Top + plotH - ((score - instrument.TotalMin) * plotH / Math.Max(1, yMax - instrument.TotalMin));

        var svg = new SvgBuilder(Width, Height, $"{instrument.Name} over the course", "ipt-measure-chart");
        svg.Element("text", $"x=\"{SvgBuilder.N(Left)}\" y=\"18\" font-weight=\"bold\"", $"{instrument.Name} by session");

        for (var i = 0; i < instrument.Bands.Count; i++)
        {
            var band = instrument.Bands[i];
            var shade = instrument.HigherIsWorse ? BandShades[Math.Min(i, BandShades.Length - 1)] : BandShades[Math.Max(0, BandShades.Length - 1 - i)];
            var top = Y(band.Max + 1 > yMax ? yMax : band.Max + 1);
            var bottom = Y(band.Min);
            svg.Element("rect", string.Create(CultureInfo.InvariantCulture, $"class=\"band\" data-band=\"{SvgBuilder.Escape(band.Name)}\" x=\"{SvgBuilder.N(Left)}\" y=\"{SvgBuilder.N(top)}\" width=\"{SvgBuilder.N(plotW)}\" height=\"{SvgBuilder.N(Math.Max(0, bottom - top))}\" fill=\"{shade}\""));
            svg.Element("text", $"x=\"{SvgBuilder.N(Left + plotW + 6)}\" y=\"{SvgBuilder.N(((top + bottom) / 2) + 4)}\" font-size=\"10\"", string.Create(CultureInfo.InvariantCulture, $"{band.Name} ({band.Min}–{band.Max})"));
        }

        // Axes.
        svg.Element("path", $"class=\"axis\" d=\"M{SvgBuilder.N(Left)} {SvgBuilder.N(Top)} V{SvgBuilder.N(Top + plotH)} H{SvgBuilder.N(Left + plotW)}\" stroke=\"#333333\" fill=\"none\"");
        svg.Element("text", $"x=\"{SvgBuilder.N(Left - 8)}\" y=\"{SvgBuilder.N(Y(yMax) + 4)}\" text-anchor=\"end\" font-size=\"10\"", yMax.ToString(CultureInfo.InvariantCulture));
        svg.Element("text", $"x=\"{SvgBuilder.N(Left - 8)}\" y=\"{SvgBuilder.N(Y(instrument.TotalMin) + 4)}\" text-anchor=\"end\" font-size=\"10\"", instrument.TotalMin.ToString(CultureInfo.InvariantCulture));
        svg.Element("text", $"x=\"{SvgBuilder.N(Left + (plotW / 2))}\" y=\"{SvgBuilder.N(Height - 6)}\" text-anchor=\"middle\" font-size=\"10\"", "session");
        // Every session up to 20, else the first, every step-th and the last: at most about 22 labels
        // however large the session numbers (a course may number a session up to int.MaxValue).
        var labelStep = lastSession <= 20 ? 1 : 5 * (int)Math.Ceiling(lastSession / 100.0);
        for (long session = 1; session <= lastSession; session = session == 1 && labelStep > 1 ? labelStep : session + labelStep)
        {
            svg.Element("text", $"x=\"{SvgBuilder.N(X((int)session))}\" y=\"{SvgBuilder.N(Top + plotH + 14)}\" text-anchor=\"middle\" font-size=\"10\"", session.ToString(CultureInfo.InvariantCulture));
        }

        if (lastSession > 20 && lastSession % labelStep != 0)
        {
            svg.Element("text", $"x=\"{SvgBuilder.N(X(lastSession))}\" y=\"{SvgBuilder.N(Top + plotH + 14)}\" text-anchor=\"middle\" font-size=\"10\"", lastSession.ToString(CultureInfo.InvariantCulture));
        }

        if (instrument.CasenessThreshold is { } caseness)
        {
            svg.Element("path", $"class=\"caseness\" d=\"M{SvgBuilder.N(Left)} {SvgBuilder.N(Y(caseness))} H{SvgBuilder.N(Left + plotW)}\" stroke=\"#555555\" stroke-dasharray=\"5 4\"");
        }

        if (points.Count == 0)
        {
            svg.Element("text", $"x=\"{SvgBuilder.N(Left + (plotW / 2))}\" y=\"{SvgBuilder.N(Top + (plotH / 2))}\" text-anchor=\"middle\"", "No measurements recorded");
            return svg.Finish();
        }

        var line = string.Join(" ", points.Select(p => $"{SvgBuilder.N(X(p.Session))},{SvgBuilder.N(Y(p.Score))}"));
        svg.Element("polyline", $"class=\"trajectory\" points=\"{line}\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"");
        foreach (var (session, score) in points)
        {
            svg.Raw(string.Create(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-session=\"{session}\" data-score=\"{score}\" cx=\"{SvgBuilder.N(X(session))}\" cy=\"{SvgBuilder.N(Y(score))}\" r=\"4\" fill=\"#1f4e79\"><title>Session {session}: {score}</title></circle>\n"));
        }

        return svg.Finish();
    }
}
