using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ipt.Protocol.Serialization.Converters;
using NodaTime;
using NodaTime.Text;

namespace Ipt.Protocol.Serialization.Shapes;

/// <summary>
/// How one kind of value is read from and written to JSON, and described in the JSON Schema. A
/// codec reads the value at the reader's current token and leaves the reader on the value's last
/// token; on a problem it records an error (never throws for bad input) and returns <see langword="false"/>.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class Codec<T>
{
    /// <summary>Gets what the value is, for messages: "a whole number".</summary>
    public abstract string Expected { get; }

    public abstract bool Read(ref Utf8JsonReader reader, ReadContext context, out T value);

    public abstract void Write(Utf8JsonWriter writer, T value);

    /// <summary>Returns whether the value is left out when written (an empty list, a false flag).</summary>
    public virtual bool IsEmpty(T value) => false;

    /// <summary>Describes the value in the JSON Schema (without a description); nullable adds <c>null</c> to the type.</summary>
    public abstract JsonObject Schema(bool nullable);

    /// <summary>The type of the value in the docs' member table ("integer", "array of objects").</summary>
    protected static JsonNode Types(string type, bool nullable) => nullable ? new JsonArray(type, "null") : JsonValue.Create(type);
}

/// <summary>The codecs of the library's value types.</summary>
internal static class Codecs
{
    /// <summary>Options passed to the library's value converters, which use none.</summary>
    internal static readonly JsonSerializerOptions NoOptions = new();

    public static readonly Codec<int> Int = new IntCodec();
    public static readonly Codec<bool> Bool = new BoolCodec();
    public static readonly Codec<double> Number = new DoubleCodec();
    public static readonly Codec<decimal> Decimal = new DecimalCodec();
    public static readonly Codec<string> Text = new TextCodec(limited: true);
    public static readonly Codec<string> PlainText = new TextCodec(limited: false);
    public static readonly Codec<LocalDate> Date = new DateCodec();
    public static readonly Codec<Duration> Duration = new DurationCodec();
    public static readonly Codec<Period> Period = new PeriodCodec();

    public static Codec<T?> Nullable<T>(Codec<T> codec)
        where T : struct => new NullableCodec<T>(codec);

    public static Codec<T> Enum<T>()
        where T : struct, Enum => EnumCodec<T>.Instance;

    public static Codec<ValueList<T>> List<T>(Codec<T> item, Func<IptJsonLimits, int>? limit = null, string? what = null, string? limitName = null, string? duplicate = null) =>
        new ListCodec<T>(item, limit, what, limitName, duplicate);

    public static Codec<TId> Id<TId>(TryParse<TId> parse, Func<TId, string> text, string what, string rule, IEnumerable<TId>? known = null, string? message = null)
        where TId : struct => new IdCodec<TId>(parse, text, what, rule, known, message);

    /// <summary>Gets the raw UTF-8 bytes of a string token when they are its value as is (one segment, no escapes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetPlainBytes(ref Utf8JsonReader reader, out ReadOnlySpan<byte> utf8)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            utf8 = reader.ValueSpan;
            return true;
        }

        utf8 = default;
        return false;
    }

    /// <summary>Reads a string token as text after checking it is valid Unicode; false (error recorded) otherwise.</summary>
    public static bool TryGetText(ref Utf8JsonReader reader, ReadContext context, out string text)
    {
        if (!context.CheckText(ref reader))
        {
            text = string.Empty;
            return false;
        }

        text = reader.GetString()!;
        return true;
    }
}

internal delegate bool TryParse<TId>(string? text, out TId id);

internal sealed class IntCodec : Codec<int>
{
    public override string Expected => "a whole number";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out int value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return context.TypeError(ref reader, Expected);
        }

        if (reader.TryGetInt32(out value))
        {
            return true;
        }

        context.Error(DocumentErrorCodes.Type, "Expected a whole number; found a number with a fraction, an exponent or more than 32 bits.");
        return false;
    }

    public override void Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    public override JsonObject Schema(bool nullable) => new() { ["type"] = Types("integer", nullable) };
}

internal sealed class DoubleCodec : Codec<double>
{
    public override string Expected => "a number";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out double value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return context.TypeError(ref reader, Expected);
        }

        if (reader.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        context.Error(DocumentErrorCodes.Value, "The number is too large.");
        return false;
    }

    public override void Write(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    public override JsonObject Schema(bool nullable) => new() { ["type"] = Types("number", nullable) };
}

/// <summary>A decimal number (a mean score): written as given, never in exponent form.</summary>
internal sealed class DecimalCodec : Codec<decimal>
{
    public override string Expected => "a number";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out decimal value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return context.TypeError(ref reader, Expected);
        }

        if (reader.TryGetDecimal(out value))
        {
            return true;
        }

        context.Error(DocumentErrorCodes.Value, "The number is too large.");
        return false;
    }

    public override void Write(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    public override JsonObject Schema(bool nullable) => new() { ["type"] = Types("number", nullable) };
}

internal sealed class BoolCodec : Codec<bool>
{
    public override string Expected => "true or false";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False || context.TypeError(ref reader, Expected);
    }

    public override void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public override bool IsEmpty(bool value) => !value;

    public override JsonObject Schema(bool nullable) => new() { ["type"] = Types("boolean", nullable) };
}

/// <summary>Free text or a label (patient data): within <see cref="IptJsonLimits.MaxStringLength"/> when limited; never repeated in a message.</summary>
internal sealed class TextCodec(bool limited) : Codec<string>
{
    public override string Expected => "a string";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out string value)
    {
        value = string.Empty;
        if (reader.TokenType != JsonTokenType.String)
        {
            return context.TypeError(ref reader, Expected);
        }

        var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (!Codecs.TryGetText(ref reader, context, out value))
        {
            return false;
        }

        // A UTF-8 text has at least as many bytes as UTF-16 characters: only long ones need counting.
        var max = context.Limits.MaxStringLength;
        if (limited && bytes > max && value.Length > max)
        {
            context.Error(
                DocumentErrorCodes.Limit,
                string.Create(CultureInfo.InvariantCulture, $"{context.Name} is {value.Length} characters long; the limit is {max} characters (IptJsonLimits.MaxStringLength)."));
            return false;
        }

        return true;
    }

    public override void Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    public override JsonObject Schema(bool nullable) => limited
        ? new() { ["type"] = Types("string", nullable), ["minLength"] = 1, ["maxLength"] = IptJsonLimits.DefaultMaxStringLength }
        : new() { ["type"] = Types("string", nullable) };
}

/// <summary>An id as its text. Ids the library knows (built-in techniques, instruments, protocols) are looked up by their UTF-8 bytes, so reading them allocates nothing and every course shares one string.</summary>
internal sealed class IdCodec<TId> : Codec<TId>
    where TId : struct
{
    private readonly TryParse<TId> parse;
    private readonly Func<TId, string> text;
    private readonly string what;
    private readonly string rule;
    private readonly System.Collections.Frozen.FrozenDictionary<string, TId>.AlternateLookup<ReadOnlySpan<char>> known;
    private readonly bool hasKnown;
    private readonly string message;

    public IdCodec(TryParse<TId> parse, Func<TId, string> text, string what, string rule, IEnumerable<TId>? known, string? message)
    {
        this.message = message ?? $"Expected {what}: {rule}.";
        this.parse = parse;
        this.text = text;
        this.what = what;
        this.rule = rule;
        if (known is not null)
        {
            var table = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(known.DistinctBy(text), text, StringComparer.Ordinal);
            this.known = table.GetAlternateLookup<ReadOnlySpan<char>>();
            hasKnown = table.Count > 0;
        }
    }

    public override string Expected => "a string";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out TId value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return context.TypeError(ref reader, $"{what} (a string)");
        }

        if (hasKnown && Codecs.TryGetPlainBytes(ref reader, out var utf8) && utf8.Length <= IdSyntax.MaxLength && System.Text.Ascii.IsValid(utf8))
        {
            Span<char> chars = stackalloc char[IdSyntax.MaxLength];
            var length = System.Text.Encoding.ASCII.GetChars(utf8, chars);
            if (known.TryGetValue(chars[..length], out value))
            {
                return true;
            }
        }

        if (!Codecs.TryGetText(ref reader, context, out var s))
        {
            return false;
        }

        if (parse(s, out value))
        {
            return true;
        }

        context.Error(DocumentErrorCodes.Value, message);
        return false;
    }

    public override void Write(Utf8JsonWriter writer, TId value) => writer.WriteStringValue(text(value));

    public override JsonObject Schema(bool nullable) => new() { ["type"] = Types("string", nullable) };
}

internal sealed class DateCodec : Codec<LocalDate>
{
    public override string Expected => "a date string (YYYY-MM-DD)";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out LocalDate value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return context.TypeError(ref reader, Expected);
        }

        if (Codecs.TryGetPlainBytes(ref reader, out var utf8) && IsoText.TryParseDate(utf8, out value))
        {
            return true;
        }

        if (!Codecs.TryGetText(ref reader, context, out var text))
        {
            return false;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (result.Success)
        {
            value = result.Value;
            return true;
        }

        context.Error(DocumentErrorCodes.Value, "Expected a valid date in the form YYYY-MM-DD.");
        return false;
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value) => LocalDateJsonConverter.Instance.Write(writer, value, Codecs.NoOptions);

    public override JsonObject Schema(bool nullable) => new() { ["type"] = Types("string", nullable), ["format"] = "date" };
}

internal sealed class DurationCodec : Codec<Duration>
{
    public override string Expected => "an ISO-8601 duration string such as PT50M";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out Duration value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return context.TypeError(ref reader, Expected);
        }

        if (Codecs.TryGetPlainBytes(ref reader, out var utf8) && IsoText.TryParseTimeDuration(utf8, out value))
        {
            return true;
        }

        if (!Codecs.TryGetText(ref reader, context, out var text))
        {
            return false;
        }

        if (DurationJsonConverter.TryParse(text, out value, out var problem))
        {
            return true;
        }

        context.Error(DocumentErrorCodes.Value, problem);
        return false;
    }

    public override void Write(Utf8JsonWriter writer, Duration value) => DurationJsonConverter.Instance.Write(writer, value, Codecs.NoOptions);

    public override JsonObject Schema(bool nullable) => new()
    {
        ["type"] = Types("string", nullable),
        ["pattern"] = @"^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$",
    };
}

internal sealed class PeriodCodec : Codec<Period>
{
    public override string Expected => "an ISO-8601 period string such as P1W";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out Period value)
    {
        value = NodaTime.Period.Zero;
        if (reader.TokenType != JsonTokenType.String)
        {
            return context.TypeError(ref reader, Expected);
        }

        if (!Codecs.TryGetText(ref reader, context, out var text))
        {
            return false;
        }

        var result = PeriodPattern.Roundtrip.Parse(text);
        if (result.Success)
        {
            value = result.Value;
            return true;
        }

        context.Error(DocumentErrorCodes.Value, "Expected an ISO-8601 period such as P1W.");
        return false;
    }

    public override void Write(Utf8JsonWriter writer, Period value) => writer.WriteStringValue(PeriodPattern.Roundtrip.Format(value));

    public override JsonObject Schema(bool nullable) => new()
    {
        ["type"] = Types("string", nullable),
        ["pattern"] = @"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$",
    };
}

internal sealed class NullableCodec<T>(Codec<T> inner) : Codec<T?>
    where T : struct
{
    public override string Expected => inner.Expected;

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out T? value)
    {
        var ok = inner.Read(ref reader, context, out var v);
        value = ok ? v : null;
        return ok;
    }

    public override void Write(Utf8JsonWriter writer, T? value) => inner.Write(writer, value!.Value);

    public override bool IsEmpty(T? value) => value is null;

    public override JsonObject Schema(bool nullable) => inner.Schema(nullable);
}

/// <summary>An enum as the camelCase name of its member (<c>roleDispute</c>); numbers, other spellings and undefined values are refused.</summary>
internal sealed class EnumCodec<T> : Codec<T>
    where T : struct, Enum
{
    public static readonly EnumCodec<T> Instance = new();

    private static readonly T[] Values = System.Enum.GetValues<T>();
    private static readonly string[] Names = [.. System.Enum.GetNames<T>().Select(n => JsonNamingPolicy.CamelCase.ConvertName(n))];
    private static readonly JsonEncodedText[] Encoded = [.. Names.Select(n => JsonEncodedText.Encode(n))];
    private static readonly byte[][] Utf8Names = [.. Encoded.Select(e => e.EncodedUtf8Bytes.ToArray())];
    private static readonly string List = string.Join(", ", Names);
    private static readonly System.Collections.Frozen.FrozenDictionary<int, int[]> ByLengthAndFirst = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
        Enumerable.Range(0, Utf8Names.Length).GroupBy(i => Key(Utf8Names[i])),
        static g => g.Key,
        static g => g.ToArray());

    private static int Key(ReadOnlySpan<byte> name) => (name.Length << 8) | name[0];

    public override string Expected => $"one of the strings {List}";

    public static string NameOf(T value)
    {
        var index = Array.IndexOf(Values, value);
        return index >= 0 ? Names[index] : JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
    }

    public static bool TryParse(string? name, out T value)
    {
        var index = Array.IndexOf(Names, name);
        value = index >= 0 ? Values[index] : default;
        return index >= 0;
    }

    public static string NameList => List;

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out T value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return context.TypeError(ref reader, Expected);
        }

        if (Codecs.TryGetPlainBytes(ref reader, out var utf8))
        {
            // The usual case: compare bytes, without transcoding, and only with the names of the same length and first letter.
            if (!utf8.IsEmpty && ByLengthAndFirst.TryGetValue(Key(utf8), out var candidates))
            {
                foreach (var i in candidates)
                {
                    if (utf8.SequenceEqual(Utf8Names[i]))
                    {
                        value = Values[i];
                        return true;
                    }
                }
            }
        }
        else
        {
            for (var i = 0; i < Names.Length; i++)
            {
                if (reader.ValueTextEquals(Utf8Names[i]))
                {
                    value = Values[i];
                    return true;
                }
            }
        }

        context.Error(DocumentErrorCodes.Value, $"Unknown value; expected one of {List}.");
        return false;
    }

    public override void Write(Utf8JsonWriter writer, T value)
    {
        var index = Array.IndexOf(Values, value);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"{typeof(T).Name} value {value} is not defined.");
        }

        writer.WriteStringValue(Encoded[index]);
    }

    public override JsonObject Schema(bool nullable)
    {
        var names = new JsonArray();
        foreach (var name in Names)
        {
            names.Add((JsonNode)JsonValue.Create(name));
        }

        if (nullable)
        {
            names.Add((JsonNode?)null);
        }

        return new JsonObject { ["type"] = Types("string", nullable), ["enum"] = names };
    }
}

/// <summary>A list; items are never null. A limit (from <see cref="IptJsonLimits"/>) bounds its length.</summary>
internal sealed class ListCodec<T>(Codec<T> item, Func<IptJsonLimits, int>? limit, string? what, string? limitName, string? duplicate) : Codec<ValueList<T>>
{
    public Codec<T> Item => item;

    public override string Expected => "an array";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out ValueList<T> value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return context.TypeError(ref reader, Expected);
        }

        context.Enter(ref reader);
        var at = context.At;
        var name = context.Name;
        var max = limit?.Invoke(context.Limits) ?? int.MaxValue;
        var buffer = ArrayPool<T>.Shared.Rent(16);
        var count = 0;
        var ok = true;
        context.PushIndex(0);
        while (true)
        {
            // The index is set before the token is read, so a document that breaks or ends after a ',' names the item that should follow.
            context.SetIndex(count);
            ReadContext.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (count >= max)
            {
                // Over the limit: count the rest without building them, then report once at the list.
                context.Skip(ref reader);
                count++;
                continue;
            }

            context.At = reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.Null)
            {
                context.Error(DocumentErrorCodes.Type, $"Expected {item.Expected}; found null.");
                ok = false;
            }
            else
            {
                var read = item.Read(ref reader, context, out var one);
                if (read && ok && duplicate is not null && Contains(buffer.AsSpan(0, count), one))
                {
                    // A list whose items are a set (catalogue variants, strategy areas): the repeat is the error.
                    context.Error(DocumentErrorCodes.Value, duplicate);
                    ok = false;
                }
                else if (read && ok)
                {
                    if (count == buffer.Length)
                    {
                        var larger = ArrayPool<T>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(larger);
                        ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                        buffer = larger;
                    }

                    buffer[count] = one;
                }
                else if (!read)
                {
                    ok = false;
                }
            }

            count++;
        }

        context.Pop();
        context.Name = name;
        if (count > max)
        {
            context.Error(
                DocumentErrorCodes.Limit,
                string.Create(CultureInfo.InvariantCulture, $"There are {count} {what}; the limit is {max} (IptJsonLimits.{limitName})."),
                at);
            ok = false;
        }

        if (ok && count > 0)
        {
            value = ValueList.Create<T>(buffer.AsSpan(0, count));
        }

        ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        return ok;
    }

    private static bool Contains(ReadOnlySpan<T> items, T item)
    {
        foreach (var one in items)
        {
            if (EqualityComparer<T>.Default.Equals(one, item))
            {
                return true;
            }
        }

        return false;
    }

    public override void Write(Utf8JsonWriter writer, ValueList<T> value)
    {
        writer.WriteStartArray();
        foreach (var one in value.AsSpan())
        {
            item.Write(writer, one);
        }

        writer.WriteEndArray();
    }

    public override bool IsEmpty(ValueList<T> value) => value.IsEmpty;

    public override JsonObject Schema(bool nullable) => new() { ["type"] = "array", ["items"] = item.Schema(nullable: false) };
}
