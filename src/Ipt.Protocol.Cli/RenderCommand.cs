using System.CommandLine;
using Ipt.Protocol.Cli.Output;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rendering;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt render FILE --out FILE.svg|FILE.html</c>: pictures of a course, or an HTML report combining them with the validation report.</summary>
internal static class RenderCommand
{
    internal static Command Create(ProtocolRegistry registry)
    {
        var file = CliInput.RefuseOptionLikeFiles(new Argument<string>("FILE") { Description = "The course document (JSON)." });
        var outFile = new Option<string?>("--out")
        {
            Description = "The file to write: .svg for one picture, .html for the report with the validation and every picture. Without it, the SVG is printed.",
        };
        var picture = new Option<string>("--picture")
        {
            Description = "For SVG output: closeness-circle, timeline or measure.",
            DefaultValueFactory = _ => "timeline",
        };
        picture.AcceptOnlyFromAmong("closeness-circle", "timeline", "measure");
        var instrument = new Option<string?>("--instrument")
        {
            Description = "For --picture measure: the instrument's id (default: the protocol's primary instrument when recorded, else the first recorded).",
        };
        var people = new Option<string>("--people")
        {
            Description = "How people are marked in the closeness circle: id (default) or initials.",
            DefaultValueFactory = _ => "id",
        };
        people.AcceptOnlyFromAmong("id", "initials");
        var showLabels = new Option<bool>("--show-labels")
        {
            Description = "Show people's full labels in the closeness circle. Labels are patient data: share the picture accordingly.",
        };
        var command = new Command(
            "render",
            "Draw a course: the closeness circle (rings, people by id or initials), the timeline (sessions by phase, held/missed/cancelled, key tasks) and the measure trajectory (scores over the instrument's bands). An .html file combines the validation report and every picture in one self-contained page.\n\n" +
            "Examples:\n" +
            "  ipt render docs/examples/standard.course.json --out report.html\n" +
            "  ipt render course.json --picture closeness-circle --people initials --out circle.svg\n" +
            "  ipt render course.json --picture measure --instrument phq-9 --out phq-9.svg")
        {
            file,
            outFile,
            picture,
            instrument,
            people,
            showLabels,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetRequiredValue(file);
            var target = parseResult.GetValue(outFile);
            var html = target is not null && target.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
            if (target is not null && !html && !target.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                error.WriteLine($"ipt render: --out '{target}': the file name must end in .svg or .html.");
                return IptCli.Failure;
            }

            if (CliInput.ReadCourse(path, error) is not { } course)
            {
                return IptCli.Failure;
            }

            var options = new RenderOptions
            {
                People = parseResult.GetValue(showLabels) ? PersonMarker.Label : parseResult.GetValue(people) == "initials" ? PersonMarker.Initials : PersonMarker.Id,
            };
            string text;
            if (html)
            {
                new OutcomeCalculator(new OutcomeOptions { Protocols = registry }).TryCalculate(course.Course, out var outcome);
                var report = new FileReport(course, new CourseValidator(new ValidatorOptions { Protocols = registry }).Validate(course.Course), outcome)
                {
                    Checklist = ChecklistOutput.Of(course.Course, registry, null, null),
                };
                text = HtmlReport.Render(report, registry, options);
            }
            else
            {
                string? svg = parseResult.GetValue(picture) switch
                {
                    "closeness-circle" => ClosenessCircleSvg.Render(course.Course.Inventory, options),
                    "measure" => MeasureSvg(course.Course, registry, parseResult.GetValue(instrument), error),
                    _ => TimelineSvg.Render(course.Course),
                };
                if (svg is null)
                {
                    return IptCli.Failure;
                }

                text = svg;
            }

            return CliInput.WriteOutput(text, target, "render", output, error);
        });
        return command;
    }

    /// <summary>The measure chart of one instrument: the asked one, else the protocol's primary one when recorded, else the first recorded.</summary>
    private static string? MeasureSvg(Course course, ProtocolRegistry registry, string? id, TextWriter error)
    {
        var recorded = MeasureChartSvg.InstrumentsRecorded(course);
        Instrument? chosen;
        if (id is not null)
        {
            chosen = recorded.FirstOrDefault(i => i.Id.Value == id) ?? BuiltInInstruments.All.FirstOrDefault(i => i.Id.Value == id);
            if (chosen is null)
            {
                error.WriteLine($"ipt render: unknown instrument '{id}'. Recorded in this course: {(recorded.Count == 0 ? "none" : string.Join(", ", recorded.Select(i => i.Id)))}.");
                return null;
            }
        }
        else
        {
            var primary = registry.TryGet(course.Protocol, out var protocol) ? protocol.PrimaryInstrument : BuiltInInstruments.Phq9.Id;
            chosen = recorded.FirstOrDefault(i => i.Id == primary) ?? (recorded.Count > 0 ? recorded[0] : null) ?? BuiltInInstruments.All.FirstOrDefault(i => i.Id == primary) ?? BuiltInInstruments.Phq9;
        }

        return MeasureChartSvg.Render(course, chosen);
    }
}
