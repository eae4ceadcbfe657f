using System.Text.Json.Nodes;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Serialization;

public class MigrationTests
{
    // A made-up version 0 that named the protocol "protocolId" and the sessions "meetings".
    private const string VersionZero = """
        {
          "schemaVersion": 0,
          "protocolId": "ipt",
          "meetings": [ { "number": 1, "phase": "initial" } ]
        }
        """;

    private static readonly CourseMigration ZeroToOne = new(0, document =>
    {
        Rename(document, "protocolId", "protocol");
        Rename(document, "meetings", "sessions");
        return document;
    });

    private static void Rename(JsonObject document, string from, string to)
    {
        if (document[from] is { } value)
        {
            document.Remove(from);
            document[to] = value;
        }
    }

    [Fact]
    public void An_older_document_is_migrated_by_a_registered_step()
    {
        var reader = new CourseJson(migrations: [ZeroToOne]);
        var result = reader.TryRead(VersionZero);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(new Course(ProtocolId.From("ipt")) { Sessions = [new Session(1, Phase.Initial)] }, result.Value);
    }

    [Fact]
    public void Without_a_step_an_older_document_is_refused_naming_both_versions()
    {
        var error = Assert.Single(CourseJson.Default.TryRead(VersionZero).Errors);
        Assert.Equal("$.schemaVersion", error.Path.ToString());
        Assert.Equal(2, error.Location?.Line);
        Assert.Equal("The document's schema version 0 is older than this library's version 2. No migration from version 0 is registered.", error.Message);
    }

    [Fact]
    public void Problems_after_migration_are_reported_by_path_without_lines()
    {
        var reader = new CourseJson(migrations: [ZeroToOne]);
        var result = reader.TryRead(VersionZero.Replace("\"number\": 1", "\"number\": 0", StringComparison.Ordinal));
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.sessions[0].number", error.Path.ToString());
        Assert.Null(error.Location?.Line);
    }

    [Fact]
    public void A_step_that_fails_is_reported_not_thrown()
    {
        var reader = new CourseJson(migrations: [new CourseMigration(0, _ => throw new InvalidOperationException("Secret"))]);
        var error = Assert.Single(reader.TryRead(VersionZero).Errors);
        Assert.Equal("The document could not be migrated from version 0 to 1.", error.Message);
    }

    [Fact]
    public void A_current_document_is_not_migrated()
    {
        var calls = 0;
        var reader = new CourseJson(migrations: [new CourseMigration(0, d => { calls++; return d; })]);
        Assert.True(reader.TryRead(CourseJson.Default.ToUtf8Bytes(SampleCourses.Standard)).Success);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Steps_are_checked_when_registered()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CourseMigration(2, d => d));
        Assert.Throws<ArgumentException>(() => new CourseJson(migrations: [new CourseMigration(1, d => d)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CourseMigration(-1, d => d));
        Assert.Throws<ArgumentException>(() => new CourseJson(migrations: [ZeroToOne, ZeroToOne]));
        Assert.Equal("Migration 0 → 1", ZeroToOne.ToString());
    }
}
