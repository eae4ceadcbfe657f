using System.Globalization;
using Hl7.Fhir.Model;
using NodaTime;
using FhirGoal = Hl7.Fhir.Model.Goal;
using NodaDuration = NodaTime.Duration;
using Period = NodaTime.Period;
using X = Ipt.Protocol.Fhir.IptFhirUris.Extensions;

namespace Ipt.Protocol.Fhir;

/// <summary>
/// Reads a course back from a bundle written by <see cref="BundleWriter"/> (or by another host
/// following docs/fhir.md). Never throws on bad input: whatever cannot be mapped becomes an issue
/// with its FHIRPath, and every entry of the bundle is either read or reported.
/// </summary>
internal sealed class BundleReader(IptFhirOptions options)
{
    private static readonly HashSet<string> Metadata = new(StringComparer.Ordinal) { "id", "meta", "implicitRules", "language", "text" };

    private readonly List<FhirMappingIssue> issues = [];
    private readonly Dictionary<string, int> byUrl = new(StringComparer.Ordinal);
    private Bundle.EntryComponent?[] entries = [];
    private bool[] consumed = [];

    public CourseReadResult Read(Bundle? bundle)
    {
        if (bundle is null)
        {
            Issue("Bundle", "There is no bundle.");
            return Result(null, null);
        }

        entries = [.. bundle.Entry];
        consumed = new bool[entries.Length];
        Index();
        var planIndex = FindCarePlan();
        if (planIndex < 0 || entries[planIndex]?.Resource is not CarePlan plan)
        {
            ReportUnconsumed();
            return Result(null, null);
        }

        var path = EntryPath(planIndex);
        consumed[planIndex] = true;
        ResourceReference? patient = plan.Subject is { } subject && (subject.Reference is not null || subject.Identifier is not null) ? subject : null;
        if (patient?.Reference is { } patientUrl && Resolve(patientUrl) is { } patientIndex)
        {
            consumed[patientIndex] = true;
        }

        var protocol = ProtocolOf(plan, path);
        var course = protocol is { } id ? ReadCourse(plan, path, id) : null;
        ReportUnconsumed();
        return Result(course, patient);
    }

    private CourseReadResult Result(Course? course, ResourceReference? patient) => new(course, patient, issues);

    private void Index()
    {
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry?.Resource is not { } resource)
            {
                consumed[i] = true;
                Issue(string.Create(CultureInfo.InvariantCulture, $"Bundle.entry[{i}]"), "The entry has no resource.");
                continue;
            }

            if (entry.FullUrl is { Length: > 0 } fullUrl)
            {
                byUrl.TryAdd(fullUrl, i);
                var typeAt = fullUrl.LastIndexOf("/" + resource.TypeName + "/", StringComparison.Ordinal);
                if (typeAt >= 0)
                {
                    byUrl.TryAdd(fullUrl[(typeAt + 1)..], i);
                }
            }

            if (resource.Id is { Length: > 0 } id)
            {
                byUrl.TryAdd(resource.TypeName + "/" + id, i);
            }
        }
    }

    private int? Resolve(string? reference) =>
        reference is not null && byUrl.TryGetValue(reference, out var index) ? index : null;

    private T? Resolve<T>(ResourceReference? reference, out int index)
        where T : Resource
    {
        index = -1;
        if (Resolve(reference?.Reference) is { } i && entries[i]!.Resource is T resource)
        {
            index = i;
            return resource;
        }

        return null;
    }

    private int FindCarePlan()
    {
        var found = -1;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i]?.Resource is CarePlan plan && plan.InstantiatesCanonical.Any(IsProtocolCanonical))
            {
                if (found < 0)
                {
                    found = i;
                }
                else
                {
                    consumed[i] = true;
                    Issue(EntryPath(i), "A second IPT care plan: a bundle holds one course, so only the first is read.");
                }
            }
        }

        if (found < 0)
        {
            Issue("Bundle", "No CarePlan instantiates a PlanDefinition under the canonical base, so the bundle holds no IPT course.");
        }

        return found;
    }

    private bool IsProtocolCanonical(string? canonical) =>
        canonical is not null && canonical.StartsWith(options.CanonicalBase + "/PlanDefinition/", StringComparison.Ordinal);

    private ProtocolId? ProtocolOf(CarePlan plan, string path)
    {
        var canonicals = plan.InstantiatesCanonical.ToList();
        var index = canonicals.FindIndex(IsProtocolCanonical);
        var canonical = canonicals[index]!;
        var id = canonical[(options.CanonicalBase.Length + "/PlanDefinition/".Length)..];
        var bar = id.IndexOf('|', StringComparison.Ordinal);
        if (ProtocolId.TryFrom(bar >= 0 ? id[..bar] : id, out var protocol))
        {
            return protocol;
        }

        Issue(Path(path, "instantiatesCanonical", index), "The PlanDefinition's id is not a valid protocol id.");
        return null;
    }

    private Course ReadCourse(CarePlan plan, string path, ProtocolId protocol)
    {
        CheckElements(plan, path, "extension", "status", "intent", "category", "subject", "instantiatesCanonical", "activity", "goal", "author", "addresses");
        var canonicals = plan.InstantiatesCanonical.ToList();
        for (var i = 0; i < canonicals.Count; i++)
        {
            if (!IsProtocolCanonical(canonicals[i]))
            {
                Issue(Path(path, "instantiatesCanonical", i), "Only the IPT PlanDefinition is read; another canonical has no place in the course.");
            }
        }

        var course = new Course(protocol)
        {
            Therapist = ReadTherapist(plan.Author, path + ".author"),
            Onset = ReadOnset(plan, path),
            Lifecycle = ReadLifecycle(),
            Group = ReadGroup(),
        };
        var rings = InterpersonalInventory.DefaultRings;
        var renegotiations = new List<Renegotiation>();
        var diary = new List<InterpersonalEvent>();
        var lifeEvents = new List<LifeEvent>();
        var supervision = new List<SupervisionRecord>();
        var assessments = new List<Assessment>();
        for (var i = 0; i < plan.Extension.Count; i++)
        {
            var extension = plan.Extension[i];
            var at = Path(path, "extension", i);
            switch (extension.Url)
            {
                case X.PatientAge:
                    if (extension.Value is Quantity { Value: { } years, Code: "a" } && years == decimal.Truncate(years) && years is >= 0 and <= Course.MaxAge)
                    {
                        course = course with { PatientAge = (int)years };
                    }
                    else
                    {
                        Issue(at, "The age is not a whole number of years (UCUM 'a') from 0 to 130.");
                    }

                    break;
                case X.CareSetting:
                    if (Enum<CareSetting>(extension, at) is { } setting)
                    {
                        course = course with { Setting = setting };
                    }

                    break;
                case X.Contract:
                    course = course with { Contract = ReadContract(extension, at) };
                    break;
                case X.Renegotiation:
                    if (ReadRenegotiation(extension, at) is { } renegotiation)
                    {
                        renegotiations.Add(renegotiation);
                    }

                    break;
                case X.Formulation:
                    course = course with { Formulation = ReadFormulation(extension, at) };
                    break;
                case X.SickRole:
                    course = course with { SickRole = ReadSickRole(extension, at) };
                    break;
                case X.ClosenessCircleRings:
                    rings = Positive(extension, at) ?? rings;
                    break;
                case X.DiaryEntry:
                    if (ReadDiaryEntry(extension, at) is { } entry)
                    {
                        diary.Add(entry);
                    }

                    break;
                case X.LifeEvent:
                    if (ReadLifeEvent(extension, at) is { } lifeEvent)
                    {
                        lifeEvents.Add(lifeEvent);
                    }

                    break;
                case X.Supervision:
                    if (ReadSupervision(extension, at) is { } record)
                    {
                        supervision.Add(record);
                    }

                    break;
                case X.Assessment:
                    if (ReadAssessment(extension, at) is { } assessment)
                    {
                        assessments.Add(assessment);
                    }

                    break;
                default:
                    Issue(at, "The extension is not part of the course model.");
                    break;
            }
        }

        var sessions = new List<Session>();
        for (var a = 0; a < plan.Activity.Count; a++)
        {
            if (ReadSession(plan.Activity[a], Path(path, "activity", a)) is { } session)
            {
                sessions.Add(session);
            }
        }

        var goals = new List<Goal>();
        for (var g = 0; g < plan.Goal.Count; g++)
        {
            if (Resolve<FhirGoal>(plan.Goal[g], out var index) is not { } goal)
            {
                Issue(Path(path, "goal", g), "The reference does not resolve to a Goal in the bundle.");
                continue;
            }

            consumed[index] = true;
            if (ReadGoal(goal, EntryPath(index)) is { } read)
            {
                goals.Add(read);
            }
        }

        var persons = ReadPersons();
        var inventory = Build(path, () => new InterpersonalInventory(persons, rings), "The inventory's rings or persons are outside the course model's range.");
        return course with
        {
            Renegotiations = ValueList.From(renegotiations),
            Diary = ValueList.From(diary),
            LifeEvents = ValueList.From(lifeEvents),
            Supervision = ValueList.From(supervision),
            Assessments = ValueList.From(assessments),
            Sessions = ValueList.From(sessions),
            Goals = ValueList.From(goals),
            Inventory = inventory ?? InterpersonalInventory.Empty,
        };
    }

    private ClinicianId? ReadTherapist(ResourceReference? author, string path)
    {
        if (author is null)
        {
            return null;
        }

        if (author is { Type: "Practitioner", Reference: null, Display: null, Identifier: { System: IptFhirUris.Identifiers.Clinician } identifier }
            && ClinicianId.TryFrom(identifier.Value, out var therapist))
        {
            return therapist;
        }

        Issue(path, "The author is not the therapist: a Practitioner by clinician id (identifier of the library's clinician system).");
        return null;
    }

    /// <summary>The onset of symptoms: the onsetDateTime of the one Condition the care plan addresses.</summary>
    private LocalDate? ReadOnset(CarePlan plan, string path)
    {
        LocalDate? onset = null;
        for (var a = 0; a < plan.Addresses.Count; a++)
        {
            var at = Path(path, "addresses", a);
            if (a > 0 || Resolve<Condition>(plan.Addresses[a], out var index) is not { } condition)
            {
                Issue(at, "Only one Condition in the bundle is read, for the onset of symptoms.");
                continue;
            }

            consumed[index] = true;
            var conditionPath = EntryPath(index);
            CheckElements(condition, conditionPath, "subject", "onset");
            if (condition.Onset is FhirDateTime { Value: var text } && Codes.TryReadDate(text, out var date))
            {
                onset = date;
            }
            else
            {
                Issue(conditionPath + ".onset", "Expected an onsetDateTime with year, month and day (the onset of symptoms).");
            }
        }

        return onset;
    }

    /// <summary>The one resource of a type that no link points to (the course's episode of care, its group); a second is an issue.</summary>
    private (T Resource, string Path)? Single<T>()
        where T : Resource
    {
        (T, string)? found = null;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i]?.Resource is T resource && !consumed[i])
            {
                consumed[i] = true;
                if (found is null)
                {
                    found = (resource, EntryPath(i));
                }
                else
                {
                    Issue(EntryPath(i), "A second resource of this type: a course has one, so only the first is read.");
                }
            }
        }

        return found;
    }

    /// <summary>The lifecycle: the EpisodeOfCare's status (active, finished = completed, cancelled = ended early), period.end, end reason and as-of date.</summary>
    private CourseLifecycle? ReadLifecycle()
    {
        if (Single<EpisodeOfCare>() is not var (episode, path))
        {
            return null;
        }

        CheckElements(episode, path, "extension", "status", "patient", "period");
        CourseStatus? status = episode.Status switch
        {
            EpisodeOfCare.EpisodeOfCareStatus.Active => CourseStatus.Active,
            EpisodeOfCare.EpisodeOfCareStatus.Finished => CourseStatus.Completed,
            EpisodeOfCare.EpisodeOfCareStatus.Cancelled => CourseStatus.EndedEarly,
            _ => null,
        };
        if (status is not { } courseStatus)
        {
            Issue(path + ".status", "Only active, finished (completed) and cancelled (ended early) episodes map to a course status.");
            return null;
        }

        var lifecycle = new CourseLifecycle(courseStatus);
        if (episode.Period is { } period)
        {
            if (period.Start is null && Codes.TryReadDate(period.End, out var ended))
            {
                lifecycle = lifecycle with { EndedOn = ended };
            }
            else
            {
                Issue(path + ".period", "The period is not an end date (YYYY-MM-DD) alone.");
            }
        }

        for (var i = 0; i < episode.Extension.Count; i++)
        {
            var extension = episode.Extension[i];
            var at = Path(path, "extension", i);
            switch (extension.Url)
            {
                case X.EndReason: lifecycle = lifecycle with { EndReason = Enum<EndReason>(extension, at) }; break;
                case X.AsOf: lifecycle = lifecycle with { AsOf = DateOf(extension, at) }; break;
                default: Issue(at, "The extension is not part of the course model."); break;
            }
        }

        return lifecycle;
    }

    /// <summary>The course's group: a Group (person, actual) with the group id as identifier and the members at the start as quantity.</summary>
    private CourseGroup? ReadGroup()
    {
        if (Single<Group>() is not var (group, path))
        {
            return null;
        }

        CheckElements(group, path, "type", "actual", "identifier", "quantity");
        var identifier = group.Identifier.Count == 1 ? group.Identifier[0] : null;
        if (identifier?.System != IptFhirUris.Identifiers.Group || !GroupId.TryFrom(identifier.Value, out var id))
        {
            Issue(path + ".identifier", "The group has not exactly one identifier with a group id of the library's group system.");
            return null;
        }

        return Build(path, () => new CourseGroup(id) { MembersAtStart = group.Quantity });
    }

    private LifeEvent? ReadLifeEvent(Extension extension, string path)
    {
        LifeEventKind? kind = null;
        LocalDate? date = null;
        string? notes = null;
        var persons = new List<PersonId>();
        foreach (var (part, at) in Parts(extension, path, "person"))
        {
            switch (part.Url)
            {
                case "kind": kind = Enum<LifeEventKind>(part, at); break;
                case "date": date = DateOf(part, at); break;
                case "person": AddPerson(persons, part, at); break;
                case "notes": notes = Text(part, at); break;
                default: UnknownPart(at); break;
            }
        }

        if (kind is not { } what || date is not { } day)
        {
            Issue(path, "The life event has no kind or no date.");
            return null;
        }

        return Build(path, () => new LifeEvent(what, day) { Persons = ValueList.From(persons), Notes = notes });
    }

    private SupervisionRecord? ReadSupervision(Extension extension, string path)
    {
        LocalDate? date = null;
        ClinicianId? supervisor = null;
        string? notes = null;
        var sessions = new List<int>();
        foreach (var (part, at) in Parts(extension, path, "session"))
        {
            switch (part.Url)
            {
                case "date": date = DateOf(part, at); break;
                case "supervisor":
                    supervisor = ClinicianId.TryFrom((part.Value as FhirString)?.Value, out var id) ? id : null;
                    if (supervisor is null)
                    {
                        Issue(at, "Expected a valueString with a valid clinician id.");
                    }

                    break;
                case "session":
                    if (Positive(part, at) is { } number)
                    {
                        sessions.Add(number);
                    }

                    break;
                case "notes": notes = Text(part, at); break;
                default: UnknownPart(at); break;
            }
        }

        if (date is not { } day || supervisor is not { } by)
        {
            Issue(path, "The supervision has no date or no supervisor.");
            return null;
        }

        return Build(path, () => new SupervisionRecord(day, by) { Sessions = ValueList.From(sessions), Notes = notes });
    }

    /// <summary>An assessment outside the sessions: occasion, date, and its measurements as references to responses and observations, in order.</summary>
    private Assessment? ReadAssessment(Extension extension, string path)
    {
        AssessmentOccasion? occasion = null;
        LocalDate? date = null;
        var indices = new List<int>();
        foreach (var (part, at) in Parts(extension, path, "measure"))
        {
            switch (part.Url)
            {
                case "occasion": occasion = Enum<AssessmentOccasion>(part, at); break;
                case "date": date = DateOf(part, at); break;
                case "measure":
                    if (part.Value is ResourceReference reference && Resolve(reference.Reference) is { } index && !consumed[index] && !indices.Contains(index)
                        && entries[index]!.Resource is QuestionnaireResponse { Encounter: null } or Observation { Encounter: null })
                    {
                        indices.Add(index);
                    }
                    else
                    {
                        Issue(at, "Expected a valueReference to a response or observation in the bundle that belongs to no session and no other assessment.");
                    }

                    break;
                default: UnknownPart(at); break;
            }
        }

        if (occasion is not { } when || date is not { } day)
        {
            Issue(path, "The assessment has no occasion or no date.");
            return null;
        }

        return new Assessment(when, day) { Measures = ReadMeasures(indices) };
    }

    private Contract? ReadContract(Extension extension, string path)
    {
        int? sessions = null, agreedAt = null;
        Period? frequency = null;
        NodaDuration? length = null;
        LocalDate? start = null;
        foreach (var (part, at) in Parts(extension, path))
        {
            switch (part.Url)
            {
                case "sessions": sessions = Positive(part, at); break;
                case "frequency": frequency = PeriodOf(part, at); break;
                case "sessionLength": length = DurationOf(part, at); break;
                case "startDate": start = DateOf(part, at); break;
                case "agreedAtSession": agreedAt = Positive(part, at); break;
                default: UnknownPart(at); break;
            }
        }

        if (sessions is not { } count)
        {
            Issue(path, "The contract has no number of sessions.");
            return null;
        }

        return Build(path, () => new Contract { Sessions = count, Frequency = frequency, SessionLength = length, StartDate = start, AgreedAtSession = agreedAt });
    }

    private Renegotiation? ReadRenegotiation(Extension extension, string path)
    {
        int? atSession = null, sessions = null;
        LocalDate? date = null;
        string? reason = null;
        Period? frequency = null;
        NodaDuration? length = null;
        foreach (var (part, at) in Parts(extension, path))
        {
            switch (part.Url)
            {
                case "atSession": atSession = Positive(part, at); break;
                case "date": date = DateOf(part, at); break;
                case "reason": reason = Text(part, at); break;
                case "sessions": sessions = Positive(part, at); break;
                case "frequency": frequency = PeriodOf(part, at); break;
                case "sessionLength": length = DurationOf(part, at); break;
                default: UnknownPart(at); break;
            }
        }

        if (atSession is not { } session)
        {
            Issue(path, "The renegotiation has no session number.");
            return null;
        }

        return Build(path, () => new Renegotiation { AtSession = session, Date = date, Reason = reason, Sessions = sessions, Frequency = frequency, SessionLength = length });
    }

    private Formulation? ReadFormulation(Extension extension, string path)
    {
        var formulation = new Formulation();
        var areas = new List<FocusArea>();
        var changes = new List<FocusChange>();
        foreach (var (part, at) in Parts(extension, path, "area", "change"))
        {
            switch (part.Url)
            {
                case "area":
                    if (ReadFocusArea(part, at) is { } area)
                    {
                        areas.Add(area);
                    }

                    break;
                case "change":
                    if (ReadFocusChange(part, at) is { } change)
                    {
                        changes.Add(change);
                    }

                    break;
                case "chosenAtSession": formulation = formulation with { ChosenAtSession = Positive(part, at) }; break;
                case "presentedAtSession": formulation = formulation with { PresentedAtSession = Positive(part, at) }; break;
                case "agreed": formulation = formulation with { Agreed = Flag(part, at) ?? false }; break;
                case "agreedAtSession": formulation = formulation with { AgreedAtSession = Positive(part, at) }; break;
                case "agreedOn": formulation = formulation with { AgreedOn = DateOf(part, at) }; break;
                case "notes": formulation = Build(at, () => formulation with { Notes = Text(part, at) }) ?? formulation; break;
                default: UnknownPart(at); break;
            }
        }

        return formulation with { Areas = ValueList.From(areas), Changes = ValueList.From(changes) };
    }

    private FocusChange? ReadFocusChange(Extension extension, string path)
    {
        int? atSession = null;
        var previous = new List<FocusArea>();
        foreach (var (part, at) in Parts(extension, path, "previous"))
        {
            switch (part.Url)
            {
                case "atSession": atSession = Positive(part, at); break;
                case "previous":
                    if (ReadFocusArea(part, at) is { } area)
                    {
                        previous.Add(area);
                    }

                    break;
                default: UnknownPart(at); break;
            }
        }

        if (atSession is not { } session)
        {
            Issue(path, "The focus change has no session number.");
            return null;
        }

        return new FocusChange(session, ValueList.From(previous));
    }

    private FocusArea? ReadFocusArea(Extension extension, string path)
    {
        ProblemArea? area = null;
        FocusRank? rank = null;
        RoleDisputeStage? stage = null;
        var persons = new List<PersonId>();
        foreach (var (part, at) in Parts(extension, path, "person"))
        {
            switch (part.Url)
            {
                case "area": area = Enum<ProblemArea>(part, at); break;
                case "rank": rank = Enum<FocusRank>(part, at); break;
                case "disputeStage": stage = Enum<RoleDisputeStage>(part, at); break;
                case "person": AddPerson(persons, part, at); break;
                default: UnknownPart(at); break;
            }
        }

        if (area is not { } problemArea)
        {
            Issue(path, "The focus area has no problem area.");
            return null;
        }

        return new FocusArea(problemArea, rank ?? FocusRank.Primary) { DisputeStage = stage, Persons = ValueList.From(persons) };
    }

    private SickRole? ReadSickRole(Extension extension, string path)
    {
        int? granted = null;
        var limited = false;
        foreach (var (part, at) in Parts(extension, path))
        {
            switch (part.Url)
            {
                case "grantedAtSession": granted = Positive(part, at); break;
                case "limited": limited = Flag(part, at) ?? false; break;
                default: UnknownPart(at); break;
            }
        }

        if (granted is not { } session)
        {
            Issue(path, "The sick role has no session number.");
            return null;
        }

        return new SickRole { GrantedAtSession = session, Limited = limited };
    }

    private InterpersonalEvent? ReadDiaryEntry(Extension extension, string path)
    {
        LocalDate? date = null;
        var persons = new List<PersonId>();
        var emotions = new List<Emotion>();
        string? what = null, pattern = null;
        int? mood = null;
        foreach (var (part, at) in Parts(extension, path, "person", "emotion"))
        {
            switch (part.Url)
            {
                case "date": date = DateOf(part, at); break;
                case "person": AddPerson(persons, part, at); break;
                case "emotion":
                    if (Enum<Emotion>(part, at) is { } emotion)
                    {
                        emotions.Add(emotion);
                    }

                    break;
                case "whatHappened": what = Text(part, at); break;
                case "mood": mood = IntegerOf(part, at); break;
                case "pattern": pattern = Text(part, at); break;
                default: UnknownPart(at); break;
            }
        }

        if (date is not { } day)
        {
            Issue(path, "The diary entry has no date.");
            return null;
        }

        return Build(path, () => new InterpersonalEvent { Date = day, Persons = ValueList.From(persons), Emotions = ValueList.From(emotions), WhatHappened = what, Pattern = pattern, Mood = mood });
    }

    private Session? ReadSession(CarePlan.ActivityComponent? activity, string path)
    {
        if (activity is null)
        {
            return null;
        }

        CheckElements(activity, path, "outcomeReference", "detail", "progress");
        Encounter? encounter = null;
        var encounterIndex = -1;
        for (var r = 0; r < activity.OutcomeReference.Count; r++)
        {
            if (encounter is null && Resolve<Encounter>(activity.OutcomeReference[r], out encounterIndex) is { } found)
            {
                encounter = found;
            }
            else
            {
                Issue(Path(path, "outcomeReference", r), "Only the session's Encounter is read from an activity's outcomes.");
            }
        }

        if (encounter is null)
        {
            Issue(path, "The activity has no Encounter in the bundle, so it is not a session.");
            return null;
        }

        consumed[encounterIndex] = true;
        var at = EntryPath(encounterIndex);
        CheckElements(encounter, at, "extension", "status", "class", "type", "subject", "period", "length", "participant", "episodeOfCare");
        if (activity.Detail is { } detail)
        {
            CheckElements(detail, path + ".detail", "kind", "status", "statusReason");
        }

        int? number = null, replaces = null;
        SessionGroup? group = null;
        var tasks = new List<SessionTask>();
        var techniques = new List<TechniqueId>();
        for (var i = 0; i < encounter.Extension.Count; i++)
        {
            var extension = encounter.Extension[i];
            var extensionPath = Path(at, "extension", i);
            switch (extension.Url)
            {
                case X.SessionNumber:
                    number = Positive(extension, extensionPath);
                    break;
                case X.Replaces:
                    replaces = Positive(extension, extensionPath);
                    break;
                case X.GroupAttendance:
                    group = ReadGroupAttendance(extension, extensionPath);
                    break;
                case IptFhirUris.EncounterReasonCancelled:
                    // Derived from the session status (statusReason of the activity), which is read instead.
                    break;
                case X.SessionTask:
                    if (Enum<SessionTask>(extension, extensionPath) is { } task)
                    {
                        tasks.Add(task);
                    }

                    break;
                case X.Technique:
                    if (extension.Value is Coding { System: IptFhirUris.CodeSystems.Technique } coding && TechniqueId.TryFrom(coding.Code, out var technique))
                    {
                        techniques.Add(technique);
                    }
                    else
                    {
                        Issue(extensionPath, "The technique is not a valid technique id of the technique code system.");
                    }

                    break;
                default:
                    Issue(extensionPath, "The extension is not part of the course model.");
                    break;
            }
        }

        Phase? phase = null;
        DeliveryMode? delivery = null;
        var format = SessionFormat.Individual;
        for (var t = 0; t < encounter.Type.Count; t++)
        {
            if (Codes.TryRead<Phase>(encounter.Type[t], out var p))
            {
                phase = p;
            }
            else if (Codes.TryRead<SessionFormat>(encounter.Type[t], out var f))
            {
                format = f;
            }
            else if (DeliveryOf(encounter.Type[t]) is { } mode)
            {
                delivery = mode;
            }
            else
            {
                Issue(Path(at, "type", t), "The type is neither a phase, a session format of the library's code systems nor a delivery mode (v3 ParticipationMode FACE, VIDEOCONF, PHONE).");
            }
        }

        var (clinicians, attendees) = ReadParticipants(encounter, at);

        if (number is not { } sessionNumber || phase is not { } sessionPhase)
        {
            Issue(at, "The Encounter has no session number or no phase, so it is not a session.");
            return null;
        }

        var status = StatusOf(encounter, activity, at, path);
        LocalDate? date = null;
        if (encounter.Period is { } period)
        {
            if (Codes.TryReadDate(period.Start, out var day) && period.End is null)
            {
                date = day;
            }
            else
            {
                Issue(at + ".period", "The period is not a start date (YYYY-MM-DD) alone.");
            }
        }

        NodaDuration? length = null;
        if (encounter.Length is { } fhirLength)
        {
            if (Codes.TryRead(fhirLength, out var read))
            {
                length = read;
            }
            else
            {
                Issue(at + ".length", "The length is not a UCUM duration (ms, s, min, h) of at most 24 hours, exact to the nanosecond.");
            }
        }

        string? notes = null;
        for (var n = 0; n < activity.Progress.Count; n++)
        {
            if (n == 0 && activity.Progress[n] is { Text: { } text } note && note.Author is null && note.Time is null)
            {
                notes = text;
            }
            else
            {
                Issue(Path(path, "progress", n), "Only one note without author or time is read as the session's notes.");
            }
        }

        var session = Build(at, () => new Session(sessionNumber, sessionPhase)
        {
            Date = date,
            Length = length,
            Format = format,
            Status = status,
            Tasks = ValueList.From(tasks),
            Techniques = ValueList.From(techniques),
            Notes = notes,
            Delivery = delivery,
            Replaces = replaces,
            Clinicians = clinicians,
            Attendees = attendees,
            Group = group,
        });
        return session is null ? null : session with { Measures = ReadMeasures(encounterIndex) };
    }

    private static DeliveryMode? DeliveryOf(CodeableConcept? type)
    {
        var coding = type?.Coding.FirstOrDefault(c => c.System == IptFhirUris.V3ParticipationMode);
        return coding?.Code switch
        {
            "FACE" => DeliveryMode.InPerson,
            "VIDEOCONF" => DeliveryMode.Video,
            "PHONE" => DeliveryMode.Telephone,
            _ => null,
        };
    }

    /// <summary>The clinicians (PPRF lead, SPRF co-therapist) and the inventory persons who attended (PART), by logical reference with the library's identifier systems.</summary>
    private (ValueList<SessionClinician> Clinicians, ValueList<PersonId> Attendees) ReadParticipants(Encounter encounter, string path)
    {
        var clinicians = new List<SessionClinician>();
        var attendees = new List<PersonId>();
        for (var i = 0; i < encounter.Participant.Count; i++)
        {
            var participant = encounter.Participant[i];
            var at = Path(path, "participant", i);
            if (participant is null)
            {
                continue;
            }

            CheckElements(participant, at, "type", "individual");
            var codes = participant.Type.SelectMany(t => t.Coding).Where(c => c.System == IptFhirUris.V3ParticipationType).Select(c => c.Code).ToList();
            var identifier = participant.Individual?.Identifier;
            var plain = participant.Individual is { Reference: null, Display: null } && participant.Type.Count == 1 && codes.Count == 1;
            if (plain && codes[0] is "PPRF" or "SPRF" && participant.Individual!.Type == "Practitioner"
                && identifier?.System == IptFhirUris.Identifiers.Clinician && ClinicianId.TryFrom(identifier.Value, out var clinician))
            {
                clinicians.Add(new SessionClinician(clinician, codes[0] == "SPRF" ? ClinicianRole.CoTherapist : ClinicianRole.Lead));
            }
            else if (plain && codes[0] == "PART" && participant.Individual!.Type == "RelatedPerson"
                && identifier?.System == IptFhirUris.Identifiers.Person && PersonId.TryFrom(identifier.Value, out var person))
            {
                attendees.Add(person);
            }
            else
            {
                Issue(at, "The participant is neither a clinician (PPRF or SPRF, a Practitioner by clinician id) nor an attendee (PART, a RelatedPerson by person id).");
            }
        }

        return (ValueList.From(clinicians), ValueList.From(attendees));
    }

    private SessionGroup? ReadGroupAttendance(Extension extension, string path)
    {
        int? present = null;
        var members = new List<MemberId>();
        foreach (var (part, at) in Parts(extension, path, "member"))
        {
            switch (part.Url)
            {
                case "membersPresent":
                    if (part.Value is Integer { Value: null } unknown && unknown.GetExtension(IptFhirUris.DataAbsentReason) is not null)
                    {
                        break;
                    }

                    present = IntegerOf(part, at);
                    break;
                case "member":
                    if (MemberId.TryFrom((part.Value as FhirString)?.Value, out var member))
                    {
                        members.Add(member);
                    }
                    else
                    {
                        Issue(at, "Expected a valueString with a valid member id.");
                    }

                    break;
                default: UnknownPart(at); break;
            }
        }

        return Build(path, () => new SessionGroup { MembersPresent = present, Members = ValueList.From(members) });
    }

    private SessionStatus StatusOf(Encounter encounter, CarePlan.ActivityComponent activity, string encounterPath, string activityPath)
    {
        if (activity.Detail?.StatusReason is { } reason)
        {
            if (Codes.TryRead<SessionStatus>(reason, out var exact))
            {
                return exact;
            }

            Issue(activityPath + ".detail.statusReason", "The status reason is not a session status of the library's code system.");
        }

        switch (encounter.Status)
        {
            case Encounter.EncounterStatus.Planned:
                return SessionStatus.Planned;
            case Encounter.EncounterStatus.Finished:
                return SessionStatus.Held;
            case Encounter.EncounterStatus.Cancelled:
                return SessionStatus.Cancelled;
            default:
                Issue(encounterPath + ".status", "Only planned, finished and cancelled Encounters map to a session status; read as planned.");
                return SessionStatus.Planned;
        }
    }

    /// <summary>The measurements of a session: the responses and observations whose encounter is the session's, in bundle order.</summary>
    private ValueList<Measurement> ReadMeasures(int encounterIndex)
    {
        var indices = new List<int>();
        for (var i = 0; i < entries.Length; i++)
        {
            var encounter = entries[i]?.Resource switch
            {
                QuestionnaireResponse response => response.Encounter,
                Observation observation => observation.Encounter,
                _ => null,
            };
            if (encounter is not null && Resolve(encounter.Reference) == encounterIndex)
            {
                indices.Add(i);
            }
        }

        return ReadMeasures(indices);
    }

    /// <summary>Reads measurements from responses (items) and observations (a total or a mean, derived from a response when both) at the given entries, in order.</summary>
    private ValueList<Measurement> ReadMeasures(List<int> indices)
    {
        var pending = new List<PendingMeasure>();
        foreach (var i in indices)
        {
            switch (entries[i]?.Resource)
            {
                case QuestionnaireResponse response:
                    consumed[i] = true;
                    if (ReadResponse(response, EntryPath(i)) is { } read)
                    {
                        pending.Add(new PendingMeasure(i, EntryPath(i), read.Instrument) { Items = read.Items, Rater = RaterOf(response.Source, EntryPath(i) + ".source") });
                    }

                    break;
                case Observation observation:
                    consumed[i] = true;
                    var at = EntryPath(i);
                    if (ReadTotal(observation, at) is not { } total)
                    {
                        break;
                    }

                    Rater? rater = null;
                    for (var p = 0; p < observation.Performer.Count; p++)
                    {
                        if (p == 0)
                        {
                            rater = RaterOf(observation.Performer[p], Path(at, "performer", p));
                        }
                        else
                        {
                            Issue(Path(at, "performer", p), "Only one performer, the rater by resource type, is read.");
                        }
                    }

                    if (observation.DerivedFrom.Count == 0)
                    {
                        pending.Add(new PendingMeasure(-1, at, total.Instrument) { Total = total.Total, Mean = total.Mean, Rater = rater });
                        break;
                    }

                    var from = observation.DerivedFrom.Count == 1 ? Resolve(observation.DerivedFrom[0]?.Reference) : null;
                    var match = pending.FindIndex(m => m.Response == from && m.Total is null && m.Mean is null && m.Instrument == total.Instrument);
                    if (match < 0 || total.Mean is not null)
                    {
                        Issue(at + ".derivedFrom", "The total is not derived from one response of the same instrument in the same session or assessment.");
                        break;
                    }

                    if (pending[match].Rater is { } responseRater && rater is { } observationRater && responseRater != observationRater)
                    {
                        Issue(at + ".performer", "The performer names another rater than the response's source.");
                    }

                    pending[match].Total = total.Total;
                    pending[match].Rater ??= rater;
                    break;
                default:
                    Issue(EntryPath(i), "Only a QuestionnaireResponse or an Observation is a measurement.");
                    break;
            }
        }

        var measures = new List<Measurement>();
        foreach (var measure in pending)
        {
            var instrument = measure.Instrument;
            var built = measure.Mean is { } mean
                ? Build(measure.Path, () => Measurement.OfMean(instrument, mean))
                : Build(measure.Path, () => new Measurement(instrument, measure.Total, measure.Items));
            if (built is not null)
            {
                measures.Add(measure.Rater is { } rater ? built with { Rater = rater } : built);
            }
        }

        return ValueList.From(measures);
    }

    /// <summary>The rater named by a reference's resource type alone (Patient self, Practitioner clinician, RelatedPerson informant).</summary>
    private Rater? RaterOf(ResourceReference? reference, string path)
    {
        if (reference is null)
        {
            return null;
        }

        Rater? rater = reference.Type switch
        {
            "Patient" => Rater.Self,
            "Practitioner" => Rater.Clinician,
            "RelatedPerson" => Rater.Informant,
            _ => null,
        };
        if (rater is null || reference.Reference is not null || reference.Identifier is not null || reference.Display is not null)
        {
            Issue(path, "The reference is not a rater: only a type alone (Patient, Practitioner or RelatedPerson) is read.");
            return null;
        }

        return rater;
    }

    private (InstrumentId Instrument, List<int> Items)? ReadResponse(QuestionnaireResponse response, string path)
    {
        CheckElements(response, path, "questionnaire", "status", "subject", "encounter", "authored", "item", "source");
        var prefix = options.CanonicalBase + "/Questionnaire/";
        if (response.Questionnaire is not { } canonical || !canonical.StartsWith(prefix, StringComparison.Ordinal)
            || !InstrumentId.TryFrom(canonical[prefix.Length..], out var instrument))
        {
            Issue(path + ".questionnaire", "The questionnaire is not an instrument under the canonical base.");
            return null;
        }

        options.Instruments.TryGet(instrument, out var known);
        var items = new List<int>();
        for (var k = 0; k < response.Item.Count; k++)
        {
            var item = response.Item[k];
            var at = Path(path, "item", k);
            var expected = Codes.LoincItem(known, k, response.Item.Count) ?? (k + 1).ToString(CultureInfo.InvariantCulture);
            if (item is null || item.LinkId != expected || item.Answer.Count != 1 || item.Item.Count > 0)
            {
                Issue(at, "The item is not the next item of the instrument (linkId its LOINC code or number, one answer, no sub-items).");
                return null;
            }

            if (ScoreOf(item.Answer[0]?.Value) is not { } score)
            {
                Issue(at + ".answer[0]", "The answer is neither an integer score nor a coding with its ordinal value or LOINC frequency answer.");
                return null;
            }

            items.Add(score);
        }

        if (items.Count == 0)
        {
            Issue(path, "The response has no items.");
            return null;
        }

        return (instrument, items);
    }

    private static int? ScoreOf(DataType? answer)
    {
        switch (answer)
        {
            case Integer { Value: { } value }:
                return value;
            case Coding coding:
                if (coding.GetExtension(IptFhirUris.OrdinalValue)?.Value is FhirDecimal { Value: { } ordinal } && ordinal == decimal.Truncate(ordinal) && ordinal is >= int.MinValue and <= int.MaxValue)
                {
                    return (int)ordinal;
                }

                if (coding.System == IptFhirUris.Loinc)
                {
                    var index = Array.FindIndex(Codes.FrequencyAnswers, a => a.Code == coding.Code);
                    return index >= 0 ? index : null;
                }

                return null;
            default:
                return null;
        }
    }

    private (InstrumentId Instrument, int? Total, decimal? Mean)? ReadTotal(Observation observation, string path)
    {
        CheckElements(observation, path, "status", "category", "code", "subject", "encounter", "effective", "value", "derivedFrom", "performer");
        var coding = observation.Code?.Coding.FirstOrDefault(c => c.System == IptFhirUris.CodeSystems.Instrument);
        if (coding is null || !InstrumentId.TryFrom(coding.Code, out var instrument))
        {
            Issue(path + ".code", "The code has no instrument of the library's instrument code system.");
            return null;
        }

        switch (observation.Value)
        {
            case Integer { Value: >= 0 and var total }:
                return (instrument, total, null);
            case Quantity { Value: >= 0 and var mean, Unit: null, Code: null, System: null, Comparator: null }:
                return (instrument, null, mean);
            default:
                Issue(path + ".value", "The score is neither a total (valueInteger of 0 or more) nor a mean (valueQuantity of 0 or more without a unit).");
                return null;
        }
    }

    private Goal? ReadGoal(FhirGoal goal, string path)
    {
        CheckElements(goal, path, "extension", "lifecycleStatus", "achievementStatus", "category", "description", "subject");
        GoalId? id = null;
        int? setAt = null;
        var steps = new List<GoalStep>();
        for (var i = 0; i < goal.Extension.Count; i++)
        {
            var extension = goal.Extension[i];
            var at = Path(path, "extension", i);
            switch (extension.Url)
            {
                case X.LocalId:
                    id = GoalId.TryFrom((extension.Value as FhirString)?.Value, out var goalId) ? goalId : null;
                    if (id is null)
                    {
                        Issue(at, "The goal id is not a valid id.");
                    }

                    break;
                case X.SetAtSession:
                    setAt = Positive(extension, at);
                    break;
                case X.GoalStep:
                    if (ReadStep(extension, at) is { } step)
                    {
                        steps.Add(step);
                    }

                    break;
                default:
                    Issue(at, "The extension is not part of the course model.");
                    break;
            }
        }

        ProblemArea? area = null;
        for (var c = 0; c < goal.Category.Count; c++)
        {
            if (Codes.TryRead<ProblemArea>(goal.Category[c], out var read) && area is null)
            {
                area = read;
            }
            else
            {
                Issue(Path(path, "category", c), "Only one problem area of the library's code system is read as the goal's area.");
            }
        }

        var description = goal.Description?.Text;
        if (id is not { } goalKey || string.IsNullOrEmpty(description))
        {
            Issue(path, id is null ? "The goal has no id (local-id extension)." : "The goal's description is absent or masked; a course goal needs its text.");
            return null;
        }

        var achieved = goal.AchievementStatus?.Coding.Any(c => c.System == IptFhirUris.GoalAchievement && c.Code == "achieved") == true;
        return Build(path, () => new Goal(goalKey, description) { Area = area, SetAtSession = setAt, Steps = ValueList.From(steps), Achieved = achieved });
    }

    private GoalStep? ReadStep(Extension extension, string path)
    {
        string? description = null;
        var done = false;
        int? doneAt = null;
        foreach (var (part, at) in Parts(extension, path))
        {
            switch (part.Url)
            {
                case "description": description = Text(part, at); break;
                case "done": done = Flag(part, at) ?? false; break;
                case "doneAtSession": doneAt = Positive(part, at); break;
                default: UnknownPart(at); break;
            }
        }

        if (string.IsNullOrEmpty(description))
        {
            Issue(path, "The step's description is absent; a course goal step needs its text.");
            return null;
        }

        return Build(path, () => new GoalStep { Description = description, Done = done, DoneAtSession = doneAt });
    }

    private List<InventoryPerson> ReadPersons()
    {
        var persons = new List<InventoryPerson>();
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i]?.Resource is RelatedPerson related && !consumed[i])
            {
                consumed[i] = true;
                if (ReadPerson(related, EntryPath(i)) is { } person)
                {
                    persons.Add(person);
                }
            }
        }

        return persons;
    }

    private InventoryPerson? ReadPerson(RelatedPerson related, string path)
    {
        CheckElements(related, path, "extension", "patient", "relationship", "name");
        PersonId? id = null;
        InventoryPerson? entry = null;
        for (var i = 0; i < related.Extension.Count; i++)
        {
            var extension = related.Extension[i];
            var at = Path(path, "extension", i);
            switch (extension.Url)
            {
                case X.LocalId:
                    id = PersonId.TryFrom((extension.Value as FhirString)?.Value, out var personId) ? personId : null;
                    if (id is null)
                    {
                        Issue(at, "The person id is not a valid id.");
                    }

                    break;
                case X.InventoryEntry:
                    entry = ReadInventoryEntry(extension, at);
                    break;
                default:
                    Issue(at, "The extension is not part of the course model.");
                    break;
            }
        }

        Relationship? relationship = null;
        for (var r = 0; r < related.Relationship.Count; r++)
        {
            if (Codes.TryRead<Relationship>(related.Relationship[r], out var read) && relationship is null)
            {
                relationship = read;
            }
            else
            {
                Issue(Path(path, "relationship", r), "Only one relationship of the library's code system is read.");
            }
        }

        string? label = null;
        for (var n = 0; n < related.Name.Count; n++)
        {
            if (n == 0 && related.Name[n] is { Text: { } text } name && name.Family is null && !name.Given.Any())
            {
                label = text;
            }
            else
            {
                Issue(Path(path, "name", n), "Only one name given as text alone is read as the person's label.");
            }
        }

        if (id is not { } key || relationship is not { } kind)
        {
            Issue(path, "The related person has no person id (local-id extension) or no relationship of the library's code system.");
            return null;
        }

        var person = entry is null ? new InventoryPerson(key, kind) : entry with { Id = key, Relationship = kind };
        return Build(path, () => person with { Label = label });
    }

    private InventoryPerson? ReadInventoryEntry(Extension extension, string path)
    {
        var person = new InventoryPerson(PersonId.From("x"), Relationship.Other);
        var support = new List<SupportKind>();
        foreach (var (part, at) in Parts(extension, path, "support"))
        {
            if (part.Url == "support")
            {
                if (Enum<SupportKind>(part, at) is { } kind)
                {
                    support.Add(kind);
                }

                continue;
            }

            var current = person;
            Func<InventoryPerson>? change = part.Url switch
            {
                "ring" => () => current with { Ring = Positive(part, at) },
                "contact" => () => current with { Contact = Enum<ContactFrequency>(part, at) },
                "sharedActivities" => () => current with { SharedActivities = Text(part, at) },
                "positives" => () => current with { Positives = Text(part, at) },
                "negatives" => () => current with { Negatives = Text(part, at) },
                "patientExpectations" => () => current with { PatientExpectations = Text(part, at) },
                "otherExpectations" => () => current with { OtherExpectations = Text(part, at) },
                "expectationsMet" => () => current with { ExpectationsMet = Flag(part, at) },
                "canDiscuss" => () => current with { CanDiscuss = Text(part, at) },
                "cannotDiscuss" => () => current with { CannotDiscuss = Text(part, at) },
                "conflicts" => () => current with { Conflicts = Text(part, at) },
                "conflictsResolved" => () => current with { ConflictsResolved = Flag(part, at) },
                "knowsAboutMood" => () => current with { KnowsAboutMood = Flag(part, at) },
                "wouldLikeToChange" => () => current with { WouldLikeToChange = Text(part, at) },
                "changedNearOnset" => () => current with { ChangedNearOnset = Flag(part, at) },
                "relatedArea" => () => current with { RelatedArea = Enum<ProblemArea>(part, at) },
                "deceased" => () => current with { Deceased = Flag(part, at) ?? false },
                _ => null,
            };
            if (change is null)
            {
                UnknownPart(at);
            }
            else
            {
                person = Build(at, change) ?? person;
            }
        }

        return person with { Support = ValueList.From(support) };
    }

    // ---- values -----------------------------------------------------------------------------

    private IEnumerable<(Extension Part, string Path)> Parts(Extension extension, string path, params string[] repeating)
    {
        if (extension.Value is not null)
        {
            Issue(path + ".value", "A complex extension has parts, not a value.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < extension.Extension.Count; i++)
        {
            var part = extension.Extension[i];
            var at = Path(path, "extension", i);
            if (part?.Url is not { } url)
            {
                Issue(at, "The part has no url.");
                continue;
            }

            if (!repeating.Contains(url) && !seen.Add(url))
            {
                Issue(at, "The part repeats; the first is read.");
                continue;
            }

            yield return (part, at);
        }
    }

    private void UnknownPart(string path) => Issue(path, "The part is not a member of the course model.");

    private int? Positive(Extension extension, string path)
    {
        if (extension.Value is PositiveInt { Value: > 0 and var value })
        {
            return value;
        }

        Issue(path, "Expected a valuePositiveInt.");
        return null;
    }

    private int? IntegerOf(Extension extension, string path)
    {
        if (extension.Value is Integer { Value: { } value })
        {
            return value;
        }

        Issue(path, "Expected a valueInteger.");
        return null;
    }

    private bool? Flag(Extension extension, string path)
    {
        if (extension.Value is FhirBoolean { Value: { } value })
        {
            return value;
        }

        Issue(path, "Expected a valueBoolean.");
        return null;
    }

    private string? Text(Extension extension, string path)
    {
        if (extension.Value is FhirString { Value: { } value })
        {
            return value;
        }

        Issue(path, "Expected a valueString.");
        return null;
    }

    private LocalDate? DateOf(Extension extension, string path)
    {
        if (extension.Value is Date { Value: var text } && Codes.TryReadDate(text, out var date))
        {
            return date;
        }

        Issue(path, "Expected a valueDate with year, month and day.");
        return null;
    }

    private Period? PeriodOf(Extension extension, string path)
    {
        if (Codes.TryRead(extension.Value, out var period))
        {
            return period;
        }

        Issue(path, "Expected a valueDuration in whole years, months, weeks or days (UCUM a, mo, wk, d), or a period as text.");
        return null;
    }

    private NodaDuration? DurationOf(Extension extension, string path)
    {
        if (extension.Value is Quantity quantity && Codes.TryRead(quantity, out var duration))
        {
            return duration;
        }

        Issue(path, "Expected a valueDuration (UCUM ms, s, min or h) of at most 24 hours, exact to the nanosecond.");
        return null;
    }

    private T? Enum<T>(Extension extension, string path)
        where T : struct, System.Enum
    {
        if (Codes.TryRead<T>(extension.Value as Coding, out var value))
        {
            return value;
        }

        Issue(path, string.Create(CultureInfo.InvariantCulture, $"Expected a valueCoding of the code system {Codes.SystemOf<T>()}."));
        return null;
    }

    private void AddPerson(List<PersonId> persons, Extension part, string path)
    {
        if (PersonId.TryFrom((part.Value as FhirString)?.Value, out var id))
        {
            persons.Add(id);
        }
        else
        {
            Issue(path, "Expected a valueString with a valid person id.");
        }
    }

    /// <summary>Builds a model value; a value the model refuses (out of its range) becomes an issue, not an exception.</summary>
    private T? Build<T>(string path, Func<T> build, string message = "A value is outside the course model's range (for example a number below 1, a ring outside the circle, or an item score outside the instrument's range).")
        where T : class
    {
        try
        {
            return build();
        }
        catch (ArgumentException)
        {
            Issue(path, message);
            return null;
        }
    }

    // ---- structure --------------------------------------------------------------------------

    /// <summary>Reports every element of <paramref name="element"/> that the mapping does not read (metadata and narrative aside).</summary>
    private void CheckElements(Base element, string path, params string[] known)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in element.EnumerateElements())
        {
            var name = child.Key;
            if (known.Contains(name) || Metadata.Contains(name))
            {
                continue;
            }

            var count = child.Value is System.Collections.IList list ? list.Count : 1;
            for (var i = 0; i < count; i++)
            {
                Issue(count > 1 || child.Value is System.Collections.IList ? Path(path, name, i) : path + "." + name, "The element has no place in the course model.");
            }
        }
    }

    private void ReportUnconsumed()
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (!consumed[i])
            {
                Issue(EntryPath(i), "The resource is not part of the course (not linked from its care plan, sessions or inventory).");
            }
        }
    }

    private static string EntryPath(int index) => string.Create(CultureInfo.InvariantCulture, $"Bundle.entry[{index}].resource");

    private static string Path(string path, string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{index}]");

    private void Issue(string path, string message) => issues.Add(new FhirMappingIssue(path, message));

    /// <summary>A measurement being read: its response (entry index, or -1), where it was found, and what has been read so far.</summary>
    private sealed class PendingMeasure(int response, string path, InstrumentId instrument)
    {
        public int Response { get; } = response;

        public string Path { get; } = path;

        public InstrumentId Instrument { get; } = instrument;

        public List<int>? Items { get; init; }

        public int? Total { get; set; }

        public decimal? Mean { get; init; }

        public Rater? Rater { get; set; }
    }
}
