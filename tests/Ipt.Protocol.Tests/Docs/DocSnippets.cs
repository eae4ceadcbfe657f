using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using CodeAnalysis = Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ipt.Protocol.Tests.Docs;

/// <summary>
/// Compiles the C# blocks of a Markdown page, pasted together in order, as one console program
/// against the library (as a reader pasting them would), and runs it with <c>Console</c> bound to a
/// writer of the test's own, so that what the page says it prints can be checked.
/// </summary>
internal static partial class DocSnippets
{
    // The global usings that `dotnet new console` turns on (ImplicitUsings).
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    // A `Console` in the program's own (global) namespace wins over System.Console, so the program
    // writes to a writer of its own: tests that run at the same time cannot mix their output in.
    private const string CapturedConsole = """
        internal static class Console
        {
            public static readonly System.IO.StringWriter Out = new() { NewLine = "\n" };

            public static void WriteLine(object? value) => Out.WriteLine(value);

            public static void WriteLine(string? value) => Out.WriteLine(value);
        }
        """;

    /// <summary>Returns the <c>```csharp</c> blocks of a Markdown text, in order.</summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <returns>The blocks' code.</returns>
    public static List<string> CSharpBlocks(string markdown) => [.. CSharpBlock().Matches(markdown).Select(m => m.Groups[1].Value)];

    /// <summary>
    /// Returns the <c>```csharp</c> blocks of a Markdown text, in order, each with the line of its
    /// fence and, when the line before the fence is <c>&lt;!-- not compiled: reason --&gt;</c>, the reason.
    /// </summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <returns>The blocks.</returns>
    public static List<CSharpBlockOnPage> CSharpBlocksWithMarks(string markdown) =>
    [
        .. MarkedCSharpBlock().Matches(markdown).Select(m => new CSharpBlockOnPage(
            1 + markdown.AsSpan(0, m.Groups["fence"].Index).Count('\n'),
            m.Groups["code"].Value,
            m.Groups["reason"].Success ? m.Groups["reason"].Value.Trim() : null)),
    ];

    /// <summary>Compiles code as a console program against every assembly the test process has (the library, its dependencies, Microsoft.Extensions.DependencyInjection), as a host app would have them.</summary>
    /// <param name="name">The assembly name.</param>
    /// <param name="program">The program's code.</param>
    /// <param name="captureConsole">Whether <c>Console.WriteLine</c> is bound to the captured writer.</param>
    /// <param name="cancel">Cancels the compilation.</param>
    /// <returns>The compilation and its warnings and errors.</returns>
    public static (CSharpCompilation Compilation, List<string> Problems) Compile(string name, string program, bool captureConsole, CancellationToken cancel) =>
        Compile(name, program, captureConsole ? [("Console.cs", CapturedConsole)] : [], [], cancel);

    /// <summary>
    /// Compiles code against every assembly the test process has, with more source files beside it
    /// and more assemblies (which give way to the process's own of the same file name): a console
    /// program when the code has top-level statements, else a library.
    /// </summary>
    /// <param name="name">The assembly name.</param>
    /// <param name="program">The code, compiled as <c>Program.cs</c>.</param>
    /// <param name="otherFiles">More source files, by file name.</param>
    /// <param name="moreAssemblies">Paths of more assemblies to reference.</param>
    /// <param name="cancel">Cancels the compilation.</param>
    /// <returns>The compilation and its warnings and errors.</returns>
    public static (CSharpCompilation Compilation, List<string> Problems) Compile(
        string name, string program, IReadOnlyList<(string File, string Code)> otherFiles, IReadOnlyList<string> moreAssemblies, CancellationToken cancel)
    {
        var processAssemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var processNames = processAssemblies.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var references = processAssemblies
            .Concat(moreAssemblies.Where(path => !processNames.Contains(Path.GetFileName(path))))
            .Select(path => CodeAnalysis.MetadataReference.CreateFromFile(path));
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var main = CSharpSyntaxTree.ParseText(program, options, "Program.cs", cancellationToken: cancel);
        List<CodeAnalysis.SyntaxTree> trees =
        [
            CSharpSyntaxTree.ParseText(ImplicitUsings, options, "GlobalUsings.g.cs", cancellationToken: cancel),
            main,
            .. otherFiles.Select(file => CSharpSyntaxTree.ParseText(file.Code, options, file.File, cancellationToken: cancel)),
        ];
        var kind = main.GetCompilationUnitRoot(cancel).Members.Any(m => m is GlobalStatementSyntax)
            ? CodeAnalysis.OutputKind.ConsoleApplication
            : CodeAnalysis.OutputKind.DynamicallyLinkedLibrary;

        var compilation = CSharpCompilation.Create(
            name,
            trees,
            references,
            new CSharpCompilationOptions(kind, nullableContextOptions: CodeAnalysis.NullableContextOptions.Enable));
        var problems = compilation.GetDiagnostics(cancel)
            .Where(d => d.Severity >= CodeAnalysis.DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        return (compilation, problems);
    }

    /// <summary>Runs a compiled program (compiled with the captured console) in a collectible load context and returns what it printed.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="cancel">Cancels the emit.</param>
    /// <returns>The printed text.</returns>
    public static string Run(CSharpCompilation compilation, CancellationToken cancel)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image, cancellationToken: cancel);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var entry = assembly.EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            var writer = (StringWriter)assembly.GetType("Console")!.GetField("Out", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            return writer.ToString();
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Returns the part of a Markdown text from a heading to the next heading of the same or a higher level.</summary>
    /// <param name="markdown">The Markdown text.</param>
    /// <param name="heading">The heading line, such as <c>## Write your own rule</c>.</param>
    /// <returns>The section, heading included.</returns>
    public static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no heading '{heading}'");
        var level = heading.IndexOf(' ', StringComparison.Ordinal);
        var next = Regex.Match(markdown[(start + heading.Length)..], $@"\n#{{1,{level}}} ");
        return next.Success ? markdown.Substring(start, heading.Length + next.Index) : markdown[start..];
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"(?:^<!-- not compiled:(?<reason>[^\n]*?)-->\n)?(?<fence>^```csharp\n)(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex MarkedCSharpBlock();
}

/// <summary>A <c>```csharp</c> block of a Markdown page.</summary>
/// <param name="Line">The line of its opening fence, from 1.</param>
/// <param name="Code">Its code.</param>
/// <param name="NotCompiledBecause">The reason its page gives for not compiling it, or <see langword="null"/>.</param>
internal sealed record CSharpBlockOnPage(int Line, string Code, string? NotCompiledBecause);
