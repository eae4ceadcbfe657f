using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipt.Protocol.Tests.Robustness;

/// <summary>The kinds of damage the fuzzer does to a valid document.</summary>
internal enum MutationKind
{
    BitFlip,
    ByteReplace,
    Truncate,
    DeleteRange,
    DuplicateRange,
    InvalidUtf8,
    Bom,
    DeepNestingBytes,
    DeleteMember,
    DuplicateMember,
    WrongType,
    HugeNumber,
    DeepNesting,
    LongString,
    OddString,
    UnknownMember,
    Several,
}

/// <summary>
/// A seeded mutator of JSON documents: byte-level damage (bit flips, replaced bytes, truncation,
/// deleted and duplicated ranges, invalid UTF-8, byte order marks, runaway brackets) and structural
/// damage (deleted, duplicated and unknown members, values of the wrong type, huge numbers, deep
/// nesting, very long and odd strings). The same (seed, source, case) always gives the same bytes.
/// Every result is bounded: at most the source plus about 1.1 MB.
/// </summary>
internal static class DocumentMutator
{
    private static readonly MutationKind[] Kinds = Enum.GetValues<MutationKind>();

    private static readonly byte[] Interesting = "\"{}[],:\\0-e.nt\u0000 "u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0xE2, 0x80, 0xEF, 0x7F, 0x0A }).ToArray();

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xEF, 0xBF, 0xBE],
    ];

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "99999999999999999999999999999999", "2147483648", "-2147483649", "-1", "0", "1.5", "1e2", "-0", "4294967296", "1E+9", "0.0000001",
        "9223372036854775808", "2147483647",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "INITIAL", "initial ", "Initial", "-1", "1", "null", "true", "p 1", "P1", "p1", "ipt", "ipt-b", "phq-9", "2026-02-30", "0000-01-01", "+10000-01-01", "2026-1-5",
        "PT0S", "PT25H", "P0D", "P1Y", "PT50M", "P1W", "\u0000", "\uFFFD", "\U0001F600", "a\\b", "\"", "\u202E", "roleDispute", "grief", "middle", "held", "x".PadRight(65, 'x'),
    ];

    private static readonly JsonWriterOptions WriterOptions = new() { MaxDepth = 4096, SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Mutates one document.</summary>
    /// <param name="source">The valid document.</param>
    /// <param name="parsed">The same document parsed (for structural mutations).</param>
    /// <param name="random">The case's random source.</param>
    /// <param name="kind">The kind of mutation done.</param>
    /// <returns>The damaged bytes.</returns>
    public static byte[] Mutate(byte[] source, JsonNode parsed, Random random, out MutationKind kind)
    {
        kind = Kinds[random.Next(Kinds.Length)];
        if (kind == MutationKind.Several)
        {
            var bytes = source;
            for (var i = random.Next(2, 5); i > 0; i--)
            {
                var next = Kinds[random.Next(Kinds.Length - 1)];
                bytes = next >= MutationKind.DeleteMember && bytes == source
                    ? Structural(parsed, random, next)
                    : Bytes(bytes, random, next < MutationKind.DeleteMember ? next : MutationKind.ByteReplace);
            }

            return bytes;
        }

        return kind >= MutationKind.DeleteMember ? Structural(parsed, random, kind) : Bytes(source, random, kind);
    }

    private static byte[] Bytes(byte[] source, Random r, MutationKind kind)
    {
        var b = new List<byte>(source);
        var at = b.Count == 0 ? 0 : r.Next(b.Count);
        switch (kind)
        {
            case MutationKind.BitFlip:
                for (var i = r.Next(1, 5); i > 0 && b.Count > 0; i--)
                {
                    var p = r.Next(b.Count);
                    b[p] ^= (byte)(1 << r.Next(8));
                }

                break;
            case MutationKind.ByteReplace:
                for (var i = r.Next(1, 4); i > 0 && b.Count > 0; i--)
                {
                    b[r.Next(b.Count)] = Interesting[r.Next(Interesting.Length)];
                }

                break;
            case MutationKind.Truncate:
                b.RemoveRange(at, b.Count - at);
                break;
            case MutationKind.DeleteRange:
                b.RemoveRange(at, Math.Min(b.Count - at, r.Next(1, 200)));
                break;
            case MutationKind.DuplicateRange:
                var length = Math.Min(b.Count - at, r.Next(1, 400));
                var slice = b.GetRange(at, length);
                b.InsertRange(r.Next(b.Count + 1), slice);
                break;
            case MutationKind.InvalidUtf8:
                var bad = BadUtf8[r.Next(BadUtf8.Length)];
                var quote = FindInString(source, r);
                b.InsertRange(quote ?? at, bad);
                break;
            case MutationKind.Bom:
                byte[][] boms = [[0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB]];
                var bom = boms[r.Next(boms.Length)];
                b.InsertRange(r.Next(4) == 0 ? at : 0, bom);
                break;
            case MutationKind.DeepNestingBytes:
                var depth = r.Next(4) == 0 ? r.Next(1_000, 100_000) : r.Next(20, 300);
                b.InsertRange(at, Enumerable.Repeat(r.Next(2) == 0 ? (byte)'[' : (byte)'{', depth));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }

        return [.. b];
    }

    /// <summary>A position just inside a string value, so invalid UTF-8 lands in text rather than between tokens.</summary>
    private static int? FindInString(byte[] source, Random r)
    {
        for (var tries = 0; tries < 20; tries++)
        {
            var p = r.Next(source.Length);
            if (source[p] == (byte)'"' && p + 1 < source.Length)
            {
                return p + 1;
            }
        }

        return null;
    }

    private static byte[] Structural(JsonNode parsed, Random r, MutationKind kind)
    {
        var count = Count(parsed);
        var target = r.Next(1, Math.Max(2, count));
        var counter = 0;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, parsed, name: null, target, ref counter, kind, r);
        }

        return stream.ToArray();
    }

    private static int Count(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Sum(p => Count(p.Value)),
        JsonArray a => 1 + a.Sum(Count),
        _ => 1,
    };

    private static void Write(Utf8JsonWriter w, JsonNode? node, string? name, int target, ref int counter, MutationKind kind, Random r)
    {
        var mine = counter++;
        if (mine == target)
        {
            switch (kind)
            {
                case MutationKind.DeleteMember:
                    SkipCount(node, ref counter);
                    return;
                case MutationKind.DuplicateMember:
                    var copy = counter;
                    WritePlain(w, node, name);
                    counter = copy;
                    WritePlain(w, node, name);
                    SkipCount(node, ref counter);
                    return;
                case MutationKind.UnknownMember:
                    WritePlain(w, node, name);
                    SkipCount(node, ref counter);
                    if (name is not null)
                    {
                        w.WritePropertyName(r.Next(2) == 0 ? "zzUnknown" : name + "s");
                        w.WriteStringValue("value");
                    }

                    return;
                default:
                    if (name is not null)
                    {
                        w.WritePropertyName(name);
                    }

                    WriteReplacement(w, node, kind, r);
                    SkipCount(node, ref counter);
                    return;
            }
        }

        if (name is not null)
        {
            w.WritePropertyName(name);
        }

        switch (node)
        {
            case JsonObject o:
                w.WriteStartObject();
                foreach (var (key, value) in o)
                {
                    Write(w, value, key, target, ref counter, kind, r);
                }

                w.WriteEndObject();
                break;
            case JsonArray a:
                w.WriteStartArray();
                foreach (var item in a)
                {
                    Write(w, item, null, target, ref counter, kind, r);
                }

                w.WriteEndArray();
                break;
            case null:
                w.WriteNullValue();
                break;
            default:
                node.WriteTo(w);
                break;
        }
    }

    private static void SkipCount(JsonNode? node, ref int counter) => counter += Count(node) - 1;

    private static void WritePlain(Utf8JsonWriter w, JsonNode? node, string? name)
    {
        if (name is not null)
        {
            w.WritePropertyName(name);
        }

        if (node is null)
        {
            w.WriteNullValue();
        }
        else
        {
            node.WriteTo(w);
        }
    }

    private static void WriteReplacement(Utf8JsonWriter w, JsonNode? node, MutationKind kind, Random r)
    {
        switch (kind)
        {
            case MutationKind.WrongType:
                switch (r.Next(7))
                {
                    case 0: w.WriteNullValue(); break;
                    case 1: w.WriteBooleanValue(r.Next(2) == 0); break;
                    case 2: w.WriteNumberValue(r.Next(-5, 100)); break;
                    case 3: w.WriteStringValue(node?.ToJsonString() ?? "null"); break;
                    case 4: w.WriteStartArray(); WritePlain(w, node, null); w.WriteEndArray(); break;
                    case 5: w.WriteStartObject(); w.WritePropertyName("value"); WritePlain(w, node, null); w.WriteEndObject(); break;
                    default: w.WriteStartObject(); w.WriteEndObject(); break;
                }

                break;
            case MutationKind.HugeNumber:
                w.WriteRawValue(HugeNumbers[r.Next(HugeNumbers.Length)], skipInputValidation: true);
                break;
            case MutationKind.DeepNesting:
                var depth = r.Next(2) == 0 ? r.Next(1, 40) : r.Next(40, 600);
                for (var i = 0; i < depth; i++)
                {
                    w.WriteStartArray();
                }

                WritePlain(w, node, null);
                for (var i = 0; i < depth; i++)
                {
                    w.WriteEndArray();
                }

                break;
            case MutationKind.LongString:
                int[] lengths = [9_999, 10_000, 10_001, 65_536, 200_000];
                var length = r.Next(60) == 0 ? 1_100_000 : lengths[r.Next(lengths.Length)];
                var sb = new StringBuilder(length);
                var unit = r.Next(3) switch { 0 => "x", 1 => "\U0001F600", _ => "\u00E9\"\\" };
                while (sb.Length < length)
                {
                    sb.Append(unit);
                }

                w.WriteStringValue(sb.ToString(0, length - (char.IsHighSurrogate(sb[length - 1]) ? 1 : 0)));
                break;
            case MutationKind.OddString:
                w.WriteStringValue(OddStrings[r.Next(OddStrings.Length)]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
