using System.ComponentModel;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using NodaTime;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// The JSON Schema (draft 2020-12) of one of the library's documents: the course document's is
/// generated from the member table its reader and writer use; the catalogue's is exported from its
/// shapes with <see cref="JsonSchemaExporter"/> and enriched with descriptions.
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

    private readonly JsonTypeInfo? typeInfo;
    private readonly Func<JsonObject>? fromShapes;
    private readonly int version;
    private readonly bool nullsAllowed;

    internal DocumentSchema(string name, string title, int version, JsonTypeInfo typeInfo, bool nullsAllowed = true)
    {
        Name = name;
        Title = title;
        this.version = version;
        this.typeInfo = typeInfo;
        this.nullsAllowed = nullsAllowed;
    }

    internal DocumentSchema(string name, string title, int version, Func<JsonObject> fromShapes)
    {
        Name = name;
        Title = title;
        this.version = version;
        this.fromShapes = fromShapes;
        nullsAllowed = true;
    }

    /// <summary>Gets the course document's schema, generated from the same member table the reader and writer use.</summary>
    public static DocumentSchema Course { get; } = new("course", "Ipt.Protocol course document", CourseJson.CurrentVersion, static () => CourseShapes.CourseShape.Shape.Schema(nullable: false));

    /// <summary>Gets the contributor technique catalogue's schema (the file format read by <see cref="CatalogueJson"/>).</summary>
    public static DocumentSchema Catalogue { get; } = new(
        "catalogue",
        "Ipt.Protocol technique catalogue",
        CatalogueFile.CurrentSchemaVersion,
        CatalogueSchemaContext.Default.CatalogueDocument,
        nullsAllowed: false);

    /// <summary>Gets every document schema, in a fixed order.</summary>
    public static IReadOnlyList<DocumentSchema> All { get; } = [Course, Catalogue];

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
        var schema = fromShapes is not null ? fromShapes() : JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo!, new JsonSchemaExporterOptions { TransformSchemaNode = Transform });
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

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode node)
    {
        var type = context.TypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null;
        var valueType = underlying ?? type;

        // Values written by this library's converters: the exporter cannot see their shape.
        JsonObject? replaced = valueType switch
        {
            _ when valueType == typeof(LocalDate) => new JsonObject { ["type"] = Types("string", nullable), ["format"] = "date" },
            _ when valueType == typeof(Duration) => new JsonObject
            {
                ["type"] = Types("string", nullable),
                ["pattern"] = @"^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$",
            },
            _ when valueType == typeof(Period) => new JsonObject
            {
                ["type"] = Types("string", nullable || context.PropertyInfo is { IsGetNullable: true }),
                ["pattern"] = @"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$",
            },
            _ when valueType.IsEnum => EnumSchema(valueType, nullable),
            _ => null,
        };
        if (replaced is not null)
        {
            node = replaced;
        }

        // Lists of enum values: the exporter cannot see the item shape through the custom converter.
        if (node is JsonObject list && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)
            && type.GetGenericArguments()[0] is { IsEnum: true } itemType)
        {
            list["items"] = EnumSchema(itemType, nullable: false);
        }

        if (node is JsonObject obj)
        {
            if (context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.RangeAttribute), inherit: false) is [System.ComponentModel.DataAnnotations.RangeAttribute range, ..])
            {
                obj["minimum"] = Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
                obj["maximum"] = Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
            }

            var description = Describe(context.PropertyInfo?.AttributeProvider) ?? (context.PropertyInfo is null ? Describe(type) : null);
            if (description is not null)
            {
                obj.Insert(0, "description", description);
            }
        }

        return node;
    }

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

    private static JsonNode Types(string type, bool nullable) => nullable ? new JsonArray(type, "null") : JsonValue.Create(type);

    private static JsonObject EnumSchema(Type enumType, bool nullable)
    {
        var names = new JsonArray();
        foreach (var name in Enum.GetNames(enumType))
        {
            names.Add((JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(name)));
        }

        if (nullable)
        {
            names.Add((JsonNode?)null);
        }

        return new JsonObject { ["type"] = Types("string", nullable), ["enum"] = names };
    }

    private static string? Describe(ICustomAttributeProvider? provider) =>
        provider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false) is [DescriptionAttribute attribute, ..] ? attribute.Description : null;
}
