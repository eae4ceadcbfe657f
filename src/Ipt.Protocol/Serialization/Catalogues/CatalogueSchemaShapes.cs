using System.Collections.Immutable;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Serialization;

// The shapes of a contributor catalogue file, used only to export its JSON Schema
// (DocumentSchema.Catalogue). The file itself is read and written from the member table in
// CatalogueShapes (the machinery of the course document), which reports
// every problem with its line; a test checks that the schema and the reader agree on every member.

/// <summary>A contributor technique catalogue file.</summary>
[Description("A contributor technique catalogue: entries to add or override, and built-in entries to disable. Composed over the built-in catalogue in a stated order.")]
internal sealed record CatalogueDocument
{
    [Description("The catalogue format's version; this library reads version 1.")]
    public required int SchemaVersion { get; init; }

    [Description("The catalogue's display name (shown in messages; not patient data).")]
    public required string Name { get; init; }

    [Description("Entries to add; an entry whose id already exists must say \"override\": true.")]
    public ImmutableArray<CatalogueEntryDocument>? Entries { get; init; }

    [Description("Ids of entries to remove from the catalogue composed so far.")]
    public ImmutableArray<string>? Disable { get; init; }
}

/// <summary>One technique entry of a catalogue file.</summary>
[Description("One technique: id, name, group, description, where it fits (weights 0 to 1) and its citation.")]
internal sealed record CatalogueEntryDocument
{
    [Description("Stable kebab-case id, such as communication-analysis.")]
    public required string Id { get; init; }

    [Description("Display name.")]
    public required string Name { get; init; }

    [Description("The technique's group.")]
    public required TechniqueGroup Group { get; init; }

    [Description("A short description.")]
    public required string Description { get; init; }

    [Description("Weight per phase, 0 to 1; a phase left out is a phase where the technique does not apply. An IPT technique needs a weight above 0 in at least one phase.")]
    public PhaseWeightsDocument? PhaseWeights { get; init; }

    [Description("Weight per problem area, 0 to 1; leave out for a general technique.")]
    public AreaWeightsDocument? AreaWeights { get; init; }

    [Description("Weight per role-dispute stage, 0 to 1.")]
    public StageWeightsDocument? StageWeights { get; init; }

    [Description("Problem areas for which the technique is one of the area's own strategies.")]
    public ImmutableArray<ProblemArea>? StrategyFor { get; init; }

    [Description("Protocol ids the technique applies to; leave out for every variant.")]
    public ImmutableArray<string>? Variants { get; init; }

    [Description("The protocol task the technique carries out, when it acts as one.")]
    public SessionTask? Task { get; init; }

    [Description("Whether the technique is done once per course (not suggested again once done).")]
    public bool? OneOff { get; init; }

    [Description("Must be true to replace an entry that already exists (built-in or from an earlier file).")]
    public bool? Override { get; init; }

    [Description("Where the technique comes from: every entry cites its source.")]
    public required CitationDocument Citation { get; init; }
}

/// <summary>A citation in a catalogue file.</summary>
[Description("Source keys, an optional locator and a confidence mark.")]
internal sealed record CitationDocument
{
    [Description("One or more source keys, such as WMK; keys of the host's own are allowed.")]
    public required ImmutableArray<string> Sources { get; init; }

    [Description("Chapter, section or page.")]
    public string? Locator { get; init; }

    [Description("How well the sources support the entry.")]
    public required Confidence Confidence { get; init; }
}

/// <summary>Weights per phase.</summary>
internal sealed record PhaseWeightsDocument
{
    [Range(0d, 1d)]
    public double? PreTreatment { get; init; }

    [Range(0d, 1d)]
    public double? Initial { get; init; }

    [Range(0d, 1d)]
    public double? Middle { get; init; }

    [Range(0d, 1d)]
    public double? Termination { get; init; }

    [Range(0d, 1d)]
    public double? Maintenance { get; init; }
}

/// <summary>Weights per problem area.</summary>
internal sealed record AreaWeightsDocument
{
    [Range(0d, 1d)]
    public double? Grief { get; init; }

    [Range(0d, 1d)]
    public double? RoleDispute { get; init; }

    [Range(0d, 1d)]
    public double? RoleTransition { get; init; }

    [Range(0d, 1d)]
    public double? InterpersonalDeficits { get; init; }
}

/// <summary>Weights per role-dispute stage.</summary>
internal sealed record StageWeightsDocument
{
    [Range(0d, 1d)]
    public double? Renegotiation { get; init; }

    [Range(0d, 1d)]
    public double? Impasse { get; init; }

    [Range(0d, 1d)]
    public double? Dissolution { get; init; }
}

/// <summary>Source-generated metadata of the catalogue shapes, for schema export only.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CatalogueDocument))]
internal sealed partial class CatalogueSchemaContext : JsonSerializerContext;
