using System.Text;
using Ipt.Protocol.Cli;
using Ipt.Protocol.Protocols;

using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Docs;

public class ProtocolDocsTests
{
    [Fact]
    public void The_protocols_page_is_the_registry_rendered() =>
        Snapshot.MatchFile("docs/protocols.md", ProtocolsCommand.RenderMarkdown(ProtocolRegistry.BuiltIn));

    [Fact]
    public void The_sources_page_lists_every_source_key()
    {
        var sb = new StringBuilder();
        sb.Append("# Sources\n\n");
        sb.Append("Every built-in protocol, rule, technique and instrument cites one or more of these keys, with a\n");
        sb.Append("confidence mark: **H** stated in a primary manual or several good sources, **M** secondary or partly\n");
        sb.Append("confirmed, **L** recollection, kept as a configurable default. The facts themselves are collected in\n");
        sb.Append("the project's domain reference. Generated from `Ipt.Protocol.Sources`; a test keeps this page true.\n\n");
        sb.Append("| Key | Reference |\n|---|---|\n");
        foreach (var source in Sources.All)
        {
            sb.Append("| ").Append(source.Key).Append(" | ").Append(source.Reference).Append(" |\n");
        }

        Snapshot.MatchFile("docs/sources.md", sb.ToString());
    }

    [Fact]
    public void The_concepts_page_names_every_public_model_protocol_and_outcome_type()
    {
        var page = RepoFiles.Read("docs/concepts.md");
        var modelTypes = typeof(Course).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "Ipt.Protocol" or "Ipt.Protocol.Protocols" or "Ipt.Protocol.Scheduling" or "Ipt.Protocol.Outcomes")
            .Where(t => !t.IsNested && t.Name is not "ValueList`1" and not "ValueList")
            .Select(t => t.Name);
        Assert.All(modelTypes, name => Assert.Contains($"`{name}`", page, StringComparison.Ordinal));
    }
}
