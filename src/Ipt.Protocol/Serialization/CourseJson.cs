using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Ipt.Protocol.Serialization.Converters;
using Ipt.Protocol.Serialization.Shapes;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// The course document format (docs/json-format.md): one object that reads course documents
/// strictly within its limits, migrating older schema versions, and writes them deterministically.
/// Like a NodaTime pattern, it is configured once and shared: <see cref="Default"/>, or
/// <c>new CourseJson(limits, migrations)</c>.
/// </summary>
/// <remarks>
/// <para>Reading never throws for bad input: <see cref="TryRead(ReadOnlySpan{byte})"/> returns the
/// course, or every problem found (up to <see cref="IptJsonLimits.MaxErrors"/>) as a
/// <see cref="DocumentError"/> with a stable code, its JSON path and its line and column. One pass
/// over the tokens builds the immutable course directly.</para>
/// <para>Writing is deterministic: the same course gives the same bytes (members in a fixed order,
/// two-space indentation, <c>\n</c> line ends, nulls, empty lists and false flags left out), and
/// reading what was written gives an equal course.</para>
/// <para>Hosts that put a course inside their own System.Text.Json documents use
/// <see cref="TypeInfoResolver"/> or <see cref="CreateSerializerOptions"/> (AOT-safe).</para>
/// <para>Immutable and thread-safe: share one instance.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Read and write are members of the format object, as Parse and Format are on a NodaTime pattern.")]
public sealed partial class CourseJson
{
    /// <summary>The schema version this library writes and reads.</summary>
    public const int CurrentVersion = 2;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

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

    private readonly Dictionary<int, CourseMigration> migrations;
    private readonly JsonReaderOptions readerOptions;

    /// <summary>Creates a course document format with limits and migrations.</summary>
    /// <param name="limits">The limits; <see cref="IptJsonLimits.Default"/> when <see langword="null"/>.</param>
    /// <param name="migrations">
    /// Steps that migrate older schema versions, besides the built-in ones
    /// (<see cref="CourseMigration.BuiltIn"/>, from version 1); at most one per version.
    /// </param>
    /// <exception cref="ArgumentException">Two steps read the same version (a host's step for a version the library migrates itself).</exception>
    public CourseJson(IptJsonLimits? limits = null, IEnumerable<CourseMigration>? migrations = null)
    {
        Limits = limits ?? IptJsonLimits.Default;
        this.migrations = [];
        foreach (var migration in CourseMigration.BuiltIn.Concat(migrations ?? []))
        {
            ArgumentNullException.ThrowIfNull(migration, nameof(migrations));
            if (!this.migrations.TryAdd(migration.FromVersion, migration))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Two migrations read version {migration.FromVersion}."), nameof(migrations));
            }
        }

        Migrations = [.. this.migrations.Values.OrderBy(m => m.FromVersion)];

        // One more level than the limit: the reader reports the limit itself, before the tokenizer would.
        readerOptions = new JsonReaderOptions { MaxDepth = Limits.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };
        TypeInfoResolver = new HostResolver(this);
    }

    /// <summary>Gets the format with default limits and the built-in migrations.</summary>
    public static CourseJson Default { get; } = new();

    /// <summary>Gets the limits.</summary>
    public IptJsonLimits Limits { get; }

    /// <summary>Gets the migrations, in the order of the version each reads.</summary>
    public ValueList<CourseMigration> Migrations { get; }

    /// <summary>
    /// Gets System.Text.Json metadata for hosts, AOT- and trim-safe: a <see cref="Course"/> as a
    /// course document (read with these limits), <c>LocalDate</c>, <c>Duration</c> and <c>Period</c>
    /// as ISO-8601 strings. Chain it with a host's own context:
    /// <c>options.TypeInfoResolverChain.Insert(0, CourseJson.Default.TypeInfoResolver)</c>. A bad course
    /// raises a <see cref="JsonException"/> whose message names the first problem's path and never
    /// repeats document text.
    /// </summary>
    public IJsonTypeInfoResolver TypeInfoResolver { get; }

    /// <summary>
    /// Creates strict System.Text.Json options with <see cref="TypeInfoResolver"/>: camelCase, unknown
    /// members and duplicates refused, nulls not written, nesting within <see cref="IptJsonLimits.MaxDepth"/>.
    /// </summary>
    /// <returns>New, mutable options; add a host's own resolvers to their chain.</returns>
    public JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions
        {
            MaxDepth = Limits.MaxDepth,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
        };
        options.TypeInfoResolverChain.Add(TypeInfoResolver);
        return options;
    }

    /// <summary>Reads a course from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document's bytes (a UTF-8 byte order mark is allowed).</param>
    /// <returns>The course, or every problem found.</returns>
    public ReadResult<Course> TryRead(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > Limits.MaxDocumentBytes)
        {
            return TooLarge(utf8Json.Length);
        }

        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        var peek = PeekVersion(utf8Json);
        return peek.Status switch
        {
            PeekStatus.Missing => Fail(utf8Json, DocumentErrorCodes.SchemaVersion, DocumentPath.Of("schemaVersion"), string.Create(CultureInfo.InvariantCulture, $"schemaVersion is required; this library reads version {CurrentVersion}."), 0),
            PeekStatus.NotInteger => Fail(utf8Json, DocumentErrorCodes.Type, DocumentPath.Of("schemaVersion"), "schemaVersion must be a whole number, such as 1.", peek.Offset),
            PeekStatus.Found when peek.Version > CurrentVersion => Fail(utf8Json, DocumentErrorCodes.SchemaVersion, DocumentPath.Of("schemaVersion"), VersionMessage(peek.Version), peek.Offset),
            PeekStatus.Found when peek.Version < CurrentVersion => Migrate(utf8Json, peek.Version, peek.Offset),
            _ => Read(utf8Json, locate: true),
        };
    }

    /// <summary>Reads a course from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The course, or every problem found.</returns>
    public ReadResult<Course> TryRead(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // A UTF-16 string of n chars has at least n UTF-8 bytes: refuse obvious giants before encoding.
        if (json.Length > Limits.MaxDocumentBytes)
        {
            return TooLarge(json.Length);
        }

        var count = Encoding.UTF8.GetByteCount(json);
        if (count > Limits.MaxDocumentBytes)
        {
            return TooLarge(count);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            var written = Encoding.UTF8.GetBytes(json, buffer);
            return TryRead(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a course from a stream of UTF-8 JSON, reading no more than the size limit allows.</summary>
    /// <param name="utf8Json">The stream; read to its end (or one byte past the limit), not closed.</param>
    /// <returns>The course, or every problem found.</returns>
    public ReadResult<Course> TryRead(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = new BoundedBuffer(Limits.MaxDocumentBytes);
        try
        {
            if (buffer.RefuseBySize(utf8Json))
            {
                return TooLarge(null);
            }

            while (buffer.Read(utf8Json.Read(buffer.Free)))
            {
            }

            return buffer.TooLarge ? TooLarge(null) : TryRead(buffer.Written);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Reads a course document from disk, reading no more than the size limit allows (as <see cref="CatalogueJson.TryReadFile"/> does for a catalogue).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The course, or every problem found in it.</returns>
    /// <exception cref="IOException">The file cannot be read (it does not exist, or it is a folder).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public ReadResult<Course> TryReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024);
        return TryRead(stream);
    }

    /// <summary>Reads a course from a stream of UTF-8 JSON asynchronously, reading no more than the size limit allows.</summary>
    /// <param name="utf8Json">The stream; read to its end (or one byte past the limit), not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The course, or every problem found.</returns>
    public async ValueTask<ReadResult<Course>> TryReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = new BoundedBuffer(Limits.MaxDocumentBytes);
        try
        {
            if (buffer.RefuseBySize(utf8Json))
            {
                return TooLarge(null);
            }

            while (buffer.Read(await utf8Json.ReadAsync(buffer.FreeMemory, cancellationToken).ConfigureAwait(false)))
            {
            }

            return buffer.TooLarge ? TooLarge(null) : TryRead(buffer.Written);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// Finds where paths are in a course document, for example the line of a validation diagnostic.
    /// Reads only the document's structure, in one pass; the course is not built.
    /// </summary>
    /// <param name="utf8Json">The document's bytes, exactly as read.</param>
    /// <param name="paths">The paths, as diagnostics and read errors give them.</param>
    /// <returns>
    /// For each path, the line and column of its member name (of the value, for array items and the
    /// root). A path that is not in the document, such as a member left out, is located at its
    /// closest enclosing member that is. Paths that cannot be located (a malformed document) are left out.
    /// </returns>
    public static IReadOnlyDictionary<DocumentPath, DocumentLocation> Locate(ReadOnlySpan<byte> utf8Json, IEnumerable<DocumentPath> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var offsets = Locator.Offsets(utf8Json, paths, allowComments: false);
        var locations = Locator.Locations(utf8Json, offsets.Values);
        var result = new Dictionary<DocumentPath, DocumentLocation>(offsets.Count);
        foreach (var (path, offset) in offsets)
        {
            result[path] = locations[offset];
        }

        return result;
    }

    /// <summary>Writes a course as a document to a UTF-8 JSON writer.</summary>
    /// <param name="course">The course.</param>
    /// <param name="writer">The writer; its options decide indentation and escaping.</param>
    public void Write(Course course, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(writer);
        CourseShapes.CourseShape.Shape.Write(writer, course);
    }

    /// <summary>Writes a course as a document to a stream, as UTF-8.</summary>
    /// <param name="course">The course.</param>
    /// <param name="utf8Json">The stream; not closed.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends); otherwise compact.</param>
    public void Write(Course course, Stream utf8Json, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var writer = new Utf8JsonWriter(utf8Json, indented ? Indented : Compact);
        Write(course, writer);
    }

    /// <summary>Writes a course as a document to UTF-8 bytes.</summary>
    /// <param name="course">The course.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends); otherwise compact.</param>
    /// <returns>The document's bytes (no byte order mark, no final newline).</returns>
    public byte[] ToUtf8Bytes(Course course, bool indented = true)
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
    public string WriteToString(Course course, bool indented = true) => Encoding.UTF8.GetString(ToUtf8Bytes(course, indented));

    /// <summary>Describes the format.</summary>
    /// <returns>A string such as <c>CourseJson (version 1, IptJsonLimits (...), 0 migrations)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"CourseJson (version {CurrentVersion}, {Limits}, {migrations.Count} migrations)");

    internal static string VersionMessage(int version) => version > CurrentVersion
        ? string.Create(CultureInfo.InvariantCulture, $"The document's schema version {version} is newer than this library's version {CurrentVersion}; read it with a newer Ipt.Protocol.")
        : string.Create(CultureInfo.InvariantCulture, $"The document's schema version {version} is older than this library's version {CurrentVersion}.");

    /// <summary>Reads the course at the reader's current token (a host's document); used by the host converter.</summary>
    internal Course ReadInside(ref Utf8JsonReader reader)
    {
        var context = ReadContext.Rent(Limits);
        try
        {
            context.BaseDepth = reader.CurrentDepth;
            Course? course = null;
            bool ok;
            try
            {
                ok = CourseShapes.CourseShape.Shape.Read(ref reader, context, out course);
            }
            catch (StopReadingException)
            {
                ok = false;
            }

            if (ok && !context.HasErrors)
            {
                return course!;
            }

            var first = context.Errors[0];
            var all = context.Errors.Count + context.Omitted;
            var more = all > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({all} problems in all; read the document with CourseJson.TryRead to see each)") : string.Empty;
            throw new IptJsonException($"The course document is invalid at {first.Path}: {first.Message}{more}");
        }
        finally
        {
            context.Return();
        }
    }

    private ReadResult<Course> Read(ReadOnlySpan<byte> json, bool locate) =>
        Read(json, CourseShapes.CourseShape.Shape, Limits, readerOptions, "A course document", locate);

    /// <summary>Reads a document of a shape in one pass: the value, or every error found (located when asked).</summary>
    internal static ReadResult<T> Read<T>(ReadOnlySpan<byte> json, Shapes.ObjectShape<T> shape, IptJsonLimits limits, JsonReaderOptions options, string what, bool locate)
        where T : class
    {
        var allowComments = options.CommentHandling != JsonCommentHandling.Disallow;
        var context = ReadContext.Rent(limits);
        try
        {
            var reader = new Utf8JsonReader(json, options);
            T? value = null;
            var ok = false;
            try
            {
                ReadContext.Next(ref reader);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    context.Error(DocumentErrorCodes.Type, $"{what} is a JSON object; found {ReadContext.Describe(reader.TokenType)}.", reader.TokenStartIndex);
                }
                else
                {
                    ok = shape.Read(ref reader, context, out value);
                    if (reader.Read())
                    {
                        // The tokenizer refuses content after the value itself; kept for safety.
                        context.Error(DocumentErrorCodes.Syntax, "Expected the end of the document after its value.", reader.TokenStartIndex);
                    }
                }
            }
            catch (JsonException)
            {
                // The tokenizer refused the text: find out why with the reader's own grammar.
                SyntaxError(json, context, reader.BytesConsumed, allowComments);
            }
            catch (StopReadingException)
            {
                // A fatal error, already recorded.
            }

            return ok && !context.HasErrors ? ReadResult<T>.ForValue(value!) : ReadResult<T>.ForErrors(Finish(json, context, locate, allowComments));
        }
        finally
        {
            context.Return();
        }
    }

    /// <summary>Records the syntax problem of text the tokenizer refused, at the path the reader had reached.</summary>
    internal static void SyntaxError(ReadOnlySpan<byte> json, ReadContext context, long consumed, bool allowComments)
    {
        var problem = JsonSyntax.Find(json, allowComments, context.Limits.MaxDepth, duplicates: false);
        if (problem is not { } p)
        {
            context.Error(DocumentErrorCodes.Syntax, "The document is not well-formed JSON here.", consumed);
            return;
        }

        var message = p.Code == DocumentErrorCodes.Truncated && p.Message != "The document is empty."
            ? $"The document ends inside {context.CurrentPath()}: expected {p.Message}."
            : p.Message;
        context.Error(p.Code, message, p.Offset);
    }

    /// <summary>Turns the pending errors into located errors in document order, with a last error counting those left out.</summary>
    internal static List<DocumentError> Finish(ReadOnlySpan<byte> json, ReadContext context, bool locate, bool allowComments)
    {
        var errors = new List<(DocumentError Error, long Order)>(context.Errors.Count + 1);
        Dictionary<long, DocumentLocation>? locations = null;
        Dictionary<DocumentPath, long>? byPath = null;
        if (locate)
        {
            var unplaced = context.Errors.Where(e => e.Offset < 0).Select(e => e.Path).ToList();
            byPath = unplaced.Count > 0 ? Locator.Offsets(json, unplaced, allowComments) : null;
            var offsets = context.Errors.Select(e => e.Offset >= 0 ? e.Offset : byPath?.GetValueOrDefault(e.Path, -1) ?? -1);
            locations = Locator.Locations(json, offsets);
        }

        foreach (var pending in context.Errors)
        {
            var offset = pending.Offset >= 0 ? pending.Offset : byPath?.GetValueOrDefault(pending.Path, -1) ?? -1;
            DocumentLocation? at = locations is not null && offset >= 0 && locations.TryGetValue(offset, out var found) ? found : null;
            errors.Add((new DocumentError(pending.Code, pending.Path, pending.Message, at), offset < 0 ? long.MaxValue : offset));
        }

        var ordered = errors.OrderBy(e => e.Order).ThenBy(e => e.Error.Path).Select(e => e.Error).ToList();
        if (context.Omitted > 0)
        {
            ordered.Add(new DocumentError(
                DocumentErrorCodes.TooManyErrors,
                DocumentPath.Root,
                string.Create(CultureInfo.InvariantCulture, $"{context.Omitted} more errors were found and are not listed (IptJsonLimits.MaxErrors is {context.Limits.MaxErrors}).")));
        }

        return ordered;
    }

    private ReadResult<Course> TooLarge(long? bytes) => ReadResult<Course>.ForErrors([SizeLimit.Error("document", bytes, Limits.MaxDocumentBytes)]);

    private static ReadResult<Course> Fail(ReadOnlySpan<byte> json, string code, DocumentPath path, string message, long offset)
    {
        var at = Locator.Locations(json, [offset]);
        return ReadResult<Course>.ForErrors([new DocumentError(code, path, message, at.TryGetValue(offset, out var location) ? location : null)]);
    }

    private ReadResult<Course> Migrate(ReadOnlySpan<byte> json, int version, long versionOffset)
    {
        // The migration steps take a JsonObject: the text must be well-formed, within the depth
        // limit and free of duplicate members before it is parsed.
        if (JsonSyntax.Find(json, allowComments: false, Limits.MaxDepth, duplicates: true) is { } problem)
        {
            var message = problem.Code == DocumentErrorCodes.Truncated && problem.Message != "The document is empty."
                ? $"The document ends early: expected {problem.Message}."
                : problem.Message;
            return Fail(json, problem.Code, DocumentPath.Root, message, problem.Offset);
        }

        var document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = Limits.MaxDepth + 1 })!.AsObject();
        for (var v = version; v < CurrentVersion; v++)
        {
            if (!migrations.TryGetValue(v, out var step))
            {
                return Fail(
                    json,
                    DocumentErrorCodes.SchemaVersion,
                    DocumentPath.Of("schemaVersion"),
                    VersionMessage(version) + string.Create(CultureInfo.InvariantCulture, $" No migration from version {v} is registered."),
                    versionOffset);
            }

            if (step.TryApply(document) is not { } migrated)
            {
                return ReadResult<Course>.ForErrors(
                [
                    new DocumentError(DocumentErrorCodes.Migration, DocumentPath.Root, string.Create(CultureInfo.InvariantCulture, $"The document could not be migrated from version {v} to {v + 1}.")),
                ]);
            }

            document = migrated;
        }

        using var stream = new MemoryStream();
        try
        {
            using var writer = new Utf8JsonWriter(stream, Compact);
            document.WriteTo(writer);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or JsonException)
        {
            // A step built a value JSON cannot hold (such as NaN).
            return ReadResult<Course>.ForErrors([new DocumentError(DocumentErrorCodes.Migration, DocumentPath.Root, "The migrated document could not be written.")]);
        }

        // Lines and columns of the migrated text would not match the caller's document: report paths only.
        return Read(stream.GetBuffer().AsSpan(0, (int)stream.Length), locate: false);
    }

    private PeekResult PeekVersion(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, readerOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new(PeekStatus.Other, 0, 0);
            }

            // Stop at schemaVersion (written first): the full read checks the rest, depth included.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var at = reader.TokenStartIndex;
                if (reader.ValueTextEquals("schemaVersion"u8))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version)
                        ? new(PeekStatus.Found, version, at)
                        : new(PeekStatus.NotInteger, 0, at);
                }

                reader.Read();
                reader.Skip();
            }

            return new(PeekStatus.Missing, 0, 0);
        }
        catch (JsonException)
        {
            // Malformed or too deep before schemaVersion: the full read reports it.
            return new(PeekStatus.Other, 0, 0);
        }
    }

    private enum PeekStatus
    {
        Found,
        Missing,
        NotInteger,
        Other,
    }

    private readonly record struct PeekResult(PeekStatus Status, int Version, long Offset);
}
