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
    public static int Write(Resource resource, string? path, string command, TextWriter output, TextWriter error)
    {
        var json = ToJson(resource);
        if (path is null)
        {
            output.Write(json);
            return IptCli.Success;
        }

        try
        {
            File.WriteAllText(path, json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"ipt {command}: {path}: cannot write the file: {ex.Message}");
            return IptCli.Failure;
        }

        output.WriteLine($"{path}: written.");
        return IptCli.Success;
    }
}
