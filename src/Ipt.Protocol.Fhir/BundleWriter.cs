using System.Globalization;
using Hl7.Fhir.Model;
using Ipt.Protocol.Protocols;
using NodaTime;
using FhirGoal = Hl7.Fhir.Model.Goal;
using FhirPeriod = Hl7.Fhir.Model.Period;
using X = Ipt.Protocol.Fhir.IptFhirUris.Extensions;

namespace Ipt.Protocol.Fhir;

/// <summary>Writes one course as a bundle (see docs/fhir.md for the mapping table).</summary>
internal sealed class BundleWriter
{
    private readonly IptFhirOptions options;
    private readonly CourseExportContext context;
    private readonly Guid bundleId;
    private readonly Bundle bundle;

    public BundleWriter(IptFhirOptions options, CourseExportContext context)
    {
        this.options = options;
        this.context = context;
        bundleId = context.BundleId ?? Guid.NewGuid();
        bundle = new Bundle
        {
            Type = options.Transaction ? Bundle.BundleType.Transaction : Bundle.BundleType.Collection,
            Identifier = new Identifier("urn:ietf:rfc:3986", "urn:uuid:" + bundleId.ToString("D")),
        };
    }

    public Bundle Write(Course course)
    {
        var carePlan = new CarePlan
        {
            Status = CarePlanStatus(course, options.Protocols),
            Intent = CarePlan.CarePlanIntent.Plan,
            Category = [new CodeableConcept { Text = "Interpersonal psychotherapy (IPT)" }],
            Subject = Patient(required: true)!,
            InstantiatesCanonical = [CanonicalOf("PlanDefinition", course.Protocol.Value)],
            Author = course.Therapist is { } therapist ? Logical("Practitioner", IptFhirUris.Identifiers.Clinician, therapist.Value) : null,
        };
        Add(carePlan, "CarePlan");
        var episodeUrl = course.Lifecycle is { } lifecycle ? WriteEpisode(lifecycle) : null;
        if (course.Onset is { } onset)
        {
            carePlan.Addresses.Add(new ResourceReference(Add(new Condition { Subject = Patient(required: true)!, Onset = new FhirDateTime(Codes.Text(onset)) }, "Condition")));
        }

        if (course.Group is { } group)
        {
            var resource = new Group { Type = Group.GroupType.Person, Actual = true, Quantity = group.MembersAtStart };
            resource.Identifier.Add(new Identifier(IptFhirUris.Identifiers.Group, group.Id.Value));
            Add(resource, "Group");
        }

        WriteCourseExtensions(course, carePlan.Extension);

        for (var s = 0; s < course.Sessions.Count; s++)
        {
            carePlan.Activity.Add(WriteSession(course.Sessions[s], s, episodeUrl));
        }

        for (var g = 0; g < course.Goals.Count; g++)
        {
            carePlan.Goal.Add(new ResourceReference(WriteGoal(course.Goals[g], g)));
        }

        if (options.IncludeInventory)
        {
            for (var p = 0; p < course.Inventory.Persons.Count; p++)
            {
                WritePerson(course.Inventory.Persons[p], p);
            }
        }

        return bundle;
    }

    /// <summary>
    /// The care plan's status: where the course stands (active, completed, ended early as revoked),
    /// from its lifecycle, or inferred from its sessions as the rules infer it (<see cref="CourseTimeline"/>)
    /// when the record has none, under the variant of the registry (<see cref="IptFhirOptions.Protocols"/>).
    /// A variant not in the registry is unknown to the mapper: without a lifecycle, such a course is
    /// completed when a termination session was held and none is still planned.
    /// </summary>
    internal static RequestStatus CarePlanStatus(Course course, ProtocolRegistry protocols)
    {
        var status = course.Lifecycle?.Status
            ?? (protocols.TryGet(course.Protocol, out var protocol) ? CourseTimeline.Of(course, protocol).Status : StatusOfUnknownVariant(course));
        return status switch
        {
            CourseStatus.Completed => RequestStatus.Completed,
            CourseStatus.EndedEarly => RequestStatus.Revoked,
            _ => RequestStatus.Active,
        };
    }

    private static CourseStatus StatusOfUnknownVariant(Course course)
    {
        var terminated = false;
        foreach (var session in course.Sessions)
        {
            if (session.Status == SessionStatus.Planned)
            {
                return CourseStatus.Active;
            }

            terminated |= session.IsHeld && session.Phase == Phase.Termination;
        }

        return terminated ? CourseStatus.Completed : CourseStatus.Active;
    }

    internal static Encounter.EncounterStatus EncounterStatus(SessionStatus status) => status switch
    {
        SessionStatus.Planned => Encounter.EncounterStatus.Planned,
        SessionStatus.Held => Encounter.EncounterStatus.Finished,
        _ => Encounter.EncounterStatus.Cancelled,
    };

    internal static CarePlan.CarePlanActivityStatus ActivityStatus(SessionStatus status) => status switch
    {
        SessionStatus.Planned => CarePlan.CarePlanActivityStatus.Scheduled,
        SessionStatus.Held => CarePlan.CarePlanActivityStatus.Completed,
        _ => CarePlan.CarePlanActivityStatus.Cancelled,
    };

    /// <summary>The EpisodeOfCare status of a course status: active, finished (completed), cancelled (ended early).</summary>
    internal static EpisodeOfCare.EpisodeOfCareStatus EpisodeStatus(CourseStatus status) => status switch
    {
        CourseStatus.Completed => EpisodeOfCare.EpisodeOfCareStatus.Finished,
        CourseStatus.EndedEarly => EpisodeOfCare.EpisodeOfCareStatus.Cancelled,
        _ => EpisodeOfCare.EpisodeOfCareStatus.Active,
    };

    /// <summary>The v3 ParticipationMode of a delivery mode (FACE, VIDEOCONF, PHONE).</summary>
    internal static Coding ParticipationMode(DeliveryMode delivery) => delivery switch
    {
        DeliveryMode.Video => new Coding(IptFhirUris.V3ParticipationMode, "VIDEOCONF", "videoconferencing"),
        DeliveryMode.Telephone => new Coding(IptFhirUris.V3ParticipationMode, "PHONE", "telephone"),
        _ => new Coding(IptFhirUris.V3ParticipationMode, "FACE", "face-to-face"),
    };

    /// <summary>The v3 ParticipationType of a clinician's part: the lead is the primary performer (PPRF), a co-therapist a secondary one (SPRF).</summary>
    internal static Coding ParticipationType(ClinicianRole role) => role == ClinicianRole.CoTherapist
        ? new Coding(IptFhirUris.V3ParticipationType, "SPRF", "secondary performer")
        : new Coding(IptFhirUris.V3ParticipationType, "PPRF", "primary performer");

    /// <summary>The resource type named by a rater in <c>Reference.type</c>: Patient (self), Practitioner (clinician), RelatedPerson (informant).</summary>
    internal static string RaterType(Rater rater) => rater switch
    {
        Rater.Clinician => "Practitioner",
        Rater.Informant => "RelatedPerson",
        _ => "Patient",
    };

    /// <summary>Sessions delivered by telephone or video are virtual (VR); the others ambulatory (AMB).</summary>
    internal static Coding EncounterClass(DeliveryMode? delivery) => delivery is DeliveryMode.Telephone or DeliveryMode.Video
        ? new Coding(IptFhirUris.V3ActCode, "VR", "virtual")
        : new Coding(IptFhirUris.V3ActCode, "AMB", "ambulatory");

    private void WriteCourseExtensions(Course course, List<Extension> extensions)
    {
        if (course.PatientAge is { } age)
        {
            extensions.Add(new Extension(X.PatientAge, new Quantity { Value = age, Unit = "a", System = IptFhirUris.Ucum, Code = "a" }));
        }

        if (course.Setting is { } setting)
        {
            extensions.Add(new Extension(X.CareSetting, Codes.Of(setting)));
        }

        if (course.Contract is { } contract)
        {
            extensions.Add(Complex(
                X.Contract,
                ("sessions", new PositiveInt(contract.Sessions)),
                ("frequency", contract.Frequency is { } f ? Codes.ToFhir(f) : null),
                ("sessionLength", contract.SessionLength is { } l ? Codes.ToFhir(l) : null),
                ("startDate", DateOf(contract.StartDate)),
                ("agreedAtSession", Positive(contract.AgreedAtSession))));
        }

        foreach (var renegotiation in course.Renegotiations)
        {
            extensions.Add(Complex(
                X.Renegotiation,
                ("atSession", new PositiveInt(renegotiation.AtSession)),
                ("date", DateOf(renegotiation.Date)),
                ("reason", FreeText(renegotiation.Reason)),
                ("sessions", Positive(renegotiation.Sessions)),
                ("frequency", renegotiation.Frequency is { } f ? Codes.ToFhir(f) : null),
                ("sessionLength", renegotiation.SessionLength is { } l ? Codes.ToFhir(l) : null)));
        }

        if (course.Formulation is { } formulation)
        {
            var extension = new Extension { Url = X.Formulation };
            extension.Extension.AddRange(formulation.Areas.Select(area => FocusAreaPart("area", area)));
            AddParts(
                extension,
                ("chosenAtSession", Positive(formulation.ChosenAtSession)),
                ("presentedAtSession", Positive(formulation.PresentedAtSession)),
                ("agreed", new FhirBoolean(formulation.Agreed)),
                ("agreedAtSession", Positive(formulation.AgreedAtSession)),
                ("agreedOn", DateOf(formulation.AgreedOn)));
            foreach (var change in formulation.Changes)
            {
                var part = Complex("change", ("atSession", new PositiveInt(change.AtSession)));
                part.Extension.AddRange(change.Previous.Select(area => FocusAreaPart("previous", area)));
                extension.Extension.Add(part);
            }

            AddParts(extension, ("notes", FreeText(formulation.Notes)));
            extensions.Add(extension);
        }

        if (course.SickRole is { } sickRole)
        {
            extensions.Add(Complex(X.SickRole, ("grantedAtSession", new PositiveInt(sickRole.GrantedAtSession)), ("limited", new FhirBoolean(sickRole.Limited))));
        }

        extensions.Add(new Extension(X.ClosenessCircleRings, new PositiveInt(course.Inventory.Rings)));

        foreach (var entry in course.Diary)
        {
            var extension = Complex(X.DiaryEntry, ("date", DateOf(entry.Date)));
            AddPersons(extension, entry.Persons);
            extension.Extension.AddRange(entry.Emotions.Select(e => new Extension("emotion", Codes.Of(e))));
            AddParts(
                extension,
                ("whatHappened", FreeText(entry.WhatHappened)),
                ("mood", entry.Mood is { } mood ? new Integer(mood) : null),
                ("pattern", FreeText(entry.Pattern)));
            extensions.Add(extension);
        }

        foreach (var lifeEvent in course.LifeEvents)
        {
            var extension = Complex(X.LifeEvent, ("kind", Codes.Of(lifeEvent.Kind)), ("date", DateOf(lifeEvent.Date)));
            AddPersons(extension, lifeEvent.Persons);
            AddParts(extension, ("notes", FreeText(lifeEvent.Notes)));
            extensions.Add(extension);
        }

        foreach (var supervision in course.Supervision)
        {
            var extension = Complex(X.Supervision, ("date", DateOf(supervision.Date)), ("supervisor", new FhirString(supervision.Supervisor.Value)));
            extension.Extension.AddRange(supervision.Sessions.Select(n => new Extension("session", new PositiveInt(n))));
            AddParts(extension, ("notes", FreeText(supervision.Notes)));
            extensions.Add(extension);
        }

        for (var a = 0; a < course.Assessments.Count; a++)
        {
            var assessment = course.Assessments[a];
            var extension = Complex(X.Assessment, ("occasion", Codes.Of(assessment.Occasion)), ("date", DateOf(assessment.Date)));
            for (var m = 0; m < assessment.Measures.Count; m++)
            {
                var urls = WriteMeasurement(assessment.Measures[m], assessment.Date, null, Name("Assessment", a, m));
                extension.Extension.AddRange(urls.Select(url => new Extension("measure", new ResourceReference(url))));
            }

            extensions.Add(extension);
        }
    }

    private string WriteEpisode(CourseLifecycle lifecycle)
    {
        var episode = new EpisodeOfCare
        {
            Status = EpisodeStatus(lifecycle.Status),
            Patient = Patient(required: true)!,
            Period = lifecycle.EndedOn is { } ended ? new FhirPeriod { End = Codes.Text(ended) } : null,
        };
        if (lifecycle.EndReason is { } reason)
        {
            episode.Extension.Add(new Extension(X.EndReason, Codes.Of(reason)));
        }

        if (lifecycle.AsOf is { } asOf)
        {
            episode.Extension.Add(new Extension(X.AsOf, new Date(Codes.Text(asOf))));
        }

        return Add(episode, "EpisodeOfCare");
    }

    private CarePlan.ActivityComponent WriteSession(Session session, int index, string? episodeUrl)
    {
        var encounter = new Encounter
        {
            Status = EncounterStatus(session.Status),
            Class = EncounterClass(session.Delivery),
            Type = [new CodeableConcept { Coding = [Codes.Of(session.Phase)] }, new CodeableConcept { Coding = [Codes.Of(session.Format)] }],
            Subject = Patient(required: false),
            Period = session.Date is { } date ? new FhirPeriod { Start = Codes.Text(date) } : null,
            Length = session.Length is { } length ? Codes.ToFhir(length) : null,
        };
        if (session.Delivery is { } delivery)
        {
            encounter.Type.Add(new CodeableConcept { Coding = [ParticipationMode(delivery)] });
        }

        if (episodeUrl is not null)
        {
            encounter.EpisodeOfCare.Add(new ResourceReference(episodeUrl));
        }

        foreach (var clinician in session.Clinicians)
        {
            encounter.Participant.Add(new Encounter.ParticipantComponent
            {
                Type = [new CodeableConcept { Coding = [ParticipationType(clinician.Role)] }],
                Individual = Logical("Practitioner", IptFhirUris.Identifiers.Clinician, clinician.Id.Value),
            });
        }

        foreach (var attendee in session.Attendees)
        {
            encounter.Participant.Add(new Encounter.ParticipantComponent
            {
                Type = [new CodeableConcept { Coding = [new Coding(IptFhirUris.V3ParticipationType, "PART", "Participation")] }],
                Individual = Logical("RelatedPerson", IptFhirUris.Identifiers.Person, attendee.Value),
            });
        }

        encounter.Extension.Add(new Extension(X.SessionNumber, new PositiveInt(session.Number)));
        if (session.Status is SessionStatus.CancelledByPatient or SessionStatus.CancelledByService)
        {
            var who = session.Status == SessionStatus.CancelledByPatient
                ? new Coding(IptFhirUris.AppointmentCancellationReason, "pat", "Patient")
                : new Coding(IptFhirUris.AppointmentCancellationReason, "prov", "Provider");
            encounter.Extension.Add(new Extension(IptFhirUris.EncounterReasonCancelled, new CodeableConcept { Coding = [who] }));
        }

        if (session.Replaces is { } replaces)
        {
            encounter.Extension.Add(new Extension(X.Replaces, new PositiveInt(replaces)));
        }

        if (session.Group is { } group)
        {
            // An extension has parts or a value: a group record with neither count nor ids says the count is unknown.
            var part = group.MembersPresent is { } present ? new Integer(present) : null;
            if (part is null && group.Members.IsEmpty)
            {
                part = new Integer();
                part.Extension.Add(new Extension(IptFhirUris.DataAbsentReason, new Code("unknown")));
            }

            var extension = Complex(X.GroupAttendance, ("membersPresent", part));
            extension.Extension.AddRange(group.Members.Select(m => new Extension("member", new FhirString(m.Value))));
            encounter.Extension.Add(extension);
        }

        encounter.Extension.AddRange(session.Tasks.Select(t => new Extension(X.SessionTask, Codes.Of(t))));
        encounter.Extension.AddRange(session.Techniques.Select(t => new Extension(X.Technique, new Coding(IptFhirUris.CodeSystems.Technique, t.Value))));
        var encounterUrl = Add(encounter, Name("Encounter", index));

        for (var m = 0; m < session.Measures.Count; m++)
        {
            WriteMeasurement(session.Measures[m], session.Date, encounterUrl, Name("Encounter", index, m));
        }

        var activity = new CarePlan.ActivityComponent
        {
            OutcomeReference = [new ResourceReference(encounterUrl)],
            Detail = new CarePlan.DetailComponent
            {
                Kind = CarePlan.CarePlanActivityKind.Appointment,
                Status = ActivityStatus(session.Status),
                StatusReason = session.Status is SessionStatus.Missed || session.IsCancelled
                    ? new CodeableConcept { Coding = [Codes.Of(session.Status)] }
                    : null,
            },
        };
        if (FreeText(session.Notes) is { } notes)
        {
            activity.Progress.Add(new Annotation { Text = notes.Value });
        }

        return activity;
    }

    /// <summary>Writes a measurement as a response (items) and an observation (total or mean); returns their full URLs in bundle order.</summary>
    private List<string> WriteMeasurement(Measurement measurement, LocalDate? date, string? encounterUrl, string name)
    {
        var urls = new List<string>(2);
        string? responseUrl = null;
        options.Instruments.TryGet(measurement.Instrument, out var known);
        if (!measurement.Items.IsEmpty)
        {
            var response = new QuestionnaireResponse
            {
                Questionnaire = CanonicalOf("Questionnaire", measurement.Instrument.Value),
                Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
                Subject = Patient(required: false),
                Encounter = encounterUrl is null ? null : new ResourceReference(encounterUrl),
                Authored = date is { } d ? Codes.Text(d) : null,
                Source = measurement.Rater is { } rater ? new ResourceReference { Type = RaterType(rater) } : null,
            };
            var coded = Codes.HasLoincAnswers(measurement.Instrument);
            for (var i = 0; i < measurement.Items.Count; i++)
            {
                var score = measurement.Items[i];
                DataType answer = coded && score is >= 0 and <= 3
                    ? AnswerCoding(score)
                    : new Integer(score);
                response.Item.Add(new QuestionnaireResponse.ItemComponent
                {
                    LinkId = Codes.LoincItem(known, i, measurement.Items.Count) ?? (i + 1).ToString(CultureInfo.InvariantCulture),
                    Answer = [new QuestionnaireResponse.AnswerComponent { Value = answer }],
                });
            }

            responseUrl = Add(response, name + "/QuestionnaireResponse");
            urls.Add(responseUrl);
        }

        DataType? value = measurement.Total is { } total ? new Integer(total) : measurement.Mean is { } mean ? new Quantity { Value = mean } : null;
        if (value is not null)
        {
            var code = new CodeableConcept { Text = (known?.Name ?? measurement.Instrument.Value) + (measurement.Mean is null ? " total score" : " mean score") };
            if (Codes.LoincTotal(known, mean: measurement.Mean is not null) is { } loinc)
            {
                code.Coding.Add(loinc);
            }

            code.Coding.Add(new Coding(IptFhirUris.CodeSystems.Instrument, measurement.Instrument.Value));
            var observation = new Observation
            {
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept { Coding = [new Coding(IptFhirUris.ObservationCategory, "survey", "Survey")] }],
                Code = code,
                Subject = Patient(required: false),
                Encounter = encounterUrl is null ? null : new ResourceReference(encounterUrl),
                Effective = date is { } d ? new FhirDateTime(Codes.Text(d)) : null,
                Value = value,
            };
            if (measurement.Rater is { } rater)
            {
                observation.Performer.Add(new ResourceReference { Type = RaterType(rater) });
            }

            if (responseUrl is not null)
            {
                observation.DerivedFrom.Add(new ResourceReference(responseUrl));
            }

            urls.Add(Add(observation, name + "/Observation"));
        }

        return urls;
    }

    private static Coding AnswerCoding(int score)
    {
        var (code, display) = Codes.FrequencyAnswers[score];
        var coding = new Coding(IptFhirUris.Loinc, code, display);
        coding.Extension.Add(new Extension(IptFhirUris.OrdinalValue, new FhirDecimal(score)));
        return coding;
    }

    private string WriteGoal(Goal goal, int index)
    {
        var resource = new FhirGoal
        {
            LifecycleStatus = goal.Achieved ? FhirGoal.GoalLifecycleStatus.Completed : FhirGoal.GoalLifecycleStatus.Active,
            AchievementStatus = new CodeableConcept
            {
                Coding = [goal.Achieved ? new Coding(IptFhirUris.GoalAchievement, "achieved", "Achieved") : new Coding(IptFhirUris.GoalAchievement, "in-progress", "In Progress")],
            },
            Description = options.IncludeFreeText ? new CodeableConcept { Text = goal.Description } : Masked<CodeableConcept>(),
            Subject = Patient(required: true)!,
        };
        if (goal.Area is { } area)
        {
            resource.Category.Add(new CodeableConcept { Coding = [Codes.Of(area)] });
        }

        resource.Extension.Add(new Extension(X.LocalId, new FhirString(goal.Id.Value)));
        if (goal.SetAtSession is { } set)
        {
            resource.Extension.Add(new Extension(X.SetAtSession, new PositiveInt(set)));
        }

        foreach (var step in goal.Steps)
        {
            resource.Extension.Add(Complex(
                X.GoalStep,
                ("description", FreeText(step.Description)),
                ("done", new FhirBoolean(step.Done)),
                ("doneAtSession", Positive(step.DoneAtSession))));
        }

        return Add(resource, Name("Goal", index));
    }

    private void WritePerson(InventoryPerson person, int index)
    {
        var relationship = new CodeableConcept();
        if (V3Relationship(person.Relationship) is { } v3)
        {
            relationship.Coding.Add(v3);
        }

        relationship.Coding.Add(Codes.Of(person.Relationship));
        var resource = new RelatedPerson
        {
            Patient = Patient(required: true)!,
            Relationship = [relationship],
        };
        if (FreeText(person.Label) is { } label)
        {
            resource.Name.Add(new HumanName { Text = label.Value });
        }

        resource.Extension.Add(new Extension(X.LocalId, new FhirString(person.Id.Value)));
        var entry = Complex(
            X.InventoryEntry,
            ("ring", Positive(person.Ring)),
            ("contact", person.Contact is { } contact ? Codes.Of(contact) : null),
            ("sharedActivities", FreeText(person.SharedActivities)),
            ("positives", FreeText(person.Positives)),
            ("negatives", FreeText(person.Negatives)),
            ("patientExpectations", FreeText(person.PatientExpectations)),
            ("otherExpectations", FreeText(person.OtherExpectations)),
            ("expectationsMet", Flag(person.ExpectationsMet)),
            ("canDiscuss", FreeText(person.CanDiscuss)),
            ("cannotDiscuss", FreeText(person.CannotDiscuss)),
            ("conflicts", FreeText(person.Conflicts)),
            ("conflictsResolved", Flag(person.ConflictsResolved)),
            ("knowsAboutMood", Flag(person.KnowsAboutMood)),
            ("wouldLikeToChange", FreeText(person.WouldLikeToChange)));
        entry.Extension.AddRange(person.Support.Select(s => new Extension("support", Codes.Of(s))));
        AddParts(
            entry,
            ("changedNearOnset", Flag(person.ChangedNearOnset)),
            ("relatedArea", person.RelatedArea is { } area ? Codes.Of(area) : null),
            ("deceased", new FhirBoolean(person.Deceased)));
        resource.Extension.Add(entry);
        Add(resource, Name("RelatedPerson", index));
    }

    /// <summary>The HL7 v3 RoleCode of a relationship, where one means the same (docs/fhir.md).</summary>
    internal static Coding? V3Relationship(Relationship relationship) => relationship switch
    {
        Relationship.Partner => new Coding(IptFhirUris.V3RoleCode, "SIGOTHR", "significant other"),
        Relationship.Parent => new Coding(IptFhirUris.V3RoleCode, "PRN", "parent"),
        Relationship.Child => new Coding(IptFhirUris.V3RoleCode, "CHILD", "child"),
        Relationship.Sibling => new Coding(IptFhirUris.V3RoleCode, "SIB", "sibling"),
        Relationship.OtherRelative => new Coding(IptFhirUris.V3RoleCode, "FAMMEMB", "family member"),
        Relationship.Friend => new Coding(IptFhirUris.V3RoleCode, "FRND", "unrelated friend"),
        Relationship.Neighbour => new Coding(IptFhirUris.V3RoleCode, "NBOR", "neighbor"),
        _ => null,
    };

    private string Add(Resource resource, string name)
    {
        var url = Urns.For(bundleId, name);
        var entry = new Bundle.EntryComponent { FullUrl = url, Resource = resource };
        if (options.Transaction)
        {
            entry.Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName };
        }

        bundle.Entry.Add(entry);
        return url;
    }

    private static string Name(string type, int index, int? measure = null) => measure is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"{type}/{index}/{m}")
        : string.Create(CultureInfo.InvariantCulture, $"{type}/{index}");

    /// <summary>A logical reference: the resource type and an opaque id in one of the library's identifier systems (never a name).</summary>
    private static ResourceReference Logical(string type, string system, string id) =>
        new() { Type = type, Identifier = new Identifier(system, id) };

    private string CanonicalOf(string type, string id) => options.CanonicalBase + "/" + type + "/" + id;

    private ResourceReference? Patient(bool required)
    {
        if (context.Patient is { } patient)
        {
            return (ResourceReference)patient.DeepCopy();
        }

        if (!required)
        {
            return null;
        }

        var unknown = new ResourceReference();
        unknown.Extension.Add(new Extension(IptFhirUris.DataAbsentReason, new Code("unknown")));
        return unknown;
    }

    private static T Masked<T>()
        where T : DataType, new()
    {
        var value = new T();
        value.Extension.Add(new Extension(IptFhirUris.DataAbsentReason, new Code("masked")));
        return value;
    }

    private FhirString? FreeText(string? text) => options.IncludeFreeText && text is not null ? new FhirString(text) : null;

    private static PositiveInt? Positive(int? value) => value is { } v ? new PositiveInt(v) : null;

    private static FhirBoolean? Flag(bool? value) => value is { } v ? new FhirBoolean(v) : null;

    private static Date? DateOf(LocalDate? date) => date is { } d ? new Date(Codes.Text(d)) : null;

    private static Extension FocusAreaPart(string url, FocusArea area)
    {
        var part = Complex(
            url,
            ("area", Codes.Of(area.Area)),
            ("rank", Codes.Of(area.Rank)),
            ("disputeStage", area.DisputeStage is { } stage ? Codes.Of(stage) : null));
        AddPersons(part, area.Persons);
        return part;
    }

    private static void AddPersons(Extension extension, ValueList<PersonId> persons) =>
        extension.Extension.AddRange(persons.Select(p => new Extension("person", new FhirString(p.Value))));

    private static Extension Complex(string url, params ReadOnlySpan<(string Name, DataType? Value)> parts)
    {
        var extension = new Extension { Url = url };
        AddParts(extension, parts);
        return extension;
    }

    private static void AddParts(Extension extension, params ReadOnlySpan<(string Name, DataType? Value)> parts)
    {
        foreach (var (name, value) in parts)
        {
            if (value is not null)
            {
                extension.Extension.Add(new Extension(name, value));
            }
        }
    }
}
