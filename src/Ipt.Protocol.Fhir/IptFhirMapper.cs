using Hl7.Fhir.Model;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Fhir;

/// <summary>
/// Maps Ipt.Protocol to HL7 FHIR R4 (Firely SDK) and back: a protocol variant to a
/// <see cref="PlanDefinition"/>, a course to a <see cref="Bundle"/> (CarePlan, Encounters, Goals,
/// QuestionnaireResponses, Observations, and on request RelatedPersons), a bundle back to a course,
/// and a validation report to an <see cref="OperationOutcome"/>. docs/fhir.md has the mapping table.
/// </summary>
/// <remarks>
/// <para>Minimum necessary by default (see <see cref="IptFhirOptions"/>). Reading never throws on bad
/// input: it returns what could be read and lists what could not, each with its FHIRPath.</para>
/// <para>Thread-safe; the resources returned are new Firely objects owned by the caller.</para>
/// </remarks>
/// <param name="options">The options; <see cref="IptFhirOptions.Default"/> when <see langword="null"/>.</param>
public sealed class IptFhirMapper(IptFhirOptions? options = null)
{
    /// <summary>Gets a mapper with the default options.</summary>
    public static IptFhirMapper Default { get; } = new();

    /// <summary>Gets the options.</summary>
    public IptFhirOptions Options { get; } = options ?? IptFhirOptions.Default;

    /// <summary>Writes a protocol variant (built-in or host-defined) as a PlanDefinition with its canonical URL under <see cref="IptFhirOptions.CanonicalBase"/>.</summary>
    /// <param name="protocol">The protocol variant.</param>
    /// <returns>The PlanDefinition.</returns>
    public PlanDefinition ToPlanDefinition(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return PlanDefinitionWriter.Write(protocol, Options);
    }

    /// <summary>Returns the canonical URL of a protocol variant's PlanDefinition: <c>{CanonicalBase}/PlanDefinition/{id}</c>.</summary>
    /// <param name="protocol">The protocol id.</param>
    /// <returns>The canonical URL.</returns>
    public string CanonicalOf(ProtocolId protocol) => Options.CanonicalBase + "/PlanDefinition/" + protocol.Value;

    /// <summary>Writes a course as a bundle: a <c>collection</c>, or a <c>transaction</c> when <see cref="IptFhirOptions.Transaction"/> is set.</summary>
    /// <param name="course">The course.</param>
    /// <param name="context">The patient and the bundle's identity; without it the subject is unknown and the bundle id random.</param>
    /// <returns>The bundle; the care plan is its first entry.</returns>
    public Bundle ToBundle(Course course, CourseExportContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        return new BundleWriter(Options, context ?? new CourseExportContext()).Write(course);
    }

    /// <summary>Reads a course back from a bundle. Never throws on bad input.</summary>
    /// <param name="bundle">The bundle.</param>
    /// <returns>The course (when the bundle holds one), its patient reference, and every element that could not be mapped with its FHIRPath.</returns>
    public CourseReadResult ToCourse(Bundle? bundle) => new BundleReader(Options).Read(bundle);

    /// <summary>Writes a validation report as an OperationOutcome: one issue per finding, with the rule id as a coding, the document path as expression, the message and the help link.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The OperationOutcome (a clean report gives one informational issue).</returns>
    public static OperationOutcome ToOperationOutcome(ValidationReport report) => OperationOutcomeWriter.Write(report);
}
