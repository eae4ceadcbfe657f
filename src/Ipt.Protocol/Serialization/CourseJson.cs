using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ipt.Protocol.Serialization.Documents;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Reads and writes course documents: the library's JSON data contract (see docs/json-format.md).
/// </summary>
/// <remarks>
/// <para>Reading is strict and never throws for bad input: <see cref="TryRead(string)"/> returns
/// the course or every problem found, each with its JSON path, line and position. Use a
/// <see cref="CourseJsonReader"/> for other limits or extra migrations.</para>
/// <para>Writing is deterministic: the same course gives the same bytes (members in a fixed order,
/// two-space indentation, <c>\n</c> line ends, nulls, empty lists and false flags left out), and
/// reading what was written gives an equal course.</para>
/// </remarks>
public static class CourseJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly JsonWriterOptions Indented = new() { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = Encoder };

    private static readonly JsonWriterOptions Compact = new() { Encoder = Encoder };

    private const int MaxCachedBuffer = 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? cachedBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? cachedIndented;

    [ThreadStatic]
    private static Utf8JsonWriter? cachedCompact;

    /// <summary>Reads a course from UTF-8 JSON with the default limits.</summary>
    /// <param name="utf8Json">The document's bytes.</param>
    /// <returns>The course, or every problem found.</returns>
    public static ReadResult<Course> TryRead(ReadOnlySpan<byte> utf8Json) => CourseJsonReader.Default.TryRead(utf8Json);

    /// <summary>Reads a course from JSON text with the default limits.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The course, or every problem found.</returns>
    public static ReadResult<Course> TryRead(string json) => CourseJsonReader.Default.TryRead(json);

    /// <summary>Reads a course from a stream of UTF-8 JSON with the default limits.</summary>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <returns>The course, or every problem found.</returns>
    public static ReadResult<Course> TryRead(Stream utf8Json) => CourseJsonReader.Default.TryRead(utf8Json);

    /// <summary>Reads a course from a stream of UTF-8 JSON asynchronously with the default limits.</summary>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The course, or every problem found.</returns>
    public static ValueTask<ReadResult<Course>> TryReadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        CourseJsonReader.Default.TryReadAsync(utf8Json, cancellationToken);

    /// <summary>
    /// Finds where paths are in a course document, for example to show the line of a validation
    /// diagnostic. Reads only the document's structure; the course is not built.
    /// </summary>
    /// <param name="utf8Json">The document's bytes, exactly as read.</param>
    /// <param name="paths">
    /// Paths as diagnostics give them (<c>sessions[3].techniques[0]</c>; the empty path is the root)
    /// or as read errors give them (<c>$.sessions[3]</c>).
    /// </param>
    /// <returns>
    /// For each path, the line and position of its member name (of the value, for array items and
    /// the root). A path that is not in the document, such as a member left out, is located at its
    /// closest enclosing member that is. Paths that cannot be located (a malformed document) are left
    /// out of the dictionary, whose keys are the paths as given.
    /// </returns>
    public static IReadOnlyDictionary<string, JsonLocation> LocatePaths(ReadOnlySpan<byte> utf8Json, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var chains = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            ArgumentNullException.ThrowIfNull(path, nameof(paths));
            if (chains.ContainsKey(path))
            {
                continue;
            }

            var chain = new List<string>();
            for (var current = Normalize(path); current is not null; current = Parent(current))
            {
                chain.Add(current);
                candidates.Add(current);
            }

            chains[path] = chain;
        }

        var found = JsonLocator.Locate(utf8Json, candidates, IptJsonLimits.DefaultMaxDepth);
        var result = new Dictionary<string, JsonLocation>(StringComparer.Ordinal);
        foreach (var (path, chain) in chains)
        {
            foreach (var candidate in chain)
            {
                if (found.TryGetValue(candidate, out var at))
                {
                    result[path] = new JsonLocation(at.Line, at.Position);
                    break;
                }
            }
        }

        return result;

        static string Normalize(string path) => path switch
        {
            "" or "$" => "$",
            _ when path.StartsWith('$') => path,
            _ when path.StartsWith('[') => "$" + path,
            _ => "$." + path,
        };

        static string? Parent(string path)
        {
            if (path == "$")
            {
                return null;
            }

            var cut = path.AsSpan().LastIndexOfAny('.', '[');
            return cut <= 0 ? "$" : path[..cut];
        }
    }

    /// <summary>Writes a course as a document to a UTF-8 JSON writer.</summary>
    /// <param name="course">The course.</param>
    /// <param name="writer">The writer; its options decide indentation and escaping.</param>
    public static void Write(Course course, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(writer);
        JsonSerializer.Serialize(writer, CourseDocumentMapper.ToDocument(course), DocumentJsonContext.Default.CourseDocument);
    }

    /// <summary>Writes a course as a document to a stream, as UTF-8.</summary>
    /// <param name="course">The course.</param>
    /// <param name="utf8Json">The stream; not closed.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends); otherwise compact.</param>
    public static void Write(Course course, Stream utf8Json, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, indented ? Indented : Compact);
        Write(course, writer);
    }

    /// <summary>Writes a course as a document to UTF-8 bytes.</summary>
    /// <param name="course">The course.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends); otherwise compact.</param>
    /// <returns>The document's bytes (no byte order mark, no final newline).</returns>
    public static byte[] ToUtf8Bytes(Course course, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(course);

        // One buffer and writer per thread, reused: the only allocation left is the result.
        var buffer = cachedBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = indented ? (cachedIndented ??= new Utf8JsonWriter(buffer, Indented)) : (cachedCompact ??= new Utf8JsonWriter(buffer, Compact));
        try
        {
            writer.Reset(buffer);
            Write(course, writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity > MaxCachedBuffer)
            {
                cachedBuffer = null;
                cachedIndented = null;
                cachedCompact = null;
            }
        }
    }

    /// <summary>Writes a course as a document to a string.</summary>
    /// <param name="course">The course.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends); otherwise compact.</param>
    /// <returns>The document (no final newline).</returns>
    public static string WriteToString(Course course, bool indented = true) => Encoding.UTF8.GetString(ToUtf8Bytes(course, indented));
}
