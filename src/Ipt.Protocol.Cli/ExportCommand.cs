using System.CommandLine;
using Hl7.Fhir.Model;
using Ipt.Protocol.Cli.Output;
using Ipt.Protocol.Fhir;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt export fhir COURSE.json | --protocol ID</c>: a course as an HL7 FHIR R4 Bundle, or a protocol variant as a PlanDefinition.</summary>
internal static class ExportCommand
{
    internal static Command Create(ProtocolRegistry registry)
    {
        var file = CliInput.RefuseOptionLikeFiles(new Argument<string?>("COURSE")
        {
            Description = "The course document (JSON) to export.",
            Arity = ArgumentArity.ZeroOrOne,
        });
        var protocol = new Option<string?>("--protocol") { Description = "Export this protocol variant as a PlanDefinition instead of a course." };
        var outFile = new Option<string?>("--out") { Description = "The file to write; without it, the JSON is printed." };
        var patient = new Option<string?>("--patient") { Description = "The patient's reference, such as Patient/123 (the course holds no identity; without it the subject is sent as unknown)." };
        var bundleId = new Option<Guid?>("--bundle-id") { Description = "The bundle's UUID, from which the entries' urn:uuid URLs are derived (the same id gives the same bundle); random without it." };
        var freeText = new Option<bool>("--free-text") { Description = "Include free text (notes, reasons, descriptions, diary text). Minimum necessary without it." };
        var inventory = new Option<bool>("--inventory") { Description = "Include the inventory's people as RelatedPersons (with --free-text, also their labels and text)." };
        var transaction = new Option<bool>("--transaction") { Description = "Write a transaction bundle (every entry a POST) instead of a collection." };
        var canonicalBase = new Option<string?>("--canonical-base") { Description = $"The base of PlanDefinition and Questionnaire canonical URLs (default {IptFhirOptions.DefaultCanonicalBase})." };
        var fhir = new Command(
            "fhir",
            "Export a course as an HL7 FHIR R4 Bundle (CarePlan, Encounters, Goals, QuestionnaireResponses, Observations), or a protocol variant as a PlanDefinition. See docs/fhir.md.\n\n" +
            "Examples:\n" +
            "  ipt export fhir docs/examples/standard.course.json --patient Patient/123 --out bundle.json\n" +
            "  ipt export fhir course.json --free-text --inventory --transaction\n" +
            "  ipt export fhir --protocol ipt-a")
        {
            file,
            protocol,
            outFile,
            patient,
            bundleId,
            freeText,
            inventory,
            transaction,
            canonicalBase,
        };
        fhir.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetValue(file);
            var protocolId = parseResult.GetValue(protocol);
            if ((path is null) == (protocolId is null))
            {
                error.WriteLine("ipt export fhir: give either a course file or --protocol ID.");
                return IptCli.Failure;
            }

            IptFhirOptions options;
            try
            {
                options = new IptFhirOptions
                {
                    IncludeFreeText = parseResult.GetValue(freeText),
                    IncludeInventory = parseResult.GetValue(inventory),
                    Transaction = parseResult.GetValue(transaction),
                    Protocols = registry,
                };
                if (parseResult.GetValue(canonicalBase) is { } baseUrl)
                {
                    options = options with { CanonicalBase = baseUrl };
                }
            }
            catch (ArgumentException)
            {
                error.WriteLine("ipt export fhir: --canonical-base: expected an absolute http(s) URL without a trailing slash.");
                return IptCli.Failure;
            }

            var mapper = new IptFhirMapper(options);
            Resource resource;
            if (protocolId is not null)
            {
                if (CliInput.FindProtocol(registry, protocolId, "export fhir", error) is not { } definition)
                {
                    return IptCli.Failure;
                }

                resource = mapper.ToPlanDefinition(definition);
            }
            else
            {
                if (CliInput.ReadCourse(path!, error) is not { } course)
                {
                    return IptCli.Failure;
                }

                var context = new CourseExportContext { BundleId = parseResult.GetValue(bundleId) };
                if (parseResult.GetValue(patient) is { Length: > 0 } reference)
                {
                    context = context with { Patient = new ResourceReference(reference) };
                }

                resource = mapper.ToBundle(course.Course, context);
            }

            return FhirOutput.Write(resource, parseResult.GetValue(outFile), "export fhir", parseResult.InvocationConfiguration.Output, error);
        });
        return new Command("export", "Export a course or a protocol variant to another standard (HL7 FHIR R4).") { fhir };
    }
}
