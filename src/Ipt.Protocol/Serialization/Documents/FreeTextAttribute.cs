namespace Ipt.Protocol.Serialization.Documents;

/// <summary>
/// Marks a document member that holds free text or a person label (patient data): the schema gives
/// it the model's length bounds (1 to 10,000 characters), and the reader applies
/// <see cref="IptJsonLimits.MaxStringLength"/> to it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
internal sealed class FreeTextAttribute : Attribute;
