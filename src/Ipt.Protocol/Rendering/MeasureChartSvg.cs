using System.Globalization;

namespace Ipt.Protocol.Rendering;

/// <summary>
/// Draws the trajectory of one instrument over a course: one point per measurement at its session,
/// joined by a line and labelled with its score, over the instrument's bands shaded from mild to
/// severe, on a score axis with round ticks, with the caseness threshold dashed and labelled when
/// the instrument has one.
/// </summary>
public static class MeasureChartSvg
{
    private const double Width = 700;
    private const double Height = 320;
    private const double Left = 58;
    private const double Right = 200;
    private const double Top = 34;
    private const double Bottom = 46;

    /// <summary>A white outline behind text, so it stays readable over the bands and lines.</summary>
    private const string Halo = "paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\"";

    private static readonly string[] BandShades = ["#e6f4ea", "#fff8e1", "#ffe9cc", "#ffd9cc", "#ffcdd2", "#ef9a9a"];

    /// <summary>Returns the instruments recorded in a course's sessions, resolved in a registry, in order of first use.</summary>
    /// <param name="course">The course.</param>
    /// <param name="instruments">The instruments known (their ranges, bands and caseness); the built-in ones when omitted.</param>
    /// <returns>The instruments; an instrument the registry does not know gets a range from its highest recorded score.</returns>
    public static ValueList<Instrument> InstrumentsRecorded(Course course, InstrumentRegistry? instruments = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        instruments ??= InstrumentRegistry.BuiltIn;
        var result = new List<Instrument>();
        foreach (var session in course.Sessions)
        {
            foreach (var measure in session.Measures)
            {
                if (result.Exists(i => i.Id == measure.Instrument))
                {
                    continue;
                }

                if (instruments.TryGet(measure.Instrument, out var known))
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

        return ValueList.From(result);
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
        var yMin = (double)instrument.TotalMin;
        var yMax = Math.Max(instrument.TotalMax, points.Count == 0 ? 0 : points.Max(p => p.Score));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int session) => Left + (lastSession == 1 ? plotW / 2 : (session - 1.0) * plotW / (lastSession - 1.0));
        double Y(double score) => Top + plotH - ((score - yMin) * plotH / Math.Max(1, yMax - yMin));

        var svg = new SvgBuilder(Width, Height, $"{instrument.Name} over the course", "ipt-measure-chart");
        svg.Element("text", $"x=\"{SvgBuilder.N(Left)}\" y=\"18\" font-weight=\"bold\"", $"{instrument.Name} total score by session");

        for (var i = 0; i < instrument.Bands.Count; i++)
        {
            var band = instrument.Bands[i];
            var shade = instrument.HigherIsWorse ? BandShades[Math.Min(i, BandShades.Length - 1)] : BandShades[Math.Max(0, BandShades.Length - 1 - i)];
            var top = Y(band.Max + 1 > yMax ? yMax : band.Max + 1);
            var bottom = Y(band.Min);
            svg.Element("rect", string.Create(CultureInfo.InvariantCulture, $"class=\"band\" data-band=\"{SvgBuilder.Escape(band.Name)}\" x=\"{SvgBuilder.N(Left)}\" y=\"{SvgBuilder.N(top)}\" width=\"{SvgBuilder.N(plotW)}\" height=\"{SvgBuilder.N(Math.Max(0, bottom - top))}\" fill=\"{shade}\""));
            svg.Element("text", $"class=\"band-name\" x=\"{SvgBuilder.N(Left + plotW + 8)}\" y=\"{SvgBuilder.N(((top + bottom) / 2) + 4)}\" font-size=\"11\"", string.Create(CultureInfo.InvariantCulture, $"{band.Name} ({band.Min}–{band.Max})"));
        }

        // The score axis: a tick, a grid line and a number at every step of a round size, and the maximum.
        var step = TickStep(yMax - yMin);
        var ticks = new List<double>();
        for (var k = 0; k <= 12; k++)
        {
            var value = yMin + (k * step);
            if (value > yMax)
            {
                break;
            }

            ticks.Add(value);
        }

        if (Y(ticks[^1]) - Y(yMax) >= 14)
        {
            ticks.Add(yMax);
        }

        foreach (var value in ticks)
        {
            var y = SvgBuilder.N(Y(value));
            svg.Element("path", $"class=\"grid\" d=\"M{SvgBuilder.N(Left)} {y} H{SvgBuilder.N(Left + plotW)}\" stroke=\"#ffffff\" stroke-opacity=\"0.8\"");
            svg.Element("path", $"class=\"y-tick\" d=\"M{SvgBuilder.N(Left - 5)} {y} H{SvgBuilder.N(Left)}\" stroke=\"#333333\"");
            svg.Element("text", $"class=\"y-tick\" x=\"{SvgBuilder.N(Left - 8)}\" y=\"{SvgBuilder.N(Y(value) + 4)}\" text-anchor=\"end\" font-size=\"11\"", value.ToString("0", CultureInfo.InvariantCulture));
        }

        svg.Element("text", $"class=\"axis-title\" transform=\"rotate(-90)\" x=\"{SvgBuilder.N(-(Top + (plotH / 2)))}\" y=\"14\" text-anchor=\"middle\" font-size=\"11\"", "total score");
        svg.Element("path", $"class=\"axis\" d=\"M{SvgBuilder.N(Left)} {SvgBuilder.N(Top)} V{SvgBuilder.N(Top + plotH)} H{SvgBuilder.N(Left + plotW)}\" stroke=\"#333333\" fill=\"none\"");

        // The session axis: every session up to 20, else the first, every step-th and the last: at most
        // about 22 labels however large the session numbers (a course may number a session up to int.MaxValue).
        svg.Element("text", $"class=\"axis-title\" x=\"{SvgBuilder.N(Left + (plotW / 2))}\" y=\"{SvgBuilder.N(Height - 8)}\" text-anchor=\"middle\" font-size=\"11\"", "session");
        var labelStep = lastSession <= 20 ? 1 : 5 * (int)Math.Ceiling(lastSession / 100.0);
        for (long session = 1; session <= lastSession; session = session == 1 && labelStep > 1 ? labelStep : session + labelStep)
        {
            SessionTick(svg, X((int)session), Top + plotH, (int)session);
        }

        if (lastSession > 20 && lastSession % labelStep != 0)
        {
            SessionTick(svg, X(lastSession), Top + plotH, lastSession);
        }

        // Each score written above its point (below when the point is at the top), unless the
        // previous written score is too close to the left.
        var values = new List<(int Session, double X, double Y, string Text)>();
        var lastLabelled = double.NegativeInfinity;
        foreach (var (session, score) in points)
        {
            var (x, y) = (X(session), Y(score));
            var text = score.ToString(CultureInfo.InvariantCulture);
            if (x - lastLabelled >= SvgBuilder.TextWidth(text, 11) + 6)
            {
                // Kept clear of the score axis at the left.
                values.Add((session, Math.Max(x, Left + (SvgBuilder.TextWidth(text, 11) / 2) + 3), y - 9 >= Top + 10 ? y - 9 : y + 18, text));
                lastLabelled = x;
            }
        }

        if (instrument.CasenessThreshold is { } caseness)
        {
            var y = Y(caseness);
            var label = string.Create(CultureInfo.InvariantCulture, $"caseness threshold: {caseness}");
            svg.Element("path", $"class=\"caseness\" d=\"M{SvgBuilder.N(Left)} {SvgBuilder.N(y)} H{SvgBuilder.N(Left + plotW)}\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");

            // The label goes above the line at the left, else at the right, else below: the first
            // place where it covers no point and no written score.
            var width = SvgBuilder.TextWidth(label, 11);
            (double X, double Y, string Anchor)[] places =
            [
                (Left + 6, y - 5, "start"), (Left + plotW - 6, y - 5, "end"), (Left + 6, y + 15, "start"), (Left + plotW - 6, y + 15, "end"),
            ];
            var place = places.FirstOrDefault(c => !Covers(c.Anchor == "end" ? c.X - width : c.X, c.Y, width), places[0]);
            svg.Element("text", $"class=\"caseness-label\" x=\"{SvgBuilder.N(place.X)}\" y=\"{SvgBuilder.N(place.Y)}\" text-anchor=\"{place.Anchor}\" font-size=\"11\" fill=\"#333333\" {Halo}", label);

            bool Covers(double left, double baseline, double w) =>
                points.Any(p => Overlaps(left, baseline - 11, w, 14, X(p.Session) - 5, Y(p.Score) - 5, 10, 10)) ||
                values.Any(v => Overlaps(left, baseline - 11, w, 14, v.X - (SvgBuilder.TextWidth(v.Text, 11) / 2), v.Y - 11, SvgBuilder.TextWidth(v.Text, 11), 14));
        }

        if (points.Count == 0)
        {
            svg.Element("text", $"x=\"{SvgBuilder.N(Left + (plotW / 2))}\" y=\"{SvgBuilder.N(Top + (plotH / 2))}\" text-anchor=\"middle\" {Halo}", "No measurements recorded");
            return svg.Finish();
        }

        var line = string.Join(" ", points.Select(p => $"{SvgBuilder.N(X(p.Session))},{SvgBuilder.N(Y(p.Score))}"));
        svg.Element("polyline", $"class=\"trajectory\" points=\"{line}\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"");

        foreach (var (session, score) in points)
        {
            svg.Raw(string.Create(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-session=\"{session}\" data-score=\"{score}\" cx=\"{SvgBuilder.N(X(session))}\" cy=\"{SvgBuilder.N(Y(score))}\" r=\"4\" fill=\"#1f4e79\"><title>Session {session}: {score}</title></circle>\n"));
        }

        foreach (var (session, x, y, text) in values)
        {
            svg.Element("text", string.Create(CultureInfo.InvariantCulture, $"class=\"value\" data-session=\"{session}\" x=\"{SvgBuilder.N(x)}\" y=\"{SvgBuilder.N(y)}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#1f4e79\" {Halo}"), text);
        }

        return svg.Finish();
    }

    /// <summary>A round step for about five to ten ticks over a range: 1, 2 or 5 times a power of ten.</summary>
    private static double TickStep(double range)
    {
        var step = 1.0;
        while (range / step > 10)
        {
            step *= step.ToString(CultureInfo.InvariantCulture)[0] == '2' ? 2.5 : 2;
        }

        return step;
    }

    private static bool Overlaps(double x1, double y1, double w1, double h1, double x2, double y2, double w2, double h2) =>
        x1 < x2 + w2 && x2 < x1 + w1 && y1 < y2 + h2 && y2 < y1 + h1;

    private static void SessionTick(SvgBuilder svg, double x, double axisY, int session)
    {
        svg.Element("path", $"d=\"M{SvgBuilder.N(x)} {SvgBuilder.N(axisY)} V{SvgBuilder.N(axisY + 5)}\" stroke=\"#333333\"");
        svg.Element("text", $"class=\"x-tick\" x=\"{SvgBuilder.N(x)}\" y=\"{SvgBuilder.N(axisY + 17)}\" text-anchor=\"middle\" font-size=\"11\"", session.ToString(CultureInfo.InvariantCulture));
    }
}
