using System.Text;
using System.Text.RegularExpressions;
using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Cli;

/// <summary>
/// Keeps docs/cli.md and docs/images true. Each <c>&lt;!-- ipt: ARGS --&gt;</c> marker in the page is
/// followed by a generated block with the real output of <c>ipt ARGS</c> (optionally cut with
/// <c>| head N</c>), regenerated and compared; the pictures are rendered from the standard sample.
/// </summary>
public partial class CliDocsTests
{
    private const string Page = "docs/cli.md";

    [Fact]
    public void Every_example_on_the_cli_page_is_the_tools_real_output()
    {
        var path = Path.Combine(Snapshot.RepositoryRoot, "docs", "cli.md");
        var page = File.ReadAllText(path).ReplaceLineEndings("\n");
        var generated = Marker().Replace(page, match => match.Groups["marker"].Value + "\n" + Block(match.Groups["args"].Value.Trim()) + "\n\n");
        Assert.NotEqual(0, Marker().Count(page));
        Snapshot.MatchFile(Page, generated);
    }

    [Theory]
    [InlineData("closeness-circle", "closeness-circle")]
    [InlineData("timeline", "timeline")]
    [InlineData("measure-phq-9", "measure")]
    public void The_pictures_on_the_cli_page_are_rendered_from_the_standard_sample(string name, string picture)
    {
        var (code, output, error) = SampleDocumentTests.RunInRepository("render", "docs/examples/standard.course.json", "--picture", picture);
        Assert.True(code == 0, error);
        Snapshot.MatchFile($"docs/images/{name}.svg", output);
        Assert.Contains($"](images/{name}.svg)", File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot, "docs", "cli.md")), StringComparison.Ordinal);
    }

    /// <summary>The generated block for one marker: the command line, its output and error text, and a non-zero exit code.</summary>
    private static string Block(string command)
    {
        var head = HeadSuffix().Match(command);
        var lines = head.Success ? int.Parse(head.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var args = (head.Success ? command[..head.Index] : command).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (code, output, error) = SampleDocumentTests.RunInRepository(args);
        var text = new StringBuilder();
        text.Append("$ ipt ").Append(string.Join(' ', args)).Append('\n');
        var body = output + error;
        if (lines is { } n)
        {
            var all = body.TrimEnd('\n').Split('\n');
            body = string.Join('\n', all.Take(n)) + (all.Length > n ? "\n…\n" : "\n");
        }

        text.Append(body);
        if (code != 0)
        {
            text.Append("(exit code ").Append(code).Append(")\n");
        }

        return $"```text\n{text}```";
    }

    [GeneratedRegex(@"(?<marker><!-- ipt: (?<args>[^>]*?) -->)\n(?:```[a-z]*\n.*?```\n)?\n", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s*\|\s*head\s+(\d+)$")]
    private static partial Regex HeadSuffix();
}
