using System.Text;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Tests.Techniques;

public class CatalogueReaderTests
{
    public const string ValidBody =
        "\"id\": \"x-technique\", \"name\": \"X technique\", \"group\": \"clarification\", \"description\": \"Does x.\", "
        + "\"phaseWeights\": {\"middle\": 0.5}, \"citation\": {\"sources\": [\"WMK\"], \"confidence\": \"high\"}";

    /// <summary>A file with one entry whose body is on line 5.</summary>
    public static string Doc(string entryBody, string extraRoot = "") =>
        string.Join("\n",
            "{",
            "  \"schemaVersion\": 1,",
            "  \"name\": \"test\"," + extraRoot,
            "  \"entries\": [",
            "    { " + entryBody + " }",
            "  ]",
            "}");

    private static DocumentError SingleError(string json)
    {
        var result = CatalogueJson.Default.TryRead(json);
        Assert.False(result.Success);
        Assert.Null(result.Value);
        return Assert.Single(result.Errors);
    }

    private static void AssertAt(DocumentError error, string path, string json, int line, string token, string messagePart)
    {
        Assert.Equal(path, error.Path.ToString());
        Assert.Equal(line, error.Location?.Line);
        var text = json.Split('\n')[line - 1];
        Assert.Equal(text.IndexOf(token, StringComparison.Ordinal) + 1, error.Location?.Column);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_file_reads_to_entries()
    {
        var json = Doc(ValidBody.Replace("\"phaseWeights\": {\"middle\": 0.5}",
            "\"phaseWeights\": {\"middle\": 0.5, \"termination\": 0.25}, \"areaWeights\": {\"roleDispute\": 1}, \"stageWeights\": {\"impasse\": 0.75}, "
            + "\"strategyFor\": [\"roleDispute\"], \"variants\": [\"ipt\", \"ipt-a\"], \"task\": \"intervalReview\", \"oneOff\": true, \"override\": false",
            StringComparison.Ordinal));
        var result = CatalogueJson.Default.TryRead(json, "inline");
        Assert.True(result.Success, string.Join("; ", result.Errors));
        var file = result.Value;
        Assert.Equal("test", file.Name);
        Assert.Equal("inline", file.Source);
        var added = Assert.Single(file.Entries);
        Assert.False(added.Override);
        Assert.Equal("$.entries[0].id", added.Path?.ToString());
        Assert.Equal(new DocumentLocation(5, json.Split('\n')[4].IndexOf("\"id\"", StringComparison.Ordinal) + 1), added.Location); // a member is located at its name
        var expected = new TechniqueEntry
        {
            Id = TechniqueId.From("x-technique"),
            Name = "X technique",
            Group = TechniqueGroup.Clarification,
            Description = "Does x.",
            PhaseWeights = [new(Phase.Middle, 0.5), new(Phase.Termination, 0.25)],
            AreaWeights = [new(ProblemArea.RoleDispute, 1)],
            StageWeights = [new(RoleDisputeStage.Impasse, 0.75)],
            StrategyFor = [ProblemArea.RoleDispute],
            Variants = [BuiltInProtocols.Standard.Id, BuiltInProtocols.Adolescent.Id],
            Task = SessionTask.IntervalReview,
            OneOff = true,
            Citation = new(Confidence.High, "WMK"),
        };
        Assert.Equal(expected, added.Entry);
    }

    [Fact]
    public void Comments_and_a_byte_order_mark_are_accepted()
    {
        var json = "// contributed\n" + Doc(ValidBody + " /* inline */");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray();
        Assert.True(CatalogueJson.Default.TryRead(bytes).Success);
    }

    [Theory]
    // Unknown names.
    [InlineData("\"phaseWeights\": {\"middle\": 0.5}", "\"phaseWeights\": {\"beginning\": 0.5}", "$.entries[0].phaseWeights.beginning", "\"beginning\"", "Unknown phase 'beginning'; expected one of: preTreatment, initial, middle, termination, maintenance.")]
    [InlineData("\"group\": \"clarification\"", "\"group\": \"Clarification\"", "$.entries[0].group", "\"group\"", "Unknown value; expected one of")]
    [InlineData("\"description\": \"Does x.\"", "\"description\": \"Does x.\", \"areaWeights\": {\"loneliness\": 0.5}", "$.entries[0].areaWeights.loneliness", "\"loneliness\"", "Unknown problem area 'loneliness'; expected one of: grief, roleDispute, roleTransition, interpersonalDeficits, lostHealthySelf.")]
    [InlineData("\"description\": \"Does x.\"", "\"description\": \"Does x.\", \"stageWeights\": {\"truce\": 0.5}", "$.entries[0].stageWeights.truce", "\"truce\"", "Unknown role-dispute stage 'truce'")]
    [InlineData("\"description\": \"Does x.\"", "\"description\": \"Does x.\", \"strategyFor\": [\"grief\", \"griefs\"]", "$.entries[0].strategyFor[1]", "\"griefs\"", "Unknown value; expected one of")]
    [InlineData("\"description\": \"Does x.\"", "\"description\": \"Does x.\", \"task\": \"homework\"", "$.entries[0].task", "\"task\"", "Unknown value; expected one of")]
    [InlineData("\"description\": \"Does x.\"", "\"description\": \"Does x.\", \"colour\": \"red\"", "$.entries[0].colour", "\"colour\"", "The member is not part of the format")]
    // Weights out of range or of the wrong type.
    [InlineData("\"middle\": 0.5", "\"middle\": 1.5", "$.entries[0].phaseWeights.middle", "1.5", "A weight is between 0 and 1; found 1.5.")]
    [InlineData("\"middle\": 0.5", "\"middle\": -0.1", "$.entries[0].phaseWeights.middle", "-0.1", "A weight is between 0 and 1")]
    [InlineData("\"middle\": 0.5", "\"middle\": \"high\"", "$.entries[0].phaseWeights.middle", "\"high\"", "Expected a number; found a string.")]
    [InlineData("\"middle\": 0.5", "\"middle\": 0", "$.entries[0].phaseWeights", "\"phaseWeights\"", "An IPT technique needs a weight above 0 in at least one phase")]
    // Ids.
    [InlineData("\"id\": \"x-technique\"", "\"id\": \"X_Technique\"", "$.entries[0].id", "\"id\"", "A technique id is kebab-case")]
    [InlineData("\"id\": \"x-technique\", ", "", "$.entries[0].id", "{ \"name\"", "id is required.")]
    // Citation.
    [InlineData(", \"citation\": {\"sources\": [\"WMK\"], \"confidence\": \"high\"}", "", "$.entries[0].citation", "{ \"id\"", "The required property 'citation' is missing: every entry cites its source.")]
    [InlineData("\"sources\": [\"WMK\"]", "\"sources\": []", "$.entries[0].citation.sources", "\"sources\"", "A citation names at least one source.")]
    [InlineData("\"sources\": [\"WMK\"], \"confidence\": \"high\"", "\"sources\": [\"WMK\"]", "$.entries[0].citation.confidence", "{\"sources\"", "confidence is required.")]
    [InlineData("\"confidence\": \"high\"", "\"confidence\": \"certain\"", "$.entries[0].citation.confidence", "\"confidence\"", "Unknown value; expected one of low, medium, high.")]
    // Structure.
    [InlineData("\"name\": \"X technique\"", "\"name\": \"X technique\", \"name\": \"Y\"", "$.entries[0].name", "\"name\": \"Y\"", "The member appears more than once")]
    [InlineData("\"name\": \"X technique\"", "\"name\": \"  \"", "$.entries[0].name", "\"name\"", "The text must be 1 to 10000 characters and not blank.")]
    [InlineData("\"description\": \"Does x.\"", "\"description\": \"Does x.\", \"oneOff\": \"yes\"", "$.entries[0].oneOff", "\"oneOff\"", "Expected true or false; found a string.")]
    [InlineData("\"description\": \"Does x.\"", "\"description\": \"Does x.\", \"variants\": [\"IPT A\"]", "$.entries[0].variants[0]", "\"IPT A\"", "A protocol id is kebab-case")]
    public void Each_problem_in_an_entry_is_reported_with_its_path_and_line(string replace, string with, string path, string token, string message)
    {
        var json = Doc(ValidBody.Replace(replace, with, StringComparison.Ordinal));
        Assert.NotEqual(Doc(ValidBody), json);
        AssertAt(SingleError(json), path, json, 5, token, message);
    }

    [Fact]
    public void A_duplicate_id_is_reported_at_the_second_entry()
    {
        var json = string.Join("\n", "{", "  \"schemaVersion\": 1,", "  \"name\": \"test\",", "  \"entries\": [", "    { " + ValidBody + " },", "    { " + ValidBody + " }", "  ]", "}");
        AssertAt(SingleError(json), "$.entries[1].id", json, 6, "\"id\"", "Duplicate id: an earlier entry of this file has it (at $.entries[0].id).");
    }

    [Fact]
    public void Root_problems_are_reported_with_their_path_and_line()
    {
        var noVersion = "{\n  \"name\": \"test\"\n}";
        AssertAt(SingleError(noVersion), "$.schemaVersion", noVersion, 1, "{", "schemaVersion is required.");

        var version2 = "{\n  \"schemaVersion\": 2,\n  \"name\": \"test\"\n}";
        AssertAt(SingleError(version2), "$.schemaVersion", version2, 2, "\"schemaVersion\"", "Only schema version 1 is supported.");
        Assert.Equal(DocumentErrorCodes.SchemaVersion, SingleError(version2).Code);

        var noName = "{\n  \"schemaVersion\": 1\n}";
        AssertAt(SingleError(noName), "$.name", noName, 1, "{", "name is required.");

        var unknown = "{\n  \"schemaVersion\": 1,\n  \"name\": \"test\",\n  \"rules\": []\n}";
        AssertAt(SingleError(unknown), "$.rules", unknown, 4, "\"rules\"", "The member is not part of the format");

        var notObject = "[\n]";
        AssertAt(SingleError(notObject), "$", notObject, 1, "[", "A catalogue file is a JSON object; found an array.");

        var entriesNotArray = "{\n  \"schemaVersion\": 1,\n  \"name\": \"test\",\n  \"entries\": {}\n}";
        AssertAt(SingleError(entriesNotArray), "$.entries", entriesNotArray, 4, "\"entries\"", "Expected an array; found an object.");

        var entryNotObject = "{\n  \"schemaVersion\": 1,\n  \"name\": \"test\",\n  \"entries\": [\n    42\n  ]\n}";
        AssertAt(SingleError(entryNotObject), "$.entries[0]", entryNotObject, 5, "42", "Expected an object; found a number.");
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line()
    {
        var json = "{\n  \"schemaVersion\": 1,\n  \"name\": \"test\",\n  \"entries\": [ { \"id\": \"x\", } ]\n}";
        var error = SingleError(json);
        Assert.Equal(4, error.Location?.Line);
        Assert.Equal("Expected a member name after ','; found '}' (trailing commas are not allowed).", error.Message);
        Assert.Equal(DocumentErrorCodes.Syntax, error.Code);
        Assert.StartsWith("$.entries[0]", error.Path.ToString(), StringComparison.Ordinal);

        Assert.Equal("The file is empty.", SingleError("").Message);
        Assert.Equal(DocumentErrorCodes.Truncated, SingleError("").Code);
        Assert.Equal(DocumentErrorCodes.Syntax, SingleError("{\"schemaVersion\": 1, \"name\": \"a\"} {}").Code);
    }

    [Fact]
    public void Disable_problems_are_reported_with_their_path_and_line()
    {
        var twice = Doc(ValidBody, "\n  \"disable\": [\"role-play\", \"role-play\"],");
        AssertAt(SingleError(twice), "$.disable[1]", twice, 4, "\"role-play\"]", "The id is disabled twice (also at $.disable[0]).");

        var both = Doc(ValidBody, "\n  \"disable\": [\"x-technique\"],");
        AssertAt(SingleError(both), "$.disable[0]", both, 4, "\"x-technique\"", "The file both defines this id (at $.entries[0].id) and disables it.");

        var badId = Doc(ValidBody, "\n  \"disable\": [\"Role Play\"],");
        AssertAt(SingleError(badId), "$.disable[0]", badId, 4, "\"Role Play\"", "A technique id is kebab-case");
    }

    [Fact]
    public void Every_problem_is_reported_and_nothing_half_loads()
    {
        var json = string.Join("\n",
            "{",
            "  \"schemaVersion\": 1,",
            "  \"name\": \"test\",",
            "  \"entries\": [",
            "    { " + ValidBody.Replace("\"middle\": 0.5", "\"middle\": 2", StringComparison.Ordinal) + " },",
            "    { " + ValidBody.Replace("x-technique", "y-technique", StringComparison.Ordinal) + " },",
            "    { " + ValidBody.Replace("x-technique", "z-technique", StringComparison.Ordinal).Replace("\"group\": \"clarification\"", "\"group\": \"magic\"", StringComparison.Ordinal) + " }",
            "  ]",
            "}");
        var result = CatalogueJson.Default.TryRead(json);
        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.Equal(["$.entries[0].phaseWeights.middle", "$.entries[2].group"], result.Errors.Select(e => e.Path.ToString()));
        Assert.Equal([5, 7], result.Errors.Select(e => e.Location?.Line ?? 0));
    }

    [Fact]
    public void Messages_point_at_paths_and_the_error_formats_with_its_line()
    {
        var json = Doc(ValidBody.Replace("\"middle\": 0.5", "\"middle\": 1.5", StringComparison.Ordinal));
        var error = SingleError(json);
        Assert.StartsWith("$.entries[0].phaseWeights.middle (line 5, column ", error.ToString(), StringComparison.Ordinal);
        Assert.Throws<DocumentException>(() => CatalogueJson.Default.TryRead(json).GetValueOrThrow());
    }

    [Fact]
    public void The_writer_round_trips_the_built_in_catalogue()
    {
        var json = CatalogueJson.Default.WriteToString("built-in", BuiltInTechniques.All);
        var read = CatalogueJson.Default.TryRead(json);
        Assert.True(read.Success, string.Join("; ", read.Errors));
        Assert.Equal(BuiltInTechniques.All, read.Value.Entries.Select(e => e.Entry));
        Assert.Contains("\"phaseWeights\": {", json, StringComparison.Ordinal);
        Assert.Contains("patient's", json, StringComparison.Ordinal);

        var file = read.Value with { Entries = [new CatalogueFileEntry(BuiltInTechniques.All[0], Override: true)], Disable = [new CatalogueDisable(TechniqueIds.RolePlay)] };
        var again = CatalogueJson.Default.TryRead(CatalogueJson.Default.WriteToString(file));
        Assert.True(again.Success);
        Assert.True(again.Value.Entries[0].Override);
        Assert.Equal(TechniqueIds.RolePlay, again.Value.Disable[0].Id);
    }
}
