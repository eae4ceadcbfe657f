using Hl7.Fhir.Model;

namespace Ipt.Protocol.Fhir;

/// <summary>
/// What the host supplies when writing a course: the patient the course belongs to and the
/// identity of the bundle. The course document holds no patient identity, so nothing here is
/// invented: without a patient reference, <c>subject</c> is sent as unknown (data-absent-reason).
/// </summary>
/// <remarks>Immutable apart from the Firely reference it holds; do not change that reference after passing it.</remarks>
public sealed record CourseExportContext
{
    /// <summary>Gets the reference to the patient, such as <c>Patient/123</c>, or <see langword="null"/> when the host has none to give.</summary>
    public ResourceReference? Patient { get; init; }

    /// <summary>
    /// Gets the bundle's identity: the entries' <c>urn:uuid</c> full URLs are derived from it (name-based,
    /// RFC 9562 version 8 over SHA-256), so the same course written with the same id gives the same
    /// bundle. <see langword="null"/> (the default) takes a new random id for each bundle.
    /// </summary>
    public Guid? BundleId { get; init; }

    /// <summary>Creates a context for a patient.</summary>
    /// <param name="patientReference">The patient's reference, such as <c>Patient/123</c>.</param>
    /// <returns>The context.</returns>
    public static CourseExportContext ForPatient(string patientReference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientReference);
        return new() { Patient = new ResourceReference(patientReference) };
    }
}
