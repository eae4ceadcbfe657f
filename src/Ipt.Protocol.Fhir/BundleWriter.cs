using System.Globalization;
using Hl7.Fhir.Model;
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
            Status = CarePlanStatus(course),
            Intent = CarePlan.CarePlanIntent.Plan,
            Category = [new CodeableConcept { Text = "Interpersonal psychotherapy (IPT)" }],
            Subject = Patient(required: true)!,
            InstantiatesCanonical = [CanonicalOf("PlanDefinition", course.Protocol.Value)],
        };
        Add(carePlan, "CarePlan");
        WriteCourseExtensions(course, carePlan.Extension);

        for (var s = 0; s < course.Sessions.Count; s++)
        {
            carePlan.Activity.Add(WriteSession(course.Sessions[s], s));
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
    /// The care plan's status. The course model has no lifecycle yet: a course is completed when a
    /// termination session was held and none is still planned (the rules' own test), active otherwise.
    /// </summary>
    internal static RequestStatus CarePlanStatus(Course course)
    {
        var terminated = false;
        foreach (var session in course.Sessions)
        {
            if (session.Status == SessionStatus.Planned)
            {
                return RequestStatus.Active;
            }

            terminated |= session.IsHeld && session.Phase == Phase.Termination;
        }

        return terminated ? RequestStatus.Completed : RequestStatus.Active;
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
            foreach (var area in formulation.Areas)
            {
                var part = Complex(
                    "area",
                    ("area", Codes.Of(area.Area)),
                    ("rank", Codes.Of(area.Rank)),
                    ("disputeStage", area.DisputeStage is { } stage ? Codes.Of(stage) : null));
                AddPersons(part, area.Persons);
                extension.Extension.Add(part);
            }

            AddParts(
                extension,
                ("chosenAtSession", Positive(formulation.ChosenAtSession)),
                ("presentedAtSession", Positive(formulation.PresentedAtSession)),
                ("agreed", new FhirBoolean(formulation.Agreed)),
                ("agreedAtSession", Positive(formulation.AgreedAtSession)),
                ("agreedOn", DateOf(formulation.AgreedOn)),
                ("notes", FreeText(formulation.Notes)));
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
    }

    private CarePlan.ActivityComponent WriteSession(Session session, int index)
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
        encounter.Extension.Add(new Extension(X.SessionNumber, new PositiveInt(session.Number)));
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

    private void WriteMeasurement(Measurement measurement, LocalDate? date, string encounterUrl, string name)
    {
        string? responseUrl = null;
        if (!measurement.Items.IsEmpty)
        {
            var response = new QuestionnaireResponse
            {
                Questionnaire = CanonicalOf("Questionnaire", measurement.Instrument.Value),
                Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
                Subject = Patient(required: false),
                Encounter = new ResourceReference(encounterUrl),
                Authored = date is { } d ? Codes.Text(d) : null,
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
                    LinkId = Codes.LoincItem(measurement.Instrument, i, measurement.Items.Count) ?? (i + 1).ToString(CultureInfo.InvariantCulture),
                    Answer = [new QuestionnaireResponse.AnswerComponent { Value = answer }],
                });
            }

            responseUrl = Add(response, name + "/QuestionnaireResponse");
        }

        if (measurement.Total is { } total)
        {
            var code = new CodeableConcept { Text = (Instruments.TryGet(measurement.Instrument, out var known) ? known.Name : measurement.Instrument.Value) + " total score" };
            if (Codes.LoincTotal(measurement.Instrument) is { } loinc)
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
                Encounter = new ResourceReference(encounterUrl),
                Effective = date is { } d ? new FhirDateTime(Codes.Text(d)) : null,
                Value = new Integer(total),
            };
            if (responseUrl is not null)
            {
                observation.DerivedFrom.Add(new ResourceReference(responseUrl));
            }

            Add(observation, name + "/Observation");
        }
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
