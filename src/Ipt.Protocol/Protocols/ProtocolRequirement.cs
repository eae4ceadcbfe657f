namespace Ipt.Protocol.Protocols;

/// <summary>A variant-specific requirement or allowance of a protocol definition, read by rules and the advisor.</summary>
public enum ProtocolRequirement
{
    /// <summary>Twice-weekly sessions are allowed early in the course, read as the initial phase (standard IPT); IPT0114 reports sessions more often than the cadence elsewhere. [WMK] (H; "early" as the initial phase: L)</summary>
    TwiceWeeklyEarlyAllowed,

    /// <summary>A parent or caregiver joins the initial phase (IPT-A). [MUFSON] (H)</summary>
    CaregiverInInitialPhase,

    /// <summary>The limited sick role is used (IPT-A); IPT0805. [MUFSON] (M)</summary>
    LimitedSickRole,

    /// <summary>The closeness circle is used with the inventory (IPT-A). [MUFSON] (H)</summary>
    ClosenessCircle,

    /// <summary>Each member has an individual pre-group meeting before the first group session. [WHO, WILFLEY] (H)</summary>
    PreGroupMeeting,

    /// <summary>An individual meeting at mid-treatment (group IPT for binge eating, between group sessions 10 and 11); IPT0808. [WILFLEY] (M)</summary>
    MidTreatmentIndividualMeeting,

    /// <summary>An individual meeting after the last group session (group IPT for binge eating); IPT0809. [WILFLEY] (M)</summary>
    PostTreatmentIndividualMeeting,

    /// <summary>The Social Rhythm Metric is reviewed each session (IPSRT). [FRANK] (H)</summary>
    SocialRhythmMetric,

    /// <summary>Delivered by trained, supervised non-specialists; IPT0810 looks for supervision records. [WHO, IPC] (H)</summary>
    NonSpecialistDelivery,

    /// <summary>Follows a responded acute course (IPT-M); IPT0806 reports a start at caseness. [FRANK90, FRANK07] (H)</summary>
    FollowsAcuteCourse,

    /// <summary>Evaluation, support and triage rather than full treatment (IPT-EST): persisting symptoms need a decision on further treatment (IPT0807). [IPTEST] (H)</summary>
    Triage,
}

/// <summary>How a protocol classifies problem areas, where the schools disagree. [WMK, STUART]</summary>
public enum ProblemAreaTaxonomy
{
    /// <summary>Weissman's school: four areas; grief means a death, non-death losses are role transitions.</summary>
    Weissman,

    /// <summary>Stuart and Robertson's school: grief includes non-death losses, and interpersonal sensitivity modifies the other areas rather than standing as a fourth.</summary>
    Stuart,
}
