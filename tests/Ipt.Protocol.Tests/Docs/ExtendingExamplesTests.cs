namespace Ipt.Protocol.Tests.Docs;

/// <summary>
/// docs/extending.md, "Write your own rule": its C# blocks, pasted together in order, compile as one
/// program, and the program prints what the page says it prints.
/// </summary>
public class ExtendingExamplesTests
{
    [Fact]
    public void The_custom_rule_snippets_compile_run_and_print_what_the_page_shows()
    {
        var cancel = TestContext.Current.CancellationToken;
        var section = DocSnippets.Section(RepoFiles.Read("docs/extending.md"), "## Write your own rule");
        var snippets = DocSnippets.CSharpBlocks(section);
        Assert.True(snippets.Count >= 3, $"found {snippets.Count} C# snippets in the section");

        var (compilation, problems) = DocSnippets.Compile("ExtendingProgram", string.Concat(snippets), captureConsole: true, cancel);
        Assert.True(problems.Count == 0, $"docs/extending.md's rule snippets do not compile cleanly:\n{string.Join("\n", problems)}");

        var printed = DocSnippets.Run(compilation, cancel);
        var shown = section[(section.IndexOf("prints\n\n```text\n", StringComparison.Ordinal) + "prints\n\n```text\n".Length)..];
        Assert.Equal(shown[..shown.IndexOf("```", StringComparison.Ordinal)], printed);
    }
}
