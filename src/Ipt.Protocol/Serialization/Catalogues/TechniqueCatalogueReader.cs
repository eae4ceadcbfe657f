using System.Globalization;
using System.Text;
using System.Text.Json;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Reads a contributor technique catalogue from JSON (the format of docs/extending.md). Every
/// problem is reported, each with its JSON path, line and byte position; a file with any problem
/// gives no catalogue at all (it never half-loads).
/// </summary>
/// <remarks>
/// <para>Hand-written over <see cref="Utf8JsonReader"/>: no reflection, so it is AOT- and trim-safe.
/// Comments are allowed; trailing commas, duplicate properties and unknown properties are not.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class TechniqueCatalogueReader
{
    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 16;

    private const int MaxSourceKeyLength = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = MaxDepth,
    };

    /// <summary>Reads a catalogue from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON bytes (a UTF-8 byte-order mark is skipped).</param>
    /// <param name="source">Where the JSON came from (a path or a label), kept on the result for composition errors.</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public static ReadResult<CatalogueFile> Read(ReadOnlySpan<byte> utf8Json, string? source = null)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return ReadResult<CatalogueFile>.ForErrors([new DocumentError("$", "The file is empty.", 1, 0)]);
        }

        var state = new State(utf8Json);
        Node? root;
        var failPath = "$";
        try
        {
            var reader = new Utf8JsonReader(utf8Json, isFinalBlock: true, new JsonReaderState(ReaderOptions));
            if (!reader.Read())
            {
                return ReadResult<CatalogueFile>.ForErrors([new DocumentError("$", "The file is empty.", 1, 0)]);
            }

            root = Parse(ref reader, "$", ref failPath, state);
            failPath = "$";
            _ = reader.Read(); // Throws when anything but comments follows the value.
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }

            return ReadResult<CatalogueFile>.ForErrors(
                [new DocumentError(failPath, "The file is not valid JSON: " + message, (ex.LineNumber ?? 0) + 1, ex.BytePositionInLine ?? 0)]);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this (not a JsonException) for text that is not valid UTF-8.
            return ReadResult<CatalogueFile>.ForErrors([new DocumentError(failPath, "The file is not valid JSON: a string or name is not valid UTF-8.")]);
        }

        var file = ReadRoot(root, state, source);
        return state.Errors.Count > 0 || file is null
            ? ReadResult<CatalogueFile>.ForErrors(state.Errors)
            : ReadResult<CatalogueFile>.ForValue(file);
    }

    /// <summary>Reads a catalogue from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where the JSON came from (a path or a label), kept on the result for composition errors.</param>
    /// <returns>The catalogue file, or every problem found.</returns>
    public static ReadResult<CatalogueFile> Read(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>Reads a catalogue from a file.</summary>
    /// <param name="path">The file's path; it becomes the result's <see cref="CatalogueFile.Source"/>.</param>
    /// <returns>The catalogue file, or every problem found in it.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static ReadResult<CatalogueFile> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Read(File.ReadAllBytes(path), path);
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
                    var name = reader.GetString() ?? string.Empty;
                    var nameOffset = reader.TokenStartIndex;
                    var childPath = Child(path, name);
                    failPath = childPath;
                    reader.Read();
                    var value = Parse(ref reader, childPath, ref failPath, state);
                    if (node.Find(name) is not null)
                    {
                        state.Error(childPath, nameOffset, "The property appears more than once.");
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
                node.Text = reader.GetString();
                break;
            case JsonTokenType.Number:
                node.Number = reader.TryGetDouble(out var number) ? number : double.NaN;
                break;
            default:
                break;
        }

        return node;
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
                        state.Error(path, value.Offset, string.Create(CultureInfo.InvariantCulture, $"Only schema version {CatalogueFile.CurrentSchemaVersion} is supported."));
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
                    state.Error(path, property.NameOffset, "Unknown property.");
                    break;
            }
        }

        if (disableNode is not null)
        {
            ReadDisable(disableNode, "$.disable", state, entryIds, disabled);
        }

        if (version is null)
        {
            state.Error("$", root.Offset, "The required property 'schemaVersion' is missing.");
        }

        if (name is null && root.Find("name") is null)
        {
            state.Error("$", root.Offset, "The required property 'name' is missing.");
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
                state.Error(itemPath, item.Offset, $"The id is disabled twice (also at {first}).");
                continue;
            }

            seen.Add(id, itemPath);
            if (entryIds.TryGetValue(id, out var entryPath))
            {
                state.Error(itemPath, item.Offset, $"The file both defines this id (at {entryPath}) and disables it.");
                continue;
            }

            disabled.Add(new CatalogueDisable(id) { Location = state.Locate(itemPath, item.Offset) });
        }
    }

    private static CatalogueFileEntry? ReadEntry(Node node, string path, State state, Dictionary<TechniqueId, string> entryIds)
    {
        if (!state.Expect(node, path, JsonTokenType.StartObject))
        {
            return null;
        }

        var errorsBefore = state.Errors.Count;
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
                            state.Error(p, value.Offset, $"Duplicate id: an earlier entry of this file has it (at {first}).");
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
                    var phaseErrors = state.Errors.Count;
                    state.Weights<Phase>(value, p, "phase", (k, w) => phases.Add(new PhaseWeight(k, w)));
                    phaseWeightsValid = state.Errors.Count == phaseErrors;
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
                                    state.Error(Item(p, i), item.Offset, "A protocol id is kebab-case: lowercase letters and digits joined by single hyphens, 1 to 64 characters.");
                                }
                                else if (variants.Contains(protocol))
                                {
                                    state.Error(Item(p, i), item.Offset, "The variant is listed twice.");
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
                    state.Error(p, property.NameOffset, "Unknown property.");
                    break;
            }
        }

        foreach (var required in (ReadOnlySpan<string>)["id", "name", "group", "description", "citation"])
        {
            if (node.Find(required) is null)
            {
                state.Error(path, node.Offset, required == "citation"
                    ? "The required property 'citation' is missing: every entry cites its source."
                    : $"The required property '{required}' is missing.");
            }
        }

        if (phaseWeightsValid && group is { } g && g != TechniqueGroup.NonIpt && !phases.Exists(static w => w.Weight > 0))
        {
            state.Error(
                phaseNode is null ? path : Child(path, "phaseWeights"),
                phaseNode?.Offset ?? node.Offset,
                "An IPT technique needs a weight above 0 in at least one phase (a phase without weight is a phase where it does not apply).");
        }

        if (state.Errors.Count > errorsBefore || id is null || name is null || description is null || group is null || citation is null)
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
        return new CatalogueFileEntry(entry, isOverride) { Location = state.Locate(Child(path, "id"), idOffset) };
    }

    private static Citation? ReadCitation(Node node, string path, State state)
    {
        if (!state.Expect(node, path, JsonTokenType.StartObject))
        {
            return null;
        }

        var errorsBefore = state.Errors.Count;
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
                            state.Error(p, value.Offset, "A citation names at least one source.");
                        }

                        for (var i = 0; i < value.Items.Count; i++)
                        {
                            var item = value.Items[i];
                            if (state.Expect(item, Item(p, i), JsonTokenType.String))
                            {
                                if (string.IsNullOrWhiteSpace(item.Text) || item.Text.Length > MaxSourceKeyLength)
                                {
                                    state.Error(Item(p, i), item.Offset, "A source key is 1 to 64 characters and not blank.");
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
                    state.Error(p, property.NameOffset, "Unknown property.");
                    break;
            }
        }

        if (node.Find("sources") is null)
        {
            state.Error(path, node.Offset, "The required property 'sources' is missing.");
        }

        if (node.Find("confidence") is null)
        {
            state.Error(path, node.Offset, "The required property 'confidence' is missing.");
        }

        return state.Errors.Count > errorsBefore || confidence is null
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

    /// <summary>The errors found so far and the line index of the input.</summary>
    private sealed class State
    {
        private readonly List<long> lineStarts = [0];

        public State(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        public List<DocumentError> Errors { get; } = [];

        public CatalogueLocation Locate(string path, long offset)
        {
            var line = lineStarts.BinarySearch(offset);
            if (line < 0)
            {
                line = ~line - 1;
            }

            return new CatalogueLocation(path, line + 1, offset - lineStarts[line]);
        }

        public void Error(string path, long offset, string message)
        {
            var at = Locate(path, offset);
            Errors.Add(new DocumentError(path, message, at.Line, at.BytePositionInLine));
        }

        public bool Expect(Node node, string path, JsonTokenType kind)
        {
            if (node.Kind == kind)
            {
                return true;
            }

            Error(path, node.Offset, kind switch
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
                Error(path, node.Offset, string.Create(CultureInfo.InvariantCulture, $"The text must be 1 to {Guard.MaxTextLength} characters and not blank."));
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
                Error(path, node.Offset, "A technique id is kebab-case: lowercase letters and digits joined by single hyphens, 1 to 64 characters.");
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

            Error(path, node.Offset, "Expected true or false.");
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
                Error(path, node.Offset, $"Unknown {what}; expected one of: {CatalogueEnumNames<T>.List}.");
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
                        Error(itemPath, node.Items[i].Offset, $"The {what} is listed twice.");
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
                    Error(p, property.NameOffset, $"Unknown {what} '{property.Name}'; expected one of: {CatalogueEnumNames<T>.List}.");
                    continue;
                }

                var value = property.Value;
                if (!Expect(value, p, JsonTokenType.Number))
                {
                    continue;
                }

                if (!(value.Number >= 0 && value.Number <= 1))
                {
                    Error(p, value.Offset, string.Create(CultureInfo.InvariantCulture, $"A weight is between 0 and 1; found {value.Number}."));
                    continue;
                }

                add(key, value.Number);
            }
        }
    }
}
