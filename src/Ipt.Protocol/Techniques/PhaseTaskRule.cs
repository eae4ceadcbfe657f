using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Techniques;

/// <summary>When a phase task is due, as the advisor reads it.</summary>
internal enum PhaseTaskTiming
{
    /// <summary>Due from the first session of its phase; overdue at the last session of the phase (when the phase has more than one) and in the next phase.</summary>
    Early,

    /// <summary>Due in every session of its phase until done; overdue after the phase.</summary>
    Throughout,

    /// <summary>Due at the last session of its phase (weighted down before); overdue after the phase.</summary>
    Late,

    /// <summary>Due in every session of its phase.</summary>
    Recurring,

    /// <summary>The ending: due from N − early notice, overdue from N − notice (the protocol's parameters).</summary>
    Ending,
}

/// <summary>
/// A protocol task that the advisor puts before the weighted techniques: when due it ranks as a
/// phase (or variant) task, when late as overdue. The rules restate sections 4 and 10 of the domain
/// reference (initial-phase tasks, interval review, ending by N−2, termination tasks; caregiver,
/// closeness circle, social rhythm and pre-group meetings for their variants).
/// </summary>
/// <param name="Technique">The catalogue entry that carries the task out (skipped when the catalogue has none).</param>
/// <param name="Phase">The task's phase; <see cref="Phase.Middle"/> stands for the protocol's core phase.</param>
/// <param name="Timing">When it is due.</param>
/// <param name="Requirement">The variant requirement that calls for it, or <see langword="null"/> for every variant.</param>
internal sealed record PhaseTaskRule(TechniqueId Technique, Phase Phase, PhaseTaskTiming Timing, ProtocolRequirement? Requirement = null)
{
    /// <summary>Gets the built-in rules. [WMK, MARK, ISIPT, STUART, MUFSON, FRANK, WHO, WILFLEY] (H)</summary>
    public static IReadOnlyList<PhaseTaskRule> All { get; } =
    [
        new(TechniqueIds.PreGroupPreparation, Phase.PreTreatment, PhaseTaskTiming.Early, ProtocolRequirement.PreGroupMeeting),
        new(TechniqueIds.Psychoeducation, Phase.Initial, PhaseTaskTiming.Early),
        new(TechniqueIds.SickRole, Phase.Initial, PhaseTaskTiming.Early),
        new(TechniqueIds.InterpersonalInventory, Phase.Initial, PhaseTaskTiming.Early),
        new(TechniqueIds.ClosenessCircle, Phase.Initial, PhaseTaskTiming.Early, ProtocolRequirement.ClosenessCircle),
        new(TechniqueIds.CaregiverSession, Phase.Initial, PhaseTaskTiming.Early, ProtocolRequirement.CaregiverInInitialPhase),
        new(TechniqueIds.InterpersonalFormulation, Phase.Initial, PhaseTaskTiming.Late),
        new(TechniqueIds.ContractSetting, Phase.Initial, PhaseTaskTiming.Late),
        new(TechniqueIds.IntervalReview, Phase.Middle, PhaseTaskTiming.Recurring),
        new(TechniqueIds.SocialRhythmReview, Phase.Middle, PhaseTaskTiming.Recurring, ProtocolRequirement.SocialRhythmMetric),
        new(TechniqueIds.EndingDiscussion, Phase.Termination, PhaseTaskTiming.Ending),
        new(TechniqueIds.ProgressReview, Phase.Termination, PhaseTaskTiming.Early),
        new(TechniqueIds.RelapsePreventionPlan, Phase.Termination, PhaseTaskTiming.Throughout),
        new(TechniqueIds.ContinuationPlanning, Phase.Termination, PhaseTaskTiming.Throughout),
    ];
}
