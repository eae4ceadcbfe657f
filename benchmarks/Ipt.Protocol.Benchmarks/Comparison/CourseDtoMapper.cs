using NodaTime;
using NodaTime.Text;

namespace Ipt.Protocol.Benchmarks.Comparison;

/// <summary>
/// Maps the DTOs to the model and back, as a host would after a reflection-based deserializer: the
/// same NodaTime patterns as the library, and the model's constructors check the invariants.
/// </summary>
internal static class CourseDtoMapper
{
    public static Course ToModel(CourseDto d) => new(ProtocolId.From(d.Protocol))
    {
        PatientAge = d.PatientAge,
        Setting = d.Setting,
        Contract = d.Contract is { } c ? new Contract
        {
            Sessions = c.Sessions,
            Frequency = PeriodOrNull(c.Frequency),
            SessionLength = DurationOrNull(c.SessionLength),
            StartDate = DateOrNull(c.StartDate),
            AgreedAtSession = c.AgreedAtSession,
        } : null,
        Renegotiations = ValueList.From((d.Renegotiations ?? []).Select(r => new Renegotiation
        {
            AtSession = r.AtSession,
            Date = DateOrNull(r.Date),
            Reason = r.Reason,
            Sessions = r.Sessions,
            Frequency = PeriodOrNull(r.Frequency),
            SessionLength = DurationOrNull(r.SessionLength),
        })),
        Formulation = d.Formulation is { } f ? new Formulation
        {
            Areas = ValueList.From((f.Areas ?? []).Select(a => new FocusArea(a.Area, a.Rank)
            {
                DisputeStage = a.DisputeStage,
                Persons = ValueList.From((a.Persons ?? []).Select(PersonId.From)),
            })),
            ChosenAtSession = f.ChosenAtSession,
            PresentedAtSession = f.PresentedAtSession,
            Agreed = f.Agreed ?? false,
            AgreedAtSession = f.AgreedAtSession,
            AgreedOn = DateOrNull(f.AgreedOn),
            Notes = f.Notes,
        } : null,
        SickRole = d.SickRole is { } s ? new SickRole { GrantedAtSession = s.GrantedAtSession, Limited = s.Limited ?? false } : null,
        Inventory = d.Inventory is { } i
            ? new InterpersonalInventory((i.Persons ?? []).Select(ToModel), i.Rings ?? InterpersonalInventory.DefaultRings)
            : InterpersonalInventory.Empty,
        Sessions = ValueList.From((d.Sessions ?? []).Select(x => new Session
        {
            Number = x.Number,
            Date = DateOrNull(x.Date),
            Length = DurationOrNull(x.Length),
            Phase = x.Phase,
            Format = x.Format,
            Status = x.Status,
            Tasks = ValueList.From(x.Tasks ?? []),
            Techniques = ValueList.From((x.Techniques ?? []).Select(TechniqueId.From)),
            Measures = ValueList.From((x.Measures ?? []).Select(m => new Measurement(InstrumentId.From(m.Instrument), m.Total, m.Items))),
            Notes = x.Notes,
        })),
        Goals = ValueList.From((d.Goals ?? []).Select(g => new Goal(GoalId.From(g.Id), g.Description)
        {
            Area = g.Area,
            SetAtSession = g.SetAtSession,
            Steps = ValueList.From((g.Steps ?? []).Select(st => new GoalStep { Description = st.Description, Done = st.Done ?? false, DoneAtSession = st.DoneAtSession })),
            Achieved = g.Achieved ?? false,
        })),
        Diary = ValueList.From((d.Diary ?? []).Select(e => new InterpersonalEvent
        {
            Date = LocalDatePattern.Iso.Parse(e.Date).Value,
            Persons = ValueList.From((e.Persons ?? []).Select(PersonId.From)),
            WhatHappened = e.WhatHappened,
            Emotions = ValueList.From(e.Emotions ?? []),
            Mood = e.Mood,
            Pattern = e.Pattern,
        })),
    };

    public static CourseDto ToDto(Course c) => new()
    {
        SchemaVersion = 1,
        Protocol = c.Protocol.Value,
        PatientAge = c.PatientAge,
        Setting = c.Setting,
        Contract = c.Contract is { } k ? new ContractDto
        {
            Sessions = k.Sessions,
            Frequency = Text(k.Frequency),
            SessionLength = Text(k.SessionLength),
            StartDate = Text(k.StartDate),
            AgreedAtSession = k.AgreedAtSession,
        } : null,
        Renegotiations = ListOrNull(c.Renegotiations, r => new RenegotiationDto
        {
            AtSession = r.AtSession,
            Date = Text(r.Date),
            Reason = r.Reason,
            Sessions = r.Sessions,
            Frequency = Text(r.Frequency),
            SessionLength = Text(r.SessionLength),
        }),
        Formulation = c.Formulation is { } f ? new FormulationDto
        {
            Areas = ListOrNull(f.Areas, a => new FocusAreaDto { Area = a.Area, Rank = a.Rank, DisputeStage = a.DisputeStage, Persons = ListOrNull(a.Persons, p => p.Value) }),
            ChosenAtSession = f.ChosenAtSession,
            PresentedAtSession = f.PresentedAtSession,
            Agreed = f.Agreed ? true : null,
            AgreedAtSession = f.AgreedAtSession,
            AgreedOn = Text(f.AgreedOn),
            Notes = f.Notes,
        } : null,
        SickRole = c.SickRole is { } s ? new SickRoleDto { GrantedAtSession = s.GrantedAtSession, Limited = s.Limited ? true : null } : null,
        Inventory = new InventoryDto { Rings = c.Inventory.Rings, Persons = ListOrNull(c.Inventory.Persons, ToDto) },
        Sessions = ListOrNull(c.Sessions, x => new SessionDto
        {
            Number = x.Number,
            Date = Text(x.Date),
            Length = Text(x.Length),
            Phase = x.Phase,
            Format = x.Format,
            Status = x.Status,
            Tasks = ListOrNull(x.Tasks, t => t),
            Techniques = ListOrNull(x.Techniques, t => t.Value),
            Measures = ListOrNull(x.Measures, m => new MeasurementDto { Instrument = m.Instrument.Value, Total = m.Total, Items = ListOrNull(m.Items, v => v) }),
            Notes = x.Notes,
        }),
        Goals = ListOrNull(c.Goals, g => new GoalDto
        {
            Id = g.Id.Value,
            Description = g.Description,
            Area = g.Area,
            SetAtSession = g.SetAtSession,
            Steps = ListOrNull(g.Steps, st => new GoalStepDto { Description = st.Description, Done = st.Done ? true : null, DoneAtSession = st.DoneAtSession }),
            Achieved = g.Achieved ? true : null,
        }),
        Diary = ListOrNull(c.Diary, e => new DiaryEntryDto
        {
            Date = LocalDatePattern.Iso.Format(e.Date),
            Persons = ListOrNull(e.Persons, p => p.Value),
            WhatHappened = e.WhatHappened,
            Emotions = ListOrNull(e.Emotions, x => x),
            Mood = e.Mood,
            Pattern = e.Pattern,
        }),
    };

    private static InventoryPerson ToModel(PersonDto p) => new(PersonId.From(p.Id), p.Relationship)
    {
        Label = p.Label,
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
        Support = ValueList.From(p.Support ?? []),
        ChangedNearOnset = p.ChangedNearOnset,
        RelatedArea = p.RelatedArea,
        Deceased = p.Deceased ?? false,
    };

    private static PersonDto ToDto(InventoryPerson p) => new()
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
        Support = ListOrNull(p.Support, x => x),
        ChangedNearOnset = p.ChangedNearOnset,
        RelatedArea = p.RelatedArea,
        Deceased = p.Deceased ? true : null,
    };

    private static List<TOut>? ListOrNull<TIn, TOut>(ValueList<TIn> items, Func<TIn, TOut> map) =>
        items.IsEmpty ? null : items.Select(map).ToList();

    private static LocalDate? DateOrNull(string? text) => text is null ? null : LocalDatePattern.Iso.Parse(text).Value;

    private static Period? PeriodOrNull(string? text) => text is null ? null : PeriodPattern.Roundtrip.Parse(text).Value;

    private static Duration? DurationOrNull(string? text) => text is null ? null : PeriodPattern.NormalizingIso.Parse(text).Value.ToDuration();

    private static string? Text(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;

    private static string? Text(Period? period) => period is null ? null : PeriodPattern.Roundtrip.Format(period);

    private static string? Text(Duration? duration) =>
        duration is { } d ? PeriodPattern.NormalizingIso.Format(Period.FromNanoseconds(d.ToInt64Nanoseconds()).Normalize()) : null;
}
