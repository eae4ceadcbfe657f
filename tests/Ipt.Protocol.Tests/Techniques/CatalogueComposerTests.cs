using Ipt.Protocol.Serialization;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Tests.Techniques;

public class CatalogueComposerTests
{
    private static CatalogueFile File(string source, string entryBody, string extraRoot = "")
    {
        var result = CatalogueJson.Default.TryRead(CatalogueReaderTests.Doc(entryBody, extraRoot), source);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        return result.Value;
    }

    private static string Body(string id, string name = "X technique", bool isOverride = false) =>
        CatalogueReaderTests.ValidBody
            .Replace("x-technique", id, StringComparison.Ordinal)
            .Replace("X technique", name, StringComparison.Ordinal)
        + (isOverride ? ", \"override\": true" : string.Empty);

    [Fact]
    public void The_catalogue_format_reports_the_limits_it_reads_with()
    {
        Assert.Equal(CatalogueJson.MaxDepth, new CatalogueJson(IptJsonLimits.Default with { MaxDepth = 32 }).Limits.MaxDepth);
        Assert.Equal(8, new CatalogueJson(IptJsonLimits.Default with { MaxDepth = 8 }).Limits.MaxDepth);
        Assert.Equal(IptJsonLimits.Default.MaxDocumentBytes, CatalogueJson.Default.Limits.MaxDocumentBytes);
    }

    [Fact]
    public void A_file_adds_its_entries_to_the_built_in_catalogue()
    {
        var result = CatalogueComposer.Compose([File("a.json", Body("x-technique"))]);
        Assert.True(result.Success);
        Assert.Equal(TechniqueCatalogue.BuiltIn.Count + 1, result.Value.Count);
        Assert.True(result.Value.Contains(TechniqueId.From("x-technique")));
        Assert.Equal(BuiltInTechniques.All.Count, TechniqueCatalogue.BuiltIn.Count); // the built-in catalogue is unchanged
        Assert.False(TechniqueCatalogue.BuiltIn.Contains(TechniqueId.From("x-technique")));
    }

    [Fact]
    public void An_existing_id_without_override_is_an_error_with_its_location()
    {
        var result = CatalogueComposer.Compose([File("a.json", Body("role-play"))]);
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.entries[0].id", error.Path.ToString());
        Assert.Equal(5, error.Location?.Line);
        Assert.Equal("In catalogue 'a.json' (file 1): The id already exists in the base catalogue; set \"override\": true to replace it.", error.Message);
    }

    [Fact]
    public void An_explicit_override_replaces_the_entry()
    {
        var result = CatalogueComposer.Compose([File("a.json", Body("role-play", "Rehearsal", isOverride: true))]);
        Assert.True(result.Success);
        Assert.Equal(TechniqueCatalogue.BuiltIn.Count, result.Value.Count);
        Assert.True(result.Value.TryGet(TechniqueIds.RolePlay, out var entry));
        Assert.Equal("Rehearsal", entry.Name);
    }

    [Fact]
    public void An_override_of_an_unknown_id_is_an_error()
    {
        var result = CatalogueComposer.Compose([File("a.json", Body("x-technique", isOverride: true))]);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.entries[0].id", error.Path.ToString());
        Assert.Equal("In catalogue 'a.json' (file 1): \"override\" is true but no earlier catalogue has this id.", error.Message);
    }

    [Fact]
    public void Disable_removes_an_entry_and_an_unknown_id_is_an_error()
    {
        var removed = CatalogueComposer.Compose([File("a.json", Body("x-technique"), "\n  \"disable\": [\"role-play\"],")]);
        Assert.True(removed.Success);
        Assert.False(removed.Value.Contains(TechniqueIds.RolePlay));
        Assert.Equal(TechniqueCatalogue.BuiltIn.Count, removed.Value.Count);

        var unknown = CatalogueComposer.Compose([File("a.json", Body("x-technique"), "\n  \"disable\": [\"no-such-technique\"],")]);
        var error = Assert.Single(unknown.Errors);
        Assert.Equal("$.disable[0]", error.Path.ToString());
        Assert.Equal(4, error.Location?.Line);
        Assert.Equal("In catalogue 'a.json' (file 1): No earlier catalogue has this id, so it cannot be disabled.", error.Message);
    }

    [Fact]
    public void Files_apply_in_the_order_given()
    {
        var adds = File("adds.json", Body("x-technique", "First"));
        var overrides = File("overrides.json", Body("x-technique", "Second", isOverride: true));

        var inOrder = CatalogueComposer.Compose([adds, overrides]);
        Assert.True(inOrder.Success);
        Assert.True(inOrder.Value.TryGet(TechniqueId.From("x-technique"), out var entry));
        Assert.Equal("Second", entry.Name);

        // Reversed, the override comes before the id exists, and the add then collides.
        var reversed = CatalogueComposer.Compose([overrides, adds]);
        Assert.False(reversed.Success);
        Assert.Equal(
            [
                "In catalogue 'overrides.json' (file 1): \"override\" is true but no earlier catalogue has this id.",
                "In catalogue 'adds.json' (file 2): The id already exists in catalogue 'overrides.json' (file 1); set \"override\": true to replace it.",
            ],
            reversed.Errors.Select(e => e.Message));
    }

    [Fact]
    public void A_disabled_id_may_be_added_again_by_a_later_file()
    {
        var disables = File("disables.json", Body("x-technique"), "\n  \"disable\": [\"role-play\"],");
        var readds = File("readds.json", Body("role-play", "Rehearsal"));
        var result = CatalogueComposer.Compose([disables, readds]);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.True(result.Value.TryGet(TechniqueIds.RolePlay, out var entry));
        Assert.Equal("Rehearsal", entry.Name);
    }

    [Fact]
    public void A_bad_composition_never_half_loads_and_reports_every_file()
    {
        var result = CatalogueComposer.Compose([File("a.json", Body("role-play")), File("b.json", Body("clarification"))]);
        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void Compose_over_an_explicit_base()
    {
        var result = CatalogueComposer.Compose(TechniqueCatalogue.Empty, [File("a.json", Body("x-technique"))]);
        Assert.True(result.Success);
        Assert.Equal(["x-technique"], result.Value.Select(e => e.Id.Value));
        Assert.True(CatalogueComposer.Compose(TechniqueCatalogue.BuiltIn, []).Success);
    }

    [Fact]
    public void Compose_files_reads_and_composes_reporting_every_files_problems()
    {
        var dir = Directory.CreateTempSubdirectory("ipt-catalogue-");
        try
        {
            var good = Path.Combine(dir.FullName, "good.json");
            var bad = Path.Combine(dir.FullName, "bad.json");
            System.IO.File.WriteAllText(good, CatalogueReaderTests.Doc(Body("x-technique")));
            System.IO.File.WriteAllText(bad, CatalogueReaderTests.Doc(Body("y-technique").Replace("0.5", "5", StringComparison.Ordinal)));

            var ok = CatalogueComposer.ComposeFiles([good]);
            Assert.True(ok.Success);
            Assert.True(ok.Value.Contains(TechniqueId.From("x-technique")));

            var failed = CatalogueComposer.ComposeFiles([good, bad]);
            var error = Assert.Single(failed.Errors);
            Assert.Equal("$.entries[0].phaseWeights.middle", error.Path.ToString());
            Assert.StartsWith($"In catalogue '{bad}': A weight is between 0 and 1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_composed_catalogue_feeds_the_advisor()
    {
        var file = File("a.json", Body("x-technique").Replace("\"middle\": 0.5", "\"middle\": 1", StringComparison.Ordinal)
            + ", \"areaWeights\": {\"grief\": 1}, \"strategyFor\": [\"grief\"]", "\n  \"disable\": [\"guided-mourning\"],");
        var catalogue = CatalogueComposer.Compose([file]).GetValueOrThrow();
        var advisor = new TechniqueAdvisor(catalogue, Ipt.Protocol.Protocols.ProtocolRegistry.BuiltIn);
        var course = AdvisorTests.UpTo(Ipt.Protocol.Protocols.BuiltInProtocols.Standard, 6, new FocusArea(ProblemArea.Grief));
        var result = advisor.Suggest(course);
        Assert.Equal("x-technique", result.Suggestions[1].Technique.Id.Value);
        Assert.DoesNotContain(result.Suggestions, s => s.Technique.Id == TechniqueIds.GuidedMourning);
    }
}
