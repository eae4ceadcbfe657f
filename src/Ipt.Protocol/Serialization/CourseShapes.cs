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
        public static readonly Member<Renegotiation, bool> ChangesFocus = new("changesFocus", "Whether the focus was changed with this renegotiation (default false).", Codecs.Bool, static r => r.ChangesFocus);

        public static readonly ObjectShape<Renegotiation> Shape = new(
            "An explicit, dated change of the contract agreed at a session; members left out are unchanged.",
            [AtSession, Date, Reason, Sessions, Frequency, SessionLength, ChangesFocus],
            static v => new Renegotiation
            {
                AtSession = v.Get(AtSession),
                Date = v.Get(Date),
                Reason = v.Get(Reason),
                Sessions = v.Get(Sessions),
                Frequency = v.Get(Frequency),
                SessionLength = v.Get(SessionLength),
                ChangesFocus = v.Get(ChangesFocus),
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

    /// <summary>The interpersonal formulation.</summary>
    internal static class FormulationShape
    {
        public static readonly Member<Formulation, ValueList<FocusArea>> Areas = new("areas", "The focus areas: one primary and at most one secondary.", Codecs.List(FocusAreaShape.Shape), static f => f.Areas);
        public static readonly Member<Formulation, int?> ChosenAtSession = new("chosenAtSession", "The session at which the focus was (last) chosen.", OptionalInt, static f => f.ChosenAtSession, check: Check.Positive);
        public static readonly Member<Formulation, int?> PresentedAtSession = new("presentedAtSession", "The session at which the formulation was presented to the patient.", OptionalInt, static f => f.PresentedAtSession, check: Check.Positive);
        public static readonly Member<Formulation, bool> Agreed = new("agreed", "Whether the patient explicitly agreed to the formulation (default false).", Codecs.Bool, static f => f.Agreed);
        public static readonly Member<Formulation, int?> AgreedAtSession = new("agreedAtSession", "The session at which the patient agreed.", OptionalInt, static f => f.AgreedAtSession, check: Check.Positive);
        public static readonly Member<Formulation, LocalDate?> AgreedOn = new("agreedOn", "The date of the agreement (YYYY-MM-DD).", OptionalDate, static f => f.AgreedOn);
        public static readonly Member<Formulation, string?> Notes = new("notes", "The formulation text (free text; patient data).", Codecs.Text!, static f => f.Notes, check: Check.Text);

        public static readonly ObjectShape<Formulation> Shape = new(
            "The interpersonal formulation: the chosen focus, presented to the patient and (when accepted) agreed.",
            [Areas, ChosenAtSession, PresentedAtSession, Agreed, AgreedAtSession, AgreedOn, Notes],
            static v => new Formulation
            {
                Areas = v.Get(Areas),
                ChosenAtSession = v.Get(ChosenAtSession),
                PresentedAtSession = v.Get(PresentedAtSession),
                Agreed = v.Get(Agreed),
                AgreedAtSession = v.Get(AgreedAtSession),
                AgreedOn = v.Get(AgreedOn),
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
        public static readonly Member<InventoryPerson, bool> Deceased = new("deceased", "Whether the person has died (default false).", Codecs.Bool, static p => p.Deceased);
        public static readonly Member<InventoryPerson, LocalDate?> DiedOn = new("diedOn", "The date of death (YYYY-MM-DD).", OptionalDate, static p => p.DiedOn);

        public static readonly ObjectShape<InventoryPerson> Shape = new(
            "One significant person, referred to everywhere else by id. The label and every free-text member are patient data.",
            [Id, Label, Relationship, Ring, Contact, SharedActivities, Positives, Negatives, PatientExpectations, OtherExpectations, ExpectationsMet,
             CanDiscuss, CannotDiscuss, Conflicts, ConflictsResolved, KnowsAboutMood, WouldLikeToChange, Support, ChangedNearOnset, RelatedArea, Deceased, DiedOn],
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
                DiedOn = v.Get(DiedOn),
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
        public static readonly Member<Measurement, InstrumentId> Instrument = new("instrument", "The instrument's id (kebab-case), such as 'phq-9'.", Codecs.Id<InstrumentId>(InstrumentId.TryFrom, static id => id.Value, "an instrument id", IdSyntax.KebabRule, Instruments.All.Select(static i => i.Id)), static m => m.Instrument, required: true);
        public static readonly Member<Measurement, int?> Total = new("total", "The recorded total (0 or more).", OptionalInt, static m => m.Total, check: Check.NonNegative);
        public static readonly Member<Measurement, ValueList<int>> Items = new("items", "The item scores in item order.", Codecs.List(Codecs.Int), static m => m.Items);

        public static readonly ObjectShape<Measurement> Shape = new(
            "One administration of an instrument: a total, item scores in item order, or both. For a built-in instrument the item count and item range are checked.",
            [Instrument, Total, Items],
            static v => new Measurement(v.Get(Instrument), v.Get(Total), v.Get(Items)),
            validate: static (v, context, _) => !v.AllRead || CheckItems(v, context));

        private static bool CheckItems(Values v, ReadContext context)
        {
            var items = v.Get(Items);
            if (v.Get(Total) is null && items.IsEmpty)
            {
                context.ErrorBelow(DocumentErrorCodes.Value, "A measurement has a total, item scores, or both.");
                return false;
            }

            if (items.IsEmpty || !Instruments.TryGet(v.Get(Instrument), out var known))
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

    /// <summary>One session.</summary>
    internal static class SessionShape
    {
        public static readonly Member<Session, int> Number = new("number", "The 1-based session number.", Codecs.Int, static s => s.Number, required: true, check: Check.Positive);
        public static readonly Member<Session, LocalDate?> Date = new("date", "The date, when scheduled or held (YYYY-MM-DD).", OptionalDate, static s => s.Date);
        public static readonly Member<Session, Duration?> Length = new("length", "The length (ISO-8601 duration, longer than zero and at most 24 hours, such as 'PT50M').", OptionalDuration, static s => s.Length, check: Check.PositiveDuration);
        public static readonly Member<Session, Phase> Phase = new("phase", "The phase the session belongs to.", Codecs.Enum<Phase>(), static s => s.Phase, required: true);
        public static readonly Member<Session, SessionFormat> Format = new("format", "How the session is delivered (default individual).", Codecs.Enum<SessionFormat>(), static s => s.Format, defaultValue: SessionFormat.Individual, alwaysWrite: true);
        public static readonly Member<Session, SessionStatus> Status = new("status", "What became of the session (default planned).", Codecs.Enum<SessionStatus>(), static s => s.Status, defaultValue: SessionStatus.Planned, alwaysWrite: true);
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

        public static readonly ObjectShape<Session> Shape = new(
            "One meeting of the course.",
            [Number, Date, Length, Phase, Format, Status, Tasks, Techniques, Measures, Notes],
            static v => new Session(v.Get(Number), v.Get(Phase))
            {
                Date = v.Get(Date),
                Length = v.Get(Length),
                Format = v.Get(Format),
                Status = v.Get(Status),
                Tasks = v.Get(Tasks),
                Techniques = v.Get(Techniques),
                Measures = v.Get(Measures),
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

    /// <summary>The root of a course document.</summary>
    internal static class CourseShape
    {
        public static readonly Member<Course, int> SchemaVersion = new(
            "schemaVersion",
            "The version of the document format; this library writes and reads version 1.",
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

        public static readonly ObjectShape<Course> Shape = new(
            "An Interpersonal Psychotherapy (IPT) course: one patient's contracted episode under one protocol variant.",
            [SchemaVersion, Protocol, PatientAge, Setting, Contract, Renegotiations, Formulation, SickRole, Inventory, Sessions, Goals, Diary],
            static v => new Course(v.Get(Protocol))
            {
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
