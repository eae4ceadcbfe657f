using System.Text;
using System.Text.Json;
using Ipt.Protocol.Serialization.Shapes;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// The contributor technique catalogue format (docs/extending.md): one object that reads catalogue
/// files strictly within its limits and writes them, the same way <see cref="CourseJson"/> does for
/// courses. Compose the files read with <see cref="CatalogueComposer"/>.
/// </summary>
/// <remarks>
/// <para>Reading never throws for bad input: <see cref="TryRead(ReadOnlySpan{byte}, string?)"/> returns the
/// file, or every problem (up to <see cref="IptJsonLimits.MaxErrors"/>) as a <see cref="DocumentError"/>
/// with a stable code, its JSON path and its line and column. A file with any problem gives no
/// catalogue at all. Comments are allowed in catalogue files.</para>
/// <para>Immutable and thread-safe: share one instance.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Read and write are members of the format object, as Parse and Format are on a NodaTime pattern.")]
public sealed class CatalogueJson
{
    /// <summary>The schema version this library reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Creates a catalogue format with limits (the document size and the number of errors apply; nesting is at most 16 levels).</summary>
    /// <param name="limits">The limits; <see cref="IptJsonLimits.Default"/> when <see langword="null"/>.</param>
    public CatalogueJson(IptJsonLimits? limits = null)
    {
        var given = limits ?? IptJsonLimits.Default;
        Limits = given with { MaxDepth = Math.Min(given.MaxDepth, MaxDepth) };
    }

    /// <summary>The deepest nesting of a catalogue file (it needs 5).</summary>
    public const int MaxDepth = 16;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = MaxDepth + 1 };

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Gets the format with default limits.</summary>
    public static CatalogueJson Default { get; } = new();

    /// <summary>Gets the limits in force: those given, with nesting at most <see cref="MaxDepth"/>.</summary>
    public IptJsonLimits Limits { get; }

    /// <summary>Reads a catalogue file from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON bytes (a UTF-8 byte-order mark is skipped).</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public ReadResult<CatalogueFile> TryRead(ReadOnlySpan<byte> utf8Json) => TryRead(utf8Json, null);

    /// <summary>Reads a catalogue file from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON bytes (a UTF-8 byte-order mark is skipped).</param>
    /// <param name="source">Where the JSON came from (a path or a label), kept on the result for composition errors.</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public ReadResult<CatalogueFile> TryRead(ReadOnlySpan<byte> utf8Json, string? source)
    {
        if (utf8Json.Length > Limits.MaxDocumentBytes)
        {
            return TooLarge(utf8Json.Length);
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var read = CourseJson.Read(utf8Json, CatalogueShapes.FileShape.Shape, Limits, ReaderOptions, "A catalogue file", locate: true);
        if (!read.TryGetValue(out var file))
        {
            return read.Errors is [{ Code: DocumentErrorCodes.Truncated, Message: "The document is empty." } empty]
                ? ReadResult<CatalogueFile>.ForErrors([new DocumentError(empty.Code, empty.Path, "The file is empty.", empty.Location)])
                : read;
        }

        // Where each entry's id and each disabled id is, for composition errors.
        var entryPaths = Enumerable.Range(0, file.Entries.Count).Select(static i => DocumentPath.Of("entries").At(i).Property("id")).ToList();
        var disablePaths = Enumerable.Range(0, file.Disable.Count).Select(static i => DocumentPath.Of("disable").At(i)).ToList();
        var offsets = Locator.Offsets(utf8Json, [.. entryPaths, .. disablePaths], allowComments: true);
        var locations = Locator.Locations(utf8Json, offsets.Values);
        DocumentLocation? At(DocumentPath path) => offsets.TryGetValue(path, out var offset) ? locations[offset] : null;
        return ReadResult<CatalogueFile>.ForValue(file with
        {
            Source = source,
            Entries = ValueList.From(file.Entries.Select((e, i) => e with { Path = entryPaths[i], Location = At(entryPaths[i]) })),
            Disable = ValueList.From(file.Disable.Select((d, i) => d with { Path = disablePaths[i], Location = At(disablePaths[i]) })),
        });
    }

    /// <summary>Reads a catalogue file from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public ReadResult<CatalogueFile> TryRead(string json) => TryRead(json, null);

    /// <summary>Reads a catalogue file from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where the JSON came from (a path or a label), kept on the result for composition errors.</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public ReadResult<CatalogueFile> TryRead(string json, string? source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Length > Limits.MaxDocumentBytes ? TooLarge(json.Length) : TryRead(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>Reads a catalogue file from a stream, reading no more than the size limit allows.</summary>
    /// <param name="utf8Json">The stream; not closed.</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public ReadResult<CatalogueFile> TryRead(Stream utf8Json) => TryRead(utf8Json, null);

    /// <summary>Reads a catalogue file from a stream, reading no more than the size limit allows.</summary>
    /// <param name="utf8Json">The stream; not closed.</param>
    /// <param name="source">Where the JSON came from (a path or a label), kept on the result for composition errors.</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public ReadResult<CatalogueFile> TryRead(Stream utf8Json, string? source)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new BoundedBuffer(Limits.MaxDocumentBytes);
        if (buffer.RefuseBySize(utf8Json))
        {
            return TooLarge(null);
        }

        while (buffer.Read(utf8Json.Read(buffer.Free)))
        {
        }

        return buffer.TooLarge ? TooLarge(null) : TryRead(buffer.Written, source);
    }

    /// <summary>Reads a catalogue file from disk, reading no more than the size limit allows.</summary>
    /// <param name="path">The file's path; it becomes the result's <see cref="CatalogueFile.Source"/>.</param>
    /// <returns>The catalogue file, or every problem found in it.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public ReadResult<CatalogueFile> TryReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024);
        return TryRead(stream, path);
    }

    /// <summary>Writes a catalogue file as JSON (indented, apostrophes and dashes kept readable).</summary>
    /// <param name="file">The file.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public string WriteToString(CatalogueFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            CatalogueShapes.FileShape.Shape.Write(writer, file);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes entries as a catalogue file that adds them, for example to start a contributor file from built-in entries.</summary>
    /// <param name="name">The catalogue's name.</param>
    /// <param name="entries">The entries, in the order to write.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public string WriteToString(string name, IEnumerable<TechniqueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return WriteToString(new CatalogueFile { Name = name, Entries = ValueList.From(entries.Select(static e => new CatalogueFileEntry(e))) });
    }

    private ReadResult<CatalogueFile> TooLarge(long? bytes) => ReadResult<CatalogueFile>.ForErrors([SizeLimit.Error("file", bytes, Limits.MaxDocumentBytes)]);
}
