using System.ComponentModel;
using System.Text.Json.Serialization;
using NodaTime;

namespace Ipt.Protocol.Serialization.Documents;

// The wire shape of a course document, version 1. These types are the document's schema, not a
// second public model: they stay internal so that a later schema version can change them without
// breaking the public API. Names are the camelCase of the model's property names, one to one.
// Conventions: optional scalars are nullable and omitted when null; lists are List<T> (the
// serializer's most direct collection), null when absent, never null in a document (refused) and
// omitted when empty; flags that default to false are omitted when
// false; enum values that have a model default (format, status, rank) are always written.
// A member whose default is not the type's default is nullable and defaulted while mapping.
// Members are settable and required ones are marked [JsonRequired] rather than C# `required`:
// init-only or `required` members would send the source generator down its constructor-argument
// path (boxed arguments, per-object buffers), which made reading twice as slow (docs/performance.md).
// Ids are strings here and validated while mapping, so that every bad id is reported.

/// <summary>The root of a course document.</summary>
[Description("An Interpersonal Psychotherapy (IPT) course: one patient's contracted episode under one protocol variant.")]
internal sealed class CourseDocument
{
    [JsonPropertyOrder(-1)]
    [Description("The version of the document format; this library writes and reads version 1.")]
    [JsonRequired]
    public int SchemaVersion { get; set; }

    [Description("The id of the protocol variant the course follows, such as 'ipt' (see docs/protocols.md).")]
    [JsonRequired]
    public string Protocol { get; set; } = null!;

    [Description("The patient's age in years at the start of the course (0 to 130).")]
    public int? PatientAge { get; set; }

    [Description("Where the course is delivered (descriptive).")]
    public CareSetting? Setting { get; set; }

    [Description("The treatment contract, once agreed.")]
    public ContractDocument? Contract { get; set; }

    [Description("Changes of the contract, in the order they happened.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<RenegotiationDocument> Renegotiations { get; set; } = null!;

    [Description("The interpersonal formulation, once made.")]
    public FormulationDocument? Formulation { get; set; }

    [Description("The sick role, once given.")]
    public SickRoleDocument? SickRole { get; set; }

    [Description("The interpersonal inventory: the significant people, placed on a closeness circle.")]
    public InventoryDocument? Inventory { get; set; }

    [Description("The sessions, planned and past.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<SessionDocument> Sessions { get; set; } = null!;

    [Description("The goals.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<GoalDocument> Goals { get; set; } = null!;

    [Description("The between-session diary of interpersonal events.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<DiaryEntryDocument> Diary { get; set; } = null!;
}

/// <summary>The treatment contract.</summary>
[Description("The treatment contract: sessions agreed, frequency, session length and start date.")]
internal sealed class ContractDocument
{
    [Description("The number of treatment sessions agreed (1 or more).")]
    [JsonRequired]
    public int Sessions { get; set; }

    [Description("The interval between sessions as an ISO-8601 period of whole days, weeks, months or years, such as 'P1W'.")]
    public Period? Frequency { get; set; }

    [Description("The agreed session length as an ISO-8601 duration, longer than zero and at most 24 hours, such as 'PT50M'.")]
    public Duration? SessionLength { get; set; }

    [Description("The agreed start date (YYYY-MM-DD).")]
    public LocalDate? StartDate { get; set; }

    [Description("The session at which the contract was agreed (1 or more).")]
    public int? AgreedAtSession { get; set; }
}

/// <summary>A renegotiation of the contract.</summary>
[Description("An explicit, dated change of the contract agreed at a session; members left out are unchanged.")]
internal sealed class RenegotiationDocument
{
    [Description("The session at which the change was agreed (1 or more).")]
    [JsonRequired]
    public int AtSession { get; set; }

    [Description("The date of the change (YYYY-MM-DD).")]
    public LocalDate? Date { get; set; }

    [Description("Why the contract changed (free text; patient data).")]
    [FreeText]
    public string? Reason { get; set; }

    [Description("The new number of treatment sessions.")]
    public int? Sessions { get; set; }

    [Description("The new frequency (ISO-8601 period, such as 'P2W').")]
    public Period? Frequency { get; set; }

    [Description("The new session length (ISO-8601 duration, such as 'PT45M').")]
    public Duration? SessionLength { get; set; }

    [Description("Whether the focus was changed with this renegotiation (default false).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ChangesFocus { get; set; }
}

/// <summary>The interpersonal formulation.</summary>
[Description("The interpersonal formulation: the chosen focus, presented to the patient and (when accepted) agreed.")]
internal sealed class FormulationDocument
{
    [Description("The focus areas: one primary and at most one secondary.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<FocusAreaDocument> Areas { get; set; } = null!;

    [Description("The session at which the focus was (last) chosen.")]
    public int? ChosenAtSession { get; set; }

    [Description("The session at which the formulation was presented to the patient.")]
    public int? PresentedAtSession { get; set; }

    [Description("Whether the patient explicitly agreed to the formulation (default false).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Agreed { get; set; }

    [Description("The session at which the patient agreed.")]
    public int? AgreedAtSession { get; set; }

    [Description("The date of the agreement (YYYY-MM-DD).")]
    public LocalDate? AgreedOn { get; set; }

    [Description("The formulation text (free text; patient data).")]
    [FreeText]
    public string? Notes { get; set; }
}

/// <summary>A focus area.</summary>
[Description("A problem area chosen as a focus.")]
internal sealed class FocusAreaDocument
{
    [Description("The problem area.")]
    [JsonRequired]
    public ProblemArea Area { get; set; }

    [Description("Primary or secondary focus (default primary).")]
    public FocusRank Rank { get; set; } = FocusRank.Primary;

    [Description("The role-dispute stage, expected when the area is roleDispute.")]
    public RoleDisputeStage? DisputeStage { get; set; }

    [Description("The ids of the inventory persons the focus concerns.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<string> Persons { get; set; } = null!;
}

/// <summary>The sick role.</summary>
[Description("The sick role: time-limited permission to be ill that carries the duty to work on recovery.")]
internal sealed class SickRoleDocument
{
    [Description("The session at which the sick role was given (1 or more).")]
    [JsonRequired]
    public int GrantedAtSession { get; set; }

    [Description("Whether the sick role is the limited form used in IPT-A (default false).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Limited { get; set; }
}

/// <summary>The interpersonal inventory.</summary>
[Description("The interpersonal inventory: the significant people placed on a closeness circle. Person ids are unique and every ring is within the circle.")]
internal sealed class InventoryDocument
{
    [Description("The number of rings of the closeness circle (1 to 10; default 3).")]
    public int? Rings { get; set; }

    [Description("The people.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<PersonDocument> Persons { get; set; } = null!;
}

/// <summary>One person of the inventory.</summary>
[Description("One significant person, referred to everywhere else by id. The label and every free-text member are patient data.")]
internal sealed class PersonDocument
{
    [Description("The stable id used to refer to the person: 1 to 64 ASCII letters, digits, '-' or '_' (never a name).")]
    [JsonRequired]
    public string Id { get; set; } = null!;

    [Description("The pseudonymous label shown to the therapist (patient data).")]
    [FreeText]
    public string? Label { get; set; }

    [Description("The relationship to the patient.")]
    [JsonRequired]
    public Relationship Relationship { get; set; }

    [Description("The closeness-circle ring, 1 being the innermost.")]
    public int? Ring { get; set; }

    [Description("How often the patient is in contact with the person.")]
    public ContactFrequency? Contact { get; set; }

    [Description("Shared activities (free text).")]
    [FreeText]
    public string? SharedActivities { get; set; }

    [Description("Positive aspects of the relationship (free text).")]
    [FreeText]
    public string? Positives { get; set; }

    [Description("Negative aspects of the relationship (free text).")]
    [FreeText]
    public string? Negatives { get; set; }

    [Description("The patient's expectations of the person (free text).")]
    [FreeText]
    public string? PatientExpectations { get; set; }

    [Description("The person's expectations of the patient (free text).")]
    [FreeText]
    public string? OtherExpectations { get; set; }

    [Description("Whether the expectations are met.")]
    public bool? ExpectationsMet { get; set; }

    [Description("What can be discussed with the person (free text).")]
    [FreeText]
    public string? CanDiscuss { get; set; }

    [Description("What cannot be discussed with the person (free text).")]
    [FreeText]
    public string? CannotDiscuss { get; set; }

    [Description("Conflicts with the person (free text).")]
    [FreeText]
    public string? Conflicts { get; set; }

    [Description("Whether the conflicts are resolved.")]
    public bool? ConflictsResolved { get; set; }

    [Description("Whether the person knows about the patient's mood.")]
    public bool? KnowsAboutMood { get; set; }

    [Description("What the patient would like to change (free text).")]
    [FreeText]
    public string? WouldLikeToChange { get; set; }

    [Description("The kinds of support the person gives.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<SupportKind> Support { get; set; } = null!;

    [Description("Whether the relationship changed near symptom onset.")]
    public bool? ChangedNearOnset { get; set; }

    [Description("The problem area the relationship relates to.")]
    public ProblemArea? RelatedArea { get; set; }

    [Description("Whether the person has died (default false).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Deceased { get; set; }

    [Description("The date of death (YYYY-MM-DD).")]
    public LocalDate? DiedOn { get; set; }
}

/// <summary>One session.</summary>
[Description("One meeting of the course.")]
internal sealed class SessionDocument
{
    [Description("The 1-based session number.")]
    [JsonRequired]
    public int Number { get; set; }

    [Description("The date, when scheduled or held (YYYY-MM-DD).")]
    public LocalDate? Date { get; set; }

    [Description("The length (ISO-8601 duration, longer than zero and at most 24 hours, such as 'PT50M').")]
    public Duration? Length { get; set; }

    [Description("The phase the session belongs to.")]
    [JsonRequired]
    public Phase Phase { get; set; }

    [Description("How the session is delivered (default individual).")]
    public SessionFormat Format { get; set; } = SessionFormat.Individual;

    [Description("What became of the session (default planned).")]
    public SessionStatus Status { get; set; } = SessionStatus.Planned;

    [Description("The protocol tasks done in the session.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<SessionTask> Tasks { get; set; } = null!;

    [Description("The techniques used, by technique catalogue id (kebab-case).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<string> Techniques { get; set; } = null!;

    [Description("The measures taken.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<MeasurementDocument> Measures { get; set; } = null!;

    [Description("The therapist's notes (free text; patient data).")]
    [FreeText]
    public string? Notes { get; set; }
}

/// <summary>One administration of an instrument.</summary>
[Description("One administration of an instrument: a total, item scores in item order, or both. For a built-in instrument the item count and item range are checked.")]
internal sealed class MeasurementDocument
{
    [Description("The instrument's id (kebab-case), such as 'phq-9'.")]
    [JsonRequired]
    public string Instrument { get; set; } = null!;

    [Description("The recorded total (0 or more).")]
    public int? Total { get; set; }

    [Description("The item scores in item order.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<int> Items { get; set; } = null!;
}

/// <summary>One goal.</summary>
[Description("A specific goal broken into manageable steps.")]
internal sealed class GoalDocument
{
    [Description("The goal's id: 1 to 64 ASCII letters, digits, '-' or '_'.")]
    [JsonRequired]
    public string Id { get; set; } = null!;

    [Description("What the goal is (free text; patient data).")]
    [FreeText]
    [JsonRequired]
    public string Description { get; set; } = null!;

    [Description("The problem area the goal serves.")]
    public ProblemArea? Area { get; set; }

    [Description("The session at which the goal was set.")]
    public int? SetAtSession { get; set; }

    [Description("The steps, in order.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<GoalStepDocument> Steps { get; set; } = null!;

    [Description("Whether the goal is achieved (default false).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Achieved { get; set; }
}

/// <summary>One step of a goal.</summary>
[Description("One manageable step of a goal.")]
internal sealed class GoalStepDocument
{
    [Description("What the step is (free text; patient data).")]
    [FreeText]
    [JsonRequired]
    public string Description { get; set; } = null!;

    [Description("Whether the step is done (default false).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Done { get; set; }

    [Description("The session at which the step was reported done.")]
    public int? DoneAtSession { get; set; }
}

/// <summary>One diary entry.</summary>
[Description("A between-session diary entry: an interaction with people of the inventory.")]
internal sealed class DiaryEntryDocument
{
    [Description("The date of the interaction (YYYY-MM-DD).")]
    [JsonRequired]
    public LocalDate Date { get; set; }

    [Description("The ids of the inventory persons involved.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<string> Persons { get; set; } = null!;

    [Description("What happened (free text; patient data).")]
    [FreeText]
    public string? WhatHappened { get; set; }

    [Description("The emotions felt.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<Emotion> Emotions { get; set; } = null!;

    [Description("The mood after the interaction, from 0 (lowest) to 10 (best).")]
    public int? Mood { get; set; }

    [Description("A pattern the patient noticed (free text; patient data).")]
    [FreeText]
    public string? Pattern { get; set; }
}
