using System.Diagnostics.CodeAnalysis;
using System.Text;
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

    private static readonly Members CourseMembers = new(
        ["schemaVersion", "protocol", "patientAge", "setting", "contract", "renegotiations", "formulation", "sickRole", "inventory", "sessions", "goals", "diary"],
        "schemaVersion",
        "protocol");

    private static readonly Members ContractMembers = new(["sessions", "frequency", "sessionLength", "startDate", "agreedAtSession"], "sessions");
    private static readonly Members RenegotiationMembers = new(["atSession", "date", "reason", "sessions", "frequency", "sessionLength", "changesFocus"], "atSession");
    private static readonly Members FormulationMembers = new(["areas", "chosenAtSession", "presentedAtSession", "agreed", "agreedAtSession", "agreedOn", "notes"]);
    private static readonly Members FocusAreaMembers = new(["area", "rank", "disputeStage", "persons"], "area");
    private static readonly Members SickRoleMembers = new(["grantedAtSession", "limited"], "grantedAtSession");
    private static readonly Members InventoryMembers = new(["rings", "persons"]);

    private static readonly Members PersonMembers = new(
        ["id", "label", "relationship", "ring", "contact", "sharedActivities", "positives", "negatives", "patientExpectations", "otherExpectations", "expectationsMet",
         "canDiscuss", "cannotDiscuss", "conflicts", "conflictsResolved", "knowsAboutMood", "wouldLikeToChange", "support", "changedNearOnset", "relatedArea", "deceased", "diedOn"],
        "id",
        "relationship");

    private static readonly Members SessionMembers = new(["number", "date", "length", "phase", "format", "status", "tasks", "techniques", "measures", "notes"], "number", "phase");
    private static readonly Members MeasurementMembers = new(["instrument", "total", "items"], "instrument");
    private static readonly Members GoalMembers = new(["id", "description", "area", "setAtSession", "steps", "achieved"], "id", "description");
    private static readonly Members GoalStepMembers = new(["description", "done", "doneAtSession"], "description");
    private static readonly Members DiaryEntryMembers = new(["date", "persons", "whatHappened", "emotions", "mood", "pattern"], "date");

    private delegate T ElementReader<T>(ref Utf8JsonReader reader);

    /// <summary>Gets every document shape with the members this reader knows, so a test can hold them to the serializer's metadata.</summary>
    internal static IReadOnlyList<(Type Shape, Members Members)> Shapes { get; } =
    [
        (typeof(CourseDocument), CourseMembers),
        (typeof(ContractDocument), ContractMembers),
        (typeof(RenegotiationDocument), RenegotiationMembers),
        (typeof(FormulationDocument), FormulationMembers),
        (typeof(FocusAreaDocument), FocusAreaMembers),
        (typeof(SickRoleDocument), SickRoleMembers),
        (typeof(InventoryDocument), InventoryMembers),
        (typeof(PersonDocument), PersonMembers),
        (typeof(SessionDocument), SessionMembers),
        (typeof(MeasurementDocument), MeasurementMembers),
        (typeof(GoalDocument), GoalMembers),
        (typeof(GoalStepDocument), GoalStepMembers),
        (typeof(DiaryEntryDocument), DiaryEntryMembers),
    ];

    /// <summary>Reads the value of one member (by its index in the shape's <see cref="Members"/>) into the document.</summary>
    private delegate void MemberReader<in T>(ref Utf8JsonReader reader, T document, int member);

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

    // Each shape: its members (names in the order of the cases below, and the required ones) and
    // how each member's value is read. ReadObject does the rest (unknown, duplicate, missing).
    private static CourseDocument ReadCourse(ref Utf8JsonReader r) => ReadObject(ref r, new CourseDocument(), CourseMembers, static (ref Utf8JsonReader r, CourseDocument d, int member) =>
    {
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
    });

    private static ContractDocument ReadContract(ref Utf8JsonReader r) => ReadObject(ref r, new ContractDocument(), ContractMembers, static (ref Utf8JsonReader r, ContractDocument d, int member) =>
    {
        switch (member)
        {
            case 0: d.Sessions = Int(ref r); break;
            case 1: d.Frequency = Period(ref r); break;
            case 2: d.SessionLength = Duration(ref r); break;
            case 3: d.StartDate = Date(ref r); break;
            default: d.AgreedAtSession = Int(ref r); break;
        }
    });

    private static RenegotiationDocument ReadRenegotiation(ref Utf8JsonReader r) => ReadObject(ref r, new RenegotiationDocument(), RenegotiationMembers, static (ref Utf8JsonReader r, RenegotiationDocument d, int member) =>
    {
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
    });

    private static FormulationDocument ReadFormulation(ref Utf8JsonReader r) => ReadObject(ref r, new FormulationDocument(), FormulationMembers, static (ref Utf8JsonReader r, FormulationDocument d, int member) =>
    {
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
    });

    private static FocusAreaDocument ReadFocusArea(ref Utf8JsonReader r) => ReadObject(ref r, new FocusAreaDocument(), FocusAreaMembers, static (ref Utf8JsonReader r, FocusAreaDocument d, int member) =>
    {
        switch (member)
        {
            case 0: d.Area = ProblemAreas.Read(ref r, typeof(ProblemArea), Options); break;
            case 1: d.Rank = FocusRanks.Read(ref r, typeof(FocusRank), Options); break;
            case 2: d.DisputeStage = DisputeStages.Read(ref r, typeof(RoleDisputeStage), Options); break;
            default: d.Persons = List(ref r, String); break;
        }
    });

    private static SickRoleDocument ReadSickRole(ref Utf8JsonReader r) => ReadObject(ref r, new SickRoleDocument(), SickRoleMembers, static (ref Utf8JsonReader r, SickRoleDocument d, int member) =>
    {
        switch (member)
        {
            case 0: d.GrantedAtSession = Int(ref r); break;
            default: d.Limited = Bool(ref r); break;
        }
    });

    private static InventoryDocument ReadInventory(ref Utf8JsonReader r) => ReadObject(ref r, new InventoryDocument(), InventoryMembers, static (ref Utf8JsonReader r, InventoryDocument d, int member) =>
    {
        switch (member)
        {
            case 0: d.Rings = Int(ref r); break;
            default: d.Persons = List(ref r, ReadPerson); break;
        }
    });

    private static PersonDocument ReadPerson(ref Utf8JsonReader r) => ReadObject(ref r, new PersonDocument(), PersonMembers, static (ref Utf8JsonReader r, PersonDocument d, int member) =>
    {
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
    });

    private static SessionDocument ReadSession(ref Utf8JsonReader r) => ReadObject(ref r, new SessionDocument(), SessionMembers, static (ref Utf8JsonReader r, SessionDocument d, int member) =>
    {
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
    });

    private static MeasurementDocument ReadMeasurement(ref Utf8JsonReader r) => ReadObject(ref r, new MeasurementDocument(), MeasurementMembers, static (ref Utf8JsonReader r, MeasurementDocument d, int member) =>
    {
        switch (member)
        {
            case 0: d.Instrument = String(ref r); break;
            case 1: d.Total = Int(ref r); break;
            default: d.Items = List(ref r, Int); break;
        }
    });

    private static GoalDocument ReadGoal(ref Utf8JsonReader r) => ReadObject(ref r, new GoalDocument(), GoalMembers, static (ref Utf8JsonReader r, GoalDocument d, int member) =>
    {
        switch (member)
        {
            case 0: d.Id = String(ref r); break;
            case 1: d.Description = String(ref r); break;
            case 2: d.Area = ProblemAreas.Read(ref r, typeof(ProblemArea), Options); break;
            case 3: d.SetAtSession = Int(ref r); break;
            case 4: d.Steps = List(ref r, ReadGoalStep); break;
            default: d.Achieved = Bool(ref r); break;
        }
    });

    private static GoalStepDocument ReadGoalStep(ref Utf8JsonReader r) => ReadObject(ref r, new GoalStepDocument(), GoalStepMembers, static (ref Utf8JsonReader r, GoalStepDocument d, int member) =>
    {
        switch (member)
        {
            case 0: d.Description = String(ref r); break;
            case 1: d.Done = Bool(ref r); break;
            default: d.DoneAtSession = Int(ref r); break;
        }
    });

    private static DiaryEntryDocument ReadDiaryEntry(ref Utf8JsonReader r) => ReadObject(ref r, new DiaryEntryDocument(), DiaryEntryMembers, static (ref Utf8JsonReader r, DiaryEntryDocument d, int member) =>
    {
        switch (member)
        {
            case 0: d.Date = Date(ref r); break;
            case 1: d.Persons = List(ref r, String); break;
            case 2: d.WhatHappened = String(ref r); break;
            case 3: d.Emotions = List(ref r, static (ref Utf8JsonReader x) => Emotions.Read(ref x, typeof(Emotion), Options)); break;
            case 4: d.Mood = Int(ref r); break;
            default: d.Pattern = String(ref r); break;
        }
    });

    /// <summary>Reads one object of a shape: every member once, each known, the required ones present; anything else gives up.</summary>
    private static T ReadObject<T>(ref Utf8JsonReader r, T document, Members members, MemberReader<T> read)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var seen = 0u;
        while (NextMember(ref r))
        {
            var member = members.IndexOf(r.ValueSpan);
            var bit = 1u << member;
            if ((seen & bit) != 0)
            {
                GiveUp<bool>();
            }

            seen |= bit;
            Next(ref r);
            read(ref r, document, member);
        }

        if ((seen & members.Required) != members.Required)
        {
            GiveUp<bool>();
        }

        return document;
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

    [DoesNotReturn]
    private static T GiveUp<T>() => throw new GiveUpException();

    /// <summary>The member names of one document shape (at most 32, in the order its reader numbers them) and which are required.</summary>
    internal sealed class Members
    {
        private readonly byte[][] names;

        public Members(string[] names, params string[] required)
        {
            if (names.Length > 32)
            {
                throw new ArgumentException("A shape has at most 32 members (one bit each).", nameof(names));
            }

            Names = names;
            RequiredNames = required;
            this.names = [.. names.Select(Encoding.UTF8.GetBytes)];
            foreach (var name in required)
            {
                var index = Array.IndexOf(names, name);
                if (index < 0)
                {
                    throw new ArgumentException("A required member must be one of the names.", nameof(required));
                }

                Required |= 1u << index;
            }
        }

        /// <summary>Gets the member names, in the order the shape's reader numbers them.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>Gets the names of the required members.</summary>
        public IReadOnlyList<string> RequiredNames { get; }

        /// <summary>Gets one bit per required member.</summary>
        public uint Required { get; }

        /// <summary>Returns the index of a member name; an unknown name gives up.</summary>
        public int IndexOf(ReadOnlySpan<byte> name)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (name.SequenceEqual(names[i]))
                {
                    return i;
                }
            }

            return GiveUp<int>();
        }
    }

    /// <summary>Thrown to leave the fast path; never escapes <see cref="TryRead"/>.</summary>
    private sealed class GiveUpException : Exception
    {
    }
}
