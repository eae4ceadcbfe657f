using System.Collections;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Tests.Robustness;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>
/// Every code the package writes is verified: HL7 codes against the R4 specification.zip, LOINC
/// codes against docs/fhir.md (which gives each one's source), and the library's own systems are
/// listed there too. An unverified code is worse than none.
/// </summary>
public class CodeTests
{
    [Fact]
    public async System.Threading.Tasks.Task Every_HL7_code_written_is_in_the_R4_specification()
    {
        var missing = new List<string>();
        foreach (var (system, code) in WrittenCodings().Where(c => c.System.StartsWith("http://terminology.hl7.org/", StringComparison.Ordinal)))
        {
            var codeSystem = await Fhir.Specification.FindCodeSystemAsync(system);
            if (codeSystem is null || !Contains(codeSystem.Concept, code))
            {
                missing.Add($"{system}|{code}");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async System.Threading.Tasks.Task Every_HL7_extension_written_is_defined_in_the_R4_specification()
    {
        Assert.NotNull(await Fhir.Specification.FindExtensionDefinitionAsync(IptFhirUris.DataAbsentReason));
        var ordinal = await Fhir.Specification.FindExtensionDefinitionAsync(IptFhirUris.OrdinalValue);
        Assert.NotNull(ordinal);
        Assert.Contains(ordinal.Context, c => c.Expression == "Coding");
    }

    [Fact]
    public void Every_LOINC_code_written_is_listed_with_its_source_in_the_docs()
    {
        var page = File.ReadAllText(Path.Combine(Fhir.RepositoryRoot, "docs", "fhir.md"));
        var loinc = WrittenCodings().Where(c => c.System == IptFhirUris.Loinc).Select(c => c.Code).Distinct().ToList();
        Assert.NotEmpty(loinc);
        Assert.All(loinc, code => Assert.Contains("`" + code + "`", page, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_system_and_extension_written_is_listed_in_the_docs()
    {
        var page = File.ReadAllText(Path.Combine(Fhir.RepositoryRoot, "docs", "fhir.md"));
        var systems = WrittenCodings().Select(c => c.System).Distinct();
        var extensions = WrittenResources().SelectMany(r => Descendants(r)).OfType<Extension>().Select(e => e.Url!).Where(u => u.Contains("://", StringComparison.Ordinal)).Distinct();
        Assert.All(systems.Concat(extensions), uri => Assert.Contains(ShortName(uri), page, StringComparison.Ordinal));
    }

    /// <summary>Library URIs are listed by their last segment (<c>session-task</c>), others in full.</summary>
    private static string ShortName(string uri) => uri.StartsWith(IptFhirUris.Base, StringComparison.Ordinal)
        ? "`" + uri[(uri.LastIndexOf('/') + 1)..] + "`"
        : uri;

    private static bool Contains(List<CodeSystem.ConceptDefinitionComponent> concepts, string code) =>
        concepts.Any(c => c.Code == code || Contains(c.Concept, code));

    private static IEnumerable<Resource> WrittenResources()
    {
        var mapper = new IptFhirMapper(IptFhirOptions.Default.WithEverything());
        var courses = Fhir.ExamplePaths().Select(Fhir.ReadExample).Concat(Enumerable.Range(0, 50).Select(seed => CourseGenerator.Build(seed)));
        foreach (var course in courses)
        {
            yield return mapper.ToBundle(course);
            yield return IptFhirMapper.ToOperationOutcome(CourseValidator.Default.Validate(course));
        }

        foreach (var protocol in BuiltInProtocols.All)
        {
            yield return mapper.ToPlanDefinition(protocol);
        }
    }

    private static IEnumerable<(string System, string Code)> WrittenCodings() =>
        WrittenResources().SelectMany(r => Descendants(r)).OfType<Coding>().Select(c => (c.System!, c.Code!)).Distinct();

    internal static IEnumerable<Base> Descendants(Base element)
    {
        foreach (var child in element.EnumerateElements())
        {
            var values = child.Value is IList list ? list.Cast<object>() : [child.Value];
            foreach (var value in values.OfType<Base>())
            {
                yield return value;
                foreach (var descendant in Descendants(value))
                {
                    yield return descendant;
                }
            }
        }
    }
}
