using System.CommandLine;
using System.Globalization;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Cli;

/// <summary>A course document read from a file, with its bytes (for locating paths).</summary>
internal sealed record CourseFile(string Path, byte[] Bytes, Course Course);

/// <summary>A problem reading an input file: the file, the line and column when known, and the message (already written to the error output).</summary>
internal sealed record InputProblem(string Path, DocumentLocation? Location, string Message);

/// <summary>Reading the tool's inputs: course files, catalogue files, protocol ids. Problems go to the error writer as <c>FILE:line:position: message</c>.</summary>
internal static class CliInput
{
    /// <summary>The file argument that means standard input.</summary>
    public const string StandardInputArgument = "-";

    /// <summary>
    /// Standard input for this run of the tool (<see cref="IptCli.Run(string[], TextWriter, TextWriter, Stream)"/>
    /// sets it; async-local so that runs in parallel, as in tests, do not share it).
    /// </summary>
    internal static readonly AsyncLocal<Stream?> StandardInput = new();

    /// <summary>
    /// The course files named by the arguments: a folder stands for every <c>*.course.json</c> file in it
    /// (not its subfolders, in ordinal order of name), <c>-</c> for standard input, anything else for itself.
    /// A folder with no course file is an error (written; the result is then null).
    /// </summary>
    public static List<string>? ExpandCourseArguments(IEnumerable<string> arguments, string command, TextWriter error)
    {
        var paths = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument != StandardInputArgument && Directory.Exists(argument))
            {
                var found = Directory.GetFiles(argument, "*.course.json", SearchOption.TopDirectoryOnly);
                if (found.Length == 0)
                {
                    error.WriteLine($"ipt {command}: {Printable(argument)}: the folder has no *.course.json file.");
                    return null;
                }

                Array.Sort(found, StringComparer.Ordinal);
                paths.AddRange(found);
            }
            else
            {
                paths.Add(argument);
            }
        }

        return paths;
    }

    /// <summary>Reads and parses a course file (<c>-</c>: standard input); on failure writes where and why, and returns null.</summary>
    public static CourseFile? ReadCourse(string path, TextWriter error, List<InputProblem>? problems = null)
    {
        byte[]? bytes;
        try
        {
            // Never more than the size limit and one byte: /dev/zero or a huge file is refused, not held.
            if (path == StandardInputArgument)
            {
                bytes = ReadBounded(StandardInput.Value ?? Console.OpenStandardInput(), CourseJson.Default.Limits.MaxDocumentBytes);
            }
            else if (Directory.Exists(path))
            {
                error.WriteLine($"{Printable(path)}: cannot read the file: it is a folder (ipt validate takes a folder of *.course.json files)");
                problems?.Add(new InputProblem(path, null, "Cannot read the file: it is a folder."));
                return null;
            }
            else
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024);
                bytes = ReadBounded(stream, CourseJson.Default.Limits.MaxDocumentBytes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"{Printable(path)}: cannot read the file: {ReasonOf(ex)}");
            problems?.Add(new InputProblem(path, null, $"Cannot read the file: {ReasonOf(ex)}."));
            return null;
        }

        var read = bytes is null
            ? ReadResult<Course>.ForErrors([new DocumentError(DocumentErrorCodes.Limit, DocumentPath.Root, string.Create(CultureInfo.InvariantCulture, $"The document is larger than the limit of {CourseJson.Default.Limits.MaxDocumentBytes} bytes (IptJsonLimits.MaxDocumentBytes)."))])
            : CourseJson.Default.TryRead(bytes);
        if (read.TryGetValue(out var course))
        {
            return new CourseFile(path, bytes!, course);
        }

        WriteErrors(path, read.Errors, error);
        problems?.AddRange(read.Errors.Select(e => new InputProblem(path, e.Location, $"{e.Code}: {e.Message} ({e.Path})")));
        return null;
    }

    /// <summary>Reads catalogue files and composes them over the built-in catalogue; on failure writes every problem and returns null.</summary>
    public static TechniqueCatalogue? ReadCatalogues(IReadOnlyList<string> paths, TextWriter error)
    {
        if (paths.Count == 0)
        {
            return TechniqueCatalogue.BuiltIn;
        }

        var files = new List<CatalogueFile>();
        var failed = false;
        foreach (var path in paths)
        {
            ReadResult<CatalogueFile> read;
            try
            {
                read = CatalogueJson.Default.TryReadFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"{path}: cannot read the catalogue: {ReasonOf(ex)}");
                failed = true;
                continue;
            }

            if (read.TryGetValue(out var file))
            {
                files.Add(file);
            }
            else
            {
                WriteErrors(path, read.Errors, error);
                failed = true;
            }
        }

        if (failed)
        {
            return null;
        }

        var composed = CatalogueComposer.Compose(files);
        if (composed.TryGetValue(out var catalogue))
        {
            return catalogue;
        }

        WriteErrors("catalogue", composed.Errors, error);

        return null;
    }

    /// <summary>Finds a protocol by id; on failure writes the known ids and returns null.</summary>
    public static ProtocolDefinition? FindProtocol(ProtocolRegistry registry, string id, string command, TextWriter error)
    {
        if (ProtocolId.TryFrom(id, out var protocolId) && registry.TryGet(protocolId, out var definition))
        {
            return definition;
        }

        error.WriteLine($"ipt {command}: unknown protocol '{id}'. Known: {string.Join(", ", registry.Select(p => p.Id))}.");
        return null;
    }

    /// <summary>
    /// Writes a file's read errors as <c>FILE:line:column: code: message (path)</c>, the form editors and
    /// compilers use. For a line of a JSON Lines file, <paramref name="lineOfFile"/> is its line number
    /// (the errors' own line is then 1).
    /// </summary>
    public static void WriteErrors(string path, IEnumerable<DocumentError> errors, TextWriter error, long? lineOfFile = null)
    {
        foreach (var e in errors)
        {
            var line = lineOfFile ?? e.Location?.Line;
            error.WriteLine(Printable(line is { } l
                ? string.Create(CultureInfo.InvariantCulture, $"{path}:{l}:{(e.Location is { } at ? at.Column.ToString(CultureInfo.InvariantCulture) + ":" : string.Empty)} {e.Code}: {e.Message} ({e.Path})")
                : $"{path}: {e.Code}: {e.Message} ({e.Path})"));
        }
    }

    /// <summary>Writes a command's output to <paramref name="path"/> (saying so on the output) or, without a path, to the output itself.</summary>
    public static int WriteOutput(string text, string? path, string command, TextWriter output, TextWriter error)
    {
        if (path is null)
        {
            output.Write(text);
            return IptCli.Success;
        }

        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"ipt {command}: {Printable(path)}: cannot write the file: {ReasonOf(ex)}");
            return IptCli.Failure;
        }

        output.WriteLine($"{Printable(path)}: written.");
        return IptCli.Success;
    }

    /// <summary>Reads a file up to a limit; returns null when it is longer (reading stops one byte past the limit).</summary>
    private static byte[]? ReadBounded(Stream stream, int limit)
    {
        if (stream.CanSeek && stream.Length > limit)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Whether to colour output: only for the real console when it is a terminal and NO_COLOR is not set.</summary>
    public static bool UseColour(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>
    /// Refuses file arguments that look like options (<c>--frmat</c>), so that a mistyped option is a
    /// usage error (exit code 2) rather than a file that cannot be read. A file whose name starts with
    /// a dash is still reachable as <c>./-name.json</c>.
    /// </summary>
    public static T RefuseOptionLikeFiles<T>(T argument)
        where T : Argument
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unknown option '{Printable(token.Value)}'; a file whose name starts with '-' is written ./{Printable(token.Value)}.");
                }
            }
        });
        return argument;
    }

    /// <summary>Adds the <c>--format</c> option with the given choices, the first being the default.</summary>
    public static Option<string> FormatOption(params string[] choices)
    {
        // Any case is accepted (--format JSON); the value is lower-cased.
        var format = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", choices)}.",
            DefaultValueFactory = _ => choices[0],
            CustomParser = result => result.Tokens.Count == 0 ? choices[0] : result.Tokens[^1].Value.ToLowerInvariant(),
        };
        format.CompletionSources.Add(choices);
        format.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !choices.Contains(result.Tokens[^1].Value.ToLowerInvariant()))
            {
                result.AddError($"--format '{Printable(result.Tokens[^1].Value)}' is not one of: {string.Join(", ", choices)}.");
            }
        });
        return format;
    }

    /// <summary>
    /// Text as it may be written to a terminal: control characters (C0 but tab, DEL, C1) and the
    /// noncharacters U+FFFE and U+FFFF are written as <c>\uXXXX</c>, so a file or member name cannot
    /// move the cursor, clear the screen or forge a line of output.
    /// </summary>
    public static string Printable(string text)
    {
        var i = 0;
        while (i < text.Length && !MustEscape(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (MustEscape(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool MustEscape(char c) => (c < ' ' && c != '\t') || (c >= '\u007f' && c <= '\u009f') || c is '\ufffe' or '\uffff';

    internal static string ReasonOf(Exception ex) => ex switch
    {
        FileNotFoundException => "the file does not exist",
        DirectoryNotFoundException => "the folder does not exist",
        UnauthorizedAccessException => "access is denied",
        _ => ex.Message,
    };
}
