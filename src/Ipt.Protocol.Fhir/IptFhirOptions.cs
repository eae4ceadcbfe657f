using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Fhir;

/// <summary>How courses and protocols are written to FHIR R4 and read back.</summary>
/// <remarks>
/// <para>Minimum necessary by default: free text (notes, reasons, descriptions, labels) and the
/// people of the interpersonal inventory stay out of the resources unless the host opts in with
/// <see cref="IncludeFreeText"/> and <see cref="IncludeInventory"/>. docs/fhir.md lists exactly which
/// fields each switch covers.</para>
/// <para>Immutable and thread-safe, with value equality (the registries compare by their entries).</para>
/// </remarks>
public sealed record IptFhirOptions
{
    /// <summary>The default canonical base of definitions: <see cref="IptFhirUris.Base"/>.</summary>
    public const string DefaultCanonicalBase = IptFhirUris.Base;

    /// <summary>Gets the default options: minimum necessary, a <c>collection</c> bundle, the default canonical base.</summary>
    public static IptFhirOptions Default { get; } = new();

    /// <summary>
    /// Gets the base of the canonical URLs of definitions: a protocol variant is
    /// <c>{CanonicalBase}/PlanDefinition/{id}</c> and an instrument <c>{CanonicalBase}/Questionnaire/{id}</c>.
    /// A host publishing its own variants uses its own base; reading expects the same base.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not an absolute http(s) URL, or ends with a slash.</exception>
    public string CanonicalBase
    {
        get;
        init => field = Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !value.EndsWith('/')
            ? value
            : throw new ArgumentException("The canonical base is an absolute http(s) URL without a trailing slash.", nameof(CanonicalBase));
    }

    = DefaultCanonicalBase;

    /// <summary>
    /// Gets a value indicating whether free text goes out: session notes, renegotiation reasons, the
    /// formulation's notes, goal and step descriptions, diary text, the notes of life events and
    /// supervisions, and (with <see cref="IncludeInventory"/>)
    /// the labels and text fields of inventory persons. Default <see langword="false"/>: a goal's
    /// description is then sent as masked (data-absent-reason).
    /// </summary>
    public bool IncludeFreeText { get; init; }

    /// <summary>
    /// Gets a value indicating whether the people of the interpersonal inventory go out, as
    /// <c>RelatedPerson</c> resources (relationship, ring, contact, support and the other coded fields;
    /// labels and text fields only with <see cref="IncludeFreeText"/> as well). Default <see langword="false"/>.
    /// </summary>
    public bool IncludeInventory { get; init; }

    /// <summary>Gets a value indicating whether a course is written as a <c>transaction</c> bundle (every entry a POST) instead of a <c>collection</c>.</summary>
    public bool Transaction { get; init; }

    /// <summary>
    /// Gets the protocol variants the mapper knows: a course's care plan status is inferred under its
    /// variant (<see cref="CourseTimeline"/>) when the record has no lifecycle. Default
    /// <see cref="ProtocolRegistry.BuiltIn"/>; a host with its own variants passes its registry.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public ProtocolRegistry Protocols { get; init => field = value ?? throw new ArgumentNullException(nameof(Protocols)); } = ProtocolRegistry.BuiltIn;

    /// <summary>
    /// Gets the instruments the mapper knows: a measurement's total and items carry the instrument's
    /// LOINC codes (<see cref="Instrument.LoincTotal"/>, <see cref="Instrument.LoincItems"/>) when it
    /// has them, and its name names the observation. Default <see cref="InstrumentRegistry.BuiltIn"/>;
    /// a host with its own instruments passes its registry, and reads back with the same one.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public InstrumentRegistry Instruments { get; init => field = value ?? throw new ArgumentNullException(nameof(Instruments)); } = InstrumentRegistry.BuiltIn;

    /// <summary>Gets options that include everything the course holds (free text and the inventory): for a host whose receiver is entitled to the whole record.</summary>
    /// <returns>The new options.</returns>
    public IptFhirOptions WithEverything() => this with { IncludeFreeText = true, IncludeInventory = true };
}
