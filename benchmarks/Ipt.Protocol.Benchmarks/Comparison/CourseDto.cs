#pragma warning disable CA1002, CA2227 // Plain DTOs, written the way hosts write them for a serializer: mutable lists.
namespace Ipt.Protocol.Benchmarks.Comparison;

// The course document as a host would mirror it in plain DTO classes for a reflection-based
// serializer (System.Text.Json or Newtonsoft.Json): the same JSON names (camelCase of the property
// names), enums as camelCase strings, dates, durations and periods as ISO-8601 strings parsed with
// NodaTime's patterns while mapping to the model (CourseDtoMapper), as the library does.

public sealed class CourseDto
{
    public int SchemaVersion { get; set; }

    public string Protocol { get; set; } = "";

    public int? PatientAge { get; set; }

    public CareSetting? Setting { get; set; }

    public ContractDto? Contract { get; set; }

    public List<RenegotiationDto>? Renegotiations { get; set; }

    public FormulationDto? Formulation { get; set; }

    public SickRoleDto? SickRole { get; set; }

    public InventoryDto? Inventory { get; set; }

    public List<SessionDto>? Sessions { get; set; }

    public List<GoalDto>? Goals { get; set; }

    public List<DiaryEntryDto>? Diary { get; set; }
}

public sealed class ContractDto
{
    public int Sessions { get; set; }

    public string? Frequency { get; set; }

    public string? SessionLength { get; set; }

    public string? StartDate { get; set; }

    public int? AgreedAtSession { get; set; }
}

public sealed class RenegotiationDto
{
    public int AtSession { get; set; }

    public string? Date { get; set; }

    public string? Reason { get; set; }

    public int? Sessions { get; set; }

    public string? Frequency { get; set; }

    public string? SessionLength { get; set; }

}

public sealed class FormulationDto
{
    public List<FocusAreaDto>? Areas { get; set; }

    public int? ChosenAtSession { get; set; }

    public int? PresentedAtSession { get; set; }

    public bool? Agreed { get; set; }

    public int? AgreedAtSession { get; set; }

    public string? AgreedOn { get; set; }

    public string? Notes { get; set; }
}

public sealed class FocusAreaDto
{
    public ProblemArea Area { get; set; }

    public FocusRank Rank { get; set; }

    public RoleDisputeStage? DisputeStage { get; set; }

    public List<string>? Persons { get; set; }
}

public sealed class SickRoleDto
{
    public int GrantedAtSession { get; set; }

    public bool? Limited { get; set; }
}

public sealed class InventoryDto
{
    public int? Rings { get; set; }

    public List<PersonDto>? Persons { get; set; }
}

public sealed class PersonDto
{
    public string Id { get; set; } = "";

    public string? Label { get; set; }

    public Relationship Relationship { get; set; }

    public int? Ring { get; set; }

    public ContactFrequency? Contact { get; set; }

    public string? SharedActivities { get; set; }

    public string? Positives { get; set; }

    public string? Negatives { get; set; }

    public string? PatientExpectations { get; set; }

    public string? OtherExpectations { get; set; }

    public bool? ExpectationsMet { get; set; }

    public string? CanDiscuss { get; set; }

    public string? CannotDiscuss { get; set; }

    public string? Conflicts { get; set; }

    public bool? ConflictsResolved { get; set; }

    public bool? KnowsAboutMood { get; set; }

    public string? WouldLikeToChange { get; set; }

    public List<SupportKind>? Support { get; set; }

    public bool? ChangedNearOnset { get; set; }

    public ProblemArea? RelatedArea { get; set; }

    public bool? Deceased { get; set; }

}

public sealed class SessionDto
{
    public int Number { get; set; }

    public string? Date { get; set; }

    public string? Length { get; set; }

    public Phase Phase { get; set; }

    public SessionFormat Format { get; set; }

    public SessionStatus Status { get; set; }

    public List<SessionTask>? Tasks { get; set; }

    public List<string>? Techniques { get; set; }

    public List<MeasurementDto>? Measures { get; set; }

    public string? Notes { get; set; }
}

public sealed class MeasurementDto
{
    public string Instrument { get; set; } = "";

    public int? Total { get; set; }

    public List<int>? Items { get; set; }
}

public sealed class GoalDto
{
    public string Id { get; set; } = "";

    public string Description { get; set; } = "";

    public ProblemArea? Area { get; set; }

    public int? SetAtSession { get; set; }

    public List<GoalStepDto>? Steps { get; set; }

    public bool? Achieved { get; set; }
}

public sealed class GoalStepDto
{
    public string Description { get; set; } = "";

    public bool? Done { get; set; }

    public int? DoneAtSession { get; set; }
}

public sealed class DiaryEntryDto
{
    public string Date { get; set; } = "";

    public List<string>? Persons { get; set; }

    public string? WhatHappened { get; set; }

    public List<Emotion>? Emotions { get; set; }

    public int? Mood { get; set; }

    public string? Pattern { get; set; }
}
