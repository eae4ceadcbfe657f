using Hl7.Fhir.Model;
using Ipt.Protocol.Samples;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>
/// Minimum necessary by default: no free text and no inventory person leaves unless the host opts
/// in, and each switch covers exactly the fields docs/fhir.md names.
/// </summary>
public class MinimumNecessaryTests
{
    private const string Canary = "CANARY-7f3a";

    [Fact]
    public void By_default_no_free_text_and_no_person_goes_out()
    {
        var json = Fhir.ToJson(IptFhirMapper.Default.ToBundle(CanaryCourse()));
        Assert.DoesNotContain(Canary, json, StringComparison.Ordinal);
        Assert.DoesNotContain("RelatedPerson", json, StringComparison.Ordinal);
        Assert.Contains("masked", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inventory_alone_sends_persons_without_their_labels_or_text()
    {
        var mapper = new IptFhirMapper(IptFhirOptions.Default with { IncludeInventory = true });
        var bundle = mapper.ToBundle(CanaryCourse());
        Assert.Contains(bundle.Entry, e => e.Resource is RelatedPerson);
        Assert.DoesNotContain(Canary, Fhir.ToJson(bundle), StringComparison.Ordinal);
    }

    [Fact]
    public void Free_text_alone_sends_the_course_text_but_no_person()
    {
        var mapper = new IptFhirMapper(IptFhirOptions.Default with { IncludeFreeText = true });
        var json = Fhir.ToJson(mapper.ToBundle(CanaryCourse()));
        Assert.Contains(Canary + " notes", json, StringComparison.Ordinal);
        Assert.Contains(Canary + " goal", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary + " label", json, StringComparison.Ordinal);
        Assert.DoesNotContain("RelatedPerson", json, StringComparison.Ordinal);
    }

    [Fact]
    public void With_everything_every_text_goes_out()
    {
        var json = Fhir.ToJson(new IptFhirMapper(IptFhirOptions.Default.WithEverything()).ToBundle(CanaryCourse()));
        foreach (var field in new[] { "notes", "reason", "formulation", "goal", "step", "what", "pattern", "label", "conflicts" })
        {
            Assert.Contains(Canary + " " + field, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_minimum_necessary_bundle_reads_back_without_the_text_and_says_what_is_missing()
    {
        var course = CanaryCourse();
        var result = IptFhirMapper.Default.ToCourse(Fhir.ParseStrict<Bundle>(Fhir.ToJson(IptFhirMapper.Default.ToBundle(course))));
        Assert.NotNull(result.Course);
        Assert.Empty(result.Course.Goals);
        Assert.Null(result.Course.Sessions[0].Notes);
        Assert.True(result.Course.Inventory.IsEmpty);
        Assert.Contains(result.Issues, i => i.Message.Contains("masked", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Issues, i => i.ToString().Contains(Canary, StringComparison.Ordinal));
    }

    private static Course CanaryCourse()
    {
        var course = SampleCourses.Standard;
        var person = course.Inventory.Persons[0] with { Label = Canary + " label", Conflicts = Canary + " conflicts" };
        return course with
        {
            Sessions = course.Sessions.SetItem(0, course.Sessions[0] with { Notes = Canary + " notes" }),
            Renegotiations = [new Renegotiation { AtSession = 5, Reason = Canary + " reason", Sessions = 14 }],
            Formulation = course.Formulation! with { Notes = Canary + " formulation" },
            Goals = [new Goal(GoalId.From("g1"), Canary + " goal") { Steps = [new GoalStep { Description = Canary + " step" }] }],
            Diary = [new InterpersonalEvent { Date = SampleCourses.Start, WhatHappened = Canary + " what", Pattern = Canary + " pattern" }],
            Inventory = course.Inventory.WithPerson(person),
        };
    }
}
