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
    public void A_host_instrument_with_LOINC_codes_goes_out_with_them_and_comes_back_the_same_measurement()
    {
        var mapper = new IptFhirMapper(IptFhirOptions.Default.WithEverything() with { Instruments = InstrumentRegistry.BuiltIn.Add(Phq2) });
        var measurement = new Measurement(Phq2.Id, 5, [2, 3]) { Rater = Rater.Self };
        var course = WithMeasure(measurement);

        var bundle = mapper.ToBundle(course, CourseExportContext.ForPatient("Patient/example"));

        var response = Single<QuestionnaireResponse>(bundle);
        Assert.Equal(["44250-9", "44255-8"], response.Item.Select(i => i.LinkId));
        Assert.All(response.Item, i => Assert.IsType<Integer>(i.Answer.Single().Value));  // LL358-3 answers only for PHQ-9 and GAD-7
        var observation = Single<Observation>(bundle);
        Assert.Equal("PHQ-2 total score", observation.Code.Text);
        var loinc = observation.Code.Coding.Single(c => c.System == IptFhirUris.Loinc);
        Assert.Equal("55758-7", loinc.Code);
        Assert.Null(loinc.Display);  // no verified display: none is invented
        Assert.Empty(Fhir.Errors(bundle));
        RoundTripTests.AssertRoundTrip(mapper, course);

        var unknown = IptFhirMapper.Default.ToBundle(course);
        Assert.Equal(["1", "2"], Single<QuestionnaireResponse>(unknown).Item.Select(i => i.LinkId));
        Assert.DoesNotContain(Single<Observation>(unknown).Code.Coding, c => c.System == IptFhirUris.Loinc);
    }

    [Fact]
    public void The_built_in_instruments_keep_their_verified_displays_and_LOINC_answers()
    {
        var course = WithMeasure(new Measurement(BuiltInInstruments.Phq9.Id, 9, [1, 1, 1, 1, 1, 1, 1, 1, 1]));
        var bundle = IptFhirMapper.Default.ToBundle(course);
        var loinc = Single<Observation>(bundle).Code.Coding.Single(c => c.System == IptFhirUris.Loinc);
        Assert.Equal(("44261-6", "Patient health questionnaire 9 item total score"), (loinc.Code, loinc.Display));
        Assert.All(Single<QuestionnaireResponse>(bundle).Item, i => Assert.Equal("LA6569-3", ((Coding)i.Answer.Single().Value!).Code));
    }

    [Fact]
    public void The_registries_are_never_null_and_default_to_the_built_ins()
    {
        Assert.Same(ProtocolRegistry.BuiltIn, IptFhirOptions.Default.Protocols);
        Assert.Same(InstrumentRegistry.BuiltIn, IptFhirOptions.Default.Instruments);
        Assert.Throws<ArgumentNullException>(() => IptFhirOptions.Default with { Protocols = null! });
        Assert.Throws<ArgumentNullException>(() => IptFhirOptions.Default with { Instruments = null! });
    }

    /// <summary>PHQ-2 as a host would register it: LOINC panel 55757-9, total 55758-7, and the first two PHQ-9 items.</summary>
    private static Instrument Phq2 { get; } = new()
    {
        Id = InstrumentId.From("phq-2"),
        Name = "PHQ-2",
        ItemCount = 2,
        ItemMax = 3,
        TotalMax = 6,
        CasenessThreshold = 3,
        LoincPanel = "55757-9",
        LoincTotal = "55758-7",
        LoincItems = ["44250-9", "44255-8"],
        Citation = new(Confidence.High, "KROENKE03"),
    };

    private static Course WithMeasure(Measurement measurement) => new(BuiltInProtocols.Standard.Id)
    {
        Sessions = [new Session(1, Phase.Initial) { Date = Day, Status = SessionStatus.Held, Measures = [measurement] }],
    };

    private static T Single<T>(Bundle bundle)
        where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().Single();
}
