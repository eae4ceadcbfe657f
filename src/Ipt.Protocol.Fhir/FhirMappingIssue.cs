using System.Globalization;

namespace Ipt.Protocol.Fhir;

/// <summary>
/// Something in a FHIR resource that could not be mapped to the course model: where (a FHIRPath
/// into the bundle, such as <c>Bundle.entry[2].resource.extension[0]</c>) and why. Messages never
/// quote a value of the resource.
/// </summary>
/// <remarks>Immutable and thread-safe; made by the mapper only.</remarks>
public sealed record FhirMappingIssue
{
    internal FhirMappingIssue(string path, string message)
    {
        Path = path;
        Message = message;
    }

    /// <summary>Gets the FHIRPath of the element.</summary>
    public string Path { get; }

    /// <summary>Gets why it could not be mapped.</summary>
    public string Message { get; }

    /// <summary>Formats the issue as <c>path: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}: {Message}");
}
