using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipt.Protocol.Serialization.Shapes;

/// <summary>What reading one member gave.</summary>
internal enum ReadOutcome
{
    /// <summary>An error was recorded.</summary>
    Failed,

    /// <summary>The value was read into its slot.</summary>
    Present,

    /// <summary><c>null</c> for an optional member: the same as leaving it out.</summary>
    Absent,
}

/// <summary>One member of an object shape: its JSON name, description and whether it is required.</summary>
/// <typeparam name="TModel">The model type the member belongs to.</typeparam>
internal abstract class Member<TModel>
{
    protected Member(string name, string description, bool required)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        EncodedName = JsonEncodedText.Encode(name);
        Description = description;
        Required = required;
    }

    public string Name { get; }

    public byte[] Utf8Name { get; }

    public JsonEncodedText EncodedName { get; }

    public string Description { get; }

    public bool Required { get; }

    /// <summary>Gets the member's position in its shape (set by the shape).</summary>
    public int Index { get; internal set; } = -1;

    /// <summary>Gets the message when the member is required and missing (by default "name is required.").</summary>
    public string? MissingMessage { get; protected init; }

    public abstract ReadOutcome Read(ref Utf8JsonReader reader, ReadContext context, ref Slot slot);

    public abstract void Write(Utf8JsonWriter writer, TModel model);

    public abstract JsonObject Schema();
}

/// <summary>
/// A member of type <typeparamref name="TValue"/>: how its value is read and written (the codec),
/// how it is taken from the model (the getter), the model's local invariant on it (a shared,
/// non-throwing <see cref="Check"/> given the JSON name), its default when left out, and when the
/// writer leaves it out.
/// </summary>
internal sealed class Member<TModel, TValue> : Member<TModel>
{
    private readonly Func<TModel, TValue> get;
    private readonly Func<TValue, string, string?>? check;
    private readonly Func<TModel, bool>? omit;
    private readonly string checkCode;

    public Member(
        string name,
        string description,
        Codec<TValue> codec,
        Func<TModel, TValue> get,
        bool required = false,
        Func<TValue, string, string?>? check = null,
        TValue defaultValue = default!,
        bool alwaysWrite = false,
        Func<TModel, bool>? omit = null,
        string checkCode = DocumentErrorCodes.Value,
        string? missing = null)
        : base(name, description, required)
    {
        this.checkCode = checkCode;
        MissingMessage = missing;
        Codec = codec;
        this.get = get;
        this.check = check;
        Default = defaultValue;
        AlwaysWrite = alwaysWrite;
        this.omit = omit;
    }

    public Codec<TValue> Codec { get; }

    /// <summary>Gets the value used when the member is left out (or <c>null</c>).</summary>
    public TValue Default { get; }

    /// <summary>Gets whether the writer writes the value even when it is empty (an enum with a model default is always written).</summary>
    public bool AlwaysWrite { get; }

    public TValue Get(TModel model) => get(model);

    public override ReadOutcome Read(ref Utf8JsonReader reader, ReadContext context, ref Slot slot)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (Required || !Nullable)
            {
                context.Error(DocumentErrorCodes.Type, $"Expected {Codec.Expected}; found null.");
                return ReadOutcome.Failed;
            }

            return ReadOutcome.Absent;
        }

        context.Name = Name;
        if (!Codec.Read(ref reader, context, out var value))
        {
            return ReadOutcome.Failed;
        }

        if (check?.Invoke(value, Name) is { } message)
        {
            context.Error(checkCode, message);
            return ReadOutcome.Failed;
        }

        SlotAccess<TValue>.Set(ref slot, value);
        return ReadOutcome.Present;
    }

    public override void Write(Utf8JsonWriter writer, TModel model)
    {
        var value = get(model);
        if (value is null || (!AlwaysWrite && Codec.IsEmpty(value)) || (omit?.Invoke(model) ?? false))
        {
            return;
        }

        writer.WritePropertyName(EncodedName);
        Codec.Write(writer, value);
    }

    public override JsonObject Schema()
    {
        var nullable = !Required && Nullable;
        var schema = new JsonObject { ["description"] = Description };
        foreach (var (key, node) in Codec.Schema(nullable).ToList())
        {
            // A member is described by its own description, not its type's.
            if (key != "description")
            {
                schema[key] = node?.DeepClone();
            }
        }

        return schema;
    }

    /// <summary>Gets whether <c>null</c> may stand for the member left out: for optional references and nullable values, never for lists, flags or enums with a default.</summary>
    private static bool Nullable { get; } = !typeof(TValue).IsValueType || System.Nullable.GetUnderlyingType(typeof(TValue)) is not null;
}

/// <summary>The member values of one object, for the shape's create function and its checks.</summary>
internal readonly struct Values(Frame frame)
{
    /// <summary>Returns the member's value, or its default when it was left out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TValue Get<TModel, TValue>(Member<TModel, TValue> member) =>
        (frame.Present & (1UL << member.Index)) != 0 ? SlotAccess<TValue>.Get(ref frame[member.Index]) : member.Default;

    /// <summary>Returns whether the member was given and read without error.</summary>
    public bool Has<TModel>(Member<TModel> member) => (frame.Present & (1UL << member.Index)) != 0;

    /// <summary>Returns whether reading the member gave an error.</summary>
    public bool Failed<TModel>(Member<TModel> member) => (frame.Failed & (1UL << member.Index)) != 0;

    /// <summary>Gets whether every member given was read without error.</summary>
    public bool AllRead => frame.Failed == 0;
}

/// <summary>
/// The shape of one JSON object: its members in document order (the writer's order), how the
/// model value is built from the members read (<c>create</c>, called only when every member read
/// and the checks passed), and optional checks across members. Reading records every problem of
/// every member; an unknown, duplicate or missing member is an error.
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
internal sealed class ObjectShape<T> : Codec<T>
    where T : class
{
    private readonly Member<T>[] members;
    private readonly Func<Values, T> create;
    private readonly Func<Values, ReadContext, object?, bool>? validate;
    private readonly Func<ReadContext, object>? openScope;
    private readonly Action<Values, ReadContext>? afterRead;
    private readonly ulong required;

    public ObjectShape(
        string description,
        Member<T>[] members,
        Func<Values, T> create,
        Func<Values, ReadContext, object?, bool>? validate = null,
        Func<ReadContext, object>? openScope = null,
        Action<Values, ReadContext>? afterRead = null)
    {
        if (members.Length > 64)
        {
            throw new ArgumentException("A shape has at most 64 members (one bit each).", nameof(members));
        }

        Description = description;
        this.members = members;
        this.create = create;
        this.validate = validate;
        this.openScope = openScope;
        this.afterRead = afterRead;
        for (var i = 0; i < members.Length; i++)
        {
            if (members[i].Index >= 0)
            {
                throw new ArgumentException("A member belongs to one shape.", nameof(members));
            }

            members[i].Index = i;
            if (members[i].Required)
            {
                required |= 1UL << i;
            }
        }
    }

    public string Description { get; }

    public IReadOnlyList<Member<T>> Members => members;

    public override string Expected => "an object";

    public override bool Read(ref Utf8JsonReader reader, ReadContext context, out T value)
    {
        value = null!;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return context.TypeError(ref reader, Expected);
        }

        context.Enter(ref reader);
        var objectAt = reader.TokenStartIndex;
        var outerScope = context.Scope;
        var scope = openScope?.Invoke(context);
        if (scope is not null)
        {
            context.Scope = scope;
        }

        var frame = context.PushFrame(members.Length);
        var ok = true;
        var hint = 0;
        while (true)
        {
            ReadContext.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var nameAt = reader.TokenStartIndex;
            var index = Find(ref reader, hint);
            if (index < 0)
            {
                context.PushName(ReadContext.DecodeName(ref reader));
                context.Error(DocumentErrorCodes.UnknownMember, "The member is not part of the format (unknown members are errors).", nameAt);
                ReadContext.Next(ref reader);
                context.Skip(ref reader);
                context.Pop();
                ok = false;
                continue;
            }

            var member = members[index];
            var bit = 1UL << index;
            context.PushName(member.Name);
            ReadContext.Next(ref reader);
            if ((frame.Seen & bit) != 0)
            {
                context.Error(DocumentErrorCodes.DuplicateMember, "The member appears more than once; each member may appear once.", nameAt);
                context.Skip(ref reader);
                context.Pop();
                ok = false;
                continue;
            }

            frame.Seen |= bit;
            hint = index + 1;
            context.At = nameAt;
            switch (member.Read(ref reader, context, ref frame[index]))
            {
                case ReadOutcome.Present:
                    frame.Present |= bit;
                    break;
                case ReadOutcome.Failed:
                    frame.Failed |= bit;
                    ok = false;
                    break;
            }

            context.Pop();
        }

        var missing = required & ~frame.Seen;
        if (missing != 0)
        {
            ok = false;
            foreach (var member in members)
            {
                if ((missing & (1UL << member.Index)) != 0)
                {
                    context.ErrorAtMember(DocumentErrorCodes.MissingMember, member.MissingMessage ?? $"{member.Name} is required.", objectAt, member.Name);
                }
            }
        }

        var values = new Values(frame);
        afterRead?.Invoke(values, context);
        if (validate is not null)
        {
            ok &= validate(values, context, scope);
        }

        context.Scope = outerScope;
        if (ok)
        {
            value = create(values);
        }

        context.PopFrame();
        return ok;
    }

    public override void Write(Utf8JsonWriter writer, T value)
    {
        writer.WriteStartObject();
        foreach (var member in members)
        {
            member.Write(writer, value);
        }

        writer.WriteEndObject();
    }

    public override JsonObject Schema(bool nullable)
    {
        var properties = new JsonObject();
        var requiredNames = new JsonArray();
        foreach (var member in members)
        {
            properties[member.Name] = member.Schema();
            if (member.Required)
            {
                requiredNames.Add((JsonNode)JsonValue.Create(member.Name));
            }
        }

        var schema = new JsonObject { ["description"] = Description, ["type"] = Types("object", nullable), ["properties"] = properties };
        if (requiredNames.Count > 0)
        {
            schema["required"] = requiredNames;
        }

        schema["additionalProperties"] = false;
        return schema;
    }

    private int Find(ref Utf8JsonReader reader, int hint)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            // Documents written by the library have their members in this order: try the next one first.
            var name = reader.ValueSpan;
            if ((uint)hint < (uint)members.Length && name.SequenceEqual(members[hint].Utf8Name))
            {
                return hint;
            }

            for (var i = 0; i < members.Length; i++)
            {
                if (name.SequenceEqual(members[i].Utf8Name))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < members.Length; i++)
        {
            if (reader.ValueTextEquals(members[i].Utf8Name))
            {
                return i;
            }
        }

        return -1;
    }
}
