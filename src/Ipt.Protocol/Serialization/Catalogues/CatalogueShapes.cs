using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ipt.Protocol.Serialization.Shapes;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Serialization;

// The contributor technique catalogue file, version 1, declared with the same member tables as the
// course document: the one-pass reader, the writer and the JSON Schema come from these entries.

/// <summary>The shapes of a technique catalogue file.</summary>
internal static class CatalogueShapes
{
    private const string TextRule = "The text must be 1 to 10000 characters and not blank.";
    private const string KebabId = "lowercase letters and digits joined by single hyphens, 1 to 64 characters.";
    private const int MaxSourceKeyLength = 64;

    private static string? CatalogueText(string? value, string name) =>
        value is null || (!string.IsNullOrWhiteSpace(value) && value.Length <= Check.MaxTextLength) ? null : TextRule;

    /// <summary>A citation in a catalogue file.</summary>
    internal static class CitationShape
    {
        public static readonly Member<Citation, ValueList<string>> Sources = new(
            "sources",
            "One or more source keys, such as WMK; keys of the host's own are allowed.",
            Codecs.List(Codecs.PlainText),
            static c => c.Sources,
            required: true,
            check: static (v, _) => v.IsEmpty ? "A citation names at least one source."
                : Any(v, static k => string.IsNullOrWhiteSpace(k) || k.Length > MaxSourceKeyLength) ? "A source key is 1 to 64 characters and not blank." : null);

        public static readonly Member<Citation, string?> Locator = new("locator", "Chapter, section or page.", Codecs.PlainText!, static c => c.Locator, check: CatalogueText);
        public static readonly Member<Citation, Confidence> Confidence = new("confidence", "How well the sources support the entry.", Codecs.Enum<Confidence>(), static c => c.Confidence, required: true);

        public static readonly ObjectShape<Citation> Shape = new(
            "Source keys, an optional locator and a confidence mark.",
            [Sources, Locator, Confidence],
            static v => new Citation(v.Get(Confidence), [.. v.Get(Sources)]) { Locator = v.Get(Locator) });
    }

    /// <summary>One entry of a catalogue file.</summary>
    internal static class EntryShape
    {
        public static readonly Member<CatalogueFileEntry, TechniqueId> Id = new(
            "id",
            "Stable kebab-case id, such as communication-analysis.",
            Codecs.Id<TechniqueId>(TechniqueId.TryFrom, static id => id.Value, "a technique id", IdSyntax.KebabRule, message: "A technique id is kebab-case: " + KebabId),
            static e => e.Entry.Id,
            required: true);

        public static readonly Member<CatalogueFileEntry, string> Name = new("name", "Display name.", Codecs.PlainText, static e => e.Entry.Name, required: true, check: CatalogueText);
        public static readonly Member<CatalogueFileEntry, TechniqueGroup> Group = new("group", "The technique's group.", Codecs.Enum<TechniqueGroup>(), static e => e.Entry.Group, required: true);
        public static readonly Member<CatalogueFileEntry, string> Description = new("description", "A short description.", Codecs.PlainText, static e => e.Entry.Description, required: true, check: CatalogueText);
        public static readonly Member<CatalogueFileEntry, ValueList<PhaseWeight>> PhaseWeights = new(
            "phaseWeights",
            "Weight per phase, 0 to 1; a phase left out is a phase where the technique does not apply. An IPT technique needs a weight above 0 in at least one phase.",
            new WeightsCodec<Phase, PhaseWeight>("phase", static (k, w) => new PhaseWeight(k, w), static w => w.Phase, static w => w.Weight),
            static e => e.Entry.PhaseWeights);

        public static readonly Member<CatalogueFileEntry, ValueList<AreaWeight>> AreaWeights = new(
            "areaWeights",
            "Weight per problem area, 0 to 1; leave out for a general technique.",
            new WeightsCodec<ProblemArea, AreaWeight>("problem area", static (k, w) => new AreaWeight(k, w), static w => w.Area, static w => w.Weight),
            static e => e.Entry.AreaWeights);

        public static readonly Member<CatalogueFileEntry, ValueList<StageWeight>> StageWeights = new(
            "stageWeights",
            "Weight per role-dispute stage, 0 to 1.",
            new WeightsCodec<RoleDisputeStage, StageWeight>("role-dispute stage", static (k, w) => new StageWeight(k, w), static w => w.Stage, static w => w.Weight),
            static e => e.Entry.StageWeights);

        public static readonly Member<CatalogueFileEntry, ValueList<ProblemArea>> StrategyFor = new(
            "strategyFor",
            "Problem areas for which the technique is one of the area's own strategies.",
            Codecs.List(Codecs.Enum<ProblemArea>(), duplicate: "The problem area is listed twice."),
            static e => e.Entry.StrategyFor);

        public static readonly Member<CatalogueFileEntry, ValueList<ProtocolId>> Variants = new(
            "variants",
            "Protocol ids the technique applies to; leave out for every variant.",
            Codecs.List(Codecs.Id<ProtocolId>(ProtocolId.TryFrom, static id => id.Value, "a protocol id", IdSyntax.KebabRule, message: "A protocol id is kebab-case: " + KebabId), duplicate: "The variant is listed twice."),
            static e => e.Entry.Variants);

        public static readonly Member<CatalogueFileEntry, SessionTask?> Task = new("task", "The protocol task the technique carries out, when it acts as one.", Codecs.Nullable(Codecs.Enum<SessionTask>()), static e => e.Entry.Task);
        public static readonly Member<CatalogueFileEntry, bool> OneOff = new("oneOff", "Whether the technique is done once per course (not suggested again once done).", Codecs.Bool, static e => e.Entry.OneOff);
        public static readonly Member<CatalogueFileEntry, Citation> Citation = new(
            "citation",
            "Where the technique comes from: every entry cites its source.",
            CitationShape.Shape,
            static e => e.Entry.Citation,
            required: true,
            missing: "The required property 'citation' is missing: every entry cites its source.");

        public static readonly Member<CatalogueFileEntry, bool> Override = new("override", "Must be true to replace an entry that already exists (built-in or from an earlier file).", Codecs.Bool, static e => e.Override);

        public static readonly ObjectShape<CatalogueFileEntry> Shape = new(
            "One technique: id, name, group, description, where it fits (weights 0 to 1) and its citation.",
            [Id, Name, Group, Description, PhaseWeights, AreaWeights, StageWeights, StrategyFor, Variants, Task, OneOff, Citation, Override],
            static v => new CatalogueFileEntry(
                new TechniqueEntry
                {
                    Id = v.Get(Id),
                    Name = v.Get(Name),
                    Group = v.Get(Group),
                    Description = v.Get(Description),
                    PhaseWeights = v.Get(PhaseWeights),
                    AreaWeights = v.Get(AreaWeights),
                    StageWeights = v.Get(StageWeights),
                    StrategyFor = v.Get(StrategyFor),
                    Variants = v.Get(Variants),
                    Task = v.Get(Task),
                    OneOff = v.Get(OneOff),
                    Citation = v.Get(Citation),
                },
                v.Get(Override)),
            validate: static (v, context, _) => PhaseRule(v, context),
            afterRead: static (v, context) => (context.Scope as FileScope)?.AddEntry(context.ItemIndex, v.Has(Id) ? v.Get(Id) : null));

        /// <summary>An IPT technique needs a weight above 0 in at least one phase.</summary>
        private static bool PhaseRule(Values v, ReadContext context)
        {
            if (!v.Has(Group) || v.Get(Group) == TechniqueGroup.NonIpt || v.Failed(PhaseWeights) || Any(v.Get(PhaseWeights), static w => w.Weight > 0))
            {
                return true;
            }

            const string Message = "An IPT technique needs a weight above 0 in at least one phase (a phase without weight is a phase where it does not apply).";
            if (v.Has(PhaseWeights))
            {
                context.ErrorBelow(DocumentErrorCodes.Value, Message, PathSegment.Named("phaseWeights"));
            }
            else
            {
                context.ErrorBelow(DocumentErrorCodes.Value, Message);
            }

            return false;
        }
    }

    /// <summary>The root of a catalogue file.</summary>
    internal static class FileShape
    {
        public static readonly Member<CatalogueFile, int> SchemaVersion = new(
            "schemaVersion",
            "The catalogue format's version; this library reads version 1.",
            Codecs.Int,
            static _ => CatalogueJson.CurrentVersion,
            required: true,
            check: static (v, _) => v == CatalogueJson.CurrentVersion ? null : string.Create(CultureInfo.InvariantCulture, $"Only schema version {CatalogueJson.CurrentVersion} is supported."),
            checkCode: DocumentErrorCodes.SchemaVersion);

        public static readonly Member<CatalogueFile, string> Name = new("name", "The catalogue's display name (shown in messages; not patient data).", Codecs.PlainText, static f => f.Name, required: true, check: CatalogueText);
        public static readonly Member<CatalogueFile, ValueList<CatalogueFileEntry>> Entries = new("entries", "Entries to add; an entry whose id already exists must say \"override\": true.", Codecs.List(EntryShape.Shape), static f => f.Entries, alwaysWrite: true);
        public static readonly Member<CatalogueFile, ValueList<TechniqueId>> Disable = new(
            "disable",
            "Ids of entries to remove from the catalogue composed so far.",
            Codecs.List(Codecs.Id<TechniqueId>(TechniqueId.TryFrom, static id => id.Value, "a technique id", IdSyntax.KebabRule, message: "A technique id is kebab-case: " + KebabId)),
            static f => ValueList.From(f.Disable.Select(static d => d.Id)));

        public static readonly ObjectShape<CatalogueFile> Shape = new(
            "A contributor technique catalogue: entries to add or override, and built-in entries to disable. Composed over the built-in catalogue in a stated order.",
            [SchemaVersion, Name, Entries, Disable],
            static v => new CatalogueFile
            {
                Name = v.Get(Name),
                Entries = v.Get(Entries),
                Disable = ValueList.From(v.Get(Disable).Select(static id => new CatalogueDisable(id))),
            },
            validate: static (v, context, scope) => ((FileScope)scope!).Check(v, context),
            openScope: static _ => new FileScope());
    }

    /// <summary>The ids of a file's entries as they are read, to check them against each other and the disable list.</summary>
    private sealed class FileScope
    {
        private readonly Dictionary<TechniqueId, int> entryIds = [];
        private readonly List<(int Index, TechniqueId Id)> repeats = [];

        public void AddEntry(int index, TechniqueId? id)
        {
            if (id is { } known && !entryIds.TryAdd(known, index))
            {
                repeats.Add((index, known));
            }
        }

        public bool Check(Values v, ReadContext context)
        {
            var ok = true;
            foreach (var (index, id) in repeats)
            {
                context.ErrorBelow(
                    DocumentErrorCodes.Value,
                    string.Create(CultureInfo.InvariantCulture, $"Duplicate id: an earlier entry of this file has it (at $.entries[{entryIds[id]}].id)."),
                    PathSegment.Named("entries"),
                    PathSegment.At(index),
                    PathSegment.Named("id"));
                ok = false;
            }

            if (v.Has(FileShape.Disable))
            {
                var seen = new Dictionary<TechniqueId, int>();
                var disabled = v.Get(FileShape.Disable);
                for (var i = 0; i < disabled.Count; i++)
                {
                    var id = disabled[i];
                    string? message = seen.TryGetValue(id, out var first)
                        ? string.Create(CultureInfo.InvariantCulture, $"The id is disabled twice (also at $.disable[{first}]).")
                        : entryIds.TryGetValue(id, out var entry)
                            ? string.Create(CultureInfo.InvariantCulture, $"The file both defines this id (at $.entries[{entry}].id) and disables it.")
                            : null;
                    seen.TryAdd(id, i);
                    if (message is not null)
                    {
                        context.ErrorBelow(DocumentErrorCodes.Value, message, PathSegment.Named("disable"), PathSegment.At(i));
                        ok = false;
                    }
                }
            }

            return ok;
        }
    }

    private static bool Any<T>(ValueList<T> items, Func<T, bool> test)
    {
        foreach (var item in items.AsSpan())
        {
            if (test(item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Weights keyed by enum name (<c>{"middle": 0.5}</c>): known names, each once, each weight 0 to 1.</summary>
    private sealed class WeightsCodec<TKey, TWeight>(string what, Func<TKey, double, TWeight> make, Func<TWeight, TKey> key, Func<TWeight, double> weight) : Codec<ValueList<TWeight>>
        where TKey : struct, Enum
    {
        public override string Expected => "an object";

        public override bool Read(ref Utf8JsonReader reader, ReadContext context, out ValueList<TWeight> value)
        {
            value = default;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return context.TypeError(ref reader, Expected);
            }

            context.Enter(ref reader);
            var weights = new List<TWeight>();
            var seen = new HashSet<TKey>();
            var ok = true;
            while (true)
            {
                ReadContext.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var nameAt = reader.TokenStartIndex;
                var name = ReadContext.DecodeName(ref reader);
                context.PushName(name);
                ReadContext.Next(ref reader);
                context.At = reader.TokenStartIndex;
                if (!EnumCodec<TKey>.TryParse(name, out var k))
                {
                    context.Error(DocumentErrorCodes.UnknownMember, $"Unknown {what} '{name}'; expected one of: {EnumCodec<TKey>.NameList}.", nameAt);
                    context.Skip(ref reader);
                    ok = false;
                }
                else if (!seen.Add(k))
                {
                    context.Error(DocumentErrorCodes.DuplicateMember, "The member appears more than once; each member may appear once.", nameAt);
                    context.Skip(ref reader);
                    ok = false;
                }
                else if (Codecs.Number.Read(ref reader, context, out var w))
                {
                    if (w is >= 0 and <= 1)
                    {
                        weights.Add(make(k, w));
                    }
                    else
                    {
                        context.Error(DocumentErrorCodes.Value, string.Create(CultureInfo.InvariantCulture, $"A weight is between 0 and 1; found {w}."));
                        ok = false;
                    }
                }
                else
                {
                    ok = false;
                }

                context.Pop();
            }

            value = ValueList.From(weights);
            return ok;
        }

        public override void Write(Utf8JsonWriter writer, ValueList<TWeight> value)
        {
            writer.WriteStartObject();
            foreach (var one in value.AsSpan())
            {
                writer.WriteNumber(EnumCodec<TKey>.NameOf(key(one)), weight(one));
            }

            writer.WriteEndObject();
        }

        public override bool IsEmpty(ValueList<TWeight> value) => value.IsEmpty;

        public override JsonObject Schema(bool nullable)
        {
            var properties = new JsonObject();
            foreach (var name in EnumCodec<TKey>.NameList.Split(", "))
            {
                properties[name] = new JsonObject { ["type"] = "number", ["minimum"] = 0d, ["maximum"] = 1d };
            }

            return new JsonObject { ["type"] = Types("object", nullable), ["properties"] = properties, ["additionalProperties"] = false };
        }
    }
}
