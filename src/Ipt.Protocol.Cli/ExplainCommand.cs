using System.CommandLine;
using Ipt.Protocol.Cli.Output;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt explain ID</c>: prints a built-in rule's page (what it checks, why, an example, how to fix), carried inside the tool.</summary>
internal static class ExplainCommand
{
    internal static Command Create()
    {
        var id = new Argument<string>("ID")
        {
            Description = "A rule id, such as IPT0404 (see 'ipt rules').",
        };
        var command = new Command(
            "explain",
            "Print a rule's page: what it checks, why (with its source), a failing example and how to fix it. The pages travel with the tool; the same page is online at the rule's help link.\n\n" +
            "Examples:\n" +
            "  ipt explain IPT0404\n" +
            "  ipt explain ipt0704")
        {
            id,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var given = parseResult.GetRequiredValue(id).Trim().ToUpperInvariant();
            if (!BuiltInRules.TryGetDescriptor(given, out var descriptor) || Page(given) is not { } page)
            {
                error.WriteLine($"ipt explain: '{CliInput.Printable(parseResult.GetRequiredValue(id))}' is not a built-in rule id; 'ipt rules' lists them.");
                return IptCli.Failure;
            }

            output.Write(page.ReplaceLineEndings("\n"));
            if (!page.EndsWith('\n'))
            {
                output.WriteLine();
            }

            output.WriteLine();
            output.WriteLine($"Online: {Names.Help(descriptor)}");
            return IptCli.Success;
        });
        return command;
    }

    /// <summary>The page of a rule id, from the tool's embedded copy of docs/rules; null when there is none.</summary>
    internal static string? Page(string id)
    {
        using var stream = typeof(ExplainCommand).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
