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
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
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
internal sealed class DurationJsonConverter : JsonConverter<Duration>
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
        return TryParse(text, out duration, out var problem) ? duration : throw new IptJsonException(problem);
    }

    /// <summary>Parses an ISO-8601 duration of days and time units (no years, months or weeks); never throws, even for durations too long for NodaTime.</summary>
    internal static bool TryParse(string text, out Duration duration, out string problem)
    {
        duration = default;
        var result = PeriodPattern.NormalizingIso.Parse(text);
        if (!result.Success)
        {
            problem = "Expected an ISO-8601 duration such as PT50M.";
            return false;
        }

        var period = result.Value;
        if (period.Years != 0 || period.Months != 0 || period.Weeks != 0)
        {
            problem = "Expected an ISO-8601 duration of days, hours, minutes and seconds (no years, months or weeks), such as PT50M.";
            return false;
        }

        // Period.ToDuration overflows for huge values: add up exactly, and refuse what a Duration cannot hold.
        Int128 nanoseconds = ((Int128)period.Days * 86_400_000_000_000L) + ((Int128)period.Hours * 3_600_000_000_000L) + ((Int128)period.Minutes * 60_000_000_000L)
            + ((Int128)period.Seconds * 1_000_000_000L) + ((Int128)period.Milliseconds * 1_000_000L) + ((Int128)period.Ticks * 100L) + period.Nanoseconds;
        if (nanoseconds < long.MinValue || nanoseconds > long.MaxValue)
        {
            problem = "The duration is too long.";
            return false;
        }

        duration = Duration.FromNanoseconds((long)nanoseconds);
        problem = string.Empty;
        return true;
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
internal sealed class PeriodJsonConverter : JsonConverter<Period>
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

        ReadOnlySpan<byte> raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        if (!System.Text.Unicode.Utf8.IsValid(raw) || (reader.ValueIsEscaped && !Shapes.JsonSyntax.EscapesAreValidUnicode(raw)))
        {
            throw new IptJsonException("The text is not valid Unicode.");
        }

        return reader.GetString()!;
    }
}
