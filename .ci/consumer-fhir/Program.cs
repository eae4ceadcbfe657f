using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Ipt.Protocol.Fhir;
using Ipt.Protocol.Serialization;

// Reads a course document, writes it as a FHIR R4 bundle, parses the JSON back strictly and reads
// the course again: the round trip must be equal with nothing left unmapped.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ConsumerFhir COURSE.json");
    return 2;
}

var read = CourseJson.Default.TryRead(File.ReadAllBytes(args[0]));
if (!read.TryGetValue(out var course))
{
    foreach (var error in read.Errors)
    {
        Console.Error.WriteLine(error);
    }

    return 2;
}

var mapper = new IptFhirMapper(IptFhirOptions.Default.WithEverything());
var bundle = mapper.ToBundle(course, CourseExportContext.ForPatient("Patient/example"));
var json = JsonSerializer.Serialize(bundle, new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector));
var parsed = JsonSerializer.Deserialize<Bundle>(json, new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Strict))!;
var back = mapper.ToCourse(parsed);
Console.WriteLine($"{course}: {bundle.Entry.Count} entries, {back.Issues.Count} unmapped, equal: {Equals(course, back.Course)}");
return back.IsComplete && Equals(course, back.Course) ? 0 : 1;
