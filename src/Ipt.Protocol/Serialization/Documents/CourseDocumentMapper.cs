using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Ipt.Protocol.Serialization.Documents;

/// <summary>
/// Maps between the model and the document shapes. Reading collects every invariant breach at its
/// JSON path and goes on, so a caller sees all of them at once; writing is total.
/// </summary>
internal sealed class CourseDocumentMapper
{
    private static readonly ProtocolId PlaceholderProtocol = ProtocolId.From("placeholder");
    private static readonly PersonId PlaceholderPerson = PersonId.From("placeholder");
    private static readonly GoalId PlaceholderGoal = GoalId.From("placeholder");

    private readonly List<(string Path, string Message)> errors = [];
    private readonly IptJsonLimits limits;

    /// <summary>Creates a mapper for one read.</summary>
    /// <param name="limits">The limits on lists and text; <see cref="IptJsonLimits.Default"/> when <see langword="null"/>.</param>
    public CourseDocumentMapper(IptJsonLimits? limits = null) => this.limits = limits ?? IptJsonLimits.Default;

    public IReadOnlyList<(string Path, string Message)> Errors => errors;

    /// <summary>Maps a document to a course; returns <see langword="null"/> when any value breaks an invariant (see <see cref="Errors"/>).</summary>
    public Course? ToCourse(CourseDocument d)
    {
        var root = JsonPath.Root;
        if (!ProtocolId.TryFrom(d.Protocol, out var protocol))
        {
            Add(root, "protocol", $"Expected a protocol id: {IdSyntax.KebabRule}.");
            protocol = PlaceholderProtocol;
        }

        var course = new Course(protocol) { Setting = d.Setting };
        course = Set(course, d, root, "patientAge", static (c, d) => c with { PatientAge = d.PatientAge });
        if (d.Contract is { } contract)
        {
            course = course with { Contract = ToContract(contract, root.Property("contract")) };
        }

        course = course with
        {
            Renegotiations = List(d.Renegotiations, root.Property("renegotiations"), ToRenegotiation),
            Formulation = d.Formulation is { } f ? ToFormulation(f, root.Property("formulation")) : null,
            SickRole = d.SickRole is { } sr ? ToSickRole(sr, root.Property("sickRole")) : null,
            Inventory = d.Inventory is { } inv ? ToInventory(inv, root.Property("inventory")) : InterpersonalInventory.Empty,
            Sessions = WithinLimit(d.Sessions, root.Property("sessions"), limits.MaxSessions, "sessions", nameof(IptJsonLimits.MaxSessions))
                ? List(d.Sessions, root.Property("sessions"), ToSession)
                : default,
            Goals = List(d.Goals, root.Property("goals"), ToGoal),
            Diary = List(d.Diary, root.Property("diary"), ToDiaryEntry),
        };
        return errors.Count == 0 ? course : null;
    }

    /// <summary>Maps a course to its document.</summary>
    public static CourseDocument ToDocument(Course course) => new()
    {
        SchemaVersion = CourseJson.CurrentVersion,
        Protocol = course.Protocol.Value,
        PatientAge = course.PatientAge,
        Setting = course.Setting,
        Contract = course.Contract is { } c
            ? new ContractDocument
            {
                Sessions = c.Sessions,
                Frequency = c.Frequency,
                SessionLength = c.SessionLength,
                StartDate = c.StartDate,
                AgreedAtSession = c.AgreedAtSession,
            }
            : null,
        Renegotiations = Array(course.Renegotiations, static r => new RenegotiationDocument
        {
            AtSession = r.AtSession,
            Date = r.Date,
            Reason = r.Reason,
            Sessions = r.Sessions,
            Frequency = r.Frequency,
            SessionLength = r.SessionLength,
            ChangesFocus = r.ChangesFocus,
        }),
        Formulation = course.Formulation is { } f
            ? new FormulationDocument
            {
                Areas = Array(f.Areas, static a => new FocusAreaDocument
                {
                    Area = a.Area,
                    Rank = a.Rank,
                    DisputeStage = a.DisputeStage,
                    Persons = Array(a.Persons, static p => p.Value),
                }),
                ChosenAtSession = f.ChosenAtSession,
                PresentedAtSession = f.PresentedAtSession,
                Agreed = f.Agreed,
                AgreedAtSession = f.AgreedAtSession,
                AgreedOn = f.AgreedOn,
                Notes = f.Notes,
            }
            : null,
        SickRole = course.SickRole is { } sr ? new SickRoleDocument { GrantedAtSession = sr.GrantedAtSession, Limited = sr.Limited } : null,
        Inventory = course.Inventory.IsEmpty && course.Inventory.Rings == InterpersonalInventory.DefaultRings
            ? null
            : new InventoryDocument { Rings = course.Inventory.Rings, Persons = Array(course.Inventory.Persons, ToDocument) },
        Sessions = Array(course.Sessions, static s => new SessionDocument
        {
            Number = s.Number,
            Date = s.Date,
            Length = s.Length,
            Phase = s.Phase,
            Format = s.Format,
            Status = s.Status,
            Tasks = Array(s.Tasks, static t => t),
            Techniques = Array(s.Techniques, static t => t.Value),
            Measures = Array(s.Measures, static m => new MeasurementDocument
            {
                Instrument = m.Instrument.Value,
                Total = m.Total,
                Items = Array(m.Items, static i => i),
            }),
            Notes = s.Notes,
        }),
        Goals = Array(course.Goals, static g => new GoalDocument
        {
            Id = g.Id.Value,
            Description = g.Description,
            Area = g.Area,
            SetAtSession = g.SetAtSession,
            Steps = Array(g.Steps, static s => new GoalStepDocument { Description = s.Description, Done = s.Done, DoneAtSession = s.DoneAtSession }),
            Achieved = g.Achieved,
        }),
        Diary = Array(course.Diary, static e => new DiaryEntryDocument
        {
            Date = e.Date,
            Persons = Array(e.Persons, static p => p.Value),
            WhatHappened = e.WhatHappened,
            Emotions = Array(e.Emotions, static x => x),
            Mood = e.Mood,
            Pattern = e.Pattern,
        }),
    };

    private static PersonDocument ToDocument(InventoryPerson p) => new()
    {
        Id = p.Id.Value,
        Label = p.Label,
        Relationship = p.Relationship,
        Ring = p.Ring,
        Contact = p.Contact,
        SharedActivities = p.SharedActivities,
        Positives = p.Positives,
        Negatives = p.Negatives,
        PatientExpectations = p.PatientExpectations,
        OtherExpectations = p.OtherExpectations,
        ExpectationsMet = p.ExpectationsMet,
        CanDiscuss = p.CanDiscuss,
        CannotDiscuss = p.CannotDiscuss,
        Conflicts = p.Conflicts,
        ConflictsResolved = p.ConflictsResolved,
        KnowsAboutMood = p.KnowsAboutMood,
        WouldLikeToChange = p.WouldLikeToChange,
        Support = Array(p.Support, static s => s),
        ChangedNearOnset = p.ChangedNearOnset,
        RelatedArea = p.RelatedArea,
        Deceased = p.Deceased,
        DiedOn = p.DiedOn,
    };

    // Empty lists are written as absent (null), so documents stay short.
    private static List<TOut> Array<TIn, TOut>(ValueList<TIn> items, Func<TIn, TOut> map)
    {
        if (items.IsEmpty)
        {
            return null!;
        }

        var list = new List<TOut>(items.Count);
        foreach (var item in items)
        {
            list.Add(map(item));
        }

        return list;
    }

    // Each To* method first builds its value in one object initializer (no copies); only when the
    // model refuses a value does it build member by member, so that the error names the member.
    private Contract ToContract(ContractDocument d, JsonPath path)
    {
        try
        {
            return new Contract { Sessions = d.Sessions, StartDate = d.StartDate, Frequency = d.Frequency, SessionLength = d.SessionLength, AgreedAtSession = d.AgreedAtSession };
        }
        catch (ArgumentException)
        {
            // Fall through: name the member at fault.
        }

        var c = new Contract { Sessions = 1, StartDate = d.StartDate };
        c = Set(c, d, path, "sessions", static (x, d) => x with { Sessions = d.Sessions });
        c = Set(c, d, path, "frequency", static (x, d) => x with { Frequency = d.Frequency });
        c = Set(c, d, path, "sessionLength", static (x, d) => x with { SessionLength = d.SessionLength });
        return Set(c, d, path, "agreedAtSession", static (x, d) => x with { AgreedAtSession = d.AgreedAtSession });
    }

    private Renegotiation? ToRenegotiation(RenegotiationDocument d, JsonPath path)
    {
        if (Fit(d.Reason))
        {
            try
            {
                return new Renegotiation
                {
                    AtSession = d.AtSession,
                    Date = d.Date,
                    ChangesFocus = d.ChangesFocus,
                    Reason = d.Reason,
                    Sessions = d.Sessions,
                    Frequency = d.Frequency,
                    SessionLength = d.SessionLength,
                };
            }
            catch (ArgumentException)
            {
                // Fall through: name the member at fault.
            }
        }

        var r = new Renegotiation { AtSession = 1, Date = d.Date, ChangesFocus = d.ChangesFocus };
        r = Set(r, d, path, "atSession", static (x, d) => x with { AtSession = d.AtSession });
        r = SetText(r, d.Reason, path, "reason", static (x, v) => x with { Reason = v });
        r = Set(r, d, path, "sessions", static (x, d) => x with { Sessions = d.Sessions });
        r = Set(r, d, path, "frequency", static (x, d) => x with { Frequency = d.Frequency });
        return Set(r, d, path, "sessionLength", static (x, d) => x with { SessionLength = d.SessionLength });
    }

    private Formulation ToFormulation(FormulationDocument d, JsonPath path)
    {
        var areas = List(d.Areas, path.Property("areas"), ToFocusArea);
        if (Fit(d.Notes))
        {
            try
            {
                return new Formulation
                {
                    Areas = areas,
                    Agreed = d.Agreed,
                    AgreedOn = d.AgreedOn,
                    ChosenAtSession = d.ChosenAtSession,
                    PresentedAtSession = d.PresentedAtSession,
                    AgreedAtSession = d.AgreedAtSession,
                    Notes = d.Notes,
                };
            }
            catch (ArgumentException)
            {
                // Fall through: name the member at fault.
            }
        }

        var f = new Formulation
        {
            Areas = areas,
            Agreed = d.Agreed,
            AgreedOn = d.AgreedOn,
        };
        f = Set(f, d, path, "chosenAtSession", static (x, d) => x with { ChosenAtSession = d.ChosenAtSession });
        f = Set(f, d, path, "presentedAtSession", static (x, d) => x with { PresentedAtSession = d.PresentedAtSession });
        f = Set(f, d, path, "agreedAtSession", static (x, d) => x with { AgreedAtSession = d.AgreedAtSession });
        return SetText(f, d.Notes, path, "notes", static (x, v) => x with { Notes = v });
    }

    private FocusArea? ToFocusArea(FocusAreaDocument d, JsonPath path) => new FocusArea(d.Area, d.Rank)
    {
        DisputeStage = d.DisputeStage,
        Persons = Ids<PersonId>(d.Persons, path.Property("persons"), PersonId.TryFrom, "a person id", IdSyntax.TokenRule),
    };

    private SickRole ToSickRole(SickRoleDocument d, JsonPath path) =>
        Set(new SickRole { GrantedAtSession = 1, Limited = d.Limited }, d, path, "grantedAtSession", static (x, d) => x with { GrantedAtSession = d.GrantedAtSession });

    private InterpersonalInventory ToInventory(InventoryDocument d, JsonPath path)
    {
        var rings = d.Rings ?? InterpersonalInventory.DefaultRings;
        if (rings is < 1 or > InterpersonalInventory.MaxRings)
        {
            Add(path, "rings", string.Create(CultureInfo.InvariantCulture, $"rings must be between 1 and {InterpersonalInventory.MaxRings}."));
            rings = InterpersonalInventory.MaxRings;
        }

        var personsPath = path.Property("persons");
        if (!WithinLimit(d.Persons, personsPath, limits.MaxPersons, "persons", nameof(IptJsonLimits.MaxPersons)))
        {
            return InterpersonalInventory.Empty;
        }

        var persons = List(d.Persons, personsPath, ToPerson);
        var before = errors.Count;
        var seen = new HashSet<PersonId>();
        var span = d.Persons is null ? [] : CollectionsMarshal.AsSpan(d.Persons);
        for (var i = 0; i < span.Length; i++)
        {
            var p = span[i];
            if (p is null)
            {
                continue;
            }

            if (PersonId.TryFrom(p.Id, out var id) && !seen.Add(id))
            {
                Add(personsPath.Item(i), "id", $"The person id '{id}' is used by an earlier person; person ids are unique.");
            }

            if (p.Ring is { } ring && ring > rings && ring >= 1)
            {
                Add(personsPath.Item(i), "ring", string.Create(CultureInfo.InvariantCulture, $"ring must be between 1 and {rings}, the rings of the circle."));
            }
        }

        if (errors.Count > before || persons.Count != span.Length)
        {
            return InterpersonalInventory.Empty;
        }

        try
        {
            return new InterpersonalInventory(persons, rings);
        }
        catch (ArgumentException ex)
        {
            errors.Add((path.Format(), Plain(ex)));
            return InterpersonalInventory.Empty;
        }
    }

    private InventoryPerson? ToPerson(PersonDocument d, JsonPath path)
    {
        if (!PersonId.TryFrom(d.Id, out var id))
        {
            Add(path, "id", $"Expected a person id: {IdSyntax.TokenRule}.");
            id = PlaceholderPerson;
        }

        if (Fit([d.Label, d.SharedActivities, d.Positives, d.Negatives, d.PatientExpectations, d.OtherExpectations, d.CanDiscuss, d.CannotDiscuss, d.Conflicts, d.WouldLikeToChange]))
        {
            try
            {
                return new InventoryPerson(id, d.Relationship)
                {
                    Contact = d.Contact,
                    ExpectationsMet = d.ExpectationsMet,
                    ConflictsResolved = d.ConflictsResolved,
                    KnowsAboutMood = d.KnowsAboutMood,
                    Support = Values(d.Support),
                    ChangedNearOnset = d.ChangedNearOnset,
                    RelatedArea = d.RelatedArea,
                    Deceased = d.Deceased,
                    DiedOn = d.DiedOn,
                    Label = d.Label,
                    Ring = d.Ring,
                    SharedActivities = d.SharedActivities,
                    Positives = d.Positives,
                    Negatives = d.Negatives,
                    PatientExpectations = d.PatientExpectations,
                    OtherExpectations = d.OtherExpectations,
                    CanDiscuss = d.CanDiscuss,
                    CannotDiscuss = d.CannotDiscuss,
                    Conflicts = d.Conflicts,
                    WouldLikeToChange = d.WouldLikeToChange,
                };
            }
            catch (ArgumentException)
            {
                // Fall through: name the member at fault.
            }
        }

        var p = new InventoryPerson(id, d.Relationship)
        {
            Contact = d.Contact,
            ExpectationsMet = d.ExpectationsMet,
            ConflictsResolved = d.ConflictsResolved,
            KnowsAboutMood = d.KnowsAboutMood,
            Support = Values(d.Support),
            ChangedNearOnset = d.ChangedNearOnset,
            RelatedArea = d.RelatedArea,
            Deceased = d.Deceased,
            DiedOn = d.DiedOn,
        };
        p = SetText(p, d.Label, path, "label", static (x, v) => x with { Label = v });
        p = Set(p, d, path, "ring", static (x, d) => x with { Ring = d.Ring });
        p = SetText(p, d.SharedActivities, path, "sharedActivities", static (x, v) => x with { SharedActivities = v });
        p = SetText(p, d.Positives, path, "positives", static (x, v) => x with { Positives = v });
        p = SetText(p, d.Negatives, path, "negatives", static (x, v) => x with { Negatives = v });
        p = SetText(p, d.PatientExpectations, path, "patientExpectations", static (x, v) => x with { PatientExpectations = v });
        p = SetText(p, d.OtherExpectations, path, "otherExpectations", static (x, v) => x with { OtherExpectations = v });
        p = SetText(p, d.CanDiscuss, path, "canDiscuss", static (x, v) => x with { CanDiscuss = v });
        p = SetText(p, d.CannotDiscuss, path, "cannotDiscuss", static (x, v) => x with { CannotDiscuss = v });
        p = SetText(p, d.Conflicts, path, "conflicts", static (x, v) => x with { Conflicts = v });
        return SetText(p, d.WouldLikeToChange, path, "wouldLikeToChange", static (x, v) => x with { WouldLikeToChange = v });
    }

    private Session? ToSession(SessionDocument d, JsonPath path)
    {
        var tasks = Values(d.Tasks);
        var techniques = Ids<TechniqueId>(d.Techniques, path.Property("techniques"), TechniqueId.TryFrom, "a technique id", IdSyntax.KebabRule);
        var measures = WithinLimit(d.Measures, path.Property("measures"), limits.MaxMeasuresPerSession, "measurements", nameof(IptJsonLimits.MaxMeasuresPerSession))
            ? List(d.Measures, path.Property("measures"), ToMeasurement)
            : default;
        if (Fit(d.Notes))
        {
            try
            {
                return new Session(d.Number, d.Phase)
                {
                    Date = d.Date,
                    Format = d.Format,
                    Status = d.Status,
                    Tasks = tasks,
                    Techniques = techniques,
                    Measures = measures,
                    Length = d.Length,
                    Notes = d.Notes,
                };
            }
            catch (ArgumentException)
            {
                // Fall through: name the member at fault.
            }
        }

        var s = new Session(1, d.Phase)
        {
            Date = d.Date,
            Format = d.Format,
            Status = d.Status,
            Tasks = tasks,
            Techniques = techniques,
            Measures = measures,
        };
        s = Set(s, d, path, "number", static (x, d) => x with { Number = d.Number });
        s = Set(s, d, path, "length", static (x, d) => x with { Length = d.Length });
        return SetText(s, d.Notes, path, "notes", static (x, v) => x with { Notes = v });
    }

    private Measurement? ToMeasurement(MeasurementDocument d, JsonPath path)
    {
        var before = errors.Count;
        if (!InstrumentId.TryFrom(d.Instrument, out var instrument))
        {
            Add(path, "instrument", $"Expected an instrument id: {IdSyntax.KebabRule}.");
        }

        if (d.Total is < 0)
        {
            Add(path, "total", "total must be 0 or more.");
        }

        var items = d.Items is null ? [] : CollectionsMarshal.AsSpan(d.Items);
        if (d.Total is null && items.IsEmpty)
        {
            errors.Add((path.Format(), "A measurement has a total, item scores, or both."));
        }

        if (!items.IsEmpty && errors.Count == before && Instruments.TryGet(instrument, out var known))
        {
            var itemsPath = path.Property("items");
            if (known.ItemCount is { } count && items.Length != count)
            {
                errors.Add((itemsPath.Format(), string.Create(CultureInfo.InvariantCulture, $"{known.Name} has {count} items; {items.Length} were given.")));
            }

            if (known.ItemMax is { } max)
            {
                for (var i = 0; i < items.Length; i++)
                {
                    if (items[i] < known.ItemMin || items[i] > max)
                    {
                        errors.Add((itemsPath.Item(i).Format(), string.Create(CultureInfo.InvariantCulture, $"{known.Name} item {i + 1} must be between {known.ItemMin} and {max}.")));
                    }
                }
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            return new Measurement(instrument, d.Total, d.Items is null ? null : Values(d.Items));
        }
        catch (ArgumentException ex)
        {
            errors.Add((path.Format(), Plain(ex)));
            return null;
        }
    }

    private Goal? ToGoal(GoalDocument d, JsonPath path)
    {
        if (!GoalId.TryFrom(d.Id, out var id))
        {
            Add(path, "id", $"Expected a goal id: {IdSyntax.TokenRule}.");
            id = PlaceholderGoal;
        }

        var steps = List(d.Steps, path.Property("steps"), ToGoalStep);
        if (Fit(d.Description))
        {
            try
            {
                return new Goal(id, d.Description) { Area = d.Area, Steps = steps, Achieved = d.Achieved, SetAtSession = d.SetAtSession };
            }
            catch (ArgumentException)
            {
                // Fall through: name the member at fault.
            }
        }

        var g = new Goal(id, "placeholder")
        {
            Area = d.Area,
            Steps = steps,
            Achieved = d.Achieved,
        };
        g = SetText(g, d.Description, path, "description", static (x, v) => x with { Description = v! });
        return Set(g, d, path, "setAtSession", static (x, d) => x with { SetAtSession = d.SetAtSession });
    }

    private GoalStep? ToGoalStep(GoalStepDocument d, JsonPath path)
    {
        if (Fit(d.Description))
        {
            try
            {
                return new GoalStep { Description = d.Description, Done = d.Done, DoneAtSession = d.DoneAtSession };
            }
            catch (ArgumentException)
            {
                // Fall through: name the member at fault.
            }
        }

        var s = new GoalStep { Description = "placeholder", Done = d.Done };
        s = SetText(s, d.Description, path, "description", static (x, v) => x with { Description = v! });
        return Set(s, d, path, "doneAtSession", static (x, d) => x with { DoneAtSession = d.DoneAtSession });
    }

    private InterpersonalEvent? ToDiaryEntry(DiaryEntryDocument d, JsonPath path)
    {
        var persons = Ids<PersonId>(d.Persons, path.Property("persons"), PersonId.TryFrom, "a person id", IdSyntax.TokenRule);
        var emotions = Values(d.Emotions);
        if (Fit(d.WhatHappened) && Fit(d.Pattern))
        {
            try
            {
                return new InterpersonalEvent { Date = d.Date, Persons = persons, Emotions = emotions, WhatHappened = d.WhatHappened, Mood = d.Mood, Pattern = d.Pattern };
            }
            catch (ArgumentException)
            {
                // Fall through: name the member at fault.
            }
        }

        var e = new InterpersonalEvent
        {
            Date = d.Date,
            Persons = persons,
            Emotions = emotions,
        };
        e = SetText(e, d.WhatHappened, path, "whatHappened", static (x, v) => x with { WhatHappened = v });
        e = Set(e, d, path, "mood", static (x, d) => x with { Mood = d.Mood });
        return SetText(e, d.Pattern, path, "pattern", static (x, v) => x with { Pattern = v });
    }

    private delegate bool TryParse<TId>(string? text, out TId id);

    private ValueList<TId> Ids<TId>(List<string>? texts, JsonPath path, TryParse<TId> parse, string what, string rule)
    {
        if (texts is null || texts.Count == 0)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<TId>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (parse(texts[i], out var id))
            {
                builder.Add(id);
            }
            else
            {
                errors.Add((path.Item(i).Format(), texts[i] is null ? $"null is not allowed here; expected {what}." : $"Expected {what}: {rule}."));
            }
        }

        return builder.Count == texts.Count ? new ValueList<TId>(builder.MoveToImmutable()) : default;
    }

    private ValueList<TOut> List<TIn, TOut>(List<TIn>? items, JsonPath path, Func<TIn, JsonPath, TOut?> map)
        where TIn : class
        where TOut : class
    {
        if (items is null || items.Count == 0)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<TOut>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = path.Item(i);
            if (items[i] is not { } item)
            {
                errors.Add((itemPath.Format(), "null is not allowed here; expected an object."));
                continue;
            }

            if (map(item, itemPath) is { } mapped)
            {
                builder.Add(mapped);
            }
        }

        return builder.Count == items.Count ? new ValueList<TOut>(builder.MoveToImmutable()) : default;
    }

    /// <summary>Applies one value; on an invariant breach records the error at the value's path and keeps the previous value.</summary>
    private T Set<T, TDoc>(T current, TDoc document, JsonPath path, string name, Func<T, TDoc, T> apply)
    {
        try
        {
            return apply(current, document);
        }
        catch (ArgumentException ex)
        {
            Add(path, name, Plain(ex, name));
            return current;
        }
    }

    /// <summary>Applies one free-text value after checking it against <see cref="IptJsonLimits.MaxStringLength"/>; the text itself is never repeated.</summary>
    private T SetText<T>(T current, string? value, JsonPath path, string name, Func<T, string?, T> apply)
    {
        if (value is not null && value.Length > limits.MaxStringLength)
        {
            Add(path, name, string.Create(CultureInfo.InvariantCulture, $"{name} is {value.Length} characters long; the limit is {limits.MaxStringLength} characters (IptJsonLimits.MaxStringLength)."));
            return current;
        }

        return Set(current, value, path, name, apply);
    }

    /// <summary>The values of a document list as a model list (one copy; empty when absent).</summary>
    private static ValueList<T> Values<T>(List<T>? values) =>
        values is null || values.Count == 0 ? default : ValueList.Create<T>(CollectionsMarshal.AsSpan(values));

    /// <summary>Whether a free-text value is within <see cref="IptJsonLimits.MaxStringLength"/> (the one-step build is taken only then).</summary>
    private bool Fit(string? value) => value is null || value.Length <= limits.MaxStringLength;

    /// <summary>Whether every free-text value is within <see cref="IptJsonLimits.MaxStringLength"/>.</summary>
    private bool Fit(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (!Fit(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks a list's length against a limit; over the limit, records the error at the list's path and returns <see langword="false"/>.</summary>
    private bool WithinLimit<TItem>(List<TItem>? items, JsonPath path, int limit, string what, string limitName)
    {
        if (items is null || items.Count <= limit)
        {
            return true;
        }

        errors.Add((path.Format(), string.Create(CultureInfo.InvariantCulture, $"There are {items.Count} {what}; the limit is {limit} (IptJsonLimits.{limitName}).")));
        return false;
    }

    private void Add(JsonPath path, string name, string message) => errors.Add((path.Format(name), message));

    /// <summary>The model's message without the parameter suffix and actual value, with the JSON name in place of the .NET name.</summary>
    private static string Plain(ArgumentException ex, string? jsonName = null)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        cut = message.IndexOf('\n', StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut].TrimEnd();
        }

        if (jsonName is not null && ex.ParamName is { Length: > 0 } param && message.StartsWith(param, StringComparison.Ordinal))
        {
            message = string.Concat(jsonName, message.AsSpan(param.Length));
        }

        return message;
    }
}
