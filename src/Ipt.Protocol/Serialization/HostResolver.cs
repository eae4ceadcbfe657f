using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ipt.Protocol.Serialization.Converters;
using NodaTime;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// System.Text.Json metadata of the library's values for hosts (see <see cref="CourseJson.TypeInfoResolver"/>):
/// a <see cref="Course"/> read and written by its <see cref="CourseJson"/>, NodaTime values as ISO-8601 strings.
/// </summary>
internal sealed class HostResolver(CourseJson format) : IJsonTypeInfoResolver
{
    private readonly CourseConverter course = new(format);

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        return type switch
        {
            _ when type == typeof(Course) => JsonMetadataServices.CreateValueInfo<Course>(options, course),
            _ when type == typeof(LocalDate) => JsonMetadataServices.CreateValueInfo<LocalDate>(options, LocalDateJsonConverter.Instance),
            _ when type == typeof(LocalDate?) => JsonMetadataServices.CreateValueInfo<LocalDate?>(options, JsonMetadataServices.GetNullableConverter<LocalDate>(options)),
            _ when type == typeof(Duration) => JsonMetadataServices.CreateValueInfo<Duration>(options, DurationJsonConverter.Instance),
            _ when type == typeof(Duration?) => JsonMetadataServices.CreateValueInfo<Duration?>(options, JsonMetadataServices.GetNullableConverter<Duration>(options)),
            _ when type == typeof(Period) => JsonMetadataServices.CreateValueInfo<Period>(options, PeriodJsonConverter.Instance),
            _ => null,
        };
    }

    /// <summary>
    /// A course inside a host's JSON: read strictly (current version only, no migration) with the
    /// format's limits. A problem raises a <see cref="JsonException"/> naming the first problem's
    /// path; its message never repeats document text, and a tokenizer error inside the course is
    /// replaced by one that does not either.
    /// </summary>
    private sealed class CourseConverter(CourseJson format) : JsonConverter<Course>
    {
        public override Course? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return format.ReadInside(ref reader);
            }
            catch (JsonException ex) when (ex is not IptJsonException)
            {
                // The host's tokenizer refused the text inside the course; its message may quote the text.
                throw new JsonException(
                    $"The course document is not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1} of the host's text).",
                    ex.Path,
                    ex.LineNumber,
                    ex.BytePositionInLine);
            }
        }

        public override void Write(Utf8JsonWriter writer, Course value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(value);
            format.Write(value, writer);
        }
    }
}
