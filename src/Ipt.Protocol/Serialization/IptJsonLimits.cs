using System.Globalization;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Limits applied when reading documents: the largest document accepted and the deepest nesting.
/// Hosts that accept documents from outside set them to what they expect (see docs/json-format.md).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record IptJsonLimits
{
    /// <summary>The default largest document, in bytes: 4 MiB.</summary>
    public const int DefaultMaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>The default deepest nesting of arrays and objects: 32 (a course document needs 6).</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>Gets the default limits.</summary>
    public static IptJsonLimits Default { get; } = new();

    /// <summary>Gets the largest document accepted, in bytes of UTF-8 (default 4 MiB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDocumentBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
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

    /// <summary>Describes the limits.</summary>
    /// <returns>A string such as <c>IptJsonLimits (4194304 bytes, depth 32)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"IptJsonLimits ({MaxDocumentBytes} bytes, depth {MaxDepth})");
}
