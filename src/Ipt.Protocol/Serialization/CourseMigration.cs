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
/// <para>The library ships the step from version 1 to version 2 (<see cref="BuiltIn"/>). Hosts may
/// register steps of their own for older, unpublished versions (for example a pre-release format).</para>
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

    /// <summary>
    /// Gets the built-in steps. From version 1 to 2: a session format <c>telephone</c> or <c>video</c>
    /// becomes format <c>individual</c> with that <c>delivery</c>; a person's <c>diedOn</c> becomes a
    /// <c>death</c> life event naming the person (who is marked <c>deceased</c>); a renegotiation's
    /// <c>changesFocus: true</c> becomes an entry of the formulation's focus history at its session,
    /// with the earlier focus not recorded; a Social Rhythm Metric <c>total</c> becomes its <c>mean</c>.
    /// </summary>
    public static ValueList<CourseMigration> BuiltIn { get; } = [new(1, V1ToV2)];

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

    private static JsonObject V1ToV2(JsonObject document)
    {
        if (document["sessions"] is JsonArray sessions)
        {
            foreach (var session in sessions.OfType<JsonObject>())
            {
                if (Text(session["format"]) is "telephone" or "video" && !session.ContainsKey("delivery"))
                {
                    session["delivery"] = Text(session["format"]);
                    session["format"] = "individual";
                }

                if (session["measures"] is JsonArray measures)
                {
                    foreach (var measure in measures.OfType<JsonObject>())
                    {
                        if (Text(measure["instrument"]) is "srm-5" or "srm-17" && measure["total"] is JsonValue total && !measure.ContainsKey("items") && !measure.ContainsKey("mean"))
                        {
                            measure.Remove("total");
                            measure["mean"] = total;
                        }
                    }
                }
            }
        }

        var deaths = new List<JsonNode>();
        if (document["inventory"] is JsonObject inventory && inventory["persons"] is JsonArray persons)
        {
            foreach (var person in persons.OfType<JsonObject>())
            {
                if (person.Remove("diedOn", out var diedOn) && diedOn is not null)
                {
                    person["deceased"] = true;
                    deaths.Add(new JsonObject { ["kind"] = "death", ["date"] = diedOn, ["persons"] = new JsonArray(person["id"]?.DeepClone()) });
                }
            }
        }

        if (deaths.Count > 0)
        {
            if (document["lifeEvents"] is not JsonArray lifeEvents)
            {
                document["lifeEvents"] = lifeEvents = [];
            }

            foreach (var death in deaths)
            {
                lifeEvents.Add(death);
            }
        }

        var changes = new List<JsonNode>();
        if (document["renegotiations"] is JsonArray renegotiations)
        {
            foreach (var renegotiation in renegotiations.OfType<JsonObject>())
            {
                if (renegotiation.Remove("changesFocus", out var changesFocus) && changesFocus is JsonValue flag && flag.TryGetValue(out bool changed) && changed)
                {
                    changes.Add(new JsonObject { ["atSession"] = renegotiation["atSession"]?.DeepClone() });
                }
            }
        }

        if (changes.Count > 0)
        {
            if (document["formulation"] is not JsonObject formulation)
            {
                document["formulation"] = formulation = [];
            }

            if (formulation["changes"] is not JsonArray history)
            {
                formulation["changes"] = history = [];
            }

            foreach (var change in changes)
            {
                history.Add(change);
            }
        }

        return document;

        static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    /// <summary>Describes the step.</summary>
    /// <returns>A string such as <c>Migration 0 → 1</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Migration {FromVersion} → {ToVersion}");
}
