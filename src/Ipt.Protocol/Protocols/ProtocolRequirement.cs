namespace Ipt.Protocol.Protocols;

/// <summary>A variant-specific requirement or allowance of a protocol definition, read by rules and the advisor.</summary>
public enum ProtocolRequirement
{
    /// <summary>Twice-weekly sessions are allowed early in the course (standard IPT). [WMK] (H)</summary>
    TwiceWeeklyEarlyAllowed,

    /// <summary>A parent or caregiver joins the initial phase (IPT-A). [MUFSON] (H)</summary>
    CaregiverInInitialPhase,

    /// <summary>The limited sick role is used (IPT-A). [MUFSON] (H)</summary>
    LimitedSickRole,

    /// <summary>The closeness circle is used with the inventory (IPT-A). [MUFSON] (H)</summary>
    ClosenessCircle,

    /// <summary>Each member has an individual pre-group meeting before the first group session. [WHO, WILFLEY] (H)</summary>
    PreGroupMeeting,

    /// <summary>An individual meeting at mid-treatment (group IPT for binge eating, between group sessions 10 and 11). [WILFLEY] (H)</summary>
    MidTreatmentIndividualMeeting,

    /// <summary>An individual meeting after the last group session (group IPT for binge eating). [WILFLEY] (H)</summary>
    PostTreatmentIndividualMeeting,

    /// <summary>The Social Rhythm Metric is reviewed each session (IPSRT). [FRANK] (H)</summary>
    SocialRhythmMetric,

    /// <summary>A "manageable" focus is chosen (IPT-B). [SWARTZ] (H)</summary>
    ManageableFocus,

    /// <summary>Delivered by trained, supervised non-specialists. [WHO, IPC] (H)</summary>
    NonSpecialistDelivery,

    /// <summary>Follows a responded acute course (IPT-M). [FRANK90, FRANK07] (H)</summary>
    FollowsAcuteCourse,

    /// <summary>Evaluation, support and triage rather than full treatment (IPT-EST). [IPTEST] (H)</summary>
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
