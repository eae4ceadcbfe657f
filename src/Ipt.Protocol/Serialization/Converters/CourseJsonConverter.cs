using System.Text.Json;
using System.Text.Json.Serialization;
using Ipt.Protocol.Serialization.Documents;

namespace Ipt.Protocol.Serialization.Converters;

/// <summary>
/// Reads and writes a <see cref="Course"/> as a course document inside a host's own JSON (for
/// example an ASP.NET request body). Bad input raises a <see cref="JsonException"/> naming the first
/// problem's path; to get every problem, read whole documents with <see cref="CourseJson.TryRead(string)"/>.
/// </summary>
/// <remarks>
/// Only documents of the current <see cref="CourseJson.CurrentVersion"/> are accepted here (no
/// migration); the course document's own strict settings apply whatever the host's options say,
/// and so do the <see cref="Limits"/> on lists and text (nesting depth is bounded by the host's
/// <see cref="JsonSerializerOptions.MaxDepth"/>). Immutable and thread-safe.
/// </remarks>
public sealed class CourseJsonConverter : JsonConverter<Course>
{
    /// <summary>Creates a converter.</summary>
    /// <param name="limits">The limits on sessions, people, measurements and text; <see cref="IptJsonLimits.Default"/> when <see langword="null"/>.</param>
    public CourseJsonConverter(IptJsonLimits? limits = null) => Limits = limits ?? IptJsonLimits.Default;

    /// <summary>Gets the limits applied to a course read by this converter.</summary>
    public IptJsonLimits Limits { get; }

    /// <inheritdoc/>
    public override Course? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var document = JsonSerializer.Deserialize(ref reader, DocumentJsonContext.Default.CourseDocument)
            ?? throw new IptJsonException("Expected a course document object.");
        if (document.SchemaVersion != CourseJson.CurrentVersion)
        {
            throw new IptJsonException(CourseJsonReader.VersionMessage(document.SchemaVersion) + " Read older documents with CourseJson.TryRead, which migrates them.");
        }

        var mapper = new CourseDocumentMapper(Limits);
        var course = mapper.ToCourse(document);
        if (course is null)
        {
            var first = mapper.Errors[0];
            var more = mapper.Errors.Count > 1 ? $" ({mapper.Errors.Count} problems in all)" : string.Empty;
            throw new IptJsonException($"The course document is invalid at {first.Path}: {first.Message}{more}");
        }

        return course;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Course value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, CourseDocumentMapper.ToDocument(value), DocumentJsonContext.Default.CourseDocument);
    }
}
