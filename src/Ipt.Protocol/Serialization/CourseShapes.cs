using System.Globalization;
using Ipt.Protocol.Serialization.Shapes;
using NodaTime;

namespace Ipt.Protocol.Serialization;

// The course document, version 1, declared once per model type: each member is one entry giving
// its JSON name, its description (the JSON Schema's and docs/json-format.md's), how its value is
// read and written (the codec), how it is taken from the model (the getter), the model's local
// invariant (a shared Check, given the JSON name) and its default when left out. The reader, the
// writer, the JSON Schema and the docs' member table all come from these entries; each shape's
// create function builds the model value from the members read, in one step.
//
// To add a member (docs/json-format.md, "Adding a member"): add the property to the model, add its
// entry to the type's shape below (in the place it should be written), and pass it in the shape's
// create function. The round-trip, generator-coverage and schema tests fail until all three agree.

/// <summary>The shapes of the course document.</summary>
internal static class CourseShapes
{
    private static readonly Codec<int?> OptionalInt = Codecs.Nullable(Codecs.Int);
    private static readonly Codec<bool?> OptionalBool = Codecs.Nullable(Codecs.Bool);
    private static readonly Codec<LocalDate?> OptionalDate = Codecs.Nullable(Codecs.Date);
    private static readonly Codec<Duration?> OptionalDuration = Codecs.Nullable(Codecs.Duration);

    private static readonly Codec<PersonId> PersonIdCodec = Codecs.Id<PersonId>(PersonId.TryFrom, static id => id.Value, "a person id", IdSyntax.TokenRule);
    private static readonly Codec<ValueList<PersonId>> PersonIds = Codecs.List(PersonIdCodec);
    private static readonly Codec<ClinicianId> ClinicianIdCodec = Codecs.Id<ClinicianId>(ClinicianId.TryFrom, static id => id.Value, "a clinician id", IdSyntax.TokenRule);

    private static Codec<T?> OptionalEnum<T>()
        where T : struct, Enum => Codecs.Nullable(Codecs.Enum<T>());

    /// <summary>The treatment contract.</summary>
    internal static class ContractShape
    {
        public static readonly Member<Contract, int> Sessions = new("sessions", "The number of treatment sessions agreed (1 or more).", Codecs.Int, static c => c.Sessions, required: true, check: Check.Positive);
        public static readonly Member<Contract, Period?> Frequency = new("frequency", "The interval between sessions as an ISO-8601 period of whole days, weeks, months or years, such as 'P1W'.", Codecs.Period!, static c => c.Frequency, check: Check.PositivePeriod);
        public static readonly Member<Contract, Duration?> SessionLength = new("sessionLength", "The agreed session length as an ISO-8601 duration, longer than zero and at most 24 hours, such as 'PT50M'.", OptionalDuration, static c => c.SessionLength, check: Check.PositiveDuration);
        public static readonly Member<Contract, LocalDate?> StartDate = new("startDate", "The agreed start date (YYYY-MM-DD).", OptionalDate, static c => c.StartDate);
        public static readonly Member<Contract, int?> AgreedAtSession = new("agreedAtSession", "The session at which the contract was agreed (1 or more).", OptionalInt, static c => c.AgreedAtSession, check: Check.Positive);

        public static readonly ObjectShape<Contract> Shape = new(
            "The treatment contract: sessions agreed, frequency, session length and start date.",
            [Sessions, Frequency, SessionLength, StartDate, AgreedAtSession],
            static v => new Contract
            {
                Sessions = v.Get(Sessions),
                Frequency = v.Get(Frequency),
                SessionLength = v.Get(SessionLength),
                StartDate = v.Get(StartDate),
                AgreedAtSession = v.Get(AgreedAtSession),
            });
    }

    /// <summary>A renegotiation of the contract.</summary>
    internal static class RenegotiationShape
    {
        public static readonly Member<Renegotiation, int> AtSession = new("atSession", "The session at which the change was agreed (1 or more).", Codecs.Int, static r => r.AtSession, required: true, check: Check.Positive);
        public static readonly Member<Renegotiation, LocalDate?> Date = new("date", "The date of the change (YYYY-MM-DD).", OptionalDate, static r => r.Date);
        public static readonly Member<Renegotiation, string?> Reason = new("reason", "Why the contract changed (free text; patient data).", Codecs.Text!, static r => r.Reason, check: Check.Text);
        public static readonly Member<Renegotiation, int?> Sessions = new("sessions", "The new number of treatment sessions.", OptionalInt, static r => r.Sessions, check: Check.Positive);
        public static readonly Member<Renegotiation, Period?> Frequency = new("frequency", "The new frequency (ISO-8601 period, such as 'P2W').", Codecs.Period!, static r => r.Frequency, check: Check.PositivePeriod);
        public static readonly Member<Renegotiation, Duration?> SessionLength = new("sessionLength", "The new session length (ISO-8601 duration, such as 'PT45M').", OptionalDuration, static r => r.SessionLength, check: Check.PositiveDuration);

        public static readonly ObjectShape<Renegotiation> Shape = new(
            "An explicit, dated change of the contract agreed at a session; members left out are unchanged. A change of the focus is in formulation.changes.",
            [AtSession, Date, Reason, Sessions, Frequency, SessionLength],
            static v => new Renegotiation
            {
                AtSession = v.Get(AtSession),
                Date = v.Get(Date),
                Reason = v.Get(Reason),
                Sessions = v.Get(Sessions),
                Frequency = v.Get(Frequency),
                SessionLength = v.Get(SessionLength),
            });
    }

    /// <summary>A focus area.</summary>
    internal static class FocusAreaShape
    {
        public static readonly Member<FocusArea, ProblemArea> Area = new("area", "The problem area.", Codecs.Enum<ProblemArea>(), static a => a.Area, required: true);
        public static readonly Member<FocusArea, FocusRank> Rank = new("rank", "Primary or secondary focus (default primary).", Codecs.Enum<FocusRank>(), static a => a.Rank, defaultValue: FocusRank.Primary, alwaysWrite: true);
        public static readonly Member<FocusArea, RoleDisputeStage?> DisputeStage = new("disputeStage", "The role-dispute stage, expected when the area is roleDispute.", OptionalEnum<RoleDisputeStage>(), static a => a.DisputeStage);
        public static readonly Member<FocusArea, ValueList<PersonId>> Persons = new("persons", "The ids of the inventory persons the focus concerns.", PersonIds, static a => a.Persons);

        public static readonly ObjectShape<FocusArea> Shape = new(
            "A problem area chosen as a focus.",
            [Area, Rank, DisputeStage, Persons],
            static v => new FocusArea(v.Get(Area), v.Get(Rank)) { DisputeStage = v.Get(DisputeStage), Persons = v.Get(Persons) });
    }

    /// <summary>A change of the focus.</summary>
    internal static class FocusChangeShape
    {
        public static readonly Member<FocusChange, int> AtSession = new("atSession", "The session at which the focus changed (1 or more).", Codecs.Int, static c => c.AtSession, required: true, check: Check.Positive);
        public static readonly Member<FocusChange, ValueList<FocusArea>> Previous = new("previous", "The focus areas before the change (empty when they were not recorded).", Codecs.List(FocusAreaShape.Shape), static c => c.Previous);

        public static readonly ObjectShape<FocusChange> Shape = new(
            "A change of the focus (problem area, rank or role-dispute stage) at a session, with the focus it replaced.",
            [AtSession, Previous],
            static v => new FocusChange(v.Get(AtSession), v.Get(Previous)));
    }

    /// <summary>The interpersonal formulation.</summary>
    internal static class FormulationShape
    {
        public static readonly Member<Formulation, ValueList<FocusArea>> Areas = new("areas", "The focus areas: one primary and at most one secondary.", Codecs.List(FocusAreaShape.Shape), static f => f.Areas);
        public static readonly Member<Formulation, int?> ChosenAtSession = new("chosenAtSession", "The session at which the focus was (last) chosen.", OptionalInt, static f => f.ChosenAtSession, check: Check.Positive);
        public static readonly Member<Formulation, int?> PresentedAtSession = new("presentedAtSession", "The session at which the formulation was presented to the patient.", OptionalInt, static f => f.PresentedAtSession, check: Check.Positive);
        public static readonly Member<Formulation, bool> Agreed = new("agreed", "Whether the patient explicitly agreed to the formulation (default false).", Codecs.Bool, static f => f.Agreed);
        public static readonly Member<Formulation, int?> AgreedAtSession = new("agreedAtSession", "The session at which the patient agreed.", OptionalInt, static f => f.AgreedAtSession, check: Check.Positive);
        public static readonly Member<Formulation, LocalDate?> AgreedOn = new("agreedOn", "The date of the agreement (YYYY-MM-DD).", OptionalDate, static f => f.AgreedOn);
        public static readonly Member<Formulation, ValueList<FocusChange>> Changes = new("changes", "The earlier changes of the focus, in the order they happened (the focus history); the current focus is areas.", Codecs.List(FocusChangeShape.Shape), static f => f.Changes);
        public static readonly Member<Formulation, string?> Notes = new("notes", "The formulation text (free text; patient data).", Codecs.Text!, static f => f.Notes, check: Check.Text);

        public static readonly ObjectShape<Formulation> Shape = new(
            "The interpersonal formulation: the chosen focus, presented to the patient and (when accepted) agreed.",
            [Areas, ChosenAtSession, PresentedAtSession, Agreed, AgreedAtSession, AgreedOn, Changes, Notes],
            static v => new Formulation
            {
                Areas = v.Get(Areas),
                ChosenAtSession = v.Get(ChosenAtSession),
                PresentedAtSession = v.Get(PresentedAtSession),
                Agreed = v.Get(Agreed),
                AgreedAtSession = v.Get(AgreedAtSession),
                AgreedOn = v.Get(AgreedOn),
                Changes = v.Get(Changes),
                Notes = v.Get(Notes),
            });
    }

    /// <summary>The sick role.</summary>
    internal static class SickRoleShape
    {
        public static readonly Member<SickRole, int> GrantedAtSession = new("grantedAtSession", "The session at which the sick role was given (1 or more).", Codecs.Int, static s => s.GrantedAtSession, required: true, check: Check.Positive);
        public static readonly Member<SickRole, bool> Limited = new("limited", "Whether the sick role is the limited form used in IPT-A (default false).", Codecs.Bool, static s => s.Limited);

        public static readonly ObjectShape<SickRole> Shape = new(
            "The sick role: time-limited permission to be ill that carries the duty to work on recovery.",
            [GrantedAtSession, Limited],
            static v => new SickRole { GrantedAtSession = v.Get(GrantedAtSession), Limited = v.Get(Limited) });
    }

    /// <summary>One person of the inventory.</summary>
    internal static class PersonShape
    {
        public static readonly Member<InventoryPerson, PersonId> Id = new("id", "The stable id used to refer to the person: 1 to 64 ASCII letters, digits, '-' or '_' (never a name).", PersonIdCodec, static p => p.Id, required: true);
        public static readonly Member<InventoryPerson, string?> Label = Text<InventoryPerson>("label", "The pseudonymous label shown to the therapist (patient data).", static p => p.Label);
        public static readonly Member<InventoryPerson, Relationship> Relationship = new("relationship", "The relationship to the patient.", Codecs.Enum<Relationship>(), static p => p.Relationship, required: true);
        public static readonly Member<InventoryPerson, int?> Ring = new("ring", "The closeness-circle ring, 1 being the innermost.", OptionalInt, static p => p.Ring, check: Check.Positive);
        public static readonly Member<InventoryPerson, ContactFrequency?> Contact = new("contact", "How often the patient is in contact with the person.", OptionalEnum<ContactFrequency>(), static p => p.Contact);
        public static readonly Member<InventoryPerson, string?> SharedActivities = Text<InventoryPerson>("sharedActivities", "Shared activities (free text).", static p => p.SharedActivities);
        public static readonly Member<InventoryPerson, string?> Positives = Text<InventoryPerson>("positives", "Positive aspects of the relationship (free text).", static p => p.Positives);
        public static readonly Member<InventoryPerson, string?> Negatives = Text<InventoryPerson>("negatives", "Negative aspects of the relationship (free text).", static p => p.Negatives);
        public static readonly Member<InventoryPerson, string?> PatientExpectations = Text<InventoryPerson>("patientExpectations", "The patient's expectations of the person (free text).", static p => p.PatientExpectations);
        public static readonly Member<InventoryPerson, string?> OtherExpectations = Text<InventoryPerson>("otherExpectations", "The person's expectations of the patient (free text).", static p => p.OtherExpectations);
        public static readonly Member<InventoryPerson, bool?> ExpectationsMet = new("expectationsMet", "Whether the expectations are met.", OptionalBool, static p => p.ExpectationsMet);
        public static readonly Member<InventoryPerson, string?> CanDiscuss = Text<InventoryPerson>("canDiscuss", "What can be discussed with the person (free text).", static p => p.CanDiscuss);
        public static readonly Member<InventoryPerson, string?> CannotDiscuss = Text<InventoryPerson>("cannotDiscuss", "What cannot be discussed with the person (free text).", static p => p.CannotDiscuss);
        public static readonly Member<InventoryPerson, string?> Conflicts = Text<InventoryPerson>("conflicts", "Conflicts with the person (free text).", static p => p.Conflicts);
        public static readonly Member<InventoryPerson, bool?> ConflictsResolved = new("conflictsResolved", "Whether the conflicts are resolved.", OptionalBool, static p => p.ConflictsResolved);
        public static readonly Member<InventoryPerson, bool?> KnowsAboutMood = new("knowsAboutMood", "Whether the person knows about the patient's mood.", OptionalBool, static p => p.KnowsAboutMood);
        public static readonly Member<InventoryPerson, string?> WouldLikeToChange = Text<InventoryPerson>("wouldLikeToChange", "What the patient would like to change (free text).", static p => p.WouldLikeToChange);
        public static readonly Member<InventoryPerson, ValueList<SupportKind>> Support = new("support", "The kinds of support the person gives.", Codecs.List(Codecs.Enum<SupportKind>()), static p => p.Support);
        public static readonly Member<InventoryPerson, bool?> ChangedNearOnset = new("changedNearOnset", "Whether the relationship changed near symptom onset.", OptionalBool, static p => p.ChangedNearOnset);
        public static readonly Member<InventoryPerson, ProblemArea?> RelatedArea = new("relatedArea", "The problem area the relationship relates to.", OptionalEnum<ProblemArea>(), static p => p.RelatedArea);
        public static readonly Member<InventoryPerson, bool> Deceased = new("deceased", "Whether the person has died (default false); the date is a death in lifeEvents naming the person.", Codecs.Bool, static p => p.Deceased);

        public static readonly ObjectShape<InventoryPerson> Shape = new(
            "One significant person, referred to everywhere else by id. The label and every free-text member are patient data.",
            [Id, Label, Relationship, Ring, Contact, SharedActivities, Positives, Negatives, PatientExpectations, OtherExpectations, ExpectationsMet,
             CanDiscuss, CannotDiscuss, Conflicts, ConflictsResolved, KnowsAboutMood, WouldLikeToChange, Support, ChangedNearOnset, RelatedArea, Deceased],
            static v => new InventoryPerson(v.Get(Id), v.Get(Relationship))
            {
                Label = v.Get(Label),
                Ring = v.Get(Ring),
                Contact = v.Get(Contact),
                SharedActivities = v.Get(SharedActivities),
                Positives = v.Get(Positives),
                Negatives = v.Get(Negatives),
                PatientExpectations = v.Get(PatientExpectations),
                OtherExpectations = v.Get(OtherExpectations),
                ExpectationsMet = v.Get(ExpectationsMet),
                CanDiscuss = v.Get(CanDiscuss),
                CannotDiscuss = v.Get(CannotDiscuss),
                Conflicts = v.Get(Conflicts),
                ConflictsResolved = v.Get(ConflictsResolved),
                KnowsAboutMood = v.Get(KnowsAboutMood),
                WouldLikeToChange = v.Get(WouldLikeToChange),
                Support = v.Get(Support),
                ChangedNearOnset = v.Get(ChangedNearOnset),
                RelatedArea = v.Get(RelatedArea),
                Deceased = v.Get(Deceased),
            },
            afterRead: static (v, context) => (context.Scope as InventoryScope)?.Add(context.ItemIndex, v.Has(Id) ? v.Get(Id) : null, v.Get(Ring)));
    }

    /// <summary>The interpersonal inventory.</summary>
    internal static class InventoryShape
    {
        public static readonly Member<InterpersonalInventory, int?> Rings = new("rings", "The number of rings of the closeness circle (1 to 10; default 3).", OptionalInt, static i => i.Rings, check: static (v, name) => Check.InRange(v, 1, InterpersonalInventory.MaxRings, name));
        public static readonly Member<InterpersonalInventory, ValueList<InventoryPerson>> Persons = new(
            "persons",
            "The people.",
            Codecs.List(PersonShape.Shape, static l => l.MaxPersons, "persons", nameof(IptJsonLimits.MaxPersons)),
            static i => i.Persons);

        public static readonly ObjectShape<InterpersonalInventory> Shape = new(
            "The interpersonal inventory: the significant people placed on a closeness circle. Person ids are unique and every ring is within the circle.",
            [Rings, Persons],
            static v => new InterpersonalInventory(v.Get(Persons), v.Get(Rings) ?? InterpersonalInventory.DefaultRings),
            validate: static (v, context, scope) => ((InventoryScope)scope!).Check(context, v.Failed(Rings) ? InterpersonalInventory.MaxRings : v.Get(Rings) ?? InterpersonalInventory.DefaultRings),
            openScope: static _ => new InventoryScope());
    }

    /// <summary>Collects the ids and rings of an inventory's people as they are read, to check them together: ids unique, rings within the circle.</summary>
    private sealed class InventoryScope
    {
        private readonly List<(int Index, PersonId? Id, int? Ring)> persons = [];

        public void Add(int index, PersonId? id, int? ring) => persons.Add((index, id, ring));

        public bool Check(ReadContext context, int rings)
        {
            var ok = true;
            var first = new Dictionary<PersonId, int>();
            foreach (var (index, id, ring) in persons)
            {
                if (id is { } known && !first.TryAdd(known, index))
                {
                    context.ErrorBelow(
                        DocumentErrorCodes.Value,
                        string.Create(CultureInfo.InvariantCulture, $"The person id is already used by persons[{first[known]}]; person ids are unique."),
                        PathSegment.Named("persons"),
                        PathSegment.At(index),
                        PathSegment.Named("id"));
                    ok = false;
                }

                if (ring is { } r && r > rings)
                {
                    context.ErrorBelow(
                        DocumentErrorCodes.Value,
                        string.Create(CultureInfo.InvariantCulture, $"ring must be between 1 and {rings}, the rings of the circle."),
                        PathSegment.Named("persons"),
                        PathSegment.At(index),
                        PathSegment.Named("ring"));
                    ok = false;
                }
            }

            return ok;
        }
    }

    /// <summary>One administration of an instrument.</summary>
    internal static class MeasurementShape
    {
        public static readonly Member<Measurement, InstrumentId> Instrument = new("instrument", "The instrument's id (kebab-case), such as 'phq-9'.", Codecs.Id<InstrumentId>(InstrumentId.TryFrom, static id => id.Value, "an instrument id", IdSyntax.KebabRule, BuiltInInstruments.All.Select(static i => i.Id)), static m => m.Instrument, required: true);
        public static readonly Member<Measurement, int?> Total = new("total", "The recorded total (0 or more).", OptionalInt, static m => m.Total, check: Check.NonNegative);
        public static readonly Member<Measurement, ValueList<int>> Items = new("items", "The item scores in item order.", Codecs.List(Codecs.Int), static m => m.Items);
        public static readonly Member<Measurement, decimal?> Mean = new("mean", "The mean score, for an instrument whose score is a mean such as the Social Rhythm Metric (0 or more; a decimal); recorded alone, without total or items.", Codecs.Nullable(Codecs.Decimal), static m => m.Mean, check: Check.NonNegative);
        public static readonly Member<Measurement, Rater?> Rater = new("rater", "Who rated the measurement: self, clinician or informant.", OptionalEnum<Rater>(), static m => m.Rater);

        public static readonly ObjectShape<Measurement> Shape = new(
            "One administration of an instrument: a total, item scores in item order, or both; or a mean for a mean-scored instrument. For a built-in instrument the item count and item range are checked.",
            [Instrument, Total, Items, Mean, Rater],
            static v => (v.Get(Mean) is { } mean ? Measurement.OfMean(v.Get(Instrument), mean) : new Measurement(v.Get(Instrument), v.Get(Total), v.Get(Items))) with { Rater = v.Get(Rater) },
            validate: static (v, context, _) => !v.AllRead || CheckItems(v, context));

        private static bool CheckItems(Values v, ReadContext context)
        {
            var items = v.Get(Items);
            if (v.Get(Mean) is not null)
            {
                if (v.Get(Total) is null && items.IsEmpty)
                {
                    return true;
                }

                context.ErrorBelow(DocumentErrorCodes.Value, "A mean is recorded alone, without a total or item scores.", PathSegment.Named("mean"));
                return false;
            }

            if (v.Get(Total) is null && items.IsEmpty)
            {
                context.ErrorBelow(DocumentErrorCodes.Value, "A measurement has a total, item scores, or both (or a mean for a mean-scored instrument).");
                return false;
            }

            if (items.IsEmpty || !BuiltInInstruments.TryGet(v.Get(Instrument), out var known))
            {
                return true;
            }

            var ok = true;
            if (known.ItemCount is { } count && items.Count != count)
            {
                context.ErrorBelow(DocumentErrorCodes.Value, string.Create(CultureInfo.InvariantCulture, $"{known.Name} has {count} items; {items.Count} were given."), PathSegment.Named("items"));
                ok = false;
            }

            if (known.ItemMax is { } max)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] < known.ItemMin || items[i] > max)
                    {
                        context.ErrorBelow(
                            DocumentErrorCodes.Value,
                            string.Create(CultureInfo.InvariantCulture, $"{known.Name} item {i + 1} must be between {known.ItemMin} and {max}."),
                            PathSegment.Named("items"),
                            PathSegment.At(i));
                        ok = false;
                    }
                }
            }

            return ok;
        }
    }

    /// <summary>A clinician's part in a session.</summary>
    internal static class SessionClinicianShape
    {
        public static readonly Member<SessionClinician, ClinicianId> Id = new("id", "The clinician's opaque id: 1 to 64 ASCII letters, digits, '-' or '_' (never a name).", ClinicianIdCodec, static c => c.Id, required: true);
        public static readonly Member<SessionClinician, ClinicianRole> Role = new("role", "The clinician's part: lead (the therapist or lead facilitator) or coTherapist (default lead).", Codecs.Enum<ClinicianRole>(), static c => c.Role, defaultValue: ClinicianRole.Lead, alwaysWrite: true);

        public static readonly ObjectShape<SessionClinician> Shape = new(
            "A clinician's part in one session.",
            [Id, Role],
            static v => new SessionClinician(v.Get(Id), v.Get(Role)));
    }

    /// <summary>Who was present at a group session.</summary>
    internal static class SessionGroupShape
    {
        public static readonly Member<SessionGroup, int?> MembersPresent = new("membersPresent", "The number of members present, the patient included (0 to 1000).", OptionalInt, static g => g.MembersPresent, check: static (v, name) => Check.InRange(v, 0, 1000, name));
        public static readonly Member<SessionGroup, ValueList<MemberId>> Members = new("members", "The opaque ids of the other members present (never names).", Codecs.List(Codecs.Id<MemberId>(MemberId.TryFrom, static id => id.Value, "a member id", IdSyntax.TokenRule)), static g => g.Members);

        public static readonly ObjectShape<SessionGroup> Shape = new(
            "Who was present at one group session: a count, the other members' opaque ids, or both.",
            [MembersPresent, Members],
            static v => new SessionGroup { MembersPresent = v.Get(MembersPresent), Members = v.Get(Members) });
    }

    /// <summary>One session.</summary>
    internal static class SessionShape
    {
        public static readonly Member<Session, int> Number = new("number", "The 1-based session number.", Codecs.Int, static s => s.Number, required: true, check: Check.Positive);
        public static readonly Member<Session, LocalDate?> Date = new("date", "The date, when scheduled or held (YYYY-MM-DD).", OptionalDate, static s => s.Date);
        public static readonly Member<Session, Duration?> Length = new("length", "The length (ISO-8601 duration, longer than zero and at most 24 hours, such as 'PT50M').", OptionalDuration, static s => s.Length, check: Check.PositiveDuration);
        public static readonly Member<Session, Phase> Phase = new("phase", "The phase the session belongs to.", Codecs.Enum<Phase>(), static s => s.Phase, required: true);
        public static readonly Member<Session, SessionFormat> Format = new("format", "Who takes part: individual, group, joint or couple (default individual); how it reached the patient is delivery.", Codecs.Enum<SessionFormat>(), static s => s.Format, defaultValue: SessionFormat.Individual, alwaysWrite: true);
        public static readonly Member<Session, SessionStatus> Status = new("status", "What became of the session: its attendance (default planned; missed is did not attend).", Codecs.Enum<SessionStatus>(), static s => s.Status, defaultValue: SessionStatus.Planned, alwaysWrite: true);
        public static readonly Member<Session, ValueList<SessionTask>> Tasks = new("tasks", "The protocol tasks done in the session.", Codecs.List(Codecs.Enum<SessionTask>()), static s => s.Tasks);
        public static readonly Member<Session, ValueList<TechniqueId>> Techniques = new(
            "techniques",
            "The techniques used, by technique catalogue id (kebab-case).",
            Codecs.List(Codecs.Id<TechniqueId>(TechniqueId.TryFrom, static id => id.Value, "a technique id", IdSyntax.KebabRule, Ipt.Protocol.Techniques.BuiltInTechniques.All.Select(static t => t.Id))),
            static s => s.Techniques);

        public static readonly Member<Session, ValueList<Measurement>> Measures = new(
            "measures",
            "The measures taken.",
            Codecs.List(MeasurementShape.Shape, static l => l.MaxMeasuresPerSession, "measurements", nameof(IptJsonLimits.MaxMeasuresPerSession)),
            static s => s.Measures);

        public static readonly Member<Session, string?> Notes = Text<Session>("notes", "The therapist's notes (free text; patient data).", static s => s.Notes);
        public static readonly Member<Session, DeliveryMode?> Delivery = new("delivery", "How the session reached the patient: inPerson, video or telephone.", OptionalEnum<DeliveryMode>(), static s => s.Delivery);
        public static readonly Member<Session, int?> Replaces = new("replaces", "For a make-up session, the number of the missed or cancelled session it replaces (1 or more).", OptionalInt, static s => s.Replaces, check: Check.Positive);
        public static readonly Member<Session, ValueList<PersonId>> Attendees = new("attendees", "The ids of the inventory persons who attended (a joint session with a parent, caregiver or partner).", PersonIds, static s => s.Attendees);
        public static readonly Member<Session, ValueList<SessionClinician>> Clinicians = new("clinicians", "The clinicians of the session, by opaque id, with their parts.", Codecs.List(SessionClinicianShape.Shape), static s => s.Clinicians);
        public static readonly Member<Session, SessionGroup?> Group = new("group", "Who was present at a group session (a count or opaque member ids; never names).", SessionGroupShape.Shape!, static s => s.Group);

        public static readonly ObjectShape<Session> Shape = new(
            "One meeting of the course.",
            [Number, Date, Length, Phase, Format, Delivery, Status, Replaces, Tasks, Techniques, Measures, Attendees, Clinicians, Group, Notes],
            static v => new Session(v.Get(Number), v.Get(Phase))
            {
                Date = v.Get(Date),
                Length = v.Get(Length),
                Format = v.Get(Format),
                Delivery = v.Get(Delivery),
                Status = v.Get(Status),
                Replaces = v.Get(Replaces),
                Tasks = v.Get(Tasks),
                Techniques = v.Get(Techniques),
                Measures = v.Get(Measures),
                Attendees = v.Get(Attendees),
                Clinicians = v.Get(Clinicians),
                Group = v.Get(Group),
                Notes = v.Get(Notes),
            });
    }

    /// <summary>One step of a goal.</summary>
    internal static class GoalStepShape
    {
        public static readonly Member<GoalStep, string> Description = new("description", "What the step is (free text; patient data).", Codecs.Text, static s => s.Description, required: true, check: Check.Text);
        public static readonly Member<GoalStep, bool> Done = new("done", "Whether the step is done (default false).", Codecs.Bool, static s => s.Done);
        public static readonly Member<GoalStep, int?> DoneAtSession = new("doneAtSession", "The session at which the step was reported done.", OptionalInt, static s => s.DoneAtSession, check: Check.Positive);

        public static readonly ObjectShape<GoalStep> Shape = new(
            "One manageable step of a goal.",
            [Description, Done, DoneAtSession],
            static v => new GoalStep { Description = v.Get(Description), Done = v.Get(Done), DoneAtSession = v.Get(DoneAtSession) });
    }

    /// <summary>One goal.</summary>
    internal static class GoalShape
    {
        public static readonly Member<Goal, GoalId> Id = new("id", "The goal's id: 1 to 64 ASCII letters, digits, '-' or '_'.", Codecs.Id<GoalId>(GoalId.TryFrom, static id => id.Value, "a goal id", IdSyntax.TokenRule), static g => g.Id, required: true);
        public static readonly Member<Goal, string> Description = new("description", "What the goal is (free text; patient data).", Codecs.Text, static g => g.Description, required: true, check: Check.Text);
        public static readonly Member<Goal, ProblemArea?> Area = new("area", "The problem area the goal serves.", OptionalEnum<ProblemArea>(), static g => g.Area);
        public static readonly Member<Goal, int?> SetAtSession = new("setAtSession", "The session at which the goal was set.", OptionalInt, static g => g.SetAtSession, check: Check.Positive);
        public static readonly Member<Goal, ValueList<GoalStep>> Steps = new("steps", "The steps, in order.", Codecs.List(GoalStepShape.Shape), static g => g.Steps);
        public static readonly Member<Goal, bool> Achieved = new("achieved", "Whether the goal is achieved (default false).", Codecs.Bool, static g => g.Achieved);

        public static readonly ObjectShape<Goal> Shape = new(
            "A specific goal broken into manageable steps.",
            [Id, Description, Area, SetAtSession, Steps, Achieved],
            static v => new Goal(v.Get(Id), v.Get(Description)) { Area = v.Get(Area), SetAtSession = v.Get(SetAtSession), Steps = v.Get(Steps), Achieved = v.Get(Achieved) });
    }

    /// <summary>One diary entry.</summary>
    internal static class DiaryEntryShape
    {
        public static readonly Member<InterpersonalEvent, LocalDate> Date = new("date", "The date of the interaction (YYYY-MM-DD).", Codecs.Date, static e => e.Date, required: true);
        public static readonly Member<InterpersonalEvent, ValueList<PersonId>> Persons = new("persons", "The ids of the inventory persons involved.", PersonIds, static e => e.Persons);
        public static readonly Member<InterpersonalEvent, string?> WhatHappened = Text<InterpersonalEvent>("whatHappened", "What happened (free text; patient data).", static e => e.WhatHappened);
        public static readonly Member<InterpersonalEvent, ValueList<Emotion>> Emotions = new("emotions", "The emotions felt.", Codecs.List(Codecs.Enum<Emotion>()), static e => e.Emotions);
        public static readonly Member<InterpersonalEvent, int?> Mood = new("mood", "The mood after the interaction, from 0 (lowest) to 10 (best).", OptionalInt, static e => e.Mood, check: static (v, name) => Check.InRange(v, InterpersonalEvent.MoodMin, InterpersonalEvent.MoodMax, name));
        public static readonly Member<InterpersonalEvent, string?> Pattern = Text<InterpersonalEvent>("pattern", "A pattern the patient noticed (free text; patient data).", static e => e.Pattern);

        public static readonly ObjectShape<InterpersonalEvent> Shape = new(
            "A between-session diary entry: an interaction with people of the inventory.",
            [Date, Persons, WhatHappened, Emotions, Mood, Pattern],
            static v => new InterpersonalEvent
            {
                Date = v.Get(Date),
                Persons = v.Get(Persons),
                WhatHappened = v.Get(WhatHappened),
                Emotions = v.Get(Emotions),
                Mood = v.Get(Mood),
                Pattern = v.Get(Pattern),
            });
    }

    /// <summary>Where the course stands.</summary>
    internal static class LifecycleShape
    {
        public static readonly Member<CourseLifecycle, CourseStatus> Status = new("status", "Where the course stands: active, completed or endedEarly.", Codecs.Enum<CourseStatus>(), static l => l.Status, required: true);
        public static readonly Member<CourseLifecycle, LocalDate?> AsOf = new("asOf", "The date the record describes: when it was fetched or last brought up to date (YYYY-MM-DD).", OptionalDate, static l => l.AsOf);
        public static readonly Member<CourseLifecycle, LocalDate?> EndedOn = new("endedOn", "The date the course ended (YYYY-MM-DD).", OptionalDate, static l => l.EndedOn);
        public static readonly Member<CourseLifecycle, EndReason?> EndReason = new("endReason", "Why the course ended early: patientWithdrew, lostToContact, transferred, referredOn, clinicianEnded or other.", OptionalEnum<EndReason>(), static l => l.EndReason);

        public static readonly ObjectShape<CourseLifecycle> Shape = new(
            "Where the course stands (active as of a date, completed, or ended early with the date and reason). Without it, the course is judged from its sessions.",
            [Status, AsOf, EndedOn, EndReason],
            static v => new CourseLifecycle(v.Get(Status)) { AsOf = v.Get(AsOf), EndedOn = v.Get(EndedOn), EndReason = v.Get(EndReason) });
    }

    /// <summary>The therapy group of a group course.</summary>
    internal static class CourseGroupShape
    {
        public static readonly Member<CourseGroup, GroupId> Id = new("id", "The group's opaque id: 1 to 64 ASCII letters, digits, '-' or '_'.", Codecs.Id<GroupId>(GroupId.TryFrom, static id => id.Value, "a group id", IdSyntax.TokenRule), static g => g.Id, required: true);
        public static readonly Member<CourseGroup, int?> MembersAtStart = new("membersAtStart", "The number of members the group started with (1 or more).", OptionalInt, static g => g.MembersAtStart, check: Check.Positive);

        public static readonly ObjectShape<CourseGroup> Shape = new(
            "The therapy group a group course is delivered in.",
            [Id, MembersAtStart],
            static v => new CourseGroup(v.Get(Id)) { MembersAtStart = v.Get(MembersAtStart) });
    }

    /// <summary>One supervision of the course.</summary>
    internal static class SupervisionShape
    {
        public static readonly Member<SupervisionRecord, LocalDate> Date = new("date", "The date of the supervision (YYYY-MM-DD).", Codecs.Date, static s => s.Date, required: true);
        public static readonly Member<SupervisionRecord, ClinicianId> Supervisor = new("supervisor", "The supervisor's opaque id (never a name).", ClinicianIdCodec, static s => s.Supervisor, required: true);
        public static readonly Member<SupervisionRecord, ValueList<int>> Sessions = new("sessions", "The numbers of the sessions discussed (1 or more each).", Codecs.List(Codecs.Int), static s => s.Sessions, check: Check.AllPositive);
        public static readonly Member<SupervisionRecord, string?> Notes = Text<SupervisionRecord>("notes", "Notes on the supervision (free text; patient data).", static s => s.Notes);

        public static readonly ObjectShape<SupervisionRecord> Shape = new(
            "A supervision of the course: its date, the supervisor and the sessions discussed.",
            [Date, Supervisor, Sessions, Notes],
            static v => new SupervisionRecord(v.Get(Date), v.Get(Supervisor)) { Sessions = v.Get(Sessions), Notes = v.Get(Notes) });
    }

    /// <summary>One dated life event.</summary>
    internal static class LifeEventShape
    {
        public static readonly Member<LifeEvent, LifeEventKind> Kind = new("kind", "What happened: death, birth, separation, move, jobLoss, illness, retirement or other.", Codecs.Enum<LifeEventKind>(), static e => e.Kind, required: true);
        public static readonly Member<LifeEvent, LocalDate> Date = new("date", "When it happened (YYYY-MM-DD).", Codecs.Date, static e => e.Date, required: true);
        public static readonly Member<LifeEvent, ValueList<PersonId>> Persons = new("persons", "The ids of the inventory persons the event concerns (the person who died, for a death).", PersonIds, static e => e.Persons);
        public static readonly Member<LifeEvent, string?> Notes = Text<LifeEvent>("notes", "Notes on the event (free text; patient data).", static e => e.Notes);

        public static readonly ObjectShape<LifeEvent> Shape = new(
            "A dated life event around the onset of symptoms.",
            [Kind, Date, Persons, Notes],
            static v => new LifeEvent(v.Get(Kind), v.Get(Date)) { Persons = v.Get(Persons), Notes = v.Get(Notes) });
    }

    /// <summary>Measurements taken outside the sessions.</summary>
    internal static class AssessmentShape
    {
        public static readonly Member<Assessment, AssessmentOccasion> Occasion = new("occasion", "When, relative to the course: intake, screening, preTreatment, followUp or other.", Codecs.Enum<AssessmentOccasion>(), static a => a.Occasion, required: true);
        public static readonly Member<Assessment, LocalDate> Date = new("date", "The date of the measurements (YYYY-MM-DD).", Codecs.Date, static a => a.Date, required: true);
        public static readonly Member<Assessment, ValueList<Measurement>> Measures = new(
            "measures",
            "The measurements.",
            Codecs.List(MeasurementShape.Shape, static l => l.MaxMeasuresPerSession, "measurements", nameof(IptJsonLimits.MaxMeasuresPerSession)),
            static a => a.Measures);

        public static readonly ObjectShape<Assessment> Shape = new(
            "Measurements taken outside the sessions: at intake or screening, before treatment, or at follow-up.",
            [Occasion, Date, Measures],
            static v => new Assessment(v.Get(Occasion), v.Get(Date)) { Measures = v.Get(Measures) });
    }

    /// <summary>The root of a course document.</summary>
    internal static class CourseShape
    {
        public static readonly Member<Course, int> SchemaVersion = new(
            "schemaVersion",
            "The version of the document format; this library writes version 2 and reads versions 1 (migrated) and 2.",
            Codecs.Int,
            static _ => CourseJson.CurrentVersion,
            required: true,
            check: static (v, _) => v == CourseJson.CurrentVersion ? null : CourseJson.VersionMessage(v));

        public static readonly Member<Course, ProtocolId> Protocol = new("protocol", "The id of the protocol variant the course follows, such as 'ipt' (see docs/protocols.md).", Codecs.Id<ProtocolId>(ProtocolId.TryFrom, static id => id.Value, "a protocol id", IdSyntax.KebabRule, Ipt.Protocol.Protocols.BuiltInProtocols.All.Select(static p => p.Id)), static c => c.Protocol, required: true);
        public static readonly Member<Course, int?> PatientAge = new("patientAge", "The patient's age in years at the start of the course (0 to 130).", OptionalInt, static c => c.PatientAge, check: static (v, name) => Check.InRange(v, 0, Course.MaxAge, name));
        public static readonly Member<Course, CareSetting?> Setting = new("setting", "Where the course is delivered (descriptive).", OptionalEnum<CareSetting>(), static c => c.Setting);
        public static readonly Member<Course, Contract?> Contract = new("contract", "The treatment contract, once agreed.", ContractShape.Shape!, static c => c.Contract);
        public static readonly Member<Course, ValueList<Renegotiation>> Renegotiations = new("renegotiations", "Changes of the contract, in the order they happened.", Codecs.List(RenegotiationShape.Shape), static c => c.Renegotiations);
        public static readonly Member<Course, Formulation?> Formulation = new("formulation", "The interpersonal formulation, once made.", FormulationShape.Shape!, static c => c.Formulation);
        public static readonly Member<Course, SickRole?> SickRole = new("sickRole", "The sick role, once given.", SickRoleShape.Shape!, static c => c.SickRole);
        public static readonly Member<Course, InterpersonalInventory?> Inventory = new(
            "inventory",
            "The interpersonal inventory: the significant people, placed on a closeness circle.",
            InventoryShape.Shape!,
            static c => c.Inventory,
            omit: static c => c.Inventory.IsEmpty && c.Inventory.Rings == InterpersonalInventory.DefaultRings);

        public static readonly Member<Course, ValueList<Session>> Sessions = new(
            "sessions",
            "The sessions, planned and past.",
            Codecs.List(SessionShape.Shape, static l => l.MaxSessions, "sessions", nameof(IptJsonLimits.MaxSessions)),
            static c => c.Sessions);

        public static readonly Member<Course, ValueList<Goal>> Goals = new("goals", "The goals.", Codecs.List(GoalShape.Shape), static c => c.Goals);
        public static readonly Member<Course, ValueList<InterpersonalEvent>> Diary = new("diary", "The between-session diary of interpersonal events.", Codecs.List(DiaryEntryShape.Shape), static c => c.Diary);
        public static readonly Member<Course, CourseLifecycle?> Lifecycle = new("lifecycle", "Where the course stands: active (as of a date), completed, or ended early with the date and reason.", LifecycleShape.Shape!, static c => c.Lifecycle);
        public static readonly Member<Course, ClinicianId?> Therapist = new("therapist", "The opaque id of the course's therapist (the lead facilitator of a group course).", Codecs.Nullable(ClinicianIdCodec), static c => c.Therapist);
        public static readonly Member<Course, CourseGroup?> Group = new("group", "The therapy group of a group course.", CourseGroupShape.Shape!, static c => c.Group);
        public static readonly Member<Course, LocalDate?> Onset = new("onset", "The date the symptoms began (YYYY-MM-DD).", OptionalDate, static c => c.Onset);
        public static readonly Member<Course, ValueList<LifeEvent>> LifeEvents = new("lifeEvents", "The dated life events around the onset (deaths, births, separations, moves, job losses, illnesses).", Codecs.List(LifeEventShape.Shape), static c => c.LifeEvents);
        public static readonly Member<Course, ValueList<Assessment>> Assessments = new("assessments", "The measurements taken outside the sessions (intake, screening, pre-treatment, follow-up).", Codecs.List(AssessmentShape.Shape), static c => c.Assessments);
        public static readonly Member<Course, ValueList<SupervisionRecord>> Supervision = new("supervision", "The supervisions of the course.", Codecs.List(SupervisionShape.Shape), static c => c.Supervision);

        public static readonly ObjectShape<Course> Shape = new(
            "An Interpersonal Psychotherapy (IPT) course: one patient's contracted episode under one protocol variant.",
            [SchemaVersion, Protocol, Lifecycle, PatientAge, Setting, Therapist, Group, Onset, Contract, Renegotiations, Formulation, SickRole, Inventory, LifeEvents, Assessments, Sessions, Supervision, Goals, Diary],
            static v => new Course(v.Get(Protocol))
            {
                Lifecycle = v.Get(Lifecycle),
                Therapist = v.Get(Therapist),
                Group = v.Get(Group),
                Onset = v.Get(Onset),
                LifeEvents = v.Get(LifeEvents),
                Assessments = v.Get(Assessments),
                Supervision = v.Get(Supervision),
                PatientAge = v.Get(PatientAge),
                Setting = v.Get(Setting),
                Contract = v.Get(Contract),
                Renegotiations = v.Get(Renegotiations),
                Formulation = v.Get(Formulation),
                SickRole = v.Get(SickRole),
                Inventory = v.Get(Inventory) ?? InterpersonalInventory.Empty,
                Sessions = v.Get(Sessions),
                Goals = v.Get(Goals),
                Diary = v.Get(Diary),
            });
    }

    /// <summary>An optional free-text member: within <see cref="IptJsonLimits.MaxStringLength"/>, 1 to 10,000 characters.</summary>
    private static Member<TModel, string?> Text<TModel>(string name, string description, Func<TModel, string?> get) =>
        new(name, description, Codecs.Text!, get, check: Check.Text);
}
