using System.CommandLine;
using System.CommandLine.Help;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Cli;

/// <summary>The <c>ipt</c> command line: builds the command tree and runs it against the given writers, so tests can run it in-process.</summary>
public static class IptCli
{
    /// <summary>Exit code: success, no file has errors.</summary>
    public const int Success = 0;

    /// <summary>Exit code: a course has protocol errors.</summary>
    public const int HasErrors = 1;

    /// <summary>Exit code: bad usage, or a file that cannot be read or parsed.</summary>
    public const int Failure = 2;

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, null);

    /// <summary>Runs the tool with a given standard input (read for the file argument <c>-</c>).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="input">Standard input; <see langword="null"/> for the console's.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, Stream? input)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = BuildRoot(ProtocolRegistry.BuiltIn);
        var parseResult = root.Parse(args);

        // Bad usage: the reasons first, then where the help is (not the whole help).
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpWithExamples)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine(CliInput.Printable(parseError.Message));
            }

            var command = parseResult.CommandResult.Command;
            var name = command is RootCommand ? "ipt" : "ipt " + command.Name;
            error.WriteLine($"Run '{name} --help' for usage.");
            return Failure;
        }

        CliInput.StandardInput.Value = input;
        Output.Names.HelpBase.Value = parseResult.GetValue<string?>(HelpBaseOption);
        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error };
            return parseResult.Invoke(configuration);
        }
        finally
        {
            CliInput.StandardInput.Value = null;
            Output.Names.HelpBase.Value = null;
        }
    }

    /// <summary>Builds the root command over a protocol registry.</summary>
    /// <param name="registry">The protocols the tool knows.</param>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRoot(ProtocolRegistry registry)
    {
        var root = new RootCommand(
            "ipt: the Interpersonal Psychotherapy (IPT) protocol, computable. States protocol facts; gives no clinical advice.");
        root.Options.Add(new Option<string?>(HelpBaseOption)
        {
            Description = $"The base URL of the rule pages in help links (default: {Rules.DiagnosticDescriptor.DefaultHelpBase}); for a mirror of docs/rules.",
            Recursive = true,
            Validators =
            {
                result =>
                {
                    var value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
                    if (value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "file") || !value.EndsWith('/')))
                    {
                        result.AddError($"{HelpBaseOption} '{CliInput.Printable(value)}': expected an absolute http(s) or file URL ending in '/'.");
                    }
                },
            },
        });
        root.Subcommands.Add(ProtocolsCommand.Create(registry));
        root.Subcommands.Add(PlanCommand.Create(registry));
        root.Subcommands.Add(RulesCommand.Create(registry));
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create(registry));
        root.Subcommands.Add(ReportCommand.Create(registry));
        root.Subcommands.Add(SuggestCommand.Create(registry));
        root.Subcommands.Add(TechniquesCommand.Create());
        root.Subcommands.Add(RenderCommand.Create(registry));
        root.Subcommands.Add(ExportCommand.Create(registry));
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersion();
        }

        // Each command's description ends with its examples; they are shown after the command's own
        // help (not in the root's list of commands).
        var examples = new Dictionary<Command, string>
        {
            [root] = "  ipt validate docs/examples/mistakes/in-progress.course.json --suggest\n  ipt protocols\n  ipt plan --protocol ipt --start 2026-12-07 --out course.json\n  ipt render course.json --out report.html",
        };
        foreach (var command in root.Subcommands)
        {
            var cut = command.Description?.IndexOf(ExamplesHeading, StringComparison.Ordinal) ?? -1;
            if (cut >= 0)
            {
                examples[command] = command.Description![(cut + ExamplesHeading.Length)..];
                command.Description = command.Description[..cut];
            }
        }

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpWithExamples(help.Action!, examples);
        }

        return root;
    }

    /// <summary>The global option naming the base URL of the rule pages.</summary>
    private const string HelpBaseOption = "--help-base";

    private const string ExamplesHeading = "\n\nExamples:\n";

    /// <summary>The built-in help, followed by the command's examples.</summary>
    private sealed class HelpWithExamples(System.CommandLine.Invocation.CommandLineAction inner, Dictionary<Command, string> examples) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = ((System.CommandLine.Invocation.SynchronousCommandLineAction)inner).Invoke(parseResult);
            if (examples.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                output.WriteLine(text);
                output.WriteLine();
            }

            return code;
        }
    }

    /// <summary>Prints the tool's version without build metadata (<c>0.1.0</c>, not <c>0.1.0+commit</c>).</summary>
    private sealed class PrintVersion : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Output.ToolInfo.Version);
            return Success;
        }
    }
}
