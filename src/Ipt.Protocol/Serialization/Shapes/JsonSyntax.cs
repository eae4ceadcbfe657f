using System.Text;

namespace Ipt.Protocol.Serialization.Shapes;

/// <summary>
/// Finds what is wrong with text that System.Text.Json's tokenizer refused, by lexing it again
/// with a small JSON grammar of its own: whether the text ends early (and what it expected), or
/// where the first syntax error is and what was expected there. Messages keep the JSON punctuation
/// and never repeat string contents or bare words. Also checks escapes for lone surrogates.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>A syntax problem: its code, its offset, and either the whole message or, when truncated, what was expected.</summary>
    internal readonly record struct Problem(string Code, long Offset, string Message);

    private enum Expect
    {
        RootValue,
        Value,
        ValueOrEnd,
        Name,
        NameOrEnd,
        Colon,
        CommaOrEnd,
        End,
    }

    /// <summary>Returns the first problem of the text, or <see langword="null"/> when it is well-formed JSON.</summary>
    /// <param name="json">The text.</param>
    /// <param name="allowComments">Whether <c>//</c> and <c>/* */</c> comments are allowed.</param>
    /// <param name="maxDepth">The deepest nesting allowed.</param>
    /// <param name="duplicates">Whether a member name repeated in one object, or a string that is not valid Unicode, is a problem (the strict check before a migration parses the text).</param>
    public static Problem? Find(ReadOnlySpan<byte> json, bool allowComments, int maxDepth, bool duplicates)
    {
        var inArray = new List<bool>();
        var names = duplicates ? new List<HashSet<string>>() : null;
        var expect = Expect.RootValue;
        var afterComma = false;
        var i = 0;
        while (true)
        {
            // Whitespace and comments.
            while (i < json.Length)
            {
                var c = json[i];
                if (c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
                {
                    i++;
                }
                else if (c == '/' && allowComments && i + 1 < json.Length && json[i + 1] == '/')
                {
                    var end = json[i..].IndexOf((byte)'\n');
                    i = end < 0 ? json.Length : i + end;
                }
                else if (c == '/' && allowComments && i + 1 < json.Length && json[i + 1] == '*')
                {
                    var end = json[(i + 2)..].IndexOf("*/"u8);
                    if (end < 0)
                    {
                        return Truncated(i, "the end of the comment ('*/')");
                    }

                    i += end + 4;
                }
                else
                {
                    break;
                }
            }

            if (i >= json.Length)
            {
                return expect switch
                {
                    Expect.End => null,
                    Expect.RootValue => new Problem(DocumentErrorCodes.Truncated, i, "The document is empty."),
                    Expect.Value => Truncated(i, "a value"),
                    Expect.ValueOrEnd => Truncated(i, "a value or ']'"),
                    Expect.Name => Truncated(i, "a member name"),
                    Expect.NameOrEnd => Truncated(i, "a member name or '}'"),
                    Expect.Colon => Truncated(i, "':' after the member name"),
                    _ => Truncated(i, inArray[^1] ? "',' or ']'" : "',' or '}'"),
                };
            }

            var b = json[i];
            switch (expect)
            {
                case Expect.Name or Expect.NameOrEnd when b == '}' && expect == Expect.NameOrEnd:
                case Expect.ValueOrEnd when b == ']':
                    Close(inArray, names);
                    i++;
                    expect = inArray.Count == 0 ? Expect.End : Expect.CommaOrEnd;
                    continue;
                case Expect.Name or Expect.NameOrEnd:
                    if (b != '"')
                    {
                        return Syntax(i, afterComma && b == '}'
                            ? "Expected a member name after ','; found '}' (trailing commas are not allowed)."
                            : $"Expected a member name in double quotes; found {Describe(b, allowComments)}.");
                    }

                    var nameStart = i;
                    if (String(json, ref i) is { } nameProblem)
                    {
                        return nameProblem;
                    }

                    if (duplicates && Text(json[(nameStart + 1)..(i - 1)], nameStart) is { } nameText)
                    {
                        return nameText;
                    }

                    if (names is not null && !names[^1].Add(Name(json[(nameStart + 1)..(i - 1)])))
                    {
                        return new Problem(DocumentErrorCodes.DuplicateMember, nameStart, "The member appears more than once; each member may appear once.");
                    }

                    expect = Expect.Colon;
                    continue;
                case Expect.Colon:
                    if (b != ':')
                    {
                        return Syntax(i, $"Expected ':' after the member name; found {Describe(b, allowComments)}.");
                    }

                    i++;
                    expect = Expect.Value;
                    afterComma = false;
                    continue;
                case Expect.CommaOrEnd:
                    if (b == ',')
                    {
                        i++;
                        expect = inArray[^1] ? Expect.Value : Expect.Name;
                        afterComma = true;
                        continue;
                    }

                    if (b == (inArray[^1] ? ']' : '}'))
                    {
                        Close(inArray, names);
                        i++;
                        expect = inArray.Count == 0 ? Expect.End : Expect.CommaOrEnd;
                        continue;
                    }

                    return Syntax(i, inArray[^1]
                        ? $"Expected ',' or ']' after an item; found {Describe(b, allowComments)}."
                        : $"Expected ',' or '}}' after a member; found {Describe(b, allowComments)}.");
                case Expect.End:
                    return Syntax(i, $"Expected the end of the document after its value; found {Describe(b, allowComments)}.");
                default:
                    break;
            }

            // A value.
            if (afterComma && b == ']' && expect == Expect.Value)
            {
                return Syntax(i, "Expected a value after ','; found ']' (trailing commas are not allowed).");
            }

            afterComma = false;
            switch (b)
            {
                case (byte)'{' or (byte)'[':
                    if (inArray.Count >= maxDepth)
                    {
                        return new Problem(DocumentErrorCodes.Limit, i, $"The document is nested deeper than the limit of {maxDepth} levels (IptJsonLimits.MaxDepth).");
                    }

                    inArray.Add(b == '[');
                    names?.Add(new HashSet<string>(StringComparer.Ordinal));

                    i++;
                    expect = b == '[' ? Expect.ValueOrEnd : Expect.NameOrEnd;
                    continue;
                case (byte)'"':
                    var stringStart = i;
                    if (String(json, ref i) is { } stringProblem)
                    {
                        return stringProblem;
                    }

                    if (duplicates && Text(json[(stringStart + 1)..(i - 1)], stringStart) is { } textProblem)
                    {
                        return textProblem;
                    }

                    break;
                case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                    if (Number(json, ref i) is { } numberProblem)
                    {
                        return numberProblem;
                    }

                    break;
                case >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z':
                    var start = i;
                    while (i < json.Length && char.IsAsciiLetter((char)json[i]))
                    {
                        i++;
                    }

                    var word = json[start..i];
                    if (word.SequenceEqual("true"u8) || word.SequenceEqual("false"u8) || word.SequenceEqual("null"u8))
                    {
                        break;
                    }

                    if (i == json.Length && ("true"u8.StartsWith(word) || "false"u8.StartsWith(word) || "null"u8.StartsWith(word)))
                    {
                        return Truncated(start, "the rest of the literal");
                    }

                    return Syntax(start, "Expected a value; found a bare word (the only words JSON allows are true, false and null; text goes in double quotes).");
                default:
                    return Syntax(i, $"Expected a value; found {Describe(b, allowComments)}.");
            }

            expect = inArray.Count == 0 ? Expect.End : Expect.CommaOrEnd;
        }
    }

    /// <summary>Returns whether every <c>\u</c> escape of a raw string leaves valid UTF-16 (no lone surrogate).</summary>
    public static bool EscapesAreValidUnicode(ReadOnlySpan<byte> raw)
    {
        var pendingHigh = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length)
            {
                if (pendingHigh)
                {
                    return false;
                }

                continue;
            }

            if (raw[i + 1] != 'u')
            {
                if (pendingHigh)
                {
                    return false;
                }

                i++;
                continue;
            }

            if (i + 6 > raw.Length || !TryHex(raw.Slice(i + 2, 4), out var unit))
            {
                return false;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (pendingHigh)
                {
                    return false;
                }

                pendingHigh = true;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                if (!pendingHigh)
                {
                    return false;
                }

                pendingHigh = false;
            }
            else if (pendingHigh)
            {
                return false;
            }

            i += 5;
        }

        return !pendingHigh;
    }

    private static Problem? Text(ReadOnlySpan<byte> raw, long offset) =>
        !System.Text.Unicode.Utf8.IsValid(raw) ? new Problem(DocumentErrorCodes.Encoding, offset, "The text is not valid UTF-8.")
        : !EscapesAreValidUnicode(raw) ? new Problem(DocumentErrorCodes.Encoding, offset, "The text escapes half of a surrogate pair (\\uD800 to \\uDFFF without its partner), which is not valid Unicode.")
        : null;

    private static Problem Truncated(long offset, string expected) => new(DocumentErrorCodes.Truncated, offset, expected);

    private static Problem Syntax(long offset, string message) => new(DocumentErrorCodes.Syntax, offset, message);

    private static void Close(List<bool> inArray, List<HashSet<string>>? names)
    {
        inArray.RemoveAt(inArray.Count - 1);
        names?.RemoveAt(names.Count - 1);
    }

    private static string Name(ReadOnlySpan<byte> raw) => Encoding.UTF8.GetString(raw);

    private static Problem? String(ReadOnlySpan<byte> json, ref int i)
    {
        var start = i;
        i++;
        while (i < json.Length)
        {
            var c = json[i];
            if (c == '"')
            {
                i++;
                return null;
            }

            if (c < 0x20)
            {
                return Syntax(i, "A string contains a control character (such as a tab or a line break); write it as an escape such as \\t or \\n.");
            }

            if (c == '\\')
            {
                if (i + 1 >= json.Length)
                {
                    break;
                }

                var e = json[i + 1];
                if (e == 'u')
                {
                    var available = Math.Min(4, json.Length - i - 2);
                    for (var k = 0; k < available; k++)
                    {
                        if (!char.IsAsciiHexDigit((char)json[i + 2 + k]))
                        {
                            return Syntax(i, "A string contains an invalid \\u escape; it takes four hexadecimal digits, such as \\u00e9.");
                        }
                    }

                    if (available < 4)
                    {
                        break;
                    }

                    i += 6;
                    continue;
                }

                if (e is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
                {
                    return Syntax(i, "A string contains an invalid escape; the escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX.");
                }

                i += 2;
                continue;
            }

            i++;
        }

        return Truncated(start, "the end of the string");
    }

    private static Problem? Number(ReadOnlySpan<byte> json, ref int i)
    {
        var start = i;
        const string Invalid = "Expected a value; found an invalid number (JSON numbers are written like -12, 3.5 or 1e6, without leading zeros, + signs or NaN).";
        if (json[i] == '-')
        {
            i++;
        }

        if (i >= json.Length)
        {
            return Truncated(start, "the rest of the number");
        }

        if (json[i] == '0')
        {
            i++;
            if (i < json.Length && char.IsAsciiDigit((char)json[i]))
            {
                return Syntax(start, Invalid);
            }
        }
        else if (char.IsAsciiDigit((char)json[i]))
        {
            while (i < json.Length && char.IsAsciiDigit((char)json[i]))
            {
                i++;
            }
        }
        else
        {
            return Syntax(start, Invalid);
        }

        if (i < json.Length && json[i] == '.')
        {
            i++;
            if (Digits(json, ref i, start, Invalid) is { } fraction)
            {
                return fraction;
            }
        }

        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (Digits(json, ref i, start, Invalid) is { } exponent)
            {
                return exponent;
            }
        }

        return null;
    }

    /// <summary>One or more digits (of a fraction or an exponent).</summary>
    private static Problem? Digits(ReadOnlySpan<byte> json, ref int i, int start, string invalid)
    {
        if (i >= json.Length)
        {
            return Truncated(start, "the rest of the number");
        }

        if (!char.IsAsciiDigit((char)json[i]))
        {
            return Syntax(start, invalid);
        }

        while (i < json.Length && char.IsAsciiDigit((char)json[i]))
        {
            i++;
        }

        return null;
    }

    /// <summary>Describes an unexpected byte without repeating document text: punctuation is shown, words and numbers are named.</summary>
    private static string Describe(byte b, bool allowComments) => b switch
    {
        (byte)'\'' => "a single quote (') (strings and names take double quotes)",
        (byte)'/' when !allowComments => "'/' (comments are not allowed)",
        (byte)'"' => "'\"'",
        >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' => "a bare word",
        (byte)'-' or (byte)'+' or (>= (byte)'0' and <= (byte)'9') => "a number",
        < 0x20 => "a control character",
        >= 0x80 => "a character that is not allowed outside a string",
        _ => $"'{(char)b}'",
    };

    private static bool TryHex(ReadOnlySpan<byte> hex, out int value)
    {
        value = 0;
        foreach (var h in hex)
        {
            var d = h switch
            {
                >= (byte)'0' and <= (byte)'9' => h - '0',
                >= (byte)'a' and <= (byte)'f' => h - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => h - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return false;
            }

            value = (value * 16) + d;
        }

        return true;
    }
}
