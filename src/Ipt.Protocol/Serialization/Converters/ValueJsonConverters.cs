using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Ipt.Protocol.Serialization.Converters;

/// <summary>
/// Reads and writes a <see cref="LocalDate"/> as an ISO-8601 calendar date string, <c>YYYY-MM-DD</c>
/// (ISO calendar). Bad input raises a <see cref="JsonException"/> whose message never repeats the value.
/// </summary>
/// <remarks>Stateless and thread-safe; share <see cref="Instance"/>.</remarks>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <summary>Gets the shared instance.</summary>
    public static LocalDateJsonConverter Instance { get; } = new();

    /// <inheritdoc/>
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonValueText.TryGetPlainBytes(ref reader, out var utf8) && IsoText.TryParseDate(utf8, out var date))
        {
            return date;
        }

        var text = JsonValueText.ReadString(ref reader, "a date string (YYYY-MM-DD)");
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw new IptJsonException("Expected a valid date in the form YYYY-MM-DD.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> utf8 = stackalloc byte[10];
        if (IsoText.TryFormatDate(value, utf8))
        {
            writer.WriteStringValue(utf8);
            return;
        }

        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}

/// <summary>
/// Reads and writes a <see cref="Duration"/> as an ISO-8601 duration string of days and time units,
/// such as <c>PT50M</c> or <c>PT1H30M</c>. Writing gives the shortest normalized form (a day is 24
/// hours); reading accepts any ISO-8601 duration without years, months or weeks.
/// </summary>
/// <remarks>Stateless and thread-safe; share <see cref="Instance"/>.</remarks>
public sealed class DurationJsonConverter : JsonConverter<Duration>
{
    /// <summary>Gets the shared instance.</summary>
    public static DurationJsonConverter Instance { get; } = new();

    /// <inheritdoc/>
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonValueText.TryGetPlainBytes(ref reader, out var utf8) && IsoText.TryParseTimeDuration(utf8, out var duration))
        {
            return duration;
        }

        var text = JsonValueText.ReadString(ref reader, "an ISO-8601 duration string such as PT50M");
        var result = PeriodPattern.NormalizingIso.Parse(text);
        if (!result.Success)
        {
            throw new IptJsonException("Expected an ISO-8601 duration such as PT50M.");
        }

        var period = result.Value;
        if (period.Years != 0 || period.Months != 0 || period.Weeks != 0)
        {
            throw new IptJsonException("Expected an ISO-8601 duration of days, hours, minutes and seconds (no years, months or weeks), such as PT50M.");
        }

        try
        {
            return period.ToDuration();
        }
        catch (OverflowException)
        {
            throw new IptJsonException("The duration is too long.");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> utf8 = stackalloc byte[16];
        if (IsoText.TryFormatTimeDuration(value, utf8, out var written))
        {
            writer.WriteStringValue(utf8[..written]);
            return;
        }

        writer.WriteStringValue(Format(value));
    }

    /// <summary>Formats a duration in its shortest normalized ISO-8601 form, such as <c>PT50M</c>.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(Duration value)
    {
        var period = Period.FromNanoseconds(value.ToInt64Nanoseconds()).Normalize();
        return PeriodPattern.NormalizingIso.Format(period);
    }
}

/// <summary>
/// Reads and writes a <see cref="Period"/> as an ISO-8601 period string such as <c>P1W</c> or
/// <c>P2W</c>, keeping the units as given (<c>P1W</c> and <c>P7D</c> are different periods).
/// </summary>
/// <remarks>Stateless and thread-safe; share <see cref="Instance"/>.</remarks>
public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    /// <summary>Gets the shared instance.</summary>
    public static PeriodJsonConverter Instance { get; } = new();

    /// <inheritdoc/>
    public override bool HandleNull => false;

    /// <inheritdoc/>
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonValueText.ReadString(ref reader, "an ISO-8601 period string such as P1W");
        var result = PeriodPattern.Roundtrip.Parse(text);
        return result.Success
            ? result.Value
            : throw new IptJsonException("Expected an ISO-8601 period such as P1W.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(PeriodPattern.Roundtrip.Format(value));
    }
}

/// <summary>
/// Reads and writes an enum as the camelCase name of its member (<c>roleDispute</c>). Numbers,
/// other spellings and undefined values are rejected.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class CamelCaseEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Names = [.. Enum.GetNames<T>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n))];
    private static readonly JsonEncodedText[] Encoded = [.. Names.Select(n => JsonEncodedText.Encode(n))];
    private static readonly string Expected = string.Join(", ", Names);
    private static readonly byte[][] Utf8Names = [.. Encoded.Select(e => e.EncodedUtf8Bytes.ToArray())];

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new IptJsonException(reader.TokenType == JsonTokenType.Null
                ? $"null is not allowed here; expected one of {Expected}."
                : $"Expected one of the strings {Expected}.");
        }

        if (JsonValueText.TryGetPlainBytes(ref reader, out var utf8))
        {
            // The usual case: compare bytes, without transcoding a name per comparison.
            for (var i = 0; i < Utf8Names.Length; i++)
            {
                if (utf8.SequenceEqual(Utf8Names[i]))
                {
                    return Values[i];
                }
            }

            throw new IptJsonException($"Unknown value; expected one of {Expected}.");
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (reader.ValueTextEquals(Names[i]))
            {
                return Values[i];
            }
        }

        throw new IptJsonException($"Unknown value; expected one of {Expected}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var index = Array.IndexOf(Values, value);
        if (index < 0)
        {
            throw new JsonException($"{typeof(T).Name} value {value} is not defined.");
        }

        writer.WriteStringValue(Encoded[index]);
    }
}

/// <summary>A <see cref="JsonException"/> raised by this library's converters: its message is plain and safe to show.</summary>
internal sealed class IptJsonException : JsonException
{
    public IptJsonException(string message)
        : base(message)
    {
    }

    public IptJsonException()
    {
    }

    public IptJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

internal static class JsonValueText
{
    /// <summary>Gets the raw UTF-8 bytes of a string token when they are its value as is (one segment, no escapes).</summary>
    internal static bool TryGetPlainBytes(ref Utf8JsonReader reader, out ReadOnlySpan<byte> utf8)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            utf8 = reader.ValueSpan;
            return true;
        }

        utf8 = default;
        return false;
    }

    internal static string ReadString(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new IptJsonException(reader.TokenType == JsonTokenType.Null ? $"null is not allowed here; expected {expected}." : $"Expected {expected}.");
        }

        return reader.GetString()!;
    }
}
