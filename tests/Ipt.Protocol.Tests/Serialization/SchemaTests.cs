using System.Text.Json.Nodes;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Serialization;

public class SchemaTests
{
    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string>();
        foreach (var schema in DocumentSchema.All)
        {
            data.Add(schema.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_checked_in_schema_matches_the_code(string name)
    {
        Assert.True(DocumentSchema.TryGet(name, out var schema));
        Snapshot.MatchFile(Path.Combine("docs", "schema", schema.FileName), schema.ToJsonString());
    }

    [Fact]
    public void The_course_schema_is_strict_and_described()
    {
        var schema = DocumentSchema.Course.ToJsonNode().AsObject();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.False((bool?)schema["additionalProperties"]);
        Assert.Equal(["schemaVersion", "protocol"], schema["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(2, (int?)schema["properties"]!["schemaVersion"]!["const"]);
        var session = schema["properties"]!["sessions"]!["items"]!.AsObject();
        Assert.Equal("The 1-based session number.", (string?)session["properties"]!["number"]!["description"]);
        Assert.Contains("initial", session["properties"]!["phase"]!["enum"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("date", (string?)session["properties"]!["date"]!["format"]);
    }

    [Fact]
    public void Every_member_of_the_course_schema_has_a_description()
    {
        var missing = new List<string>();
        Walk(DocumentSchema.Course.ToJsonNode(), "$", missing);
        Assert.Empty(missing);
    }

    private static void Walk(JsonNode? node, string path, List<string> missing)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property?["description"] is null)
                {
                    missing.Add($"{path}.{name}");
                }

                Walk(property, $"{path}.{name}", missing);
            }
        }

        Walk(obj["items"], $"{path}[]", missing);
    }

    [Fact]
    public void Ipt_schema_prints_the_checked_in_schema()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, Ipt.Protocol.Cli.IptCli.Run(["schema"], output, error));
        Assert.Equal(DocumentSchema.Course.ToJsonString(), output.ToString());
        Assert.Equal(0, Ipt.Protocol.Cli.IptCli.Run(["schema", "course"], output, error));
        Assert.Equal(2, Ipt.Protocol.Cli.IptCli.Run(["schema", "nothing"], new StringWriter(), error));
    }
}
