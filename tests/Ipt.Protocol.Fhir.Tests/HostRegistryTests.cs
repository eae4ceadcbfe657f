using Hl7.Fhir.Model;
using Ipt.Protocol.Protocols;
using NodaTime;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>
/// A host's own protocol variants and instruments, registered in the options' registries, are known
/// to the mapper as the built-in ones are: the care plan's status follows the core's
/// <see cref="CourseTimeline"/> under the host variant, and a host instrument's LOINC codes go out
/// and come back.
/// </summary>
public class HostRegistryTests
{
    private static readonly LocalDate Day = new(2026, 3, 2);
    private static readonly ProtocolDefinition ClinicVariant = BuiltInProtocols.Standard with { Id = ProtocolId.From("clinic-ipt"), Name = "Clinic IPT" };
    private static readonly IptFhirMapper Clinic = new(IptFhirOptions.Default.WithEverything() with { Protocols = ProtocolRegistry.BuiltIn.Add(ClinicVariant) });

    public static TheoryData<Phase[], RequestStatus> HostVariantCourses => new()
    {
        // A termination session held, but 3 of at least 12 sessions: the course goes on (an unknown variant would be completed).
        { [Phase.Initial, Phase.Middle, Phase.Termination], RequestStatus.Active },

        // 12 sessions held, none planned, no termination: ended early (an unknown variant would be active).
        { [.. Enumerable.Repeat(Phase.Initial, 3), .. Enumerable.Repeat(Phase.Middle, 9)], RequestStatus.Revoked },
    };

    [Theory]
    [MemberData(nameof(HostVariantCourses))]
    public void A_host_variant_without_a_lifecycle_has_the_care_plan_status_of_its_course_timeline(Phase[] phases, RequestStatus expected)
    {
        var course = new Course(ClinicVariant.Id)
        {
            Sessions = [.. phases.Select((phase, i) => new Session(i + 1, phase) { Date = Day.PlusWeeks(i), Status = SessionStatus.Held })],
        };
        var timeline = CourseTimeline.Of(course, ClinicVariant).Status;
        Assert.Equal(expected, timeline switch { CourseStatus.Completed => RequestStatus.Completed, CourseStatus.EndedEarly => RequestStatus.Revoked, _ => RequestStatus.Active });

        var bundle = Clinic.ToBundle(course, CourseExportContext.ForPatient("Patient/example"));

        Assert.Equal(expected, Single<CarePlan>(bundle).Status);
        Assert.NotEqual(expected, Single<CarePlan>(IptFhirMapper.Default.ToBundle(course)).Status);
        Assert.Empty(Fhir.Errors(bundle));
        RoundTripTests.AssertRoundTrip(Clinic, course);
    }

    [Fact]
    public void The_protocol_registry_is_never_null_and_defaults_to_the_built_in_variants()
    {
        Assert.Same(ProtocolRegistry.BuiltIn, IptFhirOptions.Default.Protocols);
        Assert.Throws<ArgumentNullException>(() => IptFhirOptions.Default with { Protocols = null! });
    }

    private static T Single<T>(Bundle bundle)
        where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().Single();
}
