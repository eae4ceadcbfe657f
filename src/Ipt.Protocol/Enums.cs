namespace Ipt.Protocol;

/// <summary>
/// The IPT problem areas, one of which is the focus of a course: the four of Weissman's school [WMK] (H),
/// and IPSRT's fifth. Which areas a variant recognises is its <see cref="Protocols.ProtocolDefinition.ProblemAreas"/>.
/// </summary>
public enum ProblemArea
{
    /// <summary>Complicated bereavement: symptoms linked to the death of a significant person.</summary>
    Grief,

    /// <summary>Nonreciprocal expectations with a significant other.</summary>
    RoleDispute,

    /// <summary>A life change that requires a new role.</summary>
    RoleTransition,

    /// <summary>Social isolation, few or unsustained relationships, with no acute event (also called interpersonal sensitivity).</summary>
    InterpersonalDeficits,

    /// <summary>
    /// Grief for the lost healthy self: mourning the life and the self before a chronic illness (IPSRT's
    /// fifth problem area, for bipolar disorder). [FRANK] (M: Frank 2005 as quoted by several secondary
    /// sources)
    /// </summary>
    LostHealthySelf,
}

/// <summary>The stage of a role dispute, which must be determined when the focus is a role dispute. [WMK, CITC] (H)</summary>
public enum RoleDisputeStage
{
    /// <summary>Both parties are actively negotiating.</summary>
    Renegotiation,

    /// <summary>Negotiation has stopped; resentment.</summary>
    Impasse,

    /// <summary>The relationship is ending.</summary>
    Dissolution,
}

/// <summary>The phases of a course. Pre-treatment and maintenance are used by some variants only. [WMK, ISIPT] (H)</summary>
public enum Phase
{
    /// <summary>Pre-group or engagement meetings before the acute course (group variants, IPT-B).</summary>
    PreTreatment,

    /// <summary>Assessment, inventory, formulation and contract.</summary>
    Initial,

    /// <summary>Work on the chosen problem area.</summary>
    Middle,

    /// <summary>Ending, consolidation and relapse prevention.</summary>
    Termination,

    /// <summary>Continuation or maintenance treatment (IPT-M).</summary>
    Maintenance,
}

/// <summary>Who takes part in a session: its format. How it reaches the patient (in person, video, telephone) is <see cref="DeliveryMode"/>.</summary>
public enum SessionFormat
{
    /// <summary>The patient alone with the therapist.</summary>
    Individual,

    /// <summary>A group session.</summary>
    Group,

    /// <summary>The patient with a parent, caregiver or other family member (IPT-A's caregiver sessions). [MUFSON] (H)</summary>
    Joint,

    /// <summary>The patient with their partner.</summary>
    Couple,
}

/// <summary>
/// What became of a session: the attendance of the appointment, in the categories of the NHS
/// Talking Therapies data set (attended, did not attend, cancelled by the patient, cancelled by the
/// service) [NHSTT] (H). Patient attendance is reported as attendance, never as a protocol breach.
/// </summary>
public enum SessionStatus
{
    /// <summary>Scheduled, not yet held.</summary>
    Planned,

    /// <summary>Took place: the patient attended.</summary>
    Held,

    /// <summary>The patient did not attend (DNA) without cancelling.</summary>
    Missed,

    /// <summary>Called off in advance; the record does not say by whom.</summary>
    Cancelled,

    /// <summary>Called off in advance by the patient.</summary>
    CancelledByPatient,

    /// <summary>Called off in advance by the service (therapist illness, closure).</summary>
    CancelledByService,
}

/// <summary>Where a course stands: in progress, completed through its termination phase, or ended early. [NHSTT] (H)</summary>
public enum CourseStatus
{
    /// <summary>In progress: the course is judged only on what is due by the record's date.</summary>
    Active,

    /// <summary>Ended through the protocol's termination phase.</summary>
    Completed,

    /// <summary>Ended before the contracted course was delivered (dropout, transfer, referral, clinician's decision).</summary>
    EndedEarly,
}

/// <summary>Why a course ended early. [NHSTT] (H)</summary>
public enum EndReason
{
    /// <summary>The patient chose to stop.</summary>
    PatientWithdrew,

    /// <summary>The patient stopped attending and could not be reached.</summary>
    LostToContact,

    /// <summary>The patient moved to another service or clinician for the same treatment.</summary>
    Transferred,

    /// <summary>The patient was referred on to a different treatment or service.</summary>
    ReferredOn,

    /// <summary>The clinician or service ended the course.</summary>
    ClinicianEnded,

    /// <summary>Any other reason.</summary>
    Other,
}

/// <summary>How a session reaches the patient, separate from its format (individual, group, joint).</summary>
public enum DeliveryMode
{
    /// <summary>Face to face.</summary>
    InPerson,

    /// <summary>By video call.</summary>
    Video,

    /// <summary>By telephone.</summary>
    Telephone,
}

/// <summary>How an instrument's score is made from its items.</summary>
public enum ScoreKind
{
    /// <summary>The sum of the item scores: a whole number.</summary>
    Sum,

    /// <summary>The mean of the item scores: a decimal (the Social Rhythm Metric). [FRANK] (H)</summary>
    Mean,
}

/// <summary>Who rated a measurement.</summary>
public enum Rater
{
    /// <summary>The patient (a self-report questionnaire such as PHQ-9).</summary>
    Self,

    /// <summary>A clinician (a rating scale such as HRSD-17).</summary>
    Clinician,

    /// <summary>Someone else who knows the patient (a parent, a partner).</summary>
    Informant,
}

/// <summary>When a measurement outside the treatment sessions was taken.</summary>
public enum AssessmentOccasion
{
    /// <summary>At intake or assessment, before treatment. A baseline may come from here. [NHSTT] (H)</summary>
    Intake,

    /// <summary>At screening (for example the EPDS in perinatal care). [DENNIS] (H)</summary>
    Screening,

    /// <summary>Before the first treatment session, outside a meeting (for example a pre-group questionnaire).</summary>
    PreTreatment,

    /// <summary>After the course (for example at 3, 6 or 12 months).</summary>
    FollowUp,

    /// <summary>Between sessions or at any other time.</summary>
    Other,
}

/// <summary>A dated life event, used to relate the onset of symptoms to the interpersonal context. [WMK] (H)</summary>
public enum LifeEventKind
{
    /// <summary>The death of someone significant (relevant to a grief focus).</summary>
    Death,

    /// <summary>A birth (becoming a parent, a new family member).</summary>
    Birth,

    /// <summary>A separation or divorce.</summary>
    Separation,

    /// <summary>A move of home.</summary>
    Move,

    /// <summary>The loss of a job.</summary>
    JobLoss,

    /// <summary>An illness or a diagnosis.</summary>
    Illness,

    /// <summary>Retirement.</summary>
    Retirement,

    /// <summary>Any other significant event.</summary>
    Other,
}

/// <summary>The part a clinician plays in a session.</summary>
public enum ClinicianRole
{
    /// <summary>The therapist, or the lead facilitator of a group.</summary>
    Lead,

    /// <summary>A co-therapist or co-facilitator.</summary>
    CoTherapist,
}

/// <summary>
/// A protocol task recorded as done in a session. Tasks record <em>when</em> something the
/// protocol asks for happened; the content (people, focus, contract) lives in the course's own
/// records. Interventions are recorded as techniques, not tasks.
/// </summary>
public enum SessionTask
{
    /// <summary>Diagnose and rate severity with a standard instrument. [MARK, WMK] (H)</summary>
    Diagnosis,

    /// <summary>Name the depression as a treatable illness. [MARK, IPTUK] (H)</summary>
    Psychoeducation,

    /// <summary>Assess whether medication is also needed. [MARK] (H)</summary>
    MedicationAssessment,

    /// <summary>Work on the interpersonal inventory. [WMK, ISIPT] (H)</summary>
    InterpersonalInventory,

    /// <summary>Place people on the closeness circle. [MUFSON] (M)</summary>
    ClosenessCircle,

    /// <summary>Link the onset or maintenance of symptoms to the interpersonal context. [WMK] (H)</summary>
    SymptomLinking,

    /// <summary>Set goals and break them into steps. [SEEDS] (M)</summary>
    GoalSetting,

    /// <summary>Open with a review of the interval since the last session, linking mood to events. [WMK, ISIPT] (H)</summary>
    IntervalReview,

    /// <summary>Raise the ending of treatment explicitly. [WMK, STUART] (H)</summary>
    EndingRaised,

    /// <summary>Acknowledge feelings about ending. [WMK] (H)</summary>
    FeelingsAboutEnding,

    /// <summary>Review progress and consolidate gains. [WMK, ISIPT] (H)</summary>
    ProgressReview,

    /// <summary>Identify warning signs of relapse and contingency plans. [WMK, STUART] (H)</summary>
    RelapsePreventionPlan,

    /// <summary>Discuss continuation or maintenance treatment. [WMK] (H)</summary>
    ContinuationDiscussed,

    /// <summary>Offer alternative or additional treatment (non-responders). [WMK] (H)</summary>
    AlternativeTreatmentDiscussed,

    /// <summary>Review risk after a positive safety item. [general clinical convention] (H)</summary>
    RiskReview,

    /// <summary>Review the treatment plan (no improvement by mid-treatment). [WMK] (H)</summary>
    PlanReview,

    /// <summary>A parent or caregiver took part (IPT-A). [MUFSON] (H)</summary>
    CaregiverInvolvement,

    /// <summary>Review the Social Rhythm Metric (IPSRT). [FRANK] (H)</summary>
    SocialRhythmReview,

    /// <summary>
    /// Recall the time limit: the number of sessions left (IPT0507). IPT is time-limited and defines the
    /// time frame from the outset [ISIPT, WMK] (H); the adherence scales rate reminders of it [CSPRS] (M).
    /// </summary>
    TimeLimitReminder,
}

/// <summary>The relationship of a person in the inventory to the patient.</summary>
public enum Relationship
{
    /// <summary>Partner or spouse.</summary>
    Partner,

    /// <summary>Parent or step-parent.</summary>
    Parent,

    /// <summary>Child.</summary>
    Child,

    /// <summary>Brother or sister.</summary>
    Sibling,

    /// <summary>Another relative.</summary>
    OtherRelative,

    /// <summary>Friend.</summary>
    Friend,

    /// <summary>Colleague, manager or fellow student.</summary>
    Colleague,

    /// <summary>Neighbour.</summary>
    Neighbour,

    /// <summary>Caregiver (not a parent).</summary>
    Caregiver,

    /// <summary>Any other relationship.</summary>
    Other,
}

/// <summary>How often the patient is in contact with a person.</summary>
public enum ContactFrequency
{
    /// <summary>Every day or nearly.</summary>
    Daily,

    /// <summary>About weekly.</summary>
    Weekly,

    /// <summary>About monthly.</summary>
    Monthly,

    /// <summary>A few times a year or less.</summary>
    Rarely,

    /// <summary>No contact now.</summary>
    None,
}

/// <summary>A kind of support a person gives the patient.</summary>
public enum SupportKind
{
    /// <summary>Emotional support.</summary>
    Emotional,

    /// <summary>Practical help.</summary>
    Practical,

    /// <summary>Financial help.</summary>
    Financial,

    /// <summary>Information or advice.</summary>
    Informational,

    /// <summary>Company and shared time.</summary>
    Companionship,
}

/// <summary>Where a course is delivered: descriptive metadata, not a rule. [SEEDS]</summary>
public enum CareSetting
{
    /// <summary>Outpatient clinic.</summary>
    Outpatient,

    /// <summary>Inpatient unit.</summary>
    Inpatient,

    /// <summary>Community health centre.</summary>
    CommunityHealth,

    /// <summary>Primary care.</summary>
    PrimaryCare,

    /// <summary>School.</summary>
    School,

    /// <summary>University.</summary>
    University,

    /// <summary>Employee-assistance programme.</summary>
    EmployeeAssistance,

    /// <summary>Corrections facility.</summary>
    Corrections,

    /// <summary>Online or remote service.</summary>
    Online,
}

/// <summary>An emotion named in a diary entry (seed 001: interpersonal events, emotions, patterns).</summary>
public enum Emotion
{
    /// <summary>Sadness.</summary>
    Sadness,

    /// <summary>Anger or irritation.</summary>
    Anger,

    /// <summary>Anxiety or worry.</summary>
    Anxiety,

    /// <summary>Guilt.</summary>
    Guilt,

    /// <summary>Shame.</summary>
    Shame,

    /// <summary>Loneliness.</summary>
    Loneliness,

    /// <summary>Joy or happiness.</summary>
    Joy,

    /// <summary>Relief.</summary>
    Relief,

    /// <summary>Hurt.</summary>
    Hurt,

    /// <summary>Any other emotion.</summary>
    Other,
}

/// <summary>How well a fact is supported by its sources (the domain reference's H / M / L marks).</summary>
public enum Confidence
{
    /// <summary>Recollection: treat as a configurable default rather than a hard rule.</summary>
    Low,

    /// <summary>Secondary or partly confirmed.</summary>
    Medium,

    /// <summary>Stated in a primary manual or several good sources.</summary>
    High,
}
