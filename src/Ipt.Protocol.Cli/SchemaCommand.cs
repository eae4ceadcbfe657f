using System.CommandLine;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt schema [document]</c>: prints the JSON Schema of a document (the files in docs/schema/).</summary>
internal static class SchemaCommand
{
    internal static Command Create()
    {
        var document = new Argument<string>("document")
        {
            Description = $"The document: {string.Join(", ", DocumentSchema.All.Select(s => s.Name))}.",
            DefaultValueFactory = _ => DocumentSchema.Course.Name,
        };
        document.AcceptOnlyFromAmong([.. DocumentSchema.All.Select(s => s.Name)]);
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of a document; the same text as docs/schema/<document>.schema.json.\n\nExamples:\n  ipt schema\n  ipt schema course > course.schema.json")
        {
            document,
        };
        command.SetAction(parseResult =>
        {
            DocumentSchema.TryGet(parseResult.GetValue(document)!, out var schema);
            parseResult.InvocationConfiguration.Output.Write(schema!.ToJsonString());
            return IptCli.Success;
        });
        return command;
    }
}
