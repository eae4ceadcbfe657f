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
        CheckElements(plan, path, "extension", "status", "intent", "category", "subject", "instantiatesCanonical", "activity", "goal");
        var canonicals = plan.InstantiatesCanonical.ToList();
        for (var i = 0; i < canonicals.Count; i++)
        {
            if (!IsProtocolCanonical(canonicals[i]))
            {
                Issue(Path(path, "instantiatesCanonical", i), "Only the IPT PlanDefinition is read; another canonical has no place in the course.");
            }
        }

        var course = new Course(protocol);
        var rings = InterpersonalInventory.DefaultRings;
        var renegotiations = new List<Renegotiation>();
        var diary = new List<InterpersonalEvent>();
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
            Sessions = ValueList.From(sessions),
            Goals = ValueList.From(goals),
            Inventory = inventory ?? InterpersonalInventory.Empty,
        };
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
        foreach (var (part, at) in Parts(extension, path, "area"))
        {
            switch (part.Url)
            {
                case "area":
                    if (ReadFocusArea(part, at) is { } area)
                    {
                        areas.Add(area);
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

        return formulation with { Areas = ValueList.From(areas) };
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
        CheckElements(encounter, at, "extension", "status", "class", "type", "subject", "period", "length");
        if (activity.Detail is { } detail)
        {
            CheckElements(detail, path + ".detail", "kind", "status", "statusReason");
        }

        int? number = null;
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
            else
            {
                Issue(Path(at, "type", t), "The type is neither a phase nor a session format of the library's code systems.");
            }
        }

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
        });
        return session is null ? null : session with { Measures = ReadMeasures(encounterIndex) };
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

    private ValueList<Measurement> ReadMeasures(int encounterIndex)
    {
        var pending = new List<(int Response, string Path, InstrumentId Instrument, List<int>? Items, int? Total)>();
        for (var i = 0; i < entries.Length; i++)
        {
            switch (entries[i]?.Resource)
            {
                case QuestionnaireResponse response when Resolve(response.Encounter?.Reference) == encounterIndex:
                    consumed[i] = true;
                    if (ReadResponse(response, EntryPath(i)) is { } read)
                    {
                        pending.Add((i, EntryPath(i), read.Instrument, read.Items, null));
                    }

                    break;
                case Observation observation when Resolve(observation.Encounter?.Reference) == encounterIndex:
                    consumed[i] = true;
                    var at = EntryPath(i);
                    if (ReadTotal(observation, at) is not { } total)
                    {
                        break;
                    }

                    if (observation.DerivedFrom.Count == 0)
                    {
                        pending.Add((-1, at, total.Instrument, null, total.Value));
                        break;
                    }

                    var from = observation.DerivedFrom.Count == 1 ? Resolve(observation.DerivedFrom[0]?.Reference) : null;
                    var match = pending.FindIndex(p => p.Response == from && p.Total is null && p.Instrument == total.Instrument);
                    if (match < 0)
                    {
                        Issue(at + ".derivedFrom", "The total is not derived from one response of the same instrument in the same session.");
                        break;
                    }

                    pending[match] = pending[match] with { Total = total.Value };
                    break;
            }
        }

        var measures = new List<Measurement>();
        foreach (var (_, path, instrument, items, total) in pending)
        {
            if (Build(path, () => new Measurement(instrument, total, items)) is { } measurement)
            {
                measures.Add(measurement);
            }
        }

        return ValueList.From(measures);
    }

    private (InstrumentId Instrument, List<int> Items)? ReadResponse(QuestionnaireResponse response, string path)
    {
        CheckElements(response, path, "questionnaire", "status", "subject", "encounter", "authored", "item");
        var prefix = options.CanonicalBase + "/Questionnaire/";
        if (response.Questionnaire is not { } canonical || !canonical.StartsWith(prefix, StringComparison.Ordinal)
            || !InstrumentId.TryFrom(canonical[prefix.Length..], out var instrument))
        {
            Issue(path + ".questionnaire", "The questionnaire is not an instrument under the canonical base.");
            return null;
        }

        var items = new List<int>();
        for (var k = 0; k < response.Item.Count; k++)
        {
            var item = response.Item[k];
            var at = Path(path, "item", k);
            var expected = Codes.LoincItem(instrument, k, response.Item.Count) ?? (k + 1).ToString(CultureInfo.InvariantCulture);
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

    private (InstrumentId Instrument, int Value)? ReadTotal(Observation observation, string path)
    {
        CheckElements(observation, path, "status", "category", "code", "subject", "encounter", "effective", "value", "derivedFrom");
        var coding = observation.Code?.Coding.FirstOrDefault(c => c.System == IptFhirUris.CodeSystems.Instrument);
        if (coding is null || !InstrumentId.TryFrom(coding.Code, out var instrument))
        {
            Issue(path + ".code", "The code has no instrument of the library's instrument code system.");
            return null;
        }

        if (observation.Value is not Integer { Value: { } total } || total < 0)
        {
            Issue(path + ".value", "The total is not a valueInteger of 0 or more.");
            return null;
        }

        return (instrument, total);
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
}
