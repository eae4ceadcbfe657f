using System.Text;
using System.Text.Json.Nodes;
using Ipt.Protocol.Samples;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Tests.Docs;

namespace Ipt.Protocol.Tests.Serialization;

public class ReadErrorTests
{
    // Line 5 of every document below holds the first session.
    private static string Doc(string session, string extra = "") => $$"""
        {
          "schemaVersion": 2,
          "protocol": "ipt",{{extra}}
          "sessions": [
            {{session}}
          ]
        }
        """.ReplaceLineEndings("\n");

    [Fact]
    public void A_course_file_is_read_from_disk_within_the_limits()
    {
        Assert.True(CourseJson.Default.TryReadFile(RepoFiles.PathOf("docs/examples/standard.course.json")).TryGetValue(out var course));
        Assert.Equal(ProtocolId.From("ipt"), course.Protocol);

        var path = Path.Combine(Path.GetTempPath(), $"ipt-{Guid.NewGuid():N}.course.json");
        try
        {
            File.WriteAllText(path, "{ \"schemaVersion\": 2, \"protocol\": \"ipt\", \"sessions\": [ { \"number\": 0 } ] }");
            Assert.Contains(CourseJson.Default.TryReadFile(path).Errors, e => e.Path.ToString() == "$.sessions[0].number");
            Assert.False(new CourseJson(IptJsonLimits.Default with { MaxDocumentBytes = 16 }).TryReadFile(path).Success);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Throws<FileNotFoundException>(() => CourseJson.Default.TryReadFile(path));
    }

    private static DocumentError Single(string json, IptJsonLimits? limits = null)
    {
        var result = new CourseJson(limits).TryRead(json);
        Assert.False(result.Success);
        return Assert.Single(result.Errors);
    }

    private static void AssertError(DocumentError error, string path, long line, long position, string messagePart)
    {
        Assert.Equal(path, error.Path.ToString());
        Assert.Equal((int)line, error.Location?.Line);
        Assert.Equal((int)position + 1, error.Location?.Column); // the data gives 0-based byte positions of ASCII text
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_document_reads()
    {
        var result = CourseJson.Default.TryRead(Doc("""{ "number": 1, "phase": "initial" }"""));
        Assert.True(result.Success);
        Assert.Equal(1, Assert.Single(result.Value.Sessions).Number);
    }

    [Fact]
    public void Malformed_json_is_reported_where_it_breaks()
    {
        var error = Single(Doc("""{ "number": 1, "phase": "initial", }"""));
        AssertError(error, "$.sessions[0]", 5, 39, "Expected a member name after ','; found '}' (trailing commas are not allowed).");
        Assert.Equal(DocumentErrorCodes.Syntax, error.Code);
    }

    [Fact]
    public void A_bare_word_is_malformed_json_and_is_not_repeated()
    {
        var error = Single(Doc("""{ "number": 1, "phase": "initial", "notes": Secret }"""));
        AssertError(error, "$.sessions[0].notes", 5, 48, "Expected a value; found a bare word");
        Assert.Equal(DocumentErrorCodes.Syntax, error.Code);
        Assert.DoesNotContain("Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_what_was_expected_and_found()
    {
        var error = Single(Doc("""{ "number": "one", "phase": "initial" }"""));
        AssertError(error, "$.sessions[0].number", 5, 6, "Expected a whole number; found a string.");
        Assert.DoesNotContain("one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_where_an_array_is_expected_is_a_wrong_type()
    {
        var error = Single(Doc("""{ "number": 1, "phase": "initial", "tasks": {} }"""));
        AssertError(error, "$.sessions[0].tasks", 5, 39, "Expected an array; found an object.");
    }

    [Fact]
    public void An_unknown_member_is_an_error()
    {
        var error = Single(Doc("""{ "number": 1, "phase": "initial", "colour": "Secret" }"""));
        AssertError(error, "$.sessions[0].colour", 5, 39, "not part of the format");
        Assert.Equal(DocumentErrorCodes.UnknownMember, error.Code);
        Assert.DoesNotContain("Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_member_is_reported_at_the_repeat()
    {
        var error = Single(Doc("""{ "number": 1, "phase": "initial", "number": 2 }"""));
        AssertError(error, "$.sessions[0].number", 5, 39, "more than once");
    }

    [Fact]
    public void A_duplicate_root_member_is_an_error()
    {
        var error = Single(Doc("""{ "number": 1, "phase": "initial" }""", "\n  \"protocol\": \"ipt\","));
        AssertError(error, "$.protocol", 4, 2, "more than once");
    }

    [Fact]
    public void A_missing_required_member_is_reported_on_its_object()
    {
        var error = Single(Doc("""{ "phase": "initial" }"""));
        AssertError(error, "$.sessions[0].number", 5, 4, "number is required.");
    }

    [Fact]
    public void Every_missing_required_member_of_an_object_is_reported()
    {
        var result = CourseJson.Default.TryRead(Doc("{ }"));
        Assert.Equal(["$.sessions[0].number", "$.sessions[0].phase"], result.Errors.Select(e => e.Path.ToString()));
        Assert.All(result.Errors, e => Assert.Equal(5, e.Location?.Line));
    }

    [Fact]
    public void A_missing_required_root_member_is_reported()
    {
        var error = Single("{\n  \"schemaVersion\":2\n}");
        AssertError(error, "$.protocol", 1, 0, "protocol is required.");
    }

    [Theory]
    [InlineData("""{ "number": 1, "phase": null }""", "$.sessions[0].phase", 5, 19)]
    [InlineData("""{ "number": null, "phase": "initial" }""", "$.sessions[0].number", 5, 6)]
    [InlineData("""{ "number": 1, "phase": "initial", "techniques": [null] }""", "$.sessions[0].techniques[0]", 5, 54)]
    [InlineData("""{ "number": 1, "phase": "initial", "tasks": null }""", "$.sessions[0].tasks", 5, 39)]
    [InlineData("""null""", "$.sessions[0]", 5, 4)]
    public void A_null_where_none_is_allowed_is_an_error(string session, string path, long line, long position)
    {
        var error = Single(Doc(session));
        Assert.Equal(path, error.Path.ToString());
        Assert.Equal((int)line, error.Location?.Line);
        Assert.Equal((int)position + 1, error.Location?.Column); // the data gives 0-based byte positions of ASCII text
        Assert.Contains("null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_list_says_that_an_array_belongs_there()
    {
        var error = Single("{\n  \"schemaVersion\":2,\n  \"protocol\": \"ipt\",\n  \"sessions\": null\n}");
        AssertError(error, "$.sessions", 4, 2, "Expected an array; found null.");
    }

    [Fact]
    public void A_null_required_string_is_an_error()
    {
        var error = Single("{\n  \"schemaVersion\":2,\n  \"protocol\": null\n}");
        AssertError(error, "$.protocol", 3, 2, "found null.");
        Assert.Equal(DocumentErrorCodes.Type, error.Code);
    }

    [Fact]
    public void A_null_optional_value_means_absent()
    {
        var result = CourseJson.Default.TryRead(Doc("""{ "number": 1, "phase": "initial", "notes": null, "date": null }""", "\n  \"contract\": null,"));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Null(result.Value.Sessions[0].Notes);
    }

    [Fact]
    public void An_unknown_enum_name_lists_the_known_names()
    {
        var error = Single(Doc("""{ "number": 1, "phase": "beginning" }"""));
        AssertError(error, "$.sessions[0].phase", 5, 19, "expected one of preTreatment, initial, middle, termination, maintenance.");
        Assert.DoesNotContain("beginning", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "number": 1, "phase": "Initial" }""")]
    [InlineData("""{ "number": 1, "phase": 1 }""")]
    public void Enum_values_are_exact_camel_case_strings(string session)
    {
        Assert.Equal("$.sessions[0].phase", Single(Doc(session)).Path.ToString());
    }

    [Theory]
    [InlineData("""{ "number": 1, "phase": "initial", "date": "05/01/2026" }""", "$.sessions[0].date", "YYYY-MM-DD")]
    [InlineData("""{ "number": 1, "phase": "initial", "date": "2026-02-30" }""", "$.sessions[0].date", "YYYY-MM-DD")]
    [InlineData("""{ "number": 1, "phase": "initial", "length": "50 minutes" }""", "$.sessions[0].length", "PT50M")]
    [InlineData("""{ "number": 1, "phase": "initial", "length": "P1M" }""", "$.sessions[0].length", "no years, months or weeks")]
    [InlineData("""{ "number": 1.5, "phase": "initial" }""", "$.sessions[0].number", "whole number")]
    [InlineData("""{ "number": 99999999999, "phase": "initial" }""", "$.sessions[0].number", "whole number")]
    [InlineData("""{ "number": 1, "phase": "initial", "measures": [ { "instrument": "phq-9", "items": [1, "2"] } ] }""", "$.sessions[0].measures[0].items[1]", "whole number")]
    public void Bad_values_are_reported_at_their_path(string session, string path, string messagePart)
    {
        var error = Single(Doc(session));
        Assert.Equal(path, error.Path.ToString());
        Assert.Equal(5, error.Location?.Line);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_frequency_is_reported_at_its_path()
    {
        var error = Single("{\n  \"schemaVersion\":2,\n  \"protocol\": \"ipt\",\n  \"contract\": { \"sessions\": 12, \"frequency\": \"weekly\" }\n}");
        AssertError(error, "$.contract.frequency", 4, 32, "P1W");
    }

    [Fact]
    public void Invalid_id_syntax_is_reported_at_each_id_without_repeating_it()
    {
        var result = CourseJson.Default.TryRead(Doc(
            """{ "number": 1, "phase": "initial", "techniques": ["role-play", "Secret Name", "Role_Play"] }""",
            "\n  \"goals\": [ { \"id\": \"a b\", \"description\": \"d\" } ],"));
        Assert.False(result.Success);
        Assert.Equal(["$.goals[0].id", "$.sessions[0].techniques[1]", "$.sessions[0].techniques[2]"], result.Errors.Select(e => e.Path.ToString()));
        Assert.Equal([4, 6, 6], result.Errors.Select(e => e.Location?.Line ?? 0));
        Assert.All(result.Errors, e => Assert.DoesNotContain("Secret", e.Message, StringComparison.Ordinal));
        Assert.Contains("technique id", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_protocol_id_is_reported()
    {
        var error = Single("{\n  \"schemaVersion\":2,\n  \"protocol\": \"IPT 16\"\n}");
        AssertError(error, "$.protocol", 3, 2, "protocol id");
    }

    [Fact]
    public void Every_invariant_breach_is_reported_at_its_path_and_line()
    {
        var json = """
            {
              "schemaVersion": 2,
              "protocol": "ipt",
              "patientAge": 200,
              "inventory": {
                "rings": 3,
                "persons": [
                  { "id": "p1", "relationship": "partner", "ring": 1 },
                  { "id": "p1", "relationship": "friend", "label": "" },
                  { "id": "p3", "relationship": "friend", "ring": 4 }
                ]
              },
              "sessions": [
                { "number": 0, "phase": "initial", "length": "PT0S" },
                { "number": 2, "phase": "initial", "measures": [
                  { "instrument": "phq-9", "items": [1, 1, 1, 1, 4, 0, 0, 0, 0] },
                  { "instrument": "gad-7", "items": [1, 1] },
                  { "instrument": "phq-9" },
                  { "instrument": "phq-9", "total": -1 }
                ] }
              ],
              "goals": [ { "id": "g1", "description": "", "steps": [ { "description": "s", "doneAtSession": 0 } ] } ],
              "diary": [ { "date": "2026-01-08", "mood": 11 } ]
            }
            """.ReplaceLineEndings("\n");
        var result = CourseJson.Default.TryRead(json);
        Assert.False(result.Success);
        var expected = new (string Path, long Line)[]
        {
            ("$.patientAge", 4),
            ("$.inventory.persons[1].id", 9),
            ("$.inventory.persons[1].label", 9),
            ("$.inventory.persons[2].ring", 10),
            ("$.sessions[0].number", 14),
            ("$.sessions[0].length", 14),
            ("$.sessions[1].measures[0].items[4]", 16),
            ("$.sessions[1].measures[1].items", 17),
            ("$.sessions[1].measures[2]", 18),
            ("$.sessions[1].measures[3].total", 19),
            ("$.goals[0].description", 22),
            ("$.goals[0].steps[0].doneAtSession", 22),
            ("$.diary[0].mood", 23),
        };
        Assert.Equal(expected.Select(e => $"{e.Path}@{e.Line}"), result.Errors.Select(e => $"{e.Path.ToString()}@{e.Location?.Line}"));
        var byPath = result.Errors.ToDictionary(e => e.Path.ToString());
        Assert.Equal("number must be 1 or more.", byPath["$.sessions[0].number"].Message);
        Assert.Equal("PHQ-9 item 5 must be between 0 and 3.", byPath["$.sessions[1].measures[0].items[4]"].Message);
        Assert.Equal("ring must be between 1 and 3, the rings of the circle.", byPath["$.inventory.persons[2].ring"].Message);
        Assert.Equal("The person id is already used by persons[0]; person ids are unique.", byPath["$.inventory.persons[1].id"].Message);
        Assert.Equal("patientAge must be between 0 and 130.", byPath["$.patientAge"].Message);
        Assert.Equal(54, byPath["$.sessions[1].measures[0].items[4]"].Location?.Column);
    }

    [Fact]
    public void Defaults_apply_to_members_left_out()
    {
        var course = CourseJson.Default.TryRead(Doc("""{ "number": 1, "phase": "initial" }""", "\n  \"inventory\": { \"persons\": [ { \"id\": \"p1\", \"relationship\": \"friend\", \"ring\": 3 } ] },")).GetValueOrThrow();
        Assert.Equal(InterpersonalInventory.DefaultRings, course.Inventory.Rings);
        Assert.Equal(SessionFormat.Individual, course.Sessions[0].Format);
        Assert.Equal(SessionStatus.Planned, course.Sessions[0].Status);
    }

    [Fact]
    public void Too_many_rings_is_reported_on_the_rings()
    {
        var error = Single("{\n  \"schemaVersion\":2,\n  \"protocol\": \"ipt\",\n  \"inventory\": { \"rings\": 11 }\n}");
        AssertError(error, "$.inventory.rings", 4, 17, "between 1 and 10");
    }

    [Fact]
    public void A_document_nested_deeper_than_the_limit_is_refused()
    {
        var json = Doc("""{ "number": 1, "phase": "initial", "measures": [ { "instrument": "phq-9", "items": [1, 1, 1, 1, 1, 1, 1, 1, 1] } ] }""");
        Assert.True(CourseJson.Default.TryRead(json).Success);
        var error = Single(json, new IptJsonLimits { MaxDepth = 4 });
        Assert.Equal(5, error.Location?.Line);
        Assert.Contains("nested deeper than the limit of 4 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_with_the_default_limit()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var result = CourseJson.Default.TryRead("{\n  \"extra\": " + deep + ",\n  \"schemaVersion\":2,\n  \"protocol\": \"ipt\"\n}");
        var error = Assert.Single(result.Errors, e => e.Code == DocumentErrorCodes.Limit);
        Assert.Contains("nested deeper than the limit of 32 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.extra", error.Path.ToString());
        Assert.Equal(2, error.Location?.Line);
        Assert.Equal("$.extra", Assert.Single(result.Errors, e => e.Code == DocumentErrorCodes.UnknownMember).Path.ToString());
    }

    [Fact]
    public void A_document_larger_than_the_limit_is_refused_before_parsing()
    {
        var json = CourseJson.Default.WriteToString(SampleCourses.Standard) + new string(' ', 100_000);
        var limits = new IptJsonLimits { MaxDocumentBytes = 1000 };
        var error = Single(json, limits);
        Assert.Equal("$", error.Path.ToString());
        Assert.Null(error.Location?.Line);
        Assert.Contains("the limit is 1000 bytes", error.Message, StringComparison.Ordinal);

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var fromStream = new CourseJson(limits).TryRead(stream);
        Assert.Contains("larger than the limit of 1000 bytes", Assert.Single(fromStream.Errors).Message, StringComparison.Ordinal);
        Assert.True(stream.Position < json.Length);
    }

    [Fact]
    public void The_default_size_limit_is_four_mebibytes()
    {
        Assert.Equal(4 * 1024 * 1024, CourseJson.Default.Limits.MaxDocumentBytes);
        var huge = "{\"schemaVersion\":2,\"protocol\":\"ipt\",\"sessions\":[" + new string(' ', 4 * 1024 * 1024) + "]}";
        Assert.Contains("the limit is 4194304 bytes", Single(huge).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_version_names_both_versions()
    {
        var error = Single("{\n  \"protocol\": \"ipt\",\n  \"schemaVersion\":3,\n  \"newThing\": {}\n}");
        AssertError(error, "$.schemaVersion", 3, 2, "schema version 3 is newer than this library's version 2");
    }

    [Fact]
    public void A_missing_version_is_an_error()
    {
        var error = Single("{\n  \"protocol\": \"ipt\"\n}");
        AssertError(error, "$.schemaVersion", 1, 0, "schemaVersion is required");
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("1.5")]
    [InlineData("null")]
    public void A_version_that_is_not_a_whole_number_is_an_error(string version)
    {
        var error = Single($"{{\n  \"schemaVersion\": {version},\n  \"protocol\": \"ipt\"\n}}");
        AssertError(error, "$.schemaVersion", 2, 2, "whole number");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_document_that_is_not_an_object_is_an_error(string json)
    {
        AssertError(Single(json), "$", 1, 0, "JSON object");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"schemaVersion\":2,")]
    [InlineData("{\"schemaVersion\":2,\"protocol\":\"ipt\"}}")]
    [InlineData("{\"schemaVersion\":2,\"protocol\":\"ipt\"} // c")]
    [InlineData("{\"schemaVersion\":2,\"protocol\":'ipt'}")]
    [InlineData("{\"schemaVersion\":2,\"protocol\":\"ipt\",\"sessions\":[{\"number\":1,\"phase\":\"initial\",\"measures\":[{\"instrument\":\"phq-9\",\"items\":[1,2,3]}]}]}")]
    [InlineData("{\"schemaVersion\":0,\"protocol\":\"ipt\"")]
    [InlineData("{\"schemaVersion\":0,\"protocol\":\"ipt\",\"protocol\":\"ipt\"}")]
    public void Bad_input_never_throws(string json)
    {
        var result = CourseJson.Default.TryRead(json);
        Assert.False(result.Success);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Invalid_utf8_never_throws()
    {
        byte[] bytes = [.. "{\"schemaVersion\":2,\"protocol\":\""u8, 0xFF, 0xFE, .. "\"}"u8];
        Assert.False(CourseJson.Default.TryRead(bytes).Success);
    }

    [Fact]
    public void The_error_text_formats_path_line_and_position()
    {
        var error = Single(Doc("""{ "number": 0, "phase": "initial" }"""));
        Assert.Equal("$.sessions[0].number (line 5, column 7): number must be 1 or more. [value]", error.ToString());
    }

    [Fact]
    public void Free_text_never_appears_in_any_error()
    {
        var json = Doc(
            """{ "number": 0, "phase": "Secret", "notes": "Secret" }""",
            "\n  \"goals\": [ { \"id\": \"Secret goal\", \"description\": \"Secret\" } ],");
        var result = CourseJson.Default.TryRead(json);
        Assert.All(result.Errors, e => Assert.DoesNotContain("Secret", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Get_value_or_throw_lists_the_errors()
    {
        var ex = Assert.Throws<DocumentException>(() => CourseJson.Default.TryRead(Doc("""{ "number": 0, "phase": "initial" }""")).GetValueOrThrow());
        Assert.Contains("$.sessions[0].number (line 5, column 7)", ex.Message, StringComparison.Ordinal);
    }

    internal static JsonObject RenameProtocolId(JsonObject document)
    {
        if (document["protocolId"] is { } id)
        {
            document.Remove("protocolId");
            document["protocol"] = id.DeepClone();
        }

        return document;
    }
}
