using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// The JSON Schema (draft 2020-12) of one of the library's documents, generated from the member
/// table its reader and writer use (the descriptions are the members').
/// The checked-in copies live in <c>docs/schema/</c>; <c>ipt schema</c> prints them.
/// </summary>
/// <remarks>
/// <para>The schema describes the shape (members, types, enum names, required members, no unknown
/// members). Invariants that span values (unique person ids, rings within the circle, item counts of
/// built-in instruments) are checked by the reader, not the schema.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DocumentSchema
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The schema is the library's own text, never embedded in HTML: write it readably.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Func<JsonObject> fromShapes;
    private readonly int version;
    private readonly bool nullsAllowed;

    internal DocumentSchema(string name, string title, int version, Func<JsonObject> fromShapes, bool nullsAllowed = true)
    {
        Name = name;
        Title = title;
        this.version = version;
        this.fromShapes = fromShapes;
        this.nullsAllowed = nullsAllowed;
    }

    /// <summary>Gets the course document's schema, generated from the same member table the reader and writer use.</summary>
    public static DocumentSchema Course { get; } = new("course", "Ipt.Protocol course document", CourseJson.CurrentVersion, static () => CourseShapes.CourseShape.Shape.Schema(nullable: false));

    /// <summary>Gets the contributor technique catalogue's schema (the file format read by <see cref="CatalogueJson"/>).</summary>
    public static DocumentSchema Catalogue { get; } = new(
        "catalogue",
        "Ipt.Protocol technique catalogue",
        CatalogueJson.CurrentVersion,
        static () => CatalogueShapes.FileShape.Shape.Schema(nullable: false),
        nullsAllowed: false);

    /// <summary>Gets every document schema, in a fixed order.</summary>
    public static ValueList<DocumentSchema> All { get; } = [Course, Catalogue];

    /// <summary>Gets the document's short name, such as <c>course</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the schema's title.</summary>
    public string Title { get; }

    /// <summary>Gets the file name of the checked-in copy, such as <c>course.schema.json</c>.</summary>
    public string FileName => $"{Name}.schema.json";

    /// <summary>Looks up a schema by name.</summary>
    /// <param name="name">The name, such as <c>course</c>.</param>
    /// <param name="schema">The schema, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DocumentSchema? schema)
    {
        schema = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        return schema is not null;
    }

    /// <summary>Exports the schema as a new JSON node.</summary>
    /// <returns>The schema.</returns>
    public JsonNode ToJsonNode()
    {
        JsonNode schema = fromShapes();
        if (schema is JsonObject root)
        {
            var ordered = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["title"] = Title,
            };
            foreach (var (key, value) in root.ToList())
            {
                root.Remove(key);
                if (key != "title")
                {
                    ordered[key] = value;
                }
            }

            if (ordered["properties"]?["schemaVersion"] is JsonObject schemaVersion)
            {
                schemaVersion["const"] = version;
            }

            // The document itself and the items of lists are never null (the reader refuses them).
            NotNull(ordered);
            StripNullFromItems(ordered);
            if (!nullsAllowed)
            {
                // A catalogue member is left out, never null: the catalogue reader refuses null anywhere.
                StripNullEverywhere(ordered);
            }
            return ordered;
        }

        return schema;
    }

    /// <summary>Exports the schema as indented text (two spaces, <c>\n</c> line ends, a final newline), exactly as the checked-in file.</summary>
    /// <returns>The schema text.</returns>
    public string ToJsonString()
    {
        var text = new StringBuilder(ToJsonNode().ToJsonString(WriteOptions));
        return text.Append('\n').ToString();
    }

    /// <summary>Returns the schema's name.</summary>
    /// <returns>A string such as <c>course schema</c>.</returns>
    public override string ToString() => $"{Name} schema";

    private static void StripNullEverywhere(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                NotNull(obj);
                foreach (var (_, child) in obj.ToList())
                {
                    StripNullEverywhere(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    StripNullEverywhere(child);
                }

                break;
        }
    }

    private static void StripNullFromItems(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["items"] is JsonObject items)
                {
                    NotNull(items);
                }

                foreach (var (_, child) in obj.ToList())
                {
                    StripNullFromItems(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    StripNullFromItems(child);
                }

                break;
        }
    }

    private static void NotNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types && types.Count == 2 && (string?)types[1] == "null")
        {
            schema["type"] = (string?)types[0];
        }

        if (schema["enum"] is JsonArray values && values.Count > 0 && values[^1] is null)
        {
            values.RemoveAt(values.Count - 1);
        }
    }
}
