using System.CommandLine;
using Ipt.Protocol.Cli.Output;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt validate FILE...</c>: checks course documents against their protocol's rules.</summary>
internal static class ValidateCommand
{
    internal static Command Create(ProtocolRegistry registry)
    {
        var files = CliInput.RefuseOptionLikeFiles(new Argument<string[]>("FILE")
        {
            Description = "Course documents (JSON) to check; a folder checks every *.course.json file in it, '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        });
        var format = CliInput.FormatOption("text", "json", "sarif", "fhir");
        var protocol = new Option<string?>("--protocol")
        {
            Description = "Check against this protocol variant instead of each course's own.",
        };
        var severity = new Option<string[]>("--severity")
        {
            Description = "Change a rule's severity: ID=error|warning|info (repeatable), e.g. IPT0601=error.",
            AllowMultipleArgumentsPerToken = false,
        };
        var disable = new Option<string[]>("--disable")
        {
            Description = "Do not run a rule (repeatable), e.g. IPT0702.",
        };
        var catalogue = CatalogueOption();
        var suggest = new Option<bool>("--suggest")
        {
            Description = "After the report (text format), print the advisor's suggestions for each course's next session.",
        };
        var command = new Command(
            "validate",
            "Check course documents against the protocol's rules. Exit code 0: no errors; 1: a course has errors; 2: a file cannot be read or parsed, or bad usage.\n\n" +
            "Examples:\n" +
            "  ipt validate docs/examples/standard.course.json\n" +
            "  ipt validate docs/examples/mistakes/*.course.json --format json\n" +
            "  ipt validate course.json --format sarif > ipt.sarif\n" +
            "  ipt validate course.json --format fhir\n" +
            "  ipt validate course.json --severity IPT0601=error --disable IPT0702 --suggest")
        {
            files,
            format,
            protocol,
            severity,
            disable,
            catalogue,
            suggest,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var options = new ValidatorOptions { Protocols = registry };
            if (!TryApply(parseResult.GetValue(severity) ?? [], parseResult.GetValue(disable) ?? [], ref options, error))
            {
                return IptCli.Failure;
            }

            var techniques = CliInput.ReadCatalogues(parseResult.GetValue(catalogue) ?? [], error);
            if (techniques is null)
            {
                return IptCli.Failure;
            }

            options = options with { Techniques = techniques };
            ProtocolDefinition? forced = null;
            if (parseResult.GetValue(protocol) is { } id && (forced = CliInput.FindProtocol(registry, id, "validate", error)) is null)
            {
                return IptCli.Failure;
            }

            var validator = new CourseValidator(options);
            var outcomes = new OutcomeCalculator(new OutcomeOptions { Protocols = registry, Instruments = options.Instruments });
            var reports = new List<FileReport>();
            var problems = new List<InputProblem>();
            var unreadable = false;
            if (CliInput.ExpandCourseArguments(parseResult.GetValue(files) ?? [], "validate", error) is not { } paths)
            {
                return IptCli.Failure;
            }

            foreach (var path in paths)
            {
                if (CliInput.ReadCourse(path, error, problems) is not { } file)
                {
                    unreadable = true;
                    continue;
                }

                var report = forced is null ? validator.Validate(file.Course) : validator.Validate(file.Course, forced);
                CourseOutcome? outcome = null;
                if (forced is not null)
                {
                    outcome = outcomes.Calculate(file.Course, forced);
                }
                else
                {
                    outcomes.TryCalculate(file.Course, out outcome);
                }

                reports.Add(new FileReport(file, report, outcome) { Checklist = ChecklistOutput.Of(file.Course, registry, forced, options.Instruments) });
            }

            var selected = parseResult.GetValue(format);
            output.Write(selected switch
            {
                "json" => JsonReport.Render(reports),
                "sarif" => SarifReport.Render(reports, problems),
                "fhir" => FhirReport.Render(reports, problems, paths),
                _ => TextReport.Render(reports, CliInput.UseColour(output)),
            });
            if (parseResult.GetValue(suggest) && selected == "text")
            {
                var advisor = new TechniqueAdvisor(techniques, registry);
                foreach (var report in reports)
                {
                    output.WriteLine();
                    if (forced is null && !registry.TryGet(report.File.Course.Protocol, out _))
                    {
                        // IPT0002 above says so; the advisor needs the protocol.
                        output.WriteLine($"{CliInput.Printable(report.Path)}: no suggestions: the course's protocol ($.protocol) is not known.");
                        continue;
                    }

                    output.Write(SuggestCommand.RenderText(report.Path, SuggestCommand.Advise(advisor, report.File.Course, null, 5, forced)));
                }
            }

            return unreadable ? IptCli.Failure : reports.Any(r => r.Report.HasErrors) ? IptCli.HasErrors : IptCli.Success;
        });
        return command;
    }

    /// <summary>The <c>--catalogue FILE</c> option shared by validate, suggest and techniques.</summary>
    internal static Option<string[]> CatalogueOption() => new("--catalogue")
    {
        Description = "A technique catalogue file composed over the built-in catalogue (repeatable; applied in order). See docs/extending.md.",
    };

    private static bool TryApply(string[] severities, string[] disabled, ref ValidatorOptions options, TextWriter error)
    {
        var known = BuiltInRules.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in severities)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var id = eq > 0 ? item[..eq].Trim() : item;
            var level = eq > 0 ? item[(eq + 1)..].Trim().ToLowerInvariant() : string.Empty;
            if (!known.Contains(id))
            {
                error.WriteLine($"ipt validate: --severity '{item}': unknown rule id '{id}' (see 'ipt rules').");
                return false;
            }

            if (!IsConfigurable(id))
            {
                error.WriteLine($"ipt validate: --severity '{item}': {id} is one of the engine's own diagnostics and cannot be given another severity.");
                return false;
            }

            DiagnosticSeverity? parsed = level switch
            {
                "error" => DiagnosticSeverity.Error,
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                _ => null,
            };
            if (parsed is not { } value)
            {
                error.WriteLine($"ipt validate: --severity '{item}': expected ID=error, ID=warning or ID=info.");
                return false;
            }

            options = options.WithSeverity(id, value);
        }

        foreach (var id in disabled)
        {
            if (!known.Contains(id))
            {
                error.WriteLine($"ipt validate: --disable '{id}': unknown rule id (see 'ipt rules').");
                return false;
            }

            if (!IsConfigurable(id))
            {
                error.WriteLine($"ipt validate: --disable '{id}': {id} is one of the engine's own diagnostics and cannot be disabled.");
                return false;
            }

            options = options.Disable(id);
        }

        return true;
    }

    private static bool IsConfigurable(string id) => !BuiltInRules.TryGetDescriptor(id, out var descriptor) || descriptor.IsConfigurable;
}
