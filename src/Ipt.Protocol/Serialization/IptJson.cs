using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Ready-made System.Text.Json options for hosts that put library values into their own JSON, such
/// as ASP.NET request and response bodies: a <see cref="Course"/> is read and written as a course
/// document; <c>LocalDate</c>, <c>Duration</c> and <c>Period</c> as ISO-8601 strings. AOT-safe.
/// </summary>
/// <remarks>
/// <para>The options are strict like the course document (camelCase, unknown members and duplicates
/// rejected, nullable annotations and required members respected, nulls not written); add a host's
/// own resolver to <see cref="JsonSerializerOptions.TypeInfoResolverChain"/> of
/// <see cref="CreateOptions"/>. In ASP.NET: <c>builder.Services.ConfigureHttpJsonOptions(o =&gt;
/// o.SerializerOptions.TypeInfoResolverChain.Insert(0, IptJson.TypeInfoResolver));</c>. A course
/// inside a host's body is checked strictly, but only the first problem is reported; read whole
/// documents with <see cref="CourseJson.TryRead(string)"/> to get every problem.</para>
/// </remarks>
public static class IptJson
{
    /// <summary>Gets the resolver of the library's types (<see cref="IptJsonTypeInfoResolver.Instance"/>), to chain with a host's own.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => IptJsonTypeInfoResolver.Instance;

    /// <summary>Gets read-only strict options with the default limits.</summary>
    public static JsonSerializerOptions Options { get; } = CreateReadOnly(IptJsonLimits.Default);

    /// <summary>Creates new, mutable strict options with the given limits: depth, and for a <see cref="Course"/> the sessions, people, measurements and text limits (the document-size limit applies to <see cref="CourseJsonReader"/>, not to these options).</summary>
    /// <param name="limits">The limits.</param>
    /// <returns>The options; the caller may change them further.</returns>
    public static JsonSerializerOptions CreateOptions(IptJsonLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var options = new JsonSerializerOptions
        {
            MaxDepth = limits.MaxDepth,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
        };
        options.TypeInfoResolverChain.Add(IptJsonTypeInfoResolver.For(limits));
        return options;
    }

    private static JsonSerializerOptions CreateReadOnly(IptJsonLimits limits)
    {
        var options = CreateOptions(limits);
        options.MakeReadOnly();
        return options;
    }
}
