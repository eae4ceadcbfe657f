using Hl7.Fhir.Model;
using Ipt.Protocol.Tests.Robustness;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>Reading a bundle never throws on bad input: what cannot be mapped is listed with its FHIRPath, and no message quotes a value.</summary>
public class ReadBackTests
{
    private const string Secret = "SECRET-VALUE-91c2";
    private static readonly IptFhirMapper Everything = new(IptFhirOptions.Default.WithEverything());

    [Fact]
    public void No_bundle_and_an_empty_bundle_give_no_course_and_say_why()
    {
        Assert.Null(IptFhirMapper.Default.ToCourse(null).Course);
        var empty = IptFhirMapper.Default.ToCourse(new Bundle());
        Assert.Null(empty.Course);
        Assert.Equal("Bundle", Assert.Single(empty.Issues).Path);
    }

    [Fact]
    public void A_care_plan_under_another_canonical_base_is_not_an_IPT_course()
    {
        var bundle = Write();
        var other = new IptFhirMapper(IptFhirOptions.Default with { CanonicalBase = "https://clinic.example.org/fhir" });
        var result = other.ToCourse(bundle);
        Assert.Null(result.Course);
        Assert.Contains(result.Issues, i => i.Path == "Bundle.entry[0].resource");
    }

    [Fact]
    public void An_unknown_extension_an_unmapped_element_and_a_stray_resource_are_listed_with_their_paths()
    {
        var bundle = Write();
        var plan = (CarePlan)bundle.Entry[0].Resource!;
        plan.Extension.Add(new Extension("https://clinic.example.org/fhir/StructureDefinition/x", new FhirString(Secret)));
        plan.Note.Add(new Annotation { Text = Secret });
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:4b1c5f2e-8d3a-4e6b-9f7c-1a2b3c4d5e6f", Resource = new Patient() });

        var result = Everything.ToCourse(bundle);

        Assert.NotNull(result.Course);
        var paths = result.Issues.Select(i => i.Path).ToList();
        Assert.Contains($"Bundle.entry[0].resource.extension[{plan.Extension.Count - 1}]", paths);
        Assert.Contains("Bundle.entry[0].resource.note[0]", paths);
        Assert.Contains($"Bundle.entry[{bundle.Entry.Count - 1}].resource", paths);
        Assert.DoesNotContain(result.Issues, i => i.ToString().Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Values_of_the_wrong_type_or_out_of_the_models_range_become_issues()
    {
        var bundle = Write();
        var encounter = bundle.Entry.Select(e => e.Resource).OfType<Encounter>().First();
        encounter.Extension[0].Value = new FhirString(Secret);                 // session number as text
        var plan = (CarePlan)bundle.Entry[0].Resource!;
        plan.Extension.Add(new Extension(IptFhirUris.Extensions.ClosenessCircleRings, new PositiveInt(1)));  // persons sit on ring 2 and 3

        var result = Everything.ToCourse(bundle);

        Assert.NotNull(result.Course);
        Assert.Contains(result.Issues, i => i.Message.Contains("valuePositiveInt", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Message.Contains("inventory", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Issues, i => i.ToString().Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Mangled_bundles_never_throw()
    {
        var random = new Random(17);
        for (var seed = 0; seed < 200; seed++)
        {
            var bundle = Everything.ToBundle(CourseGenerator.Build(seed, awkwardText: false));
            Mangle(bundle, random);
            var result = Everything.ToCourse(bundle);
            Assert.True(result.Course is not null || !result.Issues.IsEmpty);
        }
    }

    private static Bundle Write() =>
        Everything.ToBundle(Fhir.ReadExample("docs/examples/standard.course.json"), CourseExportContext.ForPatient("Patient/example"));

    /// <summary>Removes, empties or retypes random elements: extensions, references, codings, values.</summary>
    private static void Mangle(Bundle bundle, Random random)
    {
        var elements = CodeTests.Descendants(bundle).ToList();
        for (var n = 0; n < 8 && elements.Count > 0; n++)
        {
            switch (elements[random.Next(elements.Count)])
            {
                case Extension extension:
                    extension.Value = random.Next(3) switch { 0 => null, 1 => new FhirString(Secret), _ => new Integer(-1) };
                    break;
                case ResourceReference reference:
                    reference.Reference = random.Next(2) == 0 ? null : "urn:uuid:00000000-0000-0000-0000-000000000000";
                    break;
                case Coding coding:
                    coding.Code = random.Next(2) == 0 ? null : Secret;
                    break;
                case Bundle.EntryComponent entry:
                    entry.Resource = null!;
                    break;
                case QuestionnaireResponse.ItemComponent item:
                    item.LinkId = Secret;
                    break;
                case Quantity quantity:
                    quantity.Value = -quantity.Value;
                    break;
            }
        }
    }
}
