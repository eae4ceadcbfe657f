using System.Text;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Serialization;

public class LocatePathsTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes(
        "{\n  \"schemaVersion\": 1,\n  \"sessions\": [\n    {\n      \"number\": 1,\n      \"techniques\": [\"a\", \"b\"]\n    }\n  ]\n}\n");

    [Fact]
    public void Locates_members_array_items_and_the_root_in_both_path_styles()
    {
        var found = CourseJson.LocatePaths(Document, ["sessions[0].number", "$.sessions[0].techniques[1]", "", "sessions"]);
        Assert.Equal(new JsonLocation(5, 6), found["sessions[0].number"]);
        Assert.Equal(6, found["$.sessions[0].techniques[1]"].Line);
        Assert.Equal(new JsonLocation(1, 0), found[""]);
        Assert.Equal(new JsonLocation(3, 2), found["sessions"]);
    }

    [Fact]
    public void A_path_left_out_of_the_document_is_located_at_its_closest_enclosing_member()
    {
        var found = CourseJson.LocatePaths(Document, ["sessions[0].date", "formulation.areas[0].disputeStage"]);
        Assert.Equal(4, found["sessions[0].date"].Line);
        Assert.Equal(1, found["formulation.areas[0].disputeStage"].Line);
    }

    [Fact]
    public void A_malformed_document_locates_what_comes_before_the_break()
    {
        var found = CourseJson.LocatePaths("{\n  \"schemaVersion\": 1,\n  \"sessions\": [,\n"u8, ["schemaVersion", "sessions[0]"]);
        Assert.Equal(2, found["schemaVersion"].Line);
        Assert.Equal(3, found["sessions[0]"].Line);
    }
}
