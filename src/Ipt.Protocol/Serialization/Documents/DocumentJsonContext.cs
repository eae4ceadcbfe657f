using System.Text.Json.Serialization;
using Ipt.Protocol.Serialization.Converters;

namespace Ipt.Protocol.Serialization.Documents;

/// <summary>The source-generated metadata of the document shapes (internal: the shapes are the schema, not API).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = IptJsonLimits.DefaultMaxDepth,
    Converters =
    [
        typeof(LocalDateJsonConverter),
        typeof(DurationJsonConverter),
        typeof(PeriodJsonConverter),
        typeof(CamelCaseEnumJsonConverter<CareSetting>),
        typeof(CamelCaseEnumJsonConverter<ProblemArea>),
        typeof(CamelCaseEnumJsonConverter<FocusRank>),
        typeof(CamelCaseEnumJsonConverter<RoleDisputeStage>),
        typeof(CamelCaseEnumJsonConverter<Relationship>),
        typeof(CamelCaseEnumJsonConverter<ContactFrequency>),
        typeof(CamelCaseEnumJsonConverter<SupportKind>),
        typeof(CamelCaseEnumJsonConverter<Phase>),
        typeof(CamelCaseEnumJsonConverter<SessionFormat>),
        typeof(CamelCaseEnumJsonConverter<SessionStatus>),
        typeof(CamelCaseEnumJsonConverter<SessionTask>),
        typeof(CamelCaseEnumJsonConverter<Emotion>),
    ])]
[JsonSerializable(typeof(CourseDocument))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
