using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Ipt.Protocol.Serialization.Shapes;

/// <summary>An error found while reading, before its location is known.</summary>
/// <param name="Code">The <see cref="DocumentErrorCodes"/> code.</param>
/// <param name="Path">The JSON path.</param>
/// <param name="Message">The message.</param>
/// <param name="Offset">The byte offset of the token it is located at, or -1 to locate it by its path afterwards.</param>
internal readonly record struct PendingError(string Code, DocumentPath Path, string Message, long Offset);

/// <summary>Thrown to stop a read at a fatal error (nesting too deep) after recording it; never escapes the readers.</summary>
internal sealed class StopReadingException : Exception
{
    public StopReadingException()
    {
    }

    public StopReadingException(string message)
        : base(message)
    {
    }

    public StopReadingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The state of one read: the limits, the path to the value being read (kept as a stack of
/// segments, made into a <see cref="DocumentPath"/> only for an error), the errors found so far
/// (at most <see cref="IptJsonLimits.MaxErrors"/>; the rest are counted), and per nesting level a
/// frame of slots in which an object's member values wait for the object to be built. One context
/// per thread is reused, so a read allocates little beyond the model it builds.
/// </summary>
internal sealed class ReadContext
{
    [ThreadStatic]
    private static ReadContext? cached;

    private PathSegment[] path = new PathSegment[16];
    private Frame?[] frames = new Frame?[8];
    private int frameCount;
    private bool inUse;

    private ReadContext()
    {
    }

    public IptJsonLimits Limits { get; private set; } = IptJsonLimits.Default;

    /// <summary>Gets the reader depth of the document's root value (0, or deeper inside a host's JSON).</summary>
    public int BaseDepth { get; set; }

    /// <summary>Gets or sets the offset at which an error of the value being read is located (a member's name, an item's value).</summary>
    public long At { get; set; }

    /// <summary>Gets or sets the JSON name of the member being read, for messages.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets the errors kept.</summary>
    public List<PendingError> Errors { get; } = [];

    /// <summary>Gets the number of errors found beyond <see cref="IptJsonLimits.MaxErrors"/>.</summary>
    public int Omitted { get; private set; }

    /// <summary>Gets the number of path segments on the stack.</summary>
    public int PathLength { get; private set; }

    /// <summary>Gets whether any error was found.</summary>
    public bool HasErrors => Errors.Count > 0 || Omitted > 0;

    /// <summary>Gets an object read by a shape for its members to share (for example the people of an inventory, checked together).</summary>
    public object? Scope { get; set; }

    /// <summary>Gets the index of the list item being read, or -1.</summary>
    public int ItemIndex => PathLength > 0 && path[PathLength - 1].IsIndex ? path[PathLength - 1].Index : -1;

    public static ReadContext Rent(IptJsonLimits limits)
    {
        var context = cached is { inUse: false } free ? free : new ReadContext();
        cached = context;
        context.inUse = true;
        context.Limits = limits;
        context.BaseDepth = 0;
        context.At = 0;
        context.Name = string.Empty;
        context.Errors.Clear();
        context.Omitted = 0;
        context.PathLength = 0;
        context.Scope = null;
        context.frameCount = 0;
        return context;
    }

    public void Return()
    {
        for (var i = 0; i < frames.Length && frames[i] is { } frame; i++)
        {
            frame.Clear();
        }

        Errors.Clear();
        Scope = null;
        inUse = false;
    }

    public void PushName(string name)
    {
        if (PathLength == path.Length)
        {
            Array.Resize(ref path, path.Length * 2);
        }

        path[PathLength++] = PathSegment.NamedUnchecked(name);
    }

    public void PushIndex(int index)
    {
        if (PathLength == path.Length)
        {
            Array.Resize(ref path, path.Length * 2);
        }

        path[PathLength++] = PathSegment.AtUnchecked(index);
    }

    public void SetIndex(int index) => path[PathLength - 1] = PathSegment.AtUnchecked(index);

    public void Pop() => PathLength--;

    public DocumentPath CurrentPath(params ReadOnlySpan<PathSegment> more)
    {
        if (PathLength == 0 && more.IsEmpty)
        {
            return DocumentPath.Root;
        }

        var all = new PathSegment[PathLength + more.Length];
        path.AsSpan(0, PathLength).CopyTo(all);
        more.CopyTo(all.AsSpan(PathLength));
        return DocumentPath.FromArray(all);
    }

    /// <summary>Records an error at the current path, located at <see cref="At"/>.</summary>
    public void Error(string code, string message) => Error(code, message, At);

    /// <summary>Records an error at the current path, located at an offset (-1: by its path, afterwards).</summary>
    public void Error(string code, string message, long offset)
    {
        if (Errors.Count >= Limits.MaxErrors)
        {
            Omitted++;
            return;
        }

        Errors.Add(new PendingError(code, CurrentPath(), message, offset));
    }

    /// <summary>Records an error at a member of the current path, located at an offset.</summary>
    public void ErrorAtMember(string code, string message, long offset, string member)
    {
        if (Errors.Count >= Limits.MaxErrors)
        {
            Omitted++;
            return;
        }

        Errors.Add(new PendingError(code, CurrentPath(PathSegment.NamedUnchecked(member)), message, offset));
    }

    /// <summary>Records an error below the current path (located by its path afterwards).</summary>
    public void ErrorBelow(string code, string message, params ReadOnlySpan<PathSegment> below)
    {
        if (Errors.Count >= Limits.MaxErrors)
        {
            Omitted++;
            return;
        }

        Errors.Add(new PendingError(code, CurrentPath(below), message, -1));
    }

    /// <summary>Records that the value has the wrong JSON type, skips it, and returns <see langword="false"/>.</summary>
    public bool TypeError(ref Utf8JsonReader reader, string expected)
    {
        Error(DocumentErrorCodes.Type, $"Expected {expected}; found {Describe(reader.TokenType)}.", At);
        Skip(ref reader);
        return false;
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        _ => "another token",
    };

    /// <summary>Reads the next token; the tokenizer throws a <see cref="JsonException"/> for malformed JSON, which the read classifies itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            // Only at the end of a complete final block, which no caller reads past.
            throw new JsonException();
        }
    }

    /// <summary>Checks the depth of an object or array just read: one deeper than <see cref="IptJsonLimits.MaxDepth"/> stops the read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter(ref Utf8JsonReader reader)
    {
        if (reader.CurrentDepth - BaseDepth >= Limits.MaxDepth)
        {
            TooDeep(reader.TokenStartIndex);
        }
    }

    private void TooDeep(long offset)
    {
        Error(DocumentErrorCodes.Limit, string.Create(CultureInfo.InvariantCulture, $"The document is nested deeper than the limit of {Limits.MaxDepth} levels (IptJsonLimits.MaxDepth)."), offset);
        throw new StopReadingException();
    }

    /// <summary>Skips the current value (and everything in it), checking the depth.</summary>
    public void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        Enter(ref reader);
        var depth = reader.CurrentDepth;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                Enter(ref reader);
            }
            else if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                return;
            }
        }
    }

    /// <summary>Returns the frame for an object one level deeper.</summary>
    public Frame PushFrame(int members)
    {
        if (frameCount == frames.Length)
        {
            Array.Resize(ref frames, frames.Length * 2);
        }

        var frame = frames[frameCount] ??= new Frame();
        frameCount++;
        frame.Start(members);
        return frame;
    }

    public void PopFrame()
    {
        frames[--frameCount]!.Clear();
    }

    /// <summary>Checks that a string token is valid Unicode (UTF-8, no escaped lone surrogate); records an encoding error when not.</summary>
    public bool CheckText(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (!Utf8.IsValid(raw))
        {
            Error(DocumentErrorCodes.Encoding, "The text is not valid UTF-8.");
            return false;
        }

        if (reader.ValueIsEscaped && !JsonSyntax.EscapesAreValidUnicode(raw))
        {
            Error(DocumentErrorCodes.Encoding, "The text escapes half of a surrogate pair (\\uD800 to \\uDFFF without its partner), which is not valid Unicode.");
            return false;
        }

        return true;
    }

    /// <summary>Decodes a member name for a path, whatever its bytes (invalid UTF-8 becomes U+FFFD).</summary>
    public static string DecodeName(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        return reader.ValueIsEscaped && Utf8.IsValid(raw) && JsonSyntax.EscapesAreValidUnicode(raw)
            ? reader.GetString()!
            : Encoding.UTF8.GetString(raw);
    }
}

/// <summary>The member values of one object being read, by member index, with the members seen, read and failed.</summary>
internal sealed class Frame
{
    private Slot[] slots = new Slot[24];
    private int used;

    public ulong Seen { get; set; }

    public ulong Present { get; set; }

    public ulong Failed { get; set; }

    public Span<Slot> Slots => slots.AsSpan(0, used);

    public ref Slot this[int index] => ref slots[index];

    public void Start(int members)
    {
        if (members > slots.Length)
        {
            slots = new Slot[Math.Max(members, slots.Length * 2)];
        }

        used = members;
        Seen = Present = Failed = 0;
    }

    public void Clear()
    {
        // Drop references so the frame keeps nothing of a document alive.
        Array.Clear(slots, 0, used);
        used = 0;
    }
}

/// <summary>A member value waiting in a frame: up to 24 bytes of unmanaged data, or a reference.</summary>
internal struct Slot
{
    public Bits Data;
    public object? Reference;

    [InlineArray(3)]
    internal struct Bits
    {
        private long element;
    }
}

/// <summary>Stores any value in a <see cref="Slot"/> without boxing the common ones.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal static class SlotAccess<T>
{
    // Unmanaged values of up to 24 bytes (numbers, enums, dates, durations and their nullable forms) go in Data;
    // references as they are; a struct that is one reference (ids, ValueList<T>) as that reference; anything else boxed.
    private static readonly bool InData = !RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Unsafe.SizeOf<T>() <= Unsafe.SizeOf<Slot.Bits>();
    private static readonly bool OneReference = typeof(T).IsValueType && RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Unsafe.SizeOf<T>() == IntPtr.Size;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(ref Slot slot, T value)
    {
        if (InData)
        {
            Unsafe.As<Slot.Bits, T>(ref slot.Data) = value;
        }
        else if (!typeof(T).IsValueType)
        {
            slot.Reference = value;
        }
        else if (OneReference)
        {
            slot.Reference = Unsafe.As<T, object?>(ref value);
        }
        else
        {
            slot.Reference = value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Get(ref Slot slot)
    {
        if (InData)
        {
            return Unsafe.As<Slot.Bits, T>(ref slot.Data);
        }

        if (!typeof(T).IsValueType)
        {
            return (T)slot.Reference!;
        }

        if (OneReference)
        {
            return Unsafe.As<object?, T>(ref slot.Reference);
        }

        return (T)slot.Reference!;
    }
}
