using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Writes technique catalogues as contributor catalogue JSON (the format <see cref="CatalogueJson"/>
/// reads), for example to start a contributor file from built-in entries.
/// </summary>
/// <remarks>Hand-written over <see cref="Utf8JsonWriter"/>: AOT- and trim-safe. Stateless and thread-safe.</remarks>
internal static class TechniqueCatalogueWriter
{
    // Catalogue files are data files, not HTML: keep apostrophes and dashes readable.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a catalogue file as JSON.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Write(CatalogueFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", CatalogueFile.CurrentSchemaVersion);
            writer.WriteString("name", file.Name);
            writer.WriteStartArray("entries");
            foreach (var entry in file.Entries)
            {
                WriteEntry(writer, entry.Entry, entry.Override);
            }

            writer.WriteEndArray();
            if (!file.Disable.IsEmpty)
            {
                writer.WriteStartArray("disable");
                foreach (var disabled in file.Disable)
                {
                    writer.WriteStringValue(disabled.Id.Value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes entries as a catalogue file that adds them.</summary>
    /// <param name="name">The catalogue's name.</param>
    /// <param name="entries">The entries, in the order to write.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Write(string name, IEnumerable<TechniqueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<CatalogueFileEntry>();
        foreach (var entry in entries)
        {
            list.Add(new CatalogueFileEntry(entry));
        }

        return Write(new CatalogueFile { Name = name, Entries = ValueList.From(list) });
    }

    private static void WriteEntry(Utf8JsonWriter writer, TechniqueEntry entry, bool isOverride)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entry.Id.Value);
        writer.WriteString("name", entry.Name);
        writer.WriteString("group", CatalogueEnumNames<TechniqueGroup>.NameOf(entry.Group));
        writer.WriteString("description", entry.Description);
        if (!entry.PhaseWeights.IsEmpty)
        {
            writer.WriteStartObject("phaseWeights");
            foreach (var weight in entry.PhaseWeights)
            {
                writer.WriteNumber(CatalogueEnumNames<Phase>.NameOf(weight.Phase), weight.Weight);
            }

            writer.WriteEndObject();
        }

        if (!entry.AreaWeights.IsEmpty)
        {
            writer.WriteStartObject("areaWeights");
            foreach (var weight in entry.AreaWeights)
            {
                writer.WriteNumber(CatalogueEnumNames<ProblemArea>.NameOf(weight.Area), weight.Weight);
            }

            writer.WriteEndObject();
        }

        if (!entry.StageWeights.IsEmpty)
        {
            writer.WriteStartObject("stageWeights");
            foreach (var weight in entry.StageWeights)
            {
                writer.WriteNumber(CatalogueEnumNames<RoleDisputeStage>.NameOf(weight.Stage), weight.Weight);
            }

            writer.WriteEndObject();
        }

        if (!entry.StrategyFor.IsEmpty)
        {
            writer.WriteStartArray("strategyFor");
            foreach (var area in entry.StrategyFor)
            {
                writer.WriteStringValue(CatalogueEnumNames<ProblemArea>.NameOf(area));
            }

            writer.WriteEndArray();
        }

        if (!entry.Variants.IsEmpty)
        {
            writer.WriteStartArray("variants");
            foreach (var variant in entry.Variants)
            {
                writer.WriteStringValue(variant.Value);
            }

            writer.WriteEndArray();
        }

        if (entry.Task is { } task)
        {
            writer.WriteString("task", CatalogueEnumNames<SessionTask>.NameOf(task));
        }

        if (entry.OneOff)
        {
            writer.WriteBoolean("oneOff", true);
        }

        writer.WriteStartObject("citation");
        writer.WriteStartArray("sources");
        foreach (var source in entry.Citation.Sources)
        {
            writer.WriteStringValue(source);
        }

        writer.WriteEndArray();
        if (entry.Citation.Locator is { } locator)
        {
            writer.WriteString("locator", locator);
        }

        writer.WriteString("confidence", CatalogueEnumNames<Confidence>.NameOf(entry.Citation.Confidence));
        writer.WriteEndObject();
        if (isOverride)
        {
            writer.WriteBoolean("override", true);
        }

        writer.WriteEndObject();
    }
}
