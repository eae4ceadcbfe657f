using System.Globalization;
using System.Text.Json;
using Ipt.Protocol.Serialization.Shapes;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Reads a contributor technique catalogue from JSON (the format of docs/extending.md), for
/// <see cref="CatalogueJson"/>. Every problem is reported with its code, JSON path, line and
/// column; a file with any problem gives no catalogue at all (it never half-loads).
/// </summary>
/// <remarks>
/// <para>Over <see cref="Utf8JsonReader"/>: no reflection, so it is AOT- and trim-safe. Comments are
/// allowed; trailing commas, duplicate properties and unknown properties are not. Malformed JSON is
/// classified by <see cref="Shapes.JsonSyntax"/>, never by the tokenizer's message.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
internal static class TechniqueCatalogueReader
{
    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 16;

    private const int MaxSourceKeyLength = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = MaxDepth + 1,
    };

    /// <summary>Reads a catalogue from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON bytes (a UTF-8 byte-order mark is skipped).</param>
    /// <param name="source">Where the JSON came from (a path or a label), kept on the result for composition errors.</param>
    /// <param name="maxErrors">The most errors reported.</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public static ReadResult<CatalogueFile> Read(ReadOnlySpan<byte> utf8Json, string? source, int maxErrors)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var state = new State(utf8Json.ToArray()) { MaxErrors = maxErrors };
        Node? root = null;
        var failPath = "$";
        var reader = new Utf8JsonReader(utf8Json, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        try
        {
            if (reader.Read())
            {
                root = Parse(ref reader, "$", ref failPath, state);
                failPath = "$";
                _ = reader.Read(); // Throws when anything but comments follows the value.
            }
        }
        catch (JsonException)
        {
            // The tokenizer refused the text: classify it with the reader's own grammar.
            var problem = JsonSyntax.Find(utf8Json, allowComments: true, MaxDepth, duplicates: false);
            var (code, offset, message) = problem is { } p
                ? (p.Code, p.Offset, p.Code == DocumentErrorCodes.Truncated && p.Message != "The document is empty." ? $"The file ends inside {failPath}: expected {p.Message}." : p.Message)
                : (DocumentErrorCodes.Syntax, reader.BytesConsumed, "The file is not well-formed JSON here.");
            if (message == "The document is empty.")
            {
                message = "The file is empty.";
            }

            state.Error(code, failPath, offset, message);
            return ReadResult<CatalogueFile>.ForErrors(state.Errors);
        }

        if (root is null)
        {
            state.Error(DocumentErrorCodes.Truncated, "$", 0, "The file is empty.");
            return ReadResult<CatalogueFile>.ForErrors(state.Errors);
        }

        var file = ReadRoot(root, state, source);
        if (state.Omitted > 0)
        {
            state.Errors.Add(new DocumentError(
                DocumentErrorCodes.TooManyErrors,
                DocumentPath.Root,
                string.Create(CultureInfo.InvariantCulture, $"{state.Omitted} more errors were found and are not listed (IptJsonLimits.MaxErrors is {maxErrors}).")));
        }

        return state.Errors.Count > 0 || file is null
            ? ReadResult<CatalogueFile>.ForErrors(state.Errors)
            : ReadResult<CatalogueFile>.ForValue(file);
    }

    private static Node Parse(ref Utf8JsonReader reader, string path, ref string failPath, State state)
    {
        failPath = path;
        var node = new Node(reader.TokenType, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                node.Properties = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = ReadContext.DecodeName(ref reader);
                    var nameOffset = reader.TokenStartIndex;
                    var childPath = Child(path, name);
                    failPath = childPath;
                    reader.Read();
                    var value = Parse(ref reader, childPath, ref failPath, state);
                    if (node.Find(name) is not null)
                    {
                        state.Error(DocumentErrorCodes.DuplicateMember, childPath, nameOffset, "The property appears more than once.");
                    }
                    else
                    {
                        node.Properties.Add(new Property(name, nameOffset, value));
                    }
                }

                break;
            case JsonTokenType.StartArray:
                node.Items = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(Parse(ref reader, Item(path, node.Items.Count), ref failPath, state));
                }

                break;
            case JsonTokenType.String:
                if (TextIsValid(ref reader))
                {
                    node.Text = reader.GetString();
                }
                else
                {
                    state.Error(DocumentErrorCodes.Encoding, path, reader.TokenStartIndex, "The text is not valid Unicode (UTF-8, without a lone escaped surrogate).");
                    node.Invalid = true;
                }

                break;
            case JsonTokenType.Number:
                node.Number = reader.TryGetDouble(out var number) ? number : double.NaN;
                break;
            default:
                break;
        }

        return node;
    }

    private static bool TextIsValid(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        return System.Text.Unicode.Utf8.IsValid(raw) && (!reader.ValueIsEscaped || JsonSyntax.EscapesAreValidUnicode(raw));
    }

    private static CatalogueFile? ReadRoot(Node root, State state, string? source)
    {
        if (!state.Expect(root, "$", JsonTokenType.StartObject))
        {
            return null;
        }

        int? version = null;
        string? name = null;
        var entries = new List<CatalogueFileEntry>();
        var disabled = new List<CatalogueDisable>();
        var entryIds = new Dictionary<TechniqueId, string>();
        Node? disableNode = null;
        foreach (var property in root.Properties!)
        {
            var path = Child("$", property.Name);
            var value = property.Value;
            switch (property.Name)
            {
                case "schemaVersion":
                    if (value.Kind != JsonTokenType.Number || value.Number != CatalogueFile.CurrentSchemaVersion)
                    {
                        state.Error(DocumentErrorCodes.SchemaVersion, path, value.Offset, string.Create(CultureInfo.InvariantCulture, $"Only schema version {CatalogueFile.CurrentSchemaVersion} is supported."));
                    }

                    version = CatalogueFile.CurrentSchemaVersion;
                    break;
                case "name":
                    name = state.RequiredText(value, path);
                    break;
                case "entries":
                    if (state.Expect(value, path, JsonTokenType.StartArray))
                    {
                        for (var i = 0; i < value.Items!.Count; i++)
                        {
                            var entry = ReadEntry(value.Items[i], Item(path, i), state, entryIds);
                            if (entry is not null)
                            {
                                entries.Add(entry);
                            }
                        }
                    }

                    break;
                case "disable":
                    disableNode = value;
                    break;
                default:
                    state.Error(DocumentErrorCodes.UnknownMember, path, property.NameOffset, "Unknown property.");
                    break;
            }
        }

        if (disableNode is not null)
        {
            ReadDisable(disableNode, "$.disable", state, entryIds, disabled);
        }

        if (version is null)
        {
            state.Error(DocumentErrorCodes.MissingMember, "$", root.Offset, "The required property 'schemaVersion' is missing.");
        }

        if (name is null && root.Find("name") is null)
        {
            state.Error(DocumentErrorCodes.MissingMember, "$", root.Offset, "The required property 'name' is missing.");
        }

        return name is null ? null : new CatalogueFile
        {
            Name = name,
            Source = source,
            Entries = ValueList.From(entries),
            Disable = ValueList.From(disabled),
        };
    }

    private static void ReadDisable(Node node, string path, State state, Dictionary<TechniqueId, string> entryIds, List<CatalogueDisable> disabled)
    {
        if (!state.Expect(node, path, JsonTokenType.StartArray))
        {
            return;
        }

        var seen = new Dictionary<TechniqueId, string>();
        for (var i = 0; i < node.Items!.Count; i++)
        {
            var item = node.Items[i];
            var itemPath = Item(path, i);
            if (state.Id(item, itemPath) is not { } id)
            {
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                state.Error(DocumentErrorCodes.Value, itemPath, item.Offset, $"The id is disabled twice (also at {first}).");
                continue;
            }

            seen.Add(id, itemPath);
            if (entryIds.TryGetValue(id, out var entryPath))
            {
                state.Error(DocumentErrorCodes.Value, itemPath, item.Offset, $"The file both defines this id (at {entryPath}) and disables it.");
                continue;
            }

            var (disabledPath, disabledAt) = state.Locate(itemPath, item.Offset);
            disabled.Add(new CatalogueDisable(id) { Path = disabledPath, Location = disabledAt });
        }
    }

    private static CatalogueFileEntry? ReadEntry(Node node, string path, State state, Dictionary<TechniqueId, string> entryIds)
    {
        if (!state.Expect(node, path, JsonTokenType.StartObject))
        {
            return null;
        }

        var errorsBefore = state.Failures;
        TechniqueId? id = null;
        long idOffset = node.Offset;
        string? name = null, description = null;
        TechniqueGroup? group = null;
        var phases = new List<PhaseWeight>();
        var areas = new List<AreaWeight>();
        var stages = new List<StageWeight>();
        var strategyFor = new List<ProblemArea>();
        var variants = new List<ProtocolId>();
        SessionTask? task = null;
        var oneOff = false;
        var isOverride = false;
        Citation? citation = null;
        Node? phaseNode = null;
        var phaseWeightsValid = true;

        foreach (var property in node.Properties!)
        {
            var p = Child(path, property.Name);
            var value = property.Value;
            switch (property.Name)
            {
                case "id":
                    id = state.Id(value, p);
                    idOffset = value.Offset;
                    if (id is { } known)
                    {
                        if (entryIds.TryGetValue(known, out var first))
                        {
                            state.Error(DocumentErrorCodes.Value, p, value.Offset, $"Duplicate id: an earlier entry of this file has it (at {first}).");
                        }
                        else
                        {
                            entryIds.Add(known, p);
                        }
                    }

                    break;
                case "name":
                    name = state.RequiredText(value, p);
                    break;
                case "description":
                    description = state.RequiredText(value, p);
                    break;
                case "group":
                    group = state.EnumValue<TechniqueGroup>(value, p, "group");
                    break;
                case "phaseWeights":
                    phaseNode = value;
                    var phaseErrors = state.Failures;
                    state.Weights<Phase>(value, p, "phase", (k, w) => phases.Add(new PhaseWeight(k, w)));
                    phaseWeightsValid = state.Failures == phaseErrors;
                    break;
                case "areaWeights":
                    state.Weights<ProblemArea>(value, p, "problem area", (k, w) => areas.Add(new AreaWeight(k, w)));
                    break;
                case "stageWeights":
                    state.Weights<RoleDisputeStage>(value, p, "role-dispute stage", (k, w) => stages.Add(new StageWeight(k, w)));
                    break;
                case "strategyFor":
                    state.EnumList(value, p, "problem area", strategyFor);
                    break;
                case "variants":
                    if (state.Expect(value, p, JsonTokenType.StartArray))
                    {
                        for (var i = 0; i < value.Items!.Count; i++)
                        {
                            var item = value.Items[i];
                            if (state.Expect(item, Item(p, i), JsonTokenType.String))
                            {
                                if (!ProtocolId.TryFrom(item.Text, out var protocol))
                                {
                                    state.Error(DocumentErrorCodes.Value, Item(p, i), item.Offset, "A protocol id is kebab-case: lowercase letters and digits joined by single hyphens, 1 to 64 characters.");
                                }
                                else if (variants.Contains(protocol))
                                {
                                    state.Error(DocumentErrorCodes.Value, Item(p, i), item.Offset, "The variant is listed twice.");
                                }
                                else
                                {
                                    variants.Add(protocol);
                                }
                            }
                        }
                    }

                    break;
                case "task":
                    task = state.EnumValue<SessionTask>(value, p, "session task");
                    break;
                case "oneOff":
                    oneOff = state.Boolean(value, p);
                    break;
                case "override":
                    isOverride = state.Boolean(value, p);
                    break;
                case "citation":
                    citation = ReadCitation(value, p, state);
                    break;
                default:
                    state.Error(DocumentErrorCodes.UnknownMember, p, property.NameOffset, "Unknown property.");
                    break;
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["id", "name", "group", "description", "citation"])
        {
            if (node.Find(required) is null)
            {
                state.Error(DocumentErrorCodes.MissingMember, path, node.Offset, required == "citation"
                    ? "The required property 'citation' is missing: every entry cites its source."
                    : $"The required property '{required}' is missing.");
            }
        }

        if (phaseWeightsValid && group is { } g && g != TechniqueGroup.NonIpt && !phases.Exists(static w => w.Weight > 0))
        {
            state.Error(DocumentErrorCodes.Value, 
                phaseNode is null ? path : Child(path, "phaseWeights"),
                phaseNode?.Offset ?? node.Offset,
                "An IPT technique needs a weight above 0 in at least one phase (a phase without weight is a phase where it does not apply).");
        }

        if (state.Failures > errorsBefore || id is null || name is null || description is null || group is null || citation is null)
        {
            return null;
        }

        var entry = new TechniqueEntry
        {
            Id = id.Value,
            Name = name,
            Group = group.Value,
            Description = description,
            PhaseWeights = ValueList.From(phases),
            AreaWeights = ValueList.From(areas),
            StageWeights = ValueList.From(stages),
            StrategyFor = ValueList.From(strategyFor),
            Variants = ValueList.From(variants),
            Task = task,
            OneOff = oneOff,
            Citation = citation,
        };
        var (entryPath, entryAt) = state.Locate(Child(path, "id"), idOffset);
        return new CatalogueFileEntry(entry, isOverride) { Path = entryPath, Location = entryAt };
    }

    private static Citation? ReadCitation(Node node, string path, State state)
    {
        if (!state.Expect(node, path, JsonTokenType.StartObject))
        {
            return null;
        }

        var errorsBefore = state.Failures;
        var sources = new List<string>();
        string? locator = null;
        Confidence? confidence = null;
        foreach (var property in node.Properties!)
        {
            var p = Child(path, property.Name);
            var value = property.Value;
            switch (property.Name)
            {
                case "sources":
                    if (state.Expect(value, p, JsonTokenType.StartArray))
                    {
                        if (value.Items!.Count == 0)
                        {
                            state.Error(DocumentErrorCodes.Value, p, value.Offset, "A citation names at least one source.");
                        }

                        for (var i = 0; i < value.Items.Count; i++)
                        {
                            var item = value.Items[i];
                            if (state.Expect(item, Item(p, i), JsonTokenType.String))
                            {
                                if (string.IsNullOrWhiteSpace(item.Text) || item.Text.Length > MaxSourceKeyLength)
                                {
                                    state.Error(DocumentErrorCodes.Value, Item(p, i), item.Offset, "A source key is 1 to 64 characters and not blank.");
                                }
                                else
                                {
                                    sources.Add(item.Text);
                                }
                            }
                        }
                    }

                    break;
                case "locator":
                    locator = state.RequiredText(value, p);
                    break;
                case "confidence":
                    confidence = state.EnumValue<Confidence>(value, p, "confidence");
                    break;
                default:
                    state.Error(DocumentErrorCodes.UnknownMember, p, property.NameOffset, "Unknown property.");
                    break;
            }
        }

        if (node.Find("sources") is null)
        {
            state.Error(DocumentErrorCodes.MissingMember, path, node.Offset, "The required property 'sources' is missing.");
        }

        if (node.Find("confidence") is null)
        {
            state.Error(DocumentErrorCodes.MissingMember, path, node.Offset, "The required property 'confidence' is missing.");
        }

        return state.Failures > errorsBefore || confidence is null
            ? null
            : new Citation(confidence.Value, [.. sources]) { Locator = locator };
    }

    private static string Child(string path, string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
            }
        }

        return name.Length == 0 ? $"{path}['']" : $"{path}.{name}";
    }

    private static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private readonly record struct Property(string Name, long NameOffset, Node Value);

    private sealed class Node(JsonTokenType kind, long offset)
    {
        public JsonTokenType Kind { get; } = kind;

        public long Offset { get; } = offset;

        public string? Text { get; set; }

        public double Number { get; set; }

        /// <summary>Gets or sets whether the value was already reported (text that is not valid Unicode): later checks skip it.</summary>
        public bool Invalid { get; set; }

        public List<Property>? Properties { get; set; }

        public List<Node>? Items { get; set; }

        public Node? Find(string name)
        {
            if (Properties is null)
            {
                return null;
            }

            foreach (var property in Properties)
            {
                if (string.Equals(property.Name, name, StringComparison.Ordinal))
                {
                    return property.Value;
                }
            }

            return null;
        }
    }

    /// <summary>The errors found so far and the text, to locate them.</summary>
    private sealed class State(byte[] text)
    {
        public List<DocumentError> Errors { get; } = [];

        public int Omitted { get; private set; }

        /// <summary>Gets the number of problems found so far, reported or (an invalid value met again) already reported.</summary>
        public int Failures { get; private set; }

        public int MaxErrors { get; init; } = IptJsonLimits.DefaultMaxErrors;

        public (DocumentPath Path, DocumentLocation Location) Locate(string path, long offset) =>
            (DocumentPath.ParseInternal(path), Locator.Locations(text, [offset])[offset]);

        public void Error(string code, string path, long offset, string message)
        {
            Failures++;
            if (Errors.Count >= MaxErrors)
            {
                Omitted++;
                return;
            }

            var (at, location) = Locate(path, offset);
            Errors.Add(new DocumentError(code, at, message, location));
        }

        public bool Expect(Node node, string path, JsonTokenType kind)
        {
            if (node.Invalid)
            {
                Failures++;
                return false;
            }

            if (node.Kind == kind)
            {
                return true;
            }

            Error(DocumentErrorCodes.Type, path, node.Offset, kind switch
            {
                JsonTokenType.StartObject => "Expected an object.",
                JsonTokenType.StartArray => "Expected an array.",
                JsonTokenType.String => "Expected a string.",
                _ => "Expected a number.",
            });
            return false;
        }

        public string? RequiredText(Node node, string path)
        {
            if (!Expect(node, path, JsonTokenType.String))
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(node.Text) || node.Text.Length > Guard.MaxTextLength)
            {
                Error(DocumentErrorCodes.Value, path, node.Offset, string.Create(CultureInfo.InvariantCulture, $"The text must be 1 to {Guard.MaxTextLength} characters and not blank."));
                return null;
            }

            return node.Text;
        }

        public TechniqueId? Id(Node node, string path)
        {
            if (!Expect(node, path, JsonTokenType.String))
            {
                return null;
            }

            if (!TechniqueId.TryFrom(node.Text, out var id))
            {
                Error(DocumentErrorCodes.Value, path, node.Offset, "A technique id is kebab-case: lowercase letters and digits joined by single hyphens, 1 to 64 characters.");
                return null;
            }

            return id;
        }

        public bool Boolean(Node node, string path)
        {
            if (node.Kind is JsonTokenType.True or JsonTokenType.False)
            {
                return node.Kind == JsonTokenType.True;
            }

            Error(DocumentErrorCodes.Type, path, node.Offset, "Expected true or false.");
            return false;
        }

        public T? EnumValue<T>(Node node, string path, string what)
            where T : struct, Enum
        {
            if (!Expect(node, path, JsonTokenType.String))
            {
                return null;
            }

            if (!CatalogueEnumNames<T>.TryParse(node.Text, out var value))
            {
                Error(DocumentErrorCodes.Value, path, node.Offset, $"Unknown {what}; expected one of: {CatalogueEnumNames<T>.List}.");
                return null;
            }

            return value;
        }

        public void EnumList<T>(Node node, string path, string what, List<T> into)
            where T : struct, Enum
        {
            if (!Expect(node, path, JsonTokenType.StartArray))
            {
                return;
            }

            for (var i = 0; i < node.Items!.Count; i++)
            {
                var itemPath = Item(path, i);
                if (EnumValue<T>(node.Items[i], itemPath, what) is { } value)
                {
                    if (into.Contains(value))
                    {
                        Error(DocumentErrorCodes.Value, itemPath, node.Items[i].Offset, $"The {what} is listed twice.");
                    }
                    else
                    {
                        into.Add(value);
                    }
                }
            }
        }

        public void Weights<T>(Node node, string path, string what, Action<T, double> add)
            where T : struct, Enum
        {
            if (!Expect(node, path, JsonTokenType.StartObject))
            {
                return;
            }

            foreach (var property in node.Properties!)
            {
                var p = Child(path, property.Name);
                if (!CatalogueEnumNames<T>.TryParse(property.Name, out var key))
                {
                    Error(DocumentErrorCodes.UnknownMember, p, property.NameOffset, $"Unknown {what} '{property.Name}'; expected one of: {CatalogueEnumNames<T>.List}.");
                    continue;
                }

                var value = property.Value;
                if (!Expect(value, p, JsonTokenType.Number))
                {
                    continue;
                }

                if (!(value.Number >= 0 && value.Number <= 1))
                {
                    Error(DocumentErrorCodes.Value, p, value.Offset, string.Create(CultureInfo.InvariantCulture, $"A weight is between 0 and 1; found {value.Number}."));
                    continue;
                }

                add(key, value.Number);
            }
        }
    }
}
