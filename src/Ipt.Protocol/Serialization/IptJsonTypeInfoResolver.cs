using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ipt.Protocol.Serialization.Converters;
using NodaTime;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// The System.Text.Json metadata of the library's values for hosts, AOT- and trim-safe: a
/// <see cref="Course"/> as a course document, <see cref="LocalDate"/>, <see cref="Duration"/> and
/// <see cref="Period"/> as ISO-8601 strings (also when nullable). Chain it with a host's own
/// source-generated context: <c>options.TypeInfoResolverChain.Insert(0, IptJsonTypeInfoResolver.Instance)</c>.
/// </summary>
/// <remarks>
/// <para>The course document's own shapes are source-generated and internal: they are the schema,
/// not API. A course inside a host's JSON is read with the document's strict settings whatever
/// the host's options say.</para>
/// <para>Immutable and thread-safe; use <see cref="Instance"/> for the default limits, or
/// <see cref="For(IptJsonLimits)"/> for a host's own.</para>
/// </remarks>
public sealed class IptJsonTypeInfoResolver : IJsonTypeInfoResolver
{
    private readonly CourseJsonConverter course;

    private IptJsonTypeInfoResolver(IptJsonLimits limits) => course = new CourseJsonConverter(limits);

    /// <summary>Gets the shared instance, with <see cref="IptJsonLimits.Default"/>.</summary>
    public static IptJsonTypeInfoResolver Instance { get; } = new(IptJsonLimits.Default);

    /// <summary>Gets the limits applied to a course read through this resolver.</summary>
    public IptJsonLimits Limits => course.Limits;

    /// <summary>Returns a resolver that reads courses with the given limits.</summary>
    /// <param name="limits">The limits on sessions, people, measurements and text.</param>
    /// <returns>The resolver (<see cref="Instance"/> for the default limits).</returns>
    public static IptJsonTypeInfoResolver For(IptJsonLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits == IptJsonLimits.Default ? Instance : new(limits);
    }

    /// <inheritdoc/>
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
}
