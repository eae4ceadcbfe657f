using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rendering;

namespace Ipt.Protocol.Tests.Robustness;

/// <summary>Pictures stay small whatever numbers a course holds.</summary>
public class RendererRobustnessTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1_000_000)]
    [InlineData(101)]
    public void Found_by_the_generator_a_huge_session_number_gives_a_chart_with_a_few_axis_labels(int number)
    {
        // The axis labelled every fifth session up to the last: with session int.MaxValue it never ended (and ran out of memory).
        var course = new Course(BuiltInProtocols.Standard.Id)
        {
            Sessions =
            [
                new Session(1, Phase.Initial) { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 20)] },
                new Session(number, Phase.Termination) { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, int.MaxValue)] },
            ],
        };
        var svg = MeasureChartSvg.Render(course, BuiltInInstruments.Phq9);
        var labels = svg.Split("class=\"x-tick\"").Length - 1;
        Assert.InRange(labels, 3, 25);
        Assert.Contains(">" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "<", svg, StringComparison.Ordinal);
        Assert.True(svg.Length < 20_000);
        Assert.InRange(svg.Split("class=\"y-tick\"").Length - 1, 2, 2 * 14);
    }
}
