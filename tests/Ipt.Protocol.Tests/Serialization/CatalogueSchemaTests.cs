using System.Text.Json.Nodes;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;
using Ipt.Protocol.Tests.Docs;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>The catalogue schema is generated from the member table that reads catalogues: these tests check the reader and the schema agree on the members of real catalogues.</summary>
public class CatalogueSchemaTests
{
    private static readonly JsonObject Schema = DocumentSchema.Catalogue.ToJsonNode().AsObject();

    public static TheoryData<string> Documents() => new()
    {
        RepoFiles.Read("docs/examples/catalogue.example.json"),
        CatalogueJson.Default.WriteToString("Built-in", BuiltInTechniques.All),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_member_of_a_catalogue_the_reader_accepts_is_in_the_schema(string json)
    {
        Assert.True(CatalogueJson.Default.TryRead(json).Success);
        var unknown = new List<string>();
        Walk(JsonNode.Parse(json)!, Schema, "$", unknown);
        Assert.Empty(unknown);
    }

    [Fact]
    public void The_schema_requires_what_the_reader_requires()
    {
        Assert.Equal(["schemaVersion", "name"], Schema["required"]!.AsArray().Select(n => (string?)n));
        var entry = Schema["properties"]!["entries"]!["items"]!.AsObject();
        Assert.Equal(["id", "name", "group", "description", "citation"], entry["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["sources", "confidence"], entry["properties"]!["citation"]!["required"]!.AsArray().Select(n => (string?)n));
        Assert.False((bool?)entry["additionalProperties"]);
        Assert.Equal(1.0, (double?)entry["properties"]!["phaseWeights"]!["properties"]!["middle"]!["maximum"]);
        Assert.Contains("nonIpt", entry["properties"]!["group"]!["enum"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void A_member_missing_from_the_schema_would_be_found()
    {
        var unknown = new List<string>();
        Walk(JsonNode.Parse("""{ "schemaVersion": 1, "name": "x", "extra": 1 }""")!, Schema, "$", unknown);
        Assert.Equal(["$.extra"], unknown);
    }

    private static void Walk(JsonNode node, JsonObject schema, string path, List<string> unknown)
    {
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, value) in obj)
                {
                    if (properties[name] is not JsonObject child)
                    {
                        unknown.Add($"{path}.{name}");
                    }
                    else if (value is not null)
                    {
                        Walk(value, child, $"{path}.{name}", unknown);
                    }
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        Walk(item, items, $"{path}[{i}]", unknown);
                    }
                }

                break;
        }
    }
}
