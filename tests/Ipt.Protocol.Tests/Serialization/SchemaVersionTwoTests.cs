using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Docs;
using NodaTime;

namespace Ipt.Protocol.Tests.Serialization;

/// <summary>
/// Schema version 2 (issue 13): every version-1 document still reads, through the built-in migration
/// (the shipped examples as the 0.1 writer wrote them, and a document with every migrated member).
/// </summary>
public class SchemaVersionTwoTests
{
    private const string Folder = "tests/Ipt.Protocol.Tests/Serialization/Version1";

    public static TheoryData<string> VersionOneDocuments() =>
        [.. Directory.GetFiles(RepoFiles.PathOf(Folder), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(VersionOneDocuments))]
    public void Every_version_1_document_reads_and_writes_back_as_version_2(string name)
    {
        var text = RepoFiles.Read($"{Folder}/{name}");
        Assert.Contains("\"schemaVersion\": 1", text, StringComparison.Ordinal);
        var read = CourseJson.Default.TryRead(text);
        Assert.True(read.Success, string.Join("\n", read.Errors));
        var written = CourseJson.Default.WriteToString(read.Value);
        Assert.StartsWith("{\n  \"schemaVersion\": 2,", written, StringComparison.Ordinal);
        Assert.Equal(read.Value, CourseJson.Default.TryRead(written).Value);
    }

    [Fact]
    public void The_built_in_migration_moves_every_changed_member()
    {
        var course = CourseJson.Default.TryRead(RepoFiles.Read($"{Folder}/every-migrated-member.v1.json")).GetValueOrThrow();

        // Telephone and video were formats; they are delivery modes of individual sessions now.
        Assert.Equal((SessionFormat.Individual, DeliveryMode.Telephone), (course.Sessions[0].Format, course.Sessions[0].Delivery));
        Assert.Equal((SessionFormat.Individual, DeliveryMode.Video), (course.Sessions[1].Format, course.Sessions[1].Delivery));
        Assert.Equal((SessionFormat.Joint, (DeliveryMode?)null), (course.Sessions[2].Format, course.Sessions[2].Delivery));

        // A Social Rhythm Metric total is its mean.
        Assert.Equal(4m, course.Sessions[0].Measures[0].Mean);
        Assert.Null(course.Sessions[0].Measures[0].Total);
        Assert.Equal(12, course.Sessions[1].Measures[0].Total);

        // diedOn is a death life event naming the person, who is deceased.
        Assert.Equal(
            [new LifeEvent(LifeEventKind.Death, new LocalDate(2025, 10, 1)) { Persons = [PersonId.From("p1")] }, new LifeEvent(LifeEventKind.Death, new LocalDate(2024, 2, 3)) { Persons = [PersonId.From("p2")] }],
            course.LifeEvents);
        Assert.All(course.Inventory.Persons, p => Assert.True(p.Deceased));

        // changesFocus: true is a change in the focus history at its session, the earlier focus not recorded.
        Assert.Equal([new FocusChange(6)], course.Formulation!.Changes);
        Assert.Equal([6, 8], course.Renegotiations.Select(r => r.AtSession));
    }

    [Fact]
    public void A_version_1_document_that_breaks_the_model_is_reported_by_path_after_migration()
    {
        var result = CourseJson.Default.TryRead("""{"schemaVersion":1,"protocol":"ipt","sessions":[{"number":0,"phase":"initial","format":"video"}]}""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.sessions[0].number", error.Path.ToString());
        Assert.Null(error.Location);
    }
}
