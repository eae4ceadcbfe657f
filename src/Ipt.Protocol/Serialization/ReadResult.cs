using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// One problem found while reading a document: where it is (JSON path, 1-based line and byte
/// position, when known) and what is wrong, in plain words. Messages never repeat the document's
/// free text or person labels: they point at the path instead.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DocumentError
{
    /// <summary>Creates an error.</summary>
    /// <param name="path">The JSON path in the document's own names, such as <c>$.sessions[3].number</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="line">The 1-based line, when known.</param>
    /// <param name="bytePositionInLine">The 0-based byte position in the line, when known.</param>
    public DocumentError(string path, string message, long? line = null, long? bytePositionInLine = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Path = path;
        Message = message;
        Line = line;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Gets the JSON path, such as <c>$.sessions[3].number</c>.</summary>
    public string Path { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Message { get; }

    /// <summary>Gets the 1-based line, when known.</summary>
    public long? Line { get; }

    /// <summary>Gets the 0-based byte position in the line, when known.</summary>
    public long? BytePositionInLine { get; }

    /// <summary>Formats the error as <c>$.sessions[3].number (line 12, position 18): message</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => Line is { } line
        ? string.Create(CultureInfo.InvariantCulture, $"{Path} (line {line}, position {BytePositionInLine ?? 0}): {Message}")
        : $"{Path}: {Message}";
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

    /// <summary>Gets every error found (empty on success).</summary>
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
    public override string ToString() => Success ? "Success" : $"{Errors.Count} errors";
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
