using Hl7.Fhir.Model;
using NodaTime;
using X = Ipt.Protocol.Fhir.IptFhirUris.Extensions;

namespace Ipt.Protocol.Fhir.Tests;

/// <summary>
/// Each member of course schema version 2 in its FHIR element: written where docs/fhir.md says, read
/// back equal, and a malformed element gives an issue at its FHIRPath that quotes no value.
/// </summary>
public class SchemaVersion2Tests
{
    private const string Secret = "SECRET-VALUE-5d7e";
    private static readonly IptFhirMapper Everything = new(IptFhirOptions.Default.WithEverything());
    private static readonly LocalDate Day = new(2026, 3, 2);

    [Fact]
    public void The_lifecycle_is_an_episode_of_care_and_sets_the_care_plans_status()
    {
        var course = Base() with { Lifecycle = new CourseLifecycle(CourseStatus.EndedEarly) { EndedOn = Day, EndReason = EndReason.LostToContact, AsOf = Day.PlusDays(3) } };
        var bundle = AssertRoundTrip(course);
        var episode = Single<EpisodeOfCare>(bundle);
        Assert.Equal(EpisodeOfCare.EpisodeOfCareStatus.Cancelled, episode.Status);
        Assert.Equal("2026-03-02", episode.Period!.End);
        Assert.Equal(RequestStatus.Revoked, Single<CarePlan>(bundle).Status);
        Assert.Equal(FullUrl(bundle, episode), Single<Encounter>(bundle).EpisodeOfCare.Single().Reference);

        AssertIssue(course, b => Single<EpisodeOfCare>(b).Status = EpisodeOfCare.EpisodeOfCareStatus.Planned, b => Path(b, Single<EpisodeOfCare>(b)) + ".status");
        AssertIssue(course, b => Single<EpisodeOfCare>(b).Extension[0].Value = new FhirString(Secret), b => Path(b, Single<EpisodeOfCare>(b)) + ".extension[0]");
    }

    [Fact]
    public void Without_a_lifecycle_there_is_no_episode_of_care()
    {
        var bundle = AssertRoundTrip(Base());
        Assert.DoesNotContain(bundle.Entry, e => e.Resource is EpisodeOfCare);
    }

    [Theory]
    [MemberData(nameof(Fhir.ExampleCourses), MemberType = typeof(Fhir))]
    public void The_care_plans_status_is_where_the_course_stands_as_the_rules_see_it(string path)
    {
        var course = Fhir.ReadExample(path);
        var status = Ipt.Protocol.Protocols.CourseTimeline.Of(course, Ipt.Protocol.Protocols.ProtocolRegistry.BuiltIn[course.Protocol]).Status;
        var expected = status switch { CourseStatus.Completed => RequestStatus.Completed, CourseStatus.EndedEarly => RequestStatus.Revoked, _ => RequestStatus.Active };
        Assert.Equal(expected, Single<CarePlan>(IptFhirMapper.Default.ToBundle(course)).Status);
    }

    [Fact]
    public void The_therapist_is_the_care_plans_author_by_opaque_id()
    {
        var course = Base() with { Therapist = ClinicianId.From("t-7") };
        var author = Single<CarePlan>(AssertRoundTrip(course)).Author;
        Assert.Equal(("Practitioner", IptFhirUris.Identifiers.Clinician, "t-7"), (author!.Type, author.Identifier!.System, author.Identifier.Value));
        Assert.Null(author.Display);

        AssertIssue(course, b => Single<CarePlan>(b).Author!.Identifier!.System = "urn:" + Secret, _ => "Bundle.entry[0].resource.author");
    }

    [Fact]
    public void The_group_is_a_group_resource()
    {
        var course = Base() with { Group = new CourseGroup(GroupId.From("grp-3")) { MembersAtStart = 8 } };
        var group = Single<Group>(AssertRoundTrip(course));
        Assert.Equal(8, group.Quantity);
        Assert.Equal("grp-3", group.Identifier.Single().Value);

        AssertIssue(course, b => Single<Group>(b).Identifier[0].Value = "not a valid id " + Secret, b => Path(b, Single<Group>(b)) + ".identifier");
    }

    [Fact]
    public void The_onset_is_the_onset_of_the_condition_the_care_plan_addresses()
    {
        var course = Base() with { Onset = Day.PlusMonths(-2) };
        var bundle = AssertRoundTrip(course);
        var condition = Single<Condition>(bundle);
        Assert.Equal("2026-01-02", ((FhirDateTime)condition.Onset!).Value);
        Assert.Equal(FullUrl(bundle, condition), Single<CarePlan>(bundle).Addresses.Single().Reference);

        AssertIssue(course, b => Single<Condition>(b).Onset = new FhirString(Secret), b => Path(b, Single<Condition>(b)) + ".onset");
    }

    [Fact]
    public void Life_events_and_supervisions_are_care_plan_extensions_and_their_notes_free_text()
    {
        var course = Base() with
        {
            LifeEvents = [new LifeEvent(LifeEventKind.Death, Day) { Persons = [PersonId.From("p1")], Notes = Secret + " event" }],
            Supervision = [new SupervisionRecord(Day, ClinicianId.From("s1")) { Sessions = [1, 2], Notes = Secret + " supervision" }],
        };
        var plan = Single<CarePlan>(AssertRoundTrip(course));
        Assert.Single(plan.Extension, e => e.Url == X.LifeEvent);
        Assert.Single(plan.Extension, e => e.Url == X.Supervision);
        Assert.DoesNotContain(Secret, Fhir.ToJson(IptFhirMapper.Default.ToBundle(course)), StringComparison.Ordinal);

        AssertIssue(course, b => Part(Single<CarePlan>(b), X.LifeEvent, "kind").Value = new Coding("urn:other", Secret), b => PartPath(Single<CarePlan>(b), X.LifeEvent, "kind"));
        AssertIssue(course, b => Part(Single<CarePlan>(b), X.Supervision, "supervisor").Value = new Integer(7), b => PartPath(Single<CarePlan>(b), X.Supervision, "supervisor"));
    }

    [Fact]
    public void An_assessment_outside_the_sessions_has_observations_without_an_encounter()
    {
        var course = Base() with
        {
            Assessments = [new Assessment(AssessmentOccasion.FollowUp, Day) { Measures = [new Measurement(BuiltInInstruments.Phq9.Id, 6, [1, 1, 1, 1, 1, 1, 0, 0, 0]), Measurement.OfMean(BuiltInInstruments.Srm5.Id, 3.25m)] }],
        };
        var bundle = AssertRoundTrip(course);
        var outside = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Where(o => o.Encounter is null).ToList();
        Assert.Equal(2, outside.Count);
        Assert.All(outside, o => Assert.Equal("2026-03-02", ((FhirDateTime)o.Effective!).Value));
        Assert.Equal(3, Single<CarePlan>(bundle).Extension.Single(e => e.Url == X.Assessment).Extension.Count(p => p.Url == "measure"));

        AssertIssue(course, b => Part(Single<CarePlan>(b), X.Assessment, "measure").Value = new ResourceReference("urn:uuid:00000000-0000-0000-0000-000000000000"), b => PartPath(Single<CarePlan>(b), X.Assessment, "measure"));
    }

    [Fact]
    public void The_focus_history_is_a_change_part_of_the_formulation()
    {
        var formulation = new Formulation { Areas = [new FocusArea(ProblemArea.LostHealthySelf)] }
            .Revised(4, [new FocusArea(ProblemArea.RoleTransition)]);
        var course = Base() with { Formulation = formulation };
        var change = Part(Single<CarePlan>(AssertRoundTrip(course)), X.Formulation, "change");
        Assert.Equal(4, ((PositiveInt)change.Extension.Single(p => p.Url == "atSession").Value!).Value);

        AssertIssue(course, b => Part(Single<CarePlan>(b), X.Formulation, "change").Extension.RemoveAll(p => p.Url == "atSession"), b => PartPath(Single<CarePlan>(b), X.Formulation, "change"));
    }

    [Theory]
    [InlineData(DeliveryMode.InPerson, "FACE", "AMB")]
    [InlineData(DeliveryMode.Video, "VIDEOCONF", "VR")]
    [InlineData(DeliveryMode.Telephone, "PHONE", "VR")]
    public void Delivery_is_a_participation_mode_type_and_sets_the_class(DeliveryMode delivery, string mode, string encounterClass)
    {
        var course = WithSession(s => s with { Delivery = delivery });
        var encounter = Single<Encounter>(AssertRoundTrip(course));
        Assert.Contains(encounter.Type.SelectMany(t => t.Coding), c => c.System == IptFhirUris.V3ParticipationMode && c.Code == mode);
        Assert.Equal(encounterClass, encounter.Class.Code);

        AssertIssue(course, b => ModeOf(Single<Encounter>(b)).Code = Secret, b => Path(b, Single<Encounter>(b)) + ".type[2]");
    }

    [Fact]
    public void A_make_up_names_the_session_it_replaces()
    {
        var course = WithSession(s => s with { Replaces = 3 });
        Assert.NotNull(Single<Encounter>(AssertRoundTrip(course)).GetExtension(X.Replaces));

        AssertIssue(course, b => Single<Encounter>(b).GetExtension(X.Replaces)!.Value = new FhirString(Secret), b => ExtensionPath(b, Single<Encounter>(b), X.Replaces));
    }

    [Fact]
    public void Clinicians_and_attendees_are_participants_by_opaque_id()
    {
        var course = WithSession(s => s with
        {
            Clinicians = [new SessionClinician(ClinicianId.From("t1")), new SessionClinician(ClinicianId.From("t2"), ClinicianRole.CoTherapist)],
            Attendees = [PersonId.From("p1")],
        });
        var participants = Single<Encounter>(AssertRoundTrip(course)).Participant;
        Assert.Equal(["PPRF", "SPRF", "PART"], participants.Select(p => p.Type[0].Coding[0].Code));
        Assert.All(participants, p => Assert.Null(p.Individual!.Display));

        AssertIssue(course, b => Single<Encounter>(b).Participant[0].Individual!.Display = Secret, b => Path(b, Single<Encounter>(b)) + ".participant[0]");
    }

    [Fact]
    public void Group_attendance_is_an_encounter_extension_even_when_nothing_was_counted()
    {
        AssertRoundTrip(WithSession(s => s with { Group = new SessionGroup() }));
        var course = WithSession(s => s with { Group = new SessionGroup { MembersPresent = 5, Members = [MemberId.From("m1"), MemberId.From("m2")] } });
        Assert.NotNull(Single<Encounter>(AssertRoundTrip(course)).GetExtension(X.GroupAttendance));

        AssertIssue(course, b => Single<Encounter>(b).GetExtension(X.GroupAttendance)!.Extension[1].Value = new Integer(2), b => ExtensionPath(b, Single<Encounter>(b), X.GroupAttendance) + ".extension[1]");
    }

    [Theory]
    [InlineData(SessionStatus.CancelledByPatient, "pat")]
    [InlineData(SessionStatus.CancelledByService, "prov")]
    public void Who_cancelled_is_the_status_reason_and_the_HL7_cancellation_reason(SessionStatus status, string reason)
    {
        var course = WithSession(s => s with { Status = status });
        var bundle = AssertRoundTrip(course);
        var encounter = Single<Encounter>(bundle);
        Assert.Equal(Encounter.EncounterStatus.Cancelled, encounter.Status);
        Assert.Equal(reason, ((CodeableConcept)encounter.GetExtension(IptFhirUris.EncounterReasonCancelled)!.Value!).Coding[0].Code);

        AssertIssue(course, b => Single<CarePlan>(b).Activity[0].Detail!.StatusReason!.Coding[0].Code = Secret, _ => "Bundle.entry[0].resource.activity[0].detail.statusReason");
    }

    [Fact]
    public void A_mean_score_is_a_decimal_quantity_and_the_rater_a_performer_by_type()
    {
        var course = WithSession(s => s with { Measures = [Measurement.OfMean(BuiltInInstruments.Srm5.Id, 4.75m) with { Rater = Rater.Clinician }] });
        var observation = Single<Observation>(AssertRoundTrip(course));
        Assert.Equal(4.75m, ((Quantity)observation.Value!).Value);
        Assert.Equal("Practitioner", observation.Performer.Single().Type);

        AssertIssue(course, b => ((Quantity)Single<Observation>(b).Value!).Unit = "kg", b => Path(b, Single<Observation>(b)) + ".value");
        AssertIssue(course, b => Single<Observation>(b).Performer[0].Reference = "Practitioner/" + Secret, b => Path(b, Single<Observation>(b)) + ".performer[0]");
    }

    [Fact]
    public void The_rater_of_items_alone_is_the_responses_source()
    {
        var course = WithSession(s => s with { Measures = [new Measurement(BuiltInInstruments.Gad7.Id, null, [0, 1, 2, 3, 0, 1, 2]) with { Rater = Rater.Self }] });
        Assert.Equal("Patient", Single<QuestionnaireResponse>(AssertRoundTrip(course)).Source!.Type);

        AssertIssue(course, b => Single<QuestionnaireResponse>(b).Source!.Type = "Device", b => Path(b, Single<QuestionnaireResponse>(b)) + ".source");
    }

    [Fact]
    public void Minimum_necessary_keeps_every_coded_member_and_only_the_notes_stay_behind()
    {
        var course = WithSession(s => s with
        {
            Delivery = DeliveryMode.Video,
            Replaces = 2,
            Attendees = [PersonId.From("p1")],
            Clinicians = [new SessionClinician(ClinicianId.From("t1"))],
            Group = new SessionGroup { MembersPresent = 6 },
            Measures = [Measurement.OfMean(BuiltInInstruments.Srm17.Id, 2.5m) with { Rater = Rater.Self }],
        }) with
        {
            Lifecycle = new CourseLifecycle(CourseStatus.Completed) { EndedOn = Day },
            Therapist = ClinicianId.From("t1"),
            Group = new CourseGroup(GroupId.From("g-1")),
            Onset = Day.PlusYears(-1),
            LifeEvents = [new LifeEvent(LifeEventKind.JobLoss, Day.PlusMonths(-13))],
            Supervision = [new SupervisionRecord(Day, ClinicianId.From("s1")) { Sessions = [1] }],
            Assessments = [new Assessment(AssessmentOccasion.Intake, Day.PlusDays(-7)) { Measures = [new Measurement(BuiltInInstruments.Wsas.Id, 22) { Rater = Rater.Clinician }] }],
            Formulation = new Formulation { Areas = [new FocusArea(ProblemArea.RoleTransition)], Changes = [new FocusChange(3)] },
        };
        RoundTripTests.AssertRoundTrip(IptFhirMapper.Default, course);
    }

    [Fact]
    public void A_second_episode_of_care_or_group_is_reported_and_the_first_read()
    {
        var course = Base() with { Lifecycle = new CourseLifecycle(CourseStatus.Active), Group = new CourseGroup(GroupId.From("g-1")) };
        var bundle = Everything.ToBundle(course, CourseExportContext.ForPatient("Patient/example"));
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:6d1f0c1e-0000-4000-8000-000000000001", Resource = new EpisodeOfCare { Status = EpisodeOfCare.EpisodeOfCareStatus.Finished } });
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:6d1f0c1e-0000-4000-8000-000000000002", Resource = new Group() });

        var result = Everything.ToCourse(bundle);

        Assert.Equal(course, result.Course);
        Assert.Equal([$"Bundle.entry[{bundle.Entry.Count - 2}].resource", $"Bundle.entry[{bundle.Entry.Count - 1}].resource"], result.Issues.Select(i => i.Path));
    }

    private static Course Base() => new(ProtocolId.From("ipt"))
    {
        Sessions = [new Session(1, Phase.Initial) { Date = Day, Status = SessionStatus.Held }],
    };

    private static Course WithSession(Func<Session, Session> change) => Base().WithSession(1, change);

    private static Bundle AssertRoundTrip(Course course)
    {
        RoundTripTests.AssertRoundTrip(Everything, course);
        return Everything.ToBundle(course, CourseExportContext.ForPatient("Patient/example"));
    }

    /// <summary>Writes the course, breaks one element, and expects an issue at its path that quotes no value.</summary>
    private static void AssertIssue(Course course, Action<Bundle> mangle, Func<Bundle, string> path)
    {
        var bundle = Fhir.ParseStrict<Bundle>(Fhir.ToJson(Everything.ToBundle(course, CourseExportContext.ForPatient("Patient/example"))));
        mangle(bundle);
        var result = Everything.ToCourse(bundle);
        Assert.NotNull(result.Course);
        Assert.Contains(result.Issues, i => i.Path == path(bundle));
        Assert.DoesNotContain(result.Issues, i => i.ToString().Contains(Secret, StringComparison.Ordinal));
    }

    private static T Single<T>(Bundle bundle)
        where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().Single();

    private static string FullUrl(Bundle bundle, Resource resource) => bundle.Entry.Single(e => ReferenceEquals(e.Resource, resource)).FullUrl!;

    private static string Path(Bundle bundle, Resource resource) =>
        $"Bundle.entry[{bundle.Entry.FindIndex(e => ReferenceEquals(e.Resource, resource))}].resource";

    private static string ExtensionPath(Bundle bundle, DomainResource resource, string url) =>
        $"{Path(bundle, resource)}.extension[{resource.Extension.FindIndex(e => e.Url == url)}]";

    private static Extension Part(CarePlan plan, string url, string part) =>
        plan.Extension.Single(e => e.Url == url).Extension.First(p => p.Url == part);

    private static string PartPath(CarePlan plan, string url, string part)
    {
        var extension = plan.Extension.FindIndex(e => e.Url == url);
        var index = plan.Extension[extension].Extension.FindIndex(p => p.Url == part);
        return $"Bundle.entry[0].resource.extension[{extension}].extension[{index}]";
    }

    private static Coding ModeOf(Encounter encounter) =>
        encounter.Type.SelectMany(t => t.Coding).Single(c => c.System == IptFhirUris.V3ParticipationMode);
}
