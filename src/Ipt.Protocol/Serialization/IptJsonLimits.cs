using System.Globalization;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Limits applied when reading documents: the largest document, the deepest nesting, the most
/// sessions, people and measurements, and the longest free text. Hosts that accept documents from
/// outside set them to what they expect (see docs/security.md). A document over a limit is refused
/// with a <see cref="DocumentError"/> (code <c>limit</c>) at the offending path that names the limit.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record IptJsonLimits
{
    /// <summary>The default largest document, in bytes: 4 MiB.</summary>
    public const int DefaultMaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>The default deepest nesting of arrays and objects: 32 (a course document needs 6).</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The default most sessions in a course: 1,000 (the longest built-in protocol plans 60).</summary>
    public const int DefaultMaxSessions = 1_000;

    /// <summary>The default most people in the interpersonal inventory: 500.</summary>
    public const int DefaultMaxPersons = 500;

    /// <summary>The default most measurements recorded in one session: 50.</summary>
    public const int DefaultMaxMeasuresPerSession = 50;

    /// <summary>The default longest free text or person label, in UTF-16 characters: 10,000 (the model's own limit).</summary>
    public const int DefaultMaxStringLength = 10_000;

    /// <summary>The default most errors one read reports: 100 (the rest are counted in one last error).</summary>
    public const int DefaultMaxErrors = 100;

    /// <summary>The largest <see cref="MaxDocumentBytes"/> that may be set: 1 GiB (a document is held in memory as one buffer).</summary>
    public const int MaxAllowedDocumentBytes = 1024 * 1024 * 1024;

    /// <summary>Gets the default limits.</summary>
    public static IptJsonLimits Default { get; } = new();

    /// <summary>
    /// Gets the largest document accepted, in bytes of UTF-8 (default 4 MiB, at most 1 GiB). A reader
    /// holds one document in memory; the bulk reader holds up to two chunks of 8 lines per worker, so
    /// its memory can reach about 16 × workers × this size when every line is that long.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to <see cref="MaxAllowedDocumentBytes"/>.</exception>
    public int MaxDocumentBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxAllowedDocumentBytes);
            field = value;
        }
    } = DefaultMaxDocumentBytes;

    /// <summary>Gets the deepest nesting of arrays and objects accepted (default 32, at most 256).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 256.</exception>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 256);
            field = value;
        }
    } = DefaultMaxDepth;

    /// <summary>Gets the most sessions accepted in <c>sessions</c> (default 1,000).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxSessions
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxSessions;

    /// <summary>Gets the most people accepted in <c>inventory.persons</c> (default 500).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxPersons
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxPersons;

    /// <summary>Gets the most measurements accepted in one session's <c>measures</c> (default 50).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxMeasuresPerSession
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxMeasuresPerSession;

    /// <summary>
    /// Gets the longest free text or person label accepted, in UTF-16 characters (default and
    /// largest 10,000, the model's own limit on free text).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 10,000.</exception>
    public int MaxStringLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, DefaultMaxStringLength);
            field = value;
        }
    } = DefaultMaxStringLength;

    /// <summary>
    /// Gets the most errors one read reports (default 100). When a document has more, the result
    /// holds the first ones in document order and one last <see cref="DocumentErrorCodes.TooManyErrors"/>
    /// error that counts the rest, so a huge broken document cannot flood a log.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxErrors
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxErrors;

    /// <summary>Describes the limits.</summary>
    /// <returns>A string such as <c>IptJsonLimits (4194304 bytes, depth 32, 1000 sessions, 500 persons, 50 measures per session, 10000 characters, 100 errors)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"IptJsonLimits ({MaxDocumentBytes} bytes, depth {MaxDepth}, {MaxSessions} sessions, {MaxPersons} persons, {MaxMeasuresPerSession} measures per session, {MaxStringLength} characters, {MaxErrors} errors)");
}
