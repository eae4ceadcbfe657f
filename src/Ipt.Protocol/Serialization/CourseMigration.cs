using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// One step that turns a course document of an older schema version into the next version, applied by
/// <see cref="CourseJson"/> before the document is read. Steps chain: a version 0 document
/// goes through the step from 0, then the step from 1, and so on up to
/// <see cref="CourseJson.CurrentVersion"/>.
/// </summary>
/// <remarks>
/// <para>Version 1 is the first published version, so the library ships no steps yet; when version 2
/// comes, the step from 1 will be built in. Hosts may register steps of their own (for example
/// for a pre-release format).</para>
/// <para>The step receives a copy of the document and returns the migrated document; the reader
/// sets <c>schemaVersion</c> to <see cref="ToVersion"/> afterwards. A step reports a document it
/// cannot migrate by throwing <see cref="InvalidOperationException"/> or
/// <see cref="System.Text.Json.JsonException"/>. Immutable and thread-safe when the delegate is.</para>
/// </remarks>
public sealed class CourseMigration
{
    private readonly Func<JsonObject, JsonObject> migrate;

    /// <summary>Creates a step.</summary>
    /// <param name="fromVersion">The version the step reads; it writes the next one.</param>
    /// <param name="migrate">The change: takes the document, returns the migrated document.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromVersion"/> is negative or not older than the current version.</exception>
    public CourseMigration(int fromVersion, Func<JsonObject, JsonObject> migrate)
    {
        ArgumentNullException.ThrowIfNull(migrate);
        ArgumentOutOfRangeException.ThrowIfNegative(fromVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fromVersion, CourseJson.CurrentVersion);
        FromVersion = fromVersion;
        this.migrate = migrate;
    }

    /// <summary>Gets the version the step reads.</summary>
    public int FromVersion { get; }

    /// <summary>Gets the version the step writes.</summary>
    public int ToVersion => FromVersion + 1;

    /// <summary>Applies the step.</summary>
    /// <param name="document">The document at <see cref="FromVersion"/>.</param>
    /// <returns>The document at <see cref="ToVersion"/>.</returns>
    public JsonObject Apply(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = migrate(document) ?? throw new InvalidOperationException("A migration step returned no document.");
        result["schemaVersion"] = ToVersion;
        return result;
    }

    /// <summary>Applies the step to a copy of the document; a step that fails (throws) gives <see langword="null"/>.</summary>
    internal JsonObject? TryApply(JsonObject document)
    {
        try
        {
            return Apply((JsonObject)document.DeepClone());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
        {
            // The host's step refuses the document; its exception text may quote the document, so it is not repeated.
            return null;
        }
    }

    /// <summary>Describes the step.</summary>
    /// <returns>A string such as <c>Migration 0 → 1</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Migration {FromVersion} → {ToVersion}");
}
