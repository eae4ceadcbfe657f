using System.Globalization;
using System.Text.RegularExpressions;

namespace Ipt.Protocol.Tests.Docs;

/// <summary>
/// The C# blocks of the docs pages, kept compiling: each block is compiled on its own against the
/// library (not run), beside a preamble that declares what the page's prose assumes (the usings, a
/// <c>course</c>, a <c>protocol</c>, a <c>ct</c>). A block that names a missing type or member, or
/// calls one with the wrong arguments, fails its page's case with the compiler's message. A block
/// that is deliberately not compilable says why on the line before its fence
/// (<c>&lt;!-- not compiled: reason --&gt;</c>), and each page's count of those is stated here.
/// README.md and docs/extending.md's "Write your own rule" are compiled (and run) by
/// <see cref="ReadmeExamplesTests"/> and <see cref="ExtendingExamplesTests"/>.
/// </summary>
public partial class DocPageSnippetTests
{
    private const string NotCompiledMark = "<!-- not compiled:";

    // What `dotnet new web` turns on besides the console's (the Web SDK's ImplicitUsings).
    private const string WebUsings = """
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly Dictionary<string, Page> Pages = new()
    {
        ["docs/concepts.md"] = new(
            ["Ipt.Protocol", "Ipt.Protocol.Protocols", "Ipt.Protocol.Scheduling", "NodaTime"],
            ""),
        ["docs/extending.md"] = new(
            ["Ipt.Protocol"],
            """
            public static Course course => null!;
            """)
        { Section = "## Extending the technique catalogue" },
        ["docs/fhir.md"] = new(
            ["Ipt.Protocol", "Ipt.Protocol.Protocols", "Ipt.Protocol.Rules"],
            """
            public static Course course => null!;
            """),
        ["docs/fidelity.md"] = new(
            ["Ipt.Protocol", "Ipt.Protocol.Fidelity", "Ipt.Protocol.Protocols", "Ipt.Protocol.Rules"],
            """
            public static Course course => null!;
            public static ProtocolDefinition protocol => null!;
            // Inside a rule's Evaluate(in RuleContext context, ...).
            public static RuleContext context => default;
            """),
        ["docs/json-format.md"] = new(
            ["Ipt.Protocol", "Ipt.Protocol.Rules", "Ipt.Protocol.Serialization"],
            """
            public static Course course => null!;
            public static HttpRequest request => null!;
            public static CancellationToken cancellationToken => default;
            public static CancellationToken ct => default;
            public static WebApplicationBuilder builder => null!;
            // The host's own logging of a bulk run.
            public static BulkLog log => null!;

            public interface BulkLog
            {
                void LineUnreadable(long lineNumber, ValueList<DocumentError> errors);

                void CourseInvalid(long lineNumber, ValidationReport report);
            }
            """)
        { AspNetCore = true },
        ["docs/outcomes.md"] = new(
            ["Ipt.Protocol", "Ipt.Protocol.Outcomes", "Ipt.Protocol.Protocols", "Ipt.Protocol.Serialization"],
            """
            public static Course course => null!;
            public static ProtocolDefinition protocol => null!;
            public static ProtocolRegistry registry => null!;
            public static InstrumentRegistry instruments => null!;
            // A host instrument paired with PHQ-9 instead of GAD-7.
            public static InstrumentId spin => default;
            public static IReadOnlyList<CourseOutcome> outcomes => null!;
            public static IEnumerable<CaseloadSummary> partials => null!;
            public static CancellationToken ct => default;
            """),
        ["docs/security.md"] = new(
            ["Ipt.Protocol", "Ipt.Protocol.Serialization"],
            """
            public static HttpRequest request => null!;
            public static CancellationToken cancellationToken => default;
            """)
        { AspNetCore = true },
        ["docs/examples/host/README.md"] = new(
            [],
            """
            public static WebApplicationBuilder builder => null!;
            """)
        { AspNetCore = true, NotCompiled = 1 },
    };

    public static TheoryData<string> PageNames => [.. Pages.Keys];

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Every_csharp_block_of_the_page_compiles_against_the_library(string page)
    {
        var cancel = TestContext.Current.CancellationToken;
        var definition = Pages[page];
        var markdown = RepoFiles.Read(page);
        var blocks = DocSnippets.CSharpBlocksWithMarks(definition.Section is null ? markdown : DocSnippets.Section(markdown, definition.Section));
        Assert.True(blocks.Count > 0, $"{page} has no C# blocks");
        Assert.True(
            blocks.Count(b => b.NotCompiledBecause is not null) == definition.NotCompiled,
            $"{page}: expected {definition.NotCompiled} block(s) marked '{NotCompiledMark} reason -->', found: "
                + string.Join("; ", blocks.Where(b => b.NotCompiledBecause is not null).Select(b => $"line {b.Line}: {b.NotCompiledBecause}")));

        var preamble = definition.Preamble();
        var assemblies = definition.AspNetCore ? AspNetCoreAssemblies() : [];
        var failures = new List<string>();
        foreach (var block in blocks.Where(b => b.NotCompiledBecause is null))
        {
            var (_, problems) = DocSnippets.Compile($"DocSnippet{block.Line}", block.Code, [("Preamble.cs", preamble)], assemblies, cancel);
            failures.AddRange(problems.Select(p => OnPage(page, block.Line, p)));
        }

        Assert.True(failures.Count == 0, $"C# of {page} does not compile cleanly:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void Every_docs_page_with_csharp_blocks_is_compiled_by_a_test()
    {
        var docs = RepoFiles.PathOf("docs");
        var uncovered = Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepoFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(page => DocSnippets.CSharpBlocks(RepoFiles.Read(page)).Count > 0 && !Pages.ContainsKey(page))
            .ToList();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void A_not_compiled_mark_stands_right_before_a_csharp_fence()
    {
        foreach (var page in Pages.Keys)
        {
            var lines = RepoFiles.Read(page).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith(NotCompiledMark, StringComparison.Ordinal))
                {
                    Assert.True(
                        i + 1 < lines.Length && lines[i + 1] == "```csharp" && lines[i].EndsWith("-->", StringComparison.Ordinal) && lines[i].Length > NotCompiledMark.Length + 4,
                        $"{page}, line {i + 1}: a '{NotCompiledMark} reason -->' line gives a reason and stands right before a ```csharp fence");
                }
            }
        }
    }

    // "Program.cs(3,5): error …" of the block whose fence is at line 14 is "docs/x.md(17,5): error …".
    private static string OnPage(string page, int fenceLine, string problem)
    {
        var at = ProgramLocation().Match(problem);
        return at.Success
            ? $"{page}({fenceLine + int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture)},{at.Groups[2].Value}){problem[at.Length..]}"
            : $"{page}, the block at line {fenceLine}: {problem}";
    }

    [GeneratedRegex(@"^Program\.cs\((\d+),(\d+)\)")]
    private static partial Regex ProgramLocation();

    // The ASP.NET Core shared framework beside the running .NET one (the example host's framework):
    // compiled against, never loaded.
    private static string[] AspNetCoreAssemblies()
    {
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var frameworks = new DirectoryInfo(Path.Combine(runtime.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App"));
        Assert.True(frameworks.Exists, $"no ASP.NET Core shared framework at {frameworks.FullName}");
        var version = frameworks.EnumerateDirectories(runtime.Name).FirstOrDefault()
            ?? frameworks.EnumerateDirectories($"{Environment.Version.Major}.*").OrderBy(d => Version.Parse(d.Name.Split('-')[0])).LastOrDefault();
        Assert.True(version is not null, $"no ASP.NET Core {Environment.Version.Major} in {frameworks.FullName}");
        return Directory.GetFiles(version.FullName, "*.dll");
    }

    /// <summary>What a page's prose assumes.</summary>
    /// <param name="Usings">The namespaces its snippets use without saying so (besides a console app's implicit ones).</param>
    /// <param name="Assumes">Members of a static class whose members the snippets see: the variables the prose assumes (<c>public static Course course =&gt; null!;</c>).</param>
    private sealed record Page(string[] Usings, string Assumes)
    {
        /// <summary>Gets the part of the page whose blocks are compiled here, or <see langword="null"/> for the whole page.</summary>
        public string? Section { get; init; }

        /// <summary>Gets a value indicating whether the snippets are ASP.NET Core host code (the Web SDK's usings and framework).</summary>
        public bool AspNetCore { get; init; }

        /// <summary>Gets how many blocks the page marks as not compiled.</summary>
        public int NotCompiled { get; init; }

        public string Preamble() =>
            string.Concat(Usings.Select(u => $"global using {u};\n"))
            + (AspNetCore ? WebUsings + "\n" : "")
            + "global using static PageAssumes;\n\n"
            + "internal static class PageAssumes\n{\n"
            + Assumes
            + "\n}\n";
    }
}
