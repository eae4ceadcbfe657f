using System.Globalization;

namespace Ipt.Protocol.Fhir;

/// <summary>
/// Something in a FHIR resource that could not be mapped to the course model: where (a FHIRPath
/// into the bundle, such as <c>Bundle.entry[2].resource.extension[0]</c>) and why. Messages never
/// quote a value of the resource.
/// </summary>
/// <param name="Path">The FHIRPath of the element.</param>
/// <param name="Message">Why it could not be mapped.</param>
public sealed record FhirMappingIssue(string Path, string Message)
{
    /// <summary>Formats the issue as <c>path: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}: {Message}");
}
