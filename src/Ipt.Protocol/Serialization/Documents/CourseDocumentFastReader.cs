using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Ipt.Protocol.Serialization.Converters;
using NodaTime;

namespace Ipt.Protocol.Serialization.Documents;

/// <summary>
/// Reads a well-formed, valid course document into its document shape with one
/// <see cref="Utf8JsonReader"/> pass and no serializer metadata: the fast path of
/// <see cref="CourseJsonReader"/>. It accepts only what the source-generated serializer
/// (<see cref="DocumentJsonContext"/>) accepts and builds the same document; at the first thing it
/// is not sure of (an unknown, duplicate, escaped or missing member, a null, a wrong token, a bad
/// value, nesting too deep, trailing content) it gives up and returns <see langword="null"/>, and the
/// caller reads the document again with the serializer, whose errors it reports. So errors have one
/// source, and this reader only has to be right about valid documents.
/// </summary>
/// <remarks>
/// Why: the serializer's metadata-driven read took about five times as long as walking the tokens
/// (docs/performance.md). The fuzz tests check, for every mutated document, that this reader
/// accepts nothing the serializer refuses and gives the same course when it accepts.
/// </remarks>
internal static class CourseDocumentFastReader
{
    private static readonly JsonSerializerOptions Options = DocumentJsonContext.Default.Options;
    private static readonly CamelCaseEnumJsonConverter<CareSetting> CareSettings = new();
    private static readonly CamelCaseEnumJsonConverter<ProblemArea> ProblemAreas = new();
    private static readonly CamelCaseEnumJsonConverter<FocusRank> FocusRanks = new();
    private static readonly CamelCaseEnumJsonConverter<RoleDisputeStage> DisputeStages = new();
    private static readonly CamelCaseEnumJsonConverter<Relationship> Relationships = new();
    private static readonly CamelCaseEnumJsonConverter<ContactFrequency> ContactFrequencies = new();
    private static readonly CamelCaseEnumJsonConverter<SupportKind> SupportKinds = new();
    private static readonly CamelCaseEnumJsonConverter<Phase> Phases = new();
    private static readonly CamelCaseEnumJsonConverter<SessionFormat> SessionFormats = new();
    private static readonly CamelCaseEnumJsonConverter<SessionStatus> SessionStatuses = new();
    private static readonly CamelCaseEnumJsonConverter<SessionTask> SessionTasks = new();
    private static readonly CamelCaseEnumJsonConverter<Emotion> Emotions = new();

    private delegate T ElementReader<T>(ref Utf8JsonReader reader);

    /// <summary>Reads a document, or returns <see langword="null"/> when the serializer must read it (see the class remarks).</summary>
    /// <param name="json">The document, without a byte order mark.</param>
    /// <param name="maxDepth">The nesting limit, as given to the serializer.</param>
    /// <returns>The document, or <see langword="null"/>.</returns>
    [SuppressMessage("Design", "CA1031", Justification = "Any doubt sends the document to the serializer, which reports it.")]
    public static CourseDocument? TryRead(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        try
        {
            Next(ref reader);
            var document = ReadCourse(ref reader);
            return reader.Read() ? null : document;
        }
        catch (Exception ex) when (ex is GiveUpException or JsonException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static CourseDocument ReadCourse(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new CourseDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var member = CourseMember(r.ValueSpan);
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.SchemaVersion = Int(ref r); break;
                case 1: d.Protocol = String(ref r); break;
                case 2: d.PatientAge = Int(ref r); break;
                case 3: d.Setting = CareSettings.Read(ref r, typeof(CareSetting), Options); break;
                case 4: d.Contract = ReadContract(ref r); break;
                case 5: d.Renegotiations = List(ref r, ReadRenegotiation); break;
                case 6: d.Formulation = ReadFormulation(ref r); break;
                case 7: d.SickRole = ReadSickRole(ref r); break;
                case 8: d.Inventory = ReadInventory(ref r); break;
                case 9: d.Sessions = List(ref r, ReadSession); break;
                case 10: d.Goals = List(ref r, ReadGoal); break;
                default: d.Diary = List(ref r, ReadDiaryEntry); break;
            }
        }

        Require(seen, 0b11);
        return d;
    }

    private static int CourseMember(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("schemaVersion"u8) ? 0
        : name.SequenceEqual("protocol"u8) ? 1
        : name.SequenceEqual("patientAge"u8) ? 2
        : name.SequenceEqual("setting"u8) ? 3
        : name.SequenceEqual("contract"u8) ? 4
        : name.SequenceEqual("renegotiations"u8) ? 5
        : name.SequenceEqual("formulation"u8) ? 6
        : name.SequenceEqual("sickRole"u8) ? 7
        : name.SequenceEqual("inventory"u8) ? 8
        : name.SequenceEqual("sessions"u8) ? 9
        : name.SequenceEqual("goals"u8) ? 10
        : name.SequenceEqual("diary"u8) ? 11
        : Unknown();

    private static ContractDocument ReadContract(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new ContractDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("sessions"u8) ? 0
                : name.SequenceEqual("frequency"u8) ? 1
                : name.SequenceEqual("sessionLength"u8) ? 2
                : name.SequenceEqual("startDate"u8) ? 3
                : name.SequenceEqual("agreedAtSession"u8) ? 4
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Sessions = Int(ref r); break;
                case 1: d.Frequency = Period(ref r); break;
                case 2: d.SessionLength = Duration(ref r); break;
                case 3: d.StartDate = Date(ref r); break;
                default: d.AgreedAtSession = Int(ref r); break;
            }
        }

        Require(seen, 0b1);
        return d;
    }

    private static RenegotiationDocument ReadRenegotiation(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new RenegotiationDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("atSession"u8) ? 0
                : name.SequenceEqual("date"u8) ? 1
                : name.SequenceEqual("reason"u8) ? 2
                : name.SequenceEqual("sessions"u8) ? 3
                : name.SequenceEqual("frequency"u8) ? 4
                : name.SequenceEqual("sessionLength"u8) ? 5
                : name.SequenceEqual("changesFocus"u8) ? 6
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.AtSession = Int(ref r); break;
                case 1: d.Date = Date(ref r); break;
                case 2: d.Reason = String(ref r); break;
                case 3: d.Sessions = Int(ref r); break;
                case 4: d.Frequency = Period(ref r); break;
                case 5: d.SessionLength = Duration(ref r); break;
                default: d.ChangesFocus = Bool(ref r); break;
            }
        }

        Require(seen, 0b1);
        return d;
    }

    private static FormulationDocument ReadFormulation(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new FormulationDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("areas"u8) ? 0
                : name.SequenceEqual("chosenAtSession"u8) ? 1
                : name.SequenceEqual("presentedAtSession"u8) ? 2
                : name.SequenceEqual("agreed"u8) ? 3
                : name.SequenceEqual("agreedAtSession"u8) ? 4
                : name.SequenceEqual("agreedOn"u8) ? 5
                : name.SequenceEqual("notes"u8) ? 6
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Areas = List(ref r, ReadFocusArea); break;
                case 1: d.ChosenAtSession = Int(ref r); break;
                case 2: d.PresentedAtSession = Int(ref r); break;
                case 3: d.Agreed = Bool(ref r); break;
                case 4: d.AgreedAtSession = Int(ref r); break;
                case 5: d.AgreedOn = Date(ref r); break;
                default: d.Notes = String(ref r); break;
            }
        }

        return d;
    }

    private static FocusAreaDocument ReadFocusArea(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new FocusAreaDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("area"u8) ? 0
                : name.SequenceEqual("rank"u8) ? 1
                : name.SequenceEqual("disputeStage"u8) ? 2
                : name.SequenceEqual("persons"u8) ? 3
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Area = ProblemAreas.Read(ref r, typeof(ProblemArea), Options); break;
                case 1: d.Rank = FocusRanks.Read(ref r, typeof(FocusRank), Options); break;
                case 2: d.DisputeStage = DisputeStages.Read(ref r, typeof(RoleDisputeStage), Options); break;
                default: d.Persons = List(ref r, String); break;
            }
        }

        Require(seen, 0b1);
        return d;
    }

    private static SickRoleDocument ReadSickRole(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new SickRoleDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("grantedAtSession"u8) ? 0
                : name.SequenceEqual("limited"u8) ? 1
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            if (member == 0)
            {
                d.GrantedAtSession = Int(ref r);
            }
            else
            {
                d.Limited = Bool(ref r);
            }
        }

        Require(seen, 0b1);
        return d;
    }

    private static InventoryDocument ReadInventory(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new InventoryDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("rings"u8) ? 0
                : name.SequenceEqual("persons"u8) ? 1
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            if (member == 0)
            {
                d.Rings = Int(ref r);
            }
            else
            {
                d.Persons = List(ref r, ReadPerson);
            }
        }

        return d;
    }

    private static PersonDocument ReadPerson(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new PersonDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var member = PersonMember(r.ValueSpan);
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Id = String(ref r); break;
                case 1: d.Label = String(ref r); break;
                case 2: d.Relationship = Relationships.Read(ref r, typeof(Relationship), Options); break;
                case 3: d.Ring = Int(ref r); break;
                case 4: d.Contact = ContactFrequencies.Read(ref r, typeof(ContactFrequency), Options); break;
                case 5: d.SharedActivities = String(ref r); break;
                case 6: d.Positives = String(ref r); break;
                case 7: d.Negatives = String(ref r); break;
                case 8: d.PatientExpectations = String(ref r); break;
                case 9: d.OtherExpectations = String(ref r); break;
                case 10: d.ExpectationsMet = Bool(ref r); break;
                case 11: d.CanDiscuss = String(ref r); break;
                case 12: d.CannotDiscuss = String(ref r); break;
                case 13: d.Conflicts = String(ref r); break;
                case 14: d.ConflictsResolved = Bool(ref r); break;
                case 15: d.KnowsAboutMood = Bool(ref r); break;
                case 16: d.WouldLikeToChange = String(ref r); break;
                case 17: d.Support = List(ref r, static (ref Utf8JsonReader x) => SupportKinds.Read(ref x, typeof(SupportKind), Options)); break;
                case 18: d.ChangedNearOnset = Bool(ref r); break;
                case 19: d.RelatedArea = ProblemAreas.Read(ref r, typeof(ProblemArea), Options); break;
                case 20: d.Deceased = Bool(ref r); break;
                default: d.DiedOn = Date(ref r); break;
            }
        }

        Require(seen, 0b101);
        return d;
    }

    private static int PersonMember(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("id"u8) ? 0
        : name.SequenceEqual("label"u8) ? 1
        : name.SequenceEqual("relationship"u8) ? 2
        : name.SequenceEqual("ring"u8) ? 3
        : name.SequenceEqual("contact"u8) ? 4
        : name.SequenceEqual("sharedActivities"u8) ? 5
        : name.SequenceEqual("positives"u8) ? 6
        : name.SequenceEqual("negatives"u8) ? 7
        : name.SequenceEqual("patientExpectations"u8) ? 8
        : name.SequenceEqual("otherExpectations"u8) ? 9
        : name.SequenceEqual("expectationsMet"u8) ? 10
        : name.SequenceEqual("canDiscuss"u8) ? 11
        : name.SequenceEqual("cannotDiscuss"u8) ? 12
        : name.SequenceEqual("conflicts"u8) ? 13
        : name.SequenceEqual("conflictsResolved"u8) ? 14
        : name.SequenceEqual("knowsAboutMood"u8) ? 15
        : name.SequenceEqual("wouldLikeToChange"u8) ? 16
        : name.SequenceEqual("support"u8) ? 17
        : name.SequenceEqual("changedNearOnset"u8) ? 18
        : name.SequenceEqual("relatedArea"u8) ? 19
        : name.SequenceEqual("deceased"u8) ? 20
        : name.SequenceEqual("diedOn"u8) ? 21
        : Unknown();

    private static SessionDocument ReadSession(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new SessionDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("number"u8) ? 0
                : name.SequenceEqual("date"u8) ? 1
                : name.SequenceEqual("length"u8) ? 2
                : name.SequenceEqual("phase"u8) ? 3
                : name.SequenceEqual("format"u8) ? 4
                : name.SequenceEqual("status"u8) ? 5
                : name.SequenceEqual("tasks"u8) ? 6
                : name.SequenceEqual("techniques"u8) ? 7
                : name.SequenceEqual("measures"u8) ? 8
                : name.SequenceEqual("notes"u8) ? 9
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Number = Int(ref r); break;
                case 1: d.Date = Date(ref r); break;
                case 2: d.Length = Duration(ref r); break;
                case 3: d.Phase = Phases.Read(ref r, typeof(Phase), Options); break;
                case 4: d.Format = SessionFormats.Read(ref r, typeof(SessionFormat), Options); break;
                case 5: d.Status = SessionStatuses.Read(ref r, typeof(SessionStatus), Options); break;
                case 6: d.Tasks = List(ref r, static (ref Utf8JsonReader x) => SessionTasks.Read(ref x, typeof(SessionTask), Options)); break;
                case 7: d.Techniques = List(ref r, String); break;
                case 8: d.Measures = List(ref r, ReadMeasurement); break;
                default: d.Notes = String(ref r); break;
            }
        }

        Require(seen, 0b1001);
        return d;
    }

    private static MeasurementDocument ReadMeasurement(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new MeasurementDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("instrument"u8) ? 0
                : name.SequenceEqual("total"u8) ? 1
                : name.SequenceEqual("items"u8) ? 2
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Instrument = String(ref r); break;
                case 1: d.Total = Int(ref r); break;
                default: d.Items = List(ref r, Int); break;
            }
        }

        Require(seen, 0b1);
        return d;
    }

    private static GoalDocument ReadGoal(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new GoalDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("id"u8) ? 0
                : name.SequenceEqual("description"u8) ? 1
                : name.SequenceEqual("area"u8) ? 2
                : name.SequenceEqual("setAtSession"u8) ? 3
                : name.SequenceEqual("steps"u8) ? 4
                : name.SequenceEqual("achieved"u8) ? 5
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Id = String(ref r); break;
                case 1: d.Description = String(ref r); break;
                case 2: d.Area = ProblemAreas.Read(ref r, typeof(ProblemArea), Options); break;
                case 3: d.SetAtSession = Int(ref r); break;
                case 4: d.Steps = List(ref r, ReadGoalStep); break;
                default: d.Achieved = Bool(ref r); break;
            }
        }

        Require(seen, 0b11);
        return d;
    }

    private static GoalStepDocument ReadGoalStep(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new GoalStepDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("description"u8) ? 0
                : name.SequenceEqual("done"u8) ? 1
                : name.SequenceEqual("doneAtSession"u8) ? 2
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Description = String(ref r); break;
                case 1: d.Done = Bool(ref r); break;
                default: d.DoneAtSession = Int(ref r); break;
            }
        }

        Require(seen, 0b1);
        return d;
    }

    private static DiaryEntryDocument ReadDiaryEntry(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var d = new DiaryEntryDocument();
        var seen = 0u;
        while (NextMember(ref r))
        {
            var name = r.ValueSpan;
            var member = name.SequenceEqual("date"u8) ? 0
                : name.SequenceEqual("persons"u8) ? 1
                : name.SequenceEqual("whatHappened"u8) ? 2
                : name.SequenceEqual("emotions"u8) ? 3
                : name.SequenceEqual("mood"u8) ? 4
                : name.SequenceEqual("pattern"u8) ? 5
                : Unknown();
            Mark(ref seen, member);
            Next(ref r);
            switch (member)
            {
                case 0: d.Date = Date(ref r); break;
                case 1: d.Persons = List(ref r, String); break;
                case 2: d.WhatHappened = String(ref r); break;
                case 3: d.Emotions = List(ref r, static (ref Utf8JsonReader x) => Emotions.Read(ref x, typeof(Emotion), Options)); break;
                case 4: d.Mood = Int(ref r); break;
                default: d.Pattern = String(ref r); break;
            }
        }

        Require(seen, 0b1);
        return d;
    }

    private static List<T> List<T>(ref Utf8JsonReader r, ElementReader<T> element)
    {
        Expect(ref r, JsonTokenType.StartArray);
        var list = new List<T>();
        while (true)
        {
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(element(ref r));
        }
    }

    private static int Int(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.Number);
        return r.TryGetInt32(out var value) ? value : GiveUp<int>();
    }

    private static bool Bool(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => GiveUp<bool>(),
    };

    private static string String(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.String);
        return r.GetString()!;
    }

    private static LocalDate Date(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.String);
        return LocalDateJsonConverter.Instance.Read(ref r, typeof(LocalDate), Options);
    }

    private static Duration Duration(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.String);
        return DurationJsonConverter.Instance.Read(ref r, typeof(Duration), Options);
    }

    private static Period Period(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.String);
        return PeriodJsonConverter.Instance.Read(ref r, typeof(Period), Options);
    }

    /// <summary>Moves to the next member name, or returns <see langword="false"/> at the end of the object; an escaped name is left to the serializer.</summary>
    private static bool NextMember(ref Utf8JsonReader r)
    {
        Next(ref r);
        if (r.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        return r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped && !r.HasValueSequence ? true : GiveUp<bool>();
    }

    private static void Next(ref Utf8JsonReader r)
    {
        if (!r.Read())
        {
            GiveUp<bool>();
        }
    }

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (r.TokenType != type)
        {
            GiveUp<bool>();
        }
    }

    private static void Mark(ref uint seen, int member)
    {
        var bit = 1u << member;
        if ((seen & bit) != 0)
        {
            GiveUp<bool>();
        }

        seen |= bit;
    }

    private static void Require(uint seen, uint required)
    {
        if ((seen & required) != required)
        {
            GiveUp<bool>();
        }
    }

    private static int Unknown() => GiveUp<int>();

    [DoesNotReturn]
    private static T GiveUp<T>() => throw new GiveUpException();

    /// <summary>Thrown to leave the fast path; never escapes <see cref="TryRead"/>.</summary>
    private sealed class GiveUpException : Exception
    {
    }
}
