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
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = BuildRoot(ProtocolRegistry.BuiltIn);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var code = parseResult.Invoke(configuration);

        // Parse errors are bad usage, not protocol errors.
        return parseResult.Errors.Count > 0 ? Failure : code;
    }

    /// <summary>Builds the root command over a protocol registry.</summary>
    /// <param name="registry">The protocols the tool knows.</param>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRoot(ProtocolRegistry registry)
    {
        var root = new RootCommand(
            "ipt: the Interpersonal Psychotherapy (IPT) protocol, computable. States protocol facts; gives no clinical advice.");
        root.Subcommands.Add(ProtocolsCommand.Create(registry));
        root.Subcommands.Add(PlanCommand.Create(registry));
        root.Subcommands.Add(RulesCommand.Create(registry));
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
