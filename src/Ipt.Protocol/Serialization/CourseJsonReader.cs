using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Ipt.Protocol.Serialization.Converters;
using Ipt.Protocol.Serialization.Documents;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Reads course documents strictly, within limits, migrating older schema versions; reports every
/// problem found as a <see cref="DocumentError"/> with its JSON path, line and position. Bad input
/// never throws.
/// </summary>
/// <remarks>
/// <para>Reading runs in three steps: the size and <c>schemaVersion</c> are checked (and an older
/// document migrated); the JSON is read into the document shape, stopping at the first structural
/// problem (malformed JSON, a wrong type, an unknown or duplicate member, a missing required member,
/// a null where none is allowed, nesting too deep); then the values are checked against the model's
/// invariants, collecting every breach.</para>
/// <para>The second step first tries a hand-written single pass over the tokens, which reads valid
/// documents without serializer metadata; anything it is not sure of is read again by the
/// source-generated serializer, so errors and their wording have one source.</para>
/// <para>Immutable and thread-safe: share one reader.</para>
/// </remarks>
public sealed class CourseJsonReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly JsonTypeInfo<CourseDocument> typeInfo;
    private readonly Dictionary<int, CourseMigration> migrations;

    /// <summary>Creates a reader.</summary>
    /// <param name="limits">The limits; <see cref="IptJsonLimits.Default"/> when <see langword="null"/>.</param>
    /// <param name="migrations">Steps that migrate older schema versions; at most one per version.</param>
    /// <exception cref="ArgumentException">Two steps read the same version.</exception>
    public CourseJsonReader(IptJsonLimits? limits = null, IEnumerable<CourseMigration>? migrations = null)
    {
        Limits = limits ?? IptJsonLimits.Default;
        this.migrations = [];
        foreach (var migration in migrations ?? [])
        {
            ArgumentNullException.ThrowIfNull(migration, nameof(migrations));
            if (!this.migrations.TryAdd(migration.FromVersion, migration))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Two migrations read version {migration.FromVersion}."), nameof(migrations));
            }
        }

        typeInfo = Limits.MaxDepth == IptJsonLimits.DefaultMaxDepth
            ? DocumentJsonContext.Default.CourseDocument
            : (JsonTypeInfo<CourseDocument>)new DocumentJsonContext(new JsonSerializerOptions(DocumentJsonContext.Default.Options) { MaxDepth = Limits.MaxDepth })
                .GetTypeInfo(typeof(CourseDocument))!;
    }

    /// <summary>Gets the reader with default limits and no extra migrations.</summary>
    public static CourseJsonReader Default { get; } = new();

    /// <summary>Gets the limits.</summary>
    public IptJsonLimits Limits { get; }

    /// <summary>Gets whether valid documents take the hand-written fast path (tests turn it off to compare).</summary>
    internal bool FastPath { get; init; } = true;

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

        return ReadChecked(utf8Json);
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
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <returns>The course, or every problem found.</returns>
    public ReadResult<Course> TryRead(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > Limits.MaxDocumentBytes)
                {
                    return TooLarge(null);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return TryRead(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Reads a course from a stream of UTF-8 JSON asynchronously, reading no more than the size limit allows.</summary>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The course, or every problem found.</returns>
    public async ValueTask<ReadResult<Course>> TryReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await utf8Json.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > Limits.MaxDocumentBytes)
                {
                    return TooLarge(null);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return TryRead(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    internal static string VersionMessage(int version) => version > CourseJson.CurrentVersion
        ? string.Create(CultureInfo.InvariantCulture, $"The document's schema version {version} is newer than this library's version {CourseJson.CurrentVersion}; read it with a newer Ipt.Protocol.")
        : string.Create(CultureInfo.InvariantCulture, $"The document's schema version {version} is older than this library's version {CourseJson.CurrentVersion}.");

    private ReadResult<Course> TooLarge(long? bytes) => ReadResult<Course>.ForErrors(
    [
        new DocumentError(
            "$",
            bytes is { } n
                ? string.Create(CultureInfo.InvariantCulture, $"The document is {n} bytes; the limit is {Limits.MaxDocumentBytes} bytes.")
                : string.Create(CultureInfo.InvariantCulture, $"The document is larger than the limit of {Limits.MaxDocumentBytes} bytes.")),
    ]);

    private ReadResult<Course> ReadChecked(ReadOnlySpan<byte> json)
    {
        var peek = PeekVersion(json);
        switch (peek.Status)
        {
            case PeekStatus.TooDeep:
                var (line, position) = JsonLocator.LineAndPosition(json, peek.Offset);
                return ReadResult<Course>.ForErrors(
                [
                    new DocumentError(
                        JsonLocator.LastPath(json, Limits.MaxDepth),
                        string.Create(CultureInfo.InvariantCulture, $"The document is nested deeper than the limit of {Limits.MaxDepth} levels."),
                        line,
                        position),
                ]);
            case PeekStatus.NotObject:
                return Fail(json, "$", "A course document is a JSON object.", lineKnown: true);
            case PeekStatus.Missing:
                return Fail(json, "$.schemaVersion", string.Create(CultureInfo.InvariantCulture, $"schemaVersion is required; this library reads version {CourseJson.CurrentVersion}."), lineKnown: true, locateAt: "$");
            case PeekStatus.NotInteger:
                return Fail(json, "$.schemaVersion", "schemaVersion must be a whole number, such as 1.", lineKnown: true);
            case PeekStatus.Found when peek.Version > CourseJson.CurrentVersion:
                return Fail(json, "$.schemaVersion", VersionMessage(peek.Version), lineKnown: true);
            case PeekStatus.Found when peek.Version < CourseJson.CurrentVersion:
                return Migrate(json, peek.Version);
            default:
                // Found and current, or malformed: the full read reports malformed JSON with its path.
                return Read(json, linesKnown: true);
        }
    }

    private ReadResult<Course> Migrate(ReadOnlySpan<byte> json, int version)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = Limits.MaxDepth, AllowDuplicateProperties = false }) as JsonObject
                ?? throw new InvalidOperationException();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // A malformed older document: report it as any malformed document.
            return Read(json, linesKnown: true);
        }

        for (var v = version; v < CourseJson.CurrentVersion; v++)
        {
            if (!migrations.TryGetValue(v, out var step))
            {
                return Fail(
                    json,
                    "$.schemaVersion",
                    VersionMessage(version) + string.Create(CultureInfo.InvariantCulture, $" No migration from version {v} is registered."),
                    lineKnown: true);
            }

            try
            {
                document = step.Apply(document);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException)
            {
                return Fail(json, "$", string.Create(CultureInfo.InvariantCulture, $"The document could not be migrated from version {v} to {v + 1}."), lineKnown: false);
            }
        }

        byte[] migrated;
        try
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                document.WriteTo(writer);
            }

            migrated = stream.ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return Fail(json, "$", "The migrated document could not be written.", lineKnown: false);
        }

        // Lines and positions of the migrated text would not match the caller's document: report paths only.
        return Read(migrated, linesKnown: false);
    }

    private ReadResult<Course> Read(ReadOnlySpan<byte> json, bool linesKnown)
    {
        // The fast path reads valid documents; anything it is not sure of is read again by the
        // serializer, which reports the problems (CourseDocumentFastReader).
        var document = FastPath ? CourseDocumentFastReader.TryRead(json, Limits.MaxDepth) : null;
        if (document is null)
        {
            try
            {
                document = JsonSerializer.Deserialize(json, typeInfo);
            }
            catch (JsonException ex)
            {
                return ReadResult<Course>.ForErrors(Translate(ex, json, linesKnown));
            }
        }

        if (document is null)
        {
            return Fail(json, "$", "A course document is a JSON object.", linesKnown);
        }

        var mapper = new CourseDocumentMapper(Limits);
        var course = mapper.ToCourse(document);
        if (course is not null)
        {
            return ReadResult<Course>.ForValue(course);
        }

        return ReadResult<Course>.ForErrors(Locate(json, mapper.Errors, linesKnown, fallbackLine: null));
    }

    /// <summary>
    /// Turns the serializer's exception into plain errors that never repeat document values. The
    /// serializer has no error codes, so the kinds are told apart by its (English, invariant)
    /// messages; ReadErrorTests pins every kind, so a wording change in a later System.Text.Json
    /// fails a test rather than giving a worse message.
    /// </summary>
    private List<DocumentError> Translate(JsonException ex, ReadOnlySpan<byte> json, bool linesKnown)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        (long, long)? stjLocation = ex.LineNumber is { } line ? (line + 1, ex.BytePositionInLine ?? 0) : null;
        var message = ex.Message;
        if (ex is IptJsonException)
        {
            return Locate(json, [(path, message)], linesKnown, stjLocation);
        }

        if (ex.InnerException is JsonException reader)
        {
            // The JSON itself is broken (or nested too deep): the reader's location is the one to report.
            var broken = reader.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? string.Create(CultureInfo.InvariantCulture, $"The document is nested deeper than the limit of {Limits.MaxDepth} levels.")
                : "The document is not well-formed JSON: " + Sanitize(reader.Message);
            return [new DocumentError(path, broken, linesKnown ? stjLocation?.Item1 : null, linesKnown ? stjLocation?.Item2 : null)];
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            // "... was missing required properties including: 'a', 'b'." The names are the format's own.
            var names = message[(message.IndexOf("including:", StringComparison.Ordinal) + "including:".Length)..];
            var end = names.IndexOf(". Path:", StringComparison.Ordinal);
            if (end >= 0)
            {
                names = names[..end];
            }

            var missing = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\'', '.'))
                .Select(n => (JsonPathOf(path, n), $"{n} is required."))
                .ToList();
            var located = Locate(json, [(path, "x")], linesKnown, stjLocation)[0];
            return [.. missing.Select(m => new DocumentError(m.Item1, m.Item2, located.Line, located.BytePositionInLine))];
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return Locate(json, [(path, "The member is not part of the course document format (unknown members are errors).")], linesKnown, stjLocation);
        }

        if (message.StartsWith("Duplicate", StringComparison.Ordinal))
        {
            // Report the repeated member's name, not the first one's.
            var at = linesKnown ? JsonLocator.Duplicate(json, path, Limits.MaxDepth) ?? stjLocation : null;
            return [new DocumentError(path, "The member appears more than once; each member may appear once.", at?.Item1, at?.Item2)];
        }

        if (message.Contains("allow null values", StringComparison.Ordinal) || message.Contains("allow setting null values", StringComparison.Ordinal))
        {
            // A list member given null: say what belongs there, as for any other wrong token.
            var nullMessage = ListMembers.Contains(LastName(path)) ? "Expected an array; found null." : "null is not allowed here.";
            return Locate(json, [(path, nullMessage)], linesKnown, stjLocation);
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return Locate(json, [(path, string.Create(CultureInfo.InvariantCulture, $"The document is nested deeper than the limit of {Limits.MaxDepth} levels."))], linesKnown, stjLocation);
        }

        var found = linesKnown ? JsonLocator.TokenAt(json, path, Limits.MaxDepth) : null;
        var expected = Expected(message, ex.InnerException?.Message);
        var text = found is { } token ? $"{expected}; found {Describe(token)}." : $"{expected}.";
        return Locate(json, [(path, text)], linesKnown, stjLocation);
    }

    /// <summary>The JSON names of the document's list members (the same name is a list wherever it appears).</summary>
    private static readonly HashSet<string> ListMembers = CollectListMembers();

    private static HashSet<string> CollectListMembers()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var pending = new Stack<JsonTypeInfo>([DocumentJsonContext.Default.CourseDocument]);
        while (pending.TryPop(out var info))
        {
            if (!seen.Add(info.Type))
            {
                continue;
            }

            foreach (var property in info.Properties)
            {
                var type = property.PropertyType;
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
                {
                    names.Add(property.Name);
                    type = type.GetGenericArguments()[0];
                }

                if (type.IsClass && type != typeof(string) && DocumentJsonContext.Default.GetTypeInfo(type) is { Kind: JsonTypeInfoKind.Object } nested)
                {
                    pending.Push(nested);
                }
            }
        }

        return names;
    }

    private static string LastName(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot >= 0 && path.IndexOf('[', dot) < 0 ? path[(dot + 1)..] : string.Empty;
    }

    private static string Expected(string message, string? inner)
    {
        // Inner messages read "Cannot get the value of a token type 'String' as a number."
        if (inner is not null)
        {
            if (inner.Contains("as a number", StringComparison.Ordinal) || inner.Contains("Int32", StringComparison.Ordinal))
            {
                return "Expected a whole number";
            }

            if (inner.Contains("as a boolean", StringComparison.Ordinal))
            {
                return "Expected true or false";
            }

            if (inner.Contains("as a string", StringComparison.Ordinal))
            {
                return "Expected a string";
            }
        }

        var at = message.IndexOf("converted to ", StringComparison.Ordinal);
        var type = at >= 0 ? message[(at + "converted to ".Length)..] : string.Empty;
        return type switch
        {
            _ when type.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "Expected an array",
            _ when type.Contains("System.Int32", StringComparison.Ordinal) => "Expected a whole number",
            _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "Expected true or false",
            _ when type.StartsWith("System.String", StringComparison.Ordinal) => "Expected a string",
            _ when type.StartsWith("Ipt.Protocol.Serialization.Documents", StringComparison.Ordinal) => "Expected an object",
            _ => "The value has the wrong type",
        };
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        _ => "another value",
    };

    private static string JsonPathOf(string parent, string name)
    {
        var sb = new StringBuilder(parent);
        JsonPath.AppendName(sb, name);
        return sb.ToString();
    }

    /// <summary>The reader's message without the location suffix and without quoted input.</summary>
    private static string Sanitize(string message)
    {
        foreach (var tail in (ReadOnlySpan<string>)[" LineNumber:", " Change the reader options."])
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut >= 0)
            {
                message = message[..cut];
            }
        }

        var sb = new StringBuilder(message.Length);
        var quoted = false;
        foreach (var c in message)
        {
            if (c == '\'')
            {
                if (!quoted)
                {
                    sb.Append("a character");
                }

                quoted = !quoted;
            }
            else if (!quoted)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }

    private ReadResult<Course> Fail(ReadOnlySpan<byte> json, string path, string message, bool lineKnown, string? locateAt = null)
    {
        var located = Locate(json, [(locateAt ?? path, message)], lineKnown, null)[0];
        return ReadResult<Course>.ForErrors([new DocumentError(path, message, located.Line, located.BytePositionInLine)]);
    }

    private List<DocumentError> Locate(ReadOnlySpan<byte> json, IReadOnlyList<(string Path, string Message)> errors, bool linesKnown, (long Line, long Position)? fallbackLine)
    {
        if (!linesKnown)
        {
            return [.. errors.Select(e => new DocumentError(e.Path, e.Message))];
        }

        // A path has at most one segment per level of nesting, so walking up more levels than the
        // depth limit allows only happens inside an odd member name: stop there (bounded work).
        var steps = Limits.MaxDepth + 2;
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, _) in errors)
        {
            var step = 0;
            for (var p = path; p.Length > 0 && step++ < steps; p = Parent(p))
            {
                candidates.Add(p);
            }
        }

        var found = JsonLocator.Locate(json, candidates, Limits.MaxDepth);
        var result = new List<DocumentError>(errors.Count);
        foreach (var (path, message) in errors)
        {
            (long Line, long Position)? location = null;
            var step = 0;
            for (var p = path; p.Length > 0 && location is null && step++ < steps; p = Parent(p))
            {
                if (found.TryGetValue(p, out var at))
                {
                    location = at;
                }
            }

            location ??= fallbackLine;
            result.Add(new DocumentError(path, message, location?.Line, location?.Position));
        }

        return [.. result.OrderBy(e => e.Line ?? long.MaxValue).ThenBy(e => e.BytePositionInLine ?? 0).ThenBy(e => e.Path, StringComparer.Ordinal)];
    }

    private static string Parent(string path)
    {
        if (path == "$")
        {
            return string.Empty;
        }

        // A name with special characters is written ['name']: its dots and brackets are not separators.
        var cut = path.EndsWith("']", StringComparison.Ordinal)
            ? path.LastIndexOf("['", StringComparison.Ordinal)
            : Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path[..cut];
    }

    private PeekResult PeekVersion(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = Limits.MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                return new(PeekStatus.Malformed, 0);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new(PeekStatus.NotObject, 0);
            }

            // Stop at schemaVersion (written first): the full read checks the rest, depth included.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("schemaVersion"u8))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version)
                        ? new(PeekStatus.Found, version)
                        : new(PeekStatus.NotInteger, 0);
                }

                reader.Read();
                reader.Skip();
            }

            return new(PeekStatus.Missing, 0);
        }
        catch (JsonException ex) when (reader.CurrentDepth >= Limits.MaxDepth - 1 && ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            return new(PeekStatus.TooDeep, 0, reader.BytesConsumed);
        }
        catch (JsonException)
        {
            return new(PeekStatus.Malformed, 0);
        }
    }

    private enum PeekStatus
    {
        Found,
        Missing,
        NotInteger,
        NotObject,
        Malformed,
        TooDeep,
    }

    private readonly record struct PeekResult(PeekStatus Status, int Version, long Offset = 0);
}
