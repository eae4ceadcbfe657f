using System.Text;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Tests.Serialization;

public class LocatePathsTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes(
        "{\n  \"schemaVersion\": 2,\n  \"sessions\": [\n    {\n      \"number\": 1,\n      \"techniques\": [\"a\", \"b\"]\n    }\n  ]\n}\n");

    private static readonly DocumentPath Session0 = DocumentPath.Session(0);

    [Fact]
    public void Locates_members_array_items_and_the_root()
    {
        var number = Session0.Property("number");
        var technique = Session0.Property("techniques").At(1);
        var found = CourseJson.Locate(Document, [number, technique, DocumentPath.Root, DocumentPath.Of("sessions")]);
        Assert.Equal(new DocumentLocation(5, 7), found[number]);
        Assert.Equal(new DocumentLocation(6, 27), found[technique]);
        Assert.Equal(new DocumentLocation(1, 1), found[DocumentPath.Root]);
        Assert.Equal(new DocumentLocation(3, 3), found[DocumentPath.Of("sessions")]);
    }

    [Fact]
    public void A_path_left_out_of_the_document_is_located_at_its_closest_enclosing_member()
    {
        var date = Session0.Property("date");
        var stage = DocumentPath.Of("formulation").Property("areas").At(0).Property("disputeStage");
        var found = CourseJson.Locate(Document, [date, stage]);
        Assert.Equal(4, found[date].Line);
        Assert.Equal(1, found[stage].Line);
    }

    [Fact]
    public void A_malformed_document_locates_what_comes_before_the_break()
    {
        var found = CourseJson.Locate("{\n  \"schemaVersion\": 2,\n  \"sessions\": [,\n"u8, [DocumentPath.Of("schemaVersion"), Session0]);
        Assert.Equal(2, found[DocumentPath.Of("schemaVersion")].Line);
        Assert.Equal(3, found[Session0].Line);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var found = CourseJson.Locate("{\"é€😀\": 1, \"protocol\": \"ipt\"}"u8, [DocumentPath.Of("protocol")]);
        Assert.Equal(new DocumentLocation(1, 13), found[DocumentPath.Of("protocol")]);
    }
}
