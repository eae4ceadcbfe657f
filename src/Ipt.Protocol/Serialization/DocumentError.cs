using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// The stable codes of <see cref="DocumentError"/>: what kind of fault a read error is. Codes are
/// public and never reused; <c>docs/json-format.md</c> shows an example of each.
/// </summary>
public static class DocumentErrorCodes
{
    /// <summary>The document ends before it is complete (a cut file, an empty body).</summary>
    public const string Truncated = "truncated";

    /// <summary>The text is not well-formed JSON (a missing comma, a comment, a single quote, an invalid literal or number, content after the end).</summary>
    public const string Syntax = "syntax";

    /// <summary>The text is not valid UTF-8, or a string escapes half of a surrogate pair.</summary>
    public const string Encoding = "encoding";

    /// <summary>A member the format does not define.</summary>
    public const string UnknownMember = "unknown-member";

    /// <summary>A member that appears twice in one object.</summary>
    public const string DuplicateMember = "duplicate-member";

    /// <summary>A required member is missing.</summary>
    public const string MissingMember = "missing-member";

    /// <summary>A value of the wrong JSON type (a string where a number belongs, <c>null</c> where a value is required).</summary>
    public const string Type = "type";

    /// <summary>A value of the right type that the format or the model refuses (an unknown enum name, a bad date or id, a number out of range, a repeated person id).</summary>
    public const string Value = "value";

    /// <summary>A document over one of the <see cref="IptJsonLimits"/> (size, depth, list lengths, text length).</summary>
    public const string Limit = "limit";

    /// <summary>The <c>schemaVersion</c> is missing, newer than this library, or older with no migration registered.</summary>
    public const string SchemaVersion = "schema-version";

    /// <summary>A migration step failed on an older document.</summary>
    public const string Migration = "migration";

    /// <summary>More errors were found than <see cref="IptJsonLimits.MaxErrors"/> lets a result hold; this last error says how many were left out.</summary>
    public const string TooManyErrors = "too-many-errors";

    /// <summary>A catalogue entry, id or disable list that does not compose with the catalogues before it.</summary>
    public const string Composition = "composition";

    /// <summary>Gets every code, in the order above.</summary>
    public static ValueList<string> All { get; } =
        [Truncated, Syntax, Encoding, UnknownMember, DuplicateMember, MissingMember, Type, Value, Limit, SchemaVersion, Migration, TooManyErrors, Composition];
}

/// <summary>The error of a document over <see cref="IptJsonLimits.MaxDocumentBytes"/>, shared by the course and catalogue formats.</summary>
internal static class SizeLimit
{
    public static DocumentError Error(string what, long? bytes, int limit) => new(
        DocumentErrorCodes.Limit,
        DocumentPath.Root,
        bytes is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"The {what} is {n} bytes; the limit is {limit} bytes (IptJsonLimits.MaxDocumentBytes).")
            : string.Create(CultureInfo.InvariantCulture, $"The {what} is larger than the limit of {limit} bytes (IptJsonLimits.MaxDocumentBytes)."));
}

/// <summary>
/// One problem found while reading a document: its stable <see cref="Code"/>, where it is (JSON
/// path, and the 1-based line and column when known) and what is wrong, in plain words. Messages
/// never repeat the document's string values (free text, labels, ids): they point at the path.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DocumentError
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">The error's code, one of <see cref="DocumentErrorCodes"/>.</param>
    /// <param name="path">Where the problem is, such as <c>$.sessions[3].number</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="location">The line and column in the document's text, when known.</param>
    public DocumentError(string code, DocumentPath path, string message, DocumentLocation? location = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Code = code;
        Path = path;
        Message = message;
        Location = location;
    }

    /// <summary>Gets the code, one of <see cref="DocumentErrorCodes"/>, such as <c>unknown-member</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the JSON path, such as <c>$.sessions[3].number</c>.</summary>
    public DocumentPath Path { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Message { get; }

    /// <summary>Gets the line and column in the document's text, when known (not after a migration, which rewrites the text).</summary>
    public DocumentLocation? Location { get; }

    /// <summary>Formats the error as <c>$.sessions[3].number (line 12, column 19): message [value]</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => Location is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"{Path} ({at}): {Message} [{Code}]")
        : $"{Path}: {Message} [{Code}]";
}

/// <summary>The outcome of reading a document: the value, or every error found.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// Bad input never throws: it gives a failed result. <see cref="GetValueOrThrow"/> is for callers
/// that treat bad input as a programming error.
/// </remarks>
public sealed class ReadResult<T>
    where T : class
{
    private ReadResult(T? value, ValueList<DocumentError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>Gets a value indicating whether the document was read without errors.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Success => Value is not null;

    /// <summary>Gets the value, when reading succeeded.</summary>
    public T? Value { get; }

    /// <summary>Gets every error found (empty on success), in document order; at most <see cref="IptJsonLimits.MaxErrors"/> and a last <see cref="DocumentErrorCodes.TooManyErrors"/> error counting the rest.</summary>
    public ValueList<DocumentError> Errors { get; }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000", Justification = "Factory on the result type, as in NodaTime's ParseResult<T>.")]
    public static ReadResult<T> ForValue(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, ValueList<DocumentError>.Empty);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000", Justification = "Factory on the result type, as in NodaTime's ParseResult<T>.")]
    public static ReadResult<T> ForErrors(IEnumerable<DocumentError> errors)
    {
        var list = ValueList.From(errors);
        if (list.IsEmpty)
        {
            throw new ArgumentException("A failed result has at least one error.", nameof(errors));
        }

        return new(null, list);
    }

    /// <summary>Gets the value when reading succeeded.</summary>
    /// <param name="value">The value, when reading succeeded.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = Value;
        return value is not null;
    }

    /// <summary>Returns the value, or throws when reading failed.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="DocumentException">Reading failed; the exception lists the errors.</exception>
    public T GetValueOrThrow() => Value ?? throw new DocumentException(Errors);

    /// <summary>Describes the outcome without any document content.</summary>
    /// <returns>A string such as <c>Success</c> or <c>3 errors</c>.</returns>
    public override string ToString() => Success ? "Success" : string.Create(CultureInfo.InvariantCulture, $"{Errors.Count} errors");
}

/// <summary>Thrown by <see cref="ReadResult{T}.GetValueOrThrow"/> when a document could not be read.</summary>
public sealed class DocumentException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">The errors.</param>
    public DocumentException(ValueList<DocumentError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates the exception with a message.</summary>
    public DocumentException()
        : base("The document could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public DocumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public DocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the errors found.</summary>
    public ValueList<DocumentError> Errors { get; }

    private static string Describe(ValueList<DocumentError> errors) =>
        errors.IsEmpty ? "The document could not be read." : $"The document could not be read: {string.Join("; ", errors)}";
}
