using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Ipt.Protocol.Cli.Output;

/// <summary>FHIR JSON (Firely serializer, indented) to the output or a file.</summary>
internal static class FhirOutput
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public static string ToJson(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options) + "\n";

    /// <summary>Writes the resource to <paramref name="path"/> (saying so) or to the output.</summary>
    public static int Write(Resource resource, string? path, string command, TextWriter output, TextWriter error) =>
        CliInput.WriteOutput(ToJson(resource), path, command, output, error);
}
