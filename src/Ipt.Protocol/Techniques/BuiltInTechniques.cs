using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Techniques;

/// <summary>
/// The built-in technique catalogue: every general technique of Weissman's list, the IPT structures
/// and phase tasks that act as techniques, the strategies of each problem area, and the techniques
/// that are not IPT (flagged so the rule engine can warn when they are recorded). Every entry is
/// cited. [WMK ch. 10, MARK, STUART, MUFSON, FRANK, WHO, WILFLEY, ALPF]
/// </summary>
/// <remarks>
/// <para>No source gives a strict technique × phase table, so entries carry weights rather than
/// prohibitions; only plainly phase-bound tasks have a single phase (the interpersonal inventory
/// belongs to the initial phase, the relapse-prevention plan to termination). The weights are the
/// library's reading of the sources (an inference), and hosts adjust them with contributor
/// catalogues (see docs/extending.md).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public static class BuiltInTechniques
{
    /// <summary>Gets every built-in entry, in the order of the domain reference (general techniques, IPT structures, problem-area strategies, non-IPT techniques).</summary>
    public static ValueList<TechniqueEntry> All { get; } =
    [
        new TechniqueEntry
        {
            Id = TechniqueIds.NonDirectiveExploration,
            Name = "Non-directive exploration",
            Group = TechniqueGroup.Exploratory,
            Description = "Open, supportive questions and acknowledgement that let the patient raise and expand on material.",
            PhaseWeights = [new(Phase.PreTreatment, 0.3), new(Phase.Initial, 0.7), new(Phase.Middle, 0.6), new(Phase.Termination, 0.4), new(Phase.Maintenance, 0.5)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.DirectElicitation,
            Name = "Direct elicitation",
            Group = TechniqueGroup.Exploratory,
            Description = "Focused questions that gather specific information, such as symptoms, dates or who said what.",
            PhaseWeights = [new(Phase.PreTreatment, 0.4), new(Phase.Initial, 0.8), new(Phase.Middle, 0.5), new(Phase.Termination, 0.4), new(Phase.Maintenance, 0.4)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.AcceptanceOfPainfulAffect,
            Name = "Acceptance of painful affect",
            Group = TechniqueGroup.EncouragementOfAffect,
            Description = "Helping the patient accept painful feelings that cannot be changed, such as grief or disappointment.",
            PhaseWeights = [new(Phase.Initial, 0.4), new(Phase.Middle, 0.7), new(Phase.Termination, 0.6), new(Phase.Maintenance, 0.5)],
            AreaWeights = [new(ProblemArea.Grief, 1.0), new(ProblemArea.RoleTransition, 0.8), new(ProblemArea.RoleDispute, 0.5), new(ProblemArea.InterpersonalDeficits, 0.5)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.UseOfAffectInRelationships,
            Name = "Use of affect in relationships",
            Group = TechniqueGroup.EncouragementOfAffect,
            Description = "Helping the patient use feelings to guide what to say or do with others, and to express them appropriately.",
            PhaseWeights = [new(Phase.Initial, 0.2), new(Phase.Middle, 0.7), new(Phase.Termination, 0.4), new(Phase.Maintenance, 0.5)],
            AreaWeights = [new(ProblemArea.RoleDispute, 0.8), new(ProblemArea.InterpersonalDeficits, 0.7), new(ProblemArea.RoleTransition, 0.5), new(ProblemArea.Grief, 0.5)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.GeneratingSuppressedAffect,
            Name = "Generating suppressed affect",
            Group = TechniqueGroup.EncouragementOfAffect,
            Description = "Helping the patient notice and express feelings that are avoided or held back.",
            PhaseWeights = [new(Phase.Initial, 0.2), new(Phase.Middle, 0.6), new(Phase.Termination, 0.3), new(Phase.Maintenance, 0.4)],
            AreaWeights = [new(ProblemArea.Grief, 0.9), new(ProblemArea.RoleTransition, 0.7), new(ProblemArea.RoleDispute, 0.5), new(ProblemArea.InterpersonalDeficits, 0.4)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.Clarification,
            Name = "Clarification",
            Group = TechniqueGroup.Clarification,
            Description = "Restating what was said, pointing out contradictions and examining what was meant, to make it explicit.",
            PhaseWeights = [new(Phase.PreTreatment, 0.2), new(Phase.Initial, 0.6), new(Phase.Middle, 0.8), new(Phase.Termination, 0.5), new(Phase.Maintenance, 0.7)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.CommunicationAnalysis,
            Name = "Communication analysis",
            Group = TechniqueGroup.CommunicationAnalysis,
            Description = "A detailed review of one recent interaction: what was said, what was meant and felt, and what effect it had.",
            PhaseWeights = [new(Phase.Initial, 0.3), new(Phase.Middle, 0.9), new(Phase.Termination, 0.4), new(Phase.Maintenance, 0.8)],
            AreaWeights = [new(ProblemArea.RoleDispute, 1.0), new(ProblemArea.InterpersonalDeficits, 0.8), new(ProblemArea.RoleTransition, 0.6), new(ProblemArea.Grief, 0.4)],
            StageWeights = [new(RoleDisputeStage.Renegotiation, 0.9), new(RoleDisputeStage.Impasse, 1.0), new(RoleDisputeStage.Dissolution, 0.6)],
            Citation = new(Confidence.High, "WMK", "MARK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.UseOfTherapeuticRelationship,
            Name = "Use of the therapeutic relationship",
            Group = TechniqueGroup.TherapeuticRelationship,
            Description = "The patient's feelings and behaviour toward the therapist, used as a model of their other relationships.",
            PhaseWeights = [new(Phase.Initial, 0.2), new(Phase.Middle, 0.6), new(Phase.Termination, 0.6), new(Phase.Maintenance, 0.5)],
            AreaWeights = [new(ProblemArea.InterpersonalDeficits, 1.0), new(ProblemArea.RoleDispute, 0.3), new(ProblemArea.RoleTransition, 0.3), new(ProblemArea.Grief, 0.3)],
            StrategyFor = [ProblemArea.InterpersonalDeficits],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 8, ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.DirectiveTechniques,
            Name = "Directive techniques",
            Group = TechniqueGroup.BehaviourChange,
            Description = "Advice, suggestion, limit setting, education and modelling.",
            PhaseWeights = [new(Phase.PreTreatment, 0.2), new(Phase.Initial, 0.3), new(Phase.Middle, 0.6), new(Phase.Termination, 0.5), new(Phase.Maintenance, 0.5)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.DecisionAnalysis,
            Name = "Decision analysis",
            Group = TechniqueGroup.BehaviourChange,
            Description = "Generating options for an interpersonal problem and weighing their pros and cons with the patient.",
            PhaseWeights = [new(Phase.Initial, 0.2), new(Phase.Middle, 0.8), new(Phase.Termination, 0.4), new(Phase.Maintenance, 0.6)],
            AreaWeights = [new(ProblemArea.RoleDispute, 0.9), new(ProblemArea.RoleTransition, 0.8), new(ProblemArea.InterpersonalDeficits, 0.4), new(ProblemArea.Grief, 0.3)],
            StageWeights = [new(RoleDisputeStage.Renegotiation, 0.8), new(RoleDisputeStage.Impasse, 0.9), new(RoleDisputeStage.Dissolution, 1.0)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.RolePlay,
            Name = "Role play",
            Group = TechniqueGroup.BehaviourChange,
            Description = "Rehearsing a conversation or trying out new behaviour with the therapist playing the other person.",
            PhaseWeights = [new(Phase.Initial, 0.1), new(Phase.Middle, 0.8), new(Phase.Termination, 0.4), new(Phase.Maintenance, 0.6)],
            AreaWeights = [new(ProblemArea.RoleDispute, 0.9), new(ProblemArea.InterpersonalDeficits, 0.9), new(ProblemArea.RoleTransition, 0.7), new(ProblemArea.Grief, 0.3)],
            StageWeights = [new(RoleDisputeStage.Renegotiation, 1.0), new(RoleDisputeStage.Impasse, 0.8), new(RoleDisputeStage.Dissolution, 0.6)],
            StrategyFor = [ProblemArea.InterpersonalDeficits],
            Citation = new(Confidence.High, "WMK", "MARK") { Locator = "ch. 8, ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.ContractSetting,
            Name = "Contract setting",
            Group = TechniqueGroup.Adjunctive,
            Description = "Agreeing the treatment contract: number, frequency and length of sessions, focus and goals.",
            PhaseWeights = [new(Phase.PreTreatment, 0.3), new(Phase.Initial, 1.0), new(Phase.Middle, 0.2), new(Phase.Maintenance, 0.5)],
            OneOff = true,
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.AdministrativeDetails,
            Name = "Administrative details",
            Group = TechniqueGroup.Adjunctive,
            Description = "Practical arrangements: scheduling, missed sessions, fees, contact between sessions.",
            PhaseWeights = [new(Phase.PreTreatment, 0.5), new(Phase.Initial, 0.5), new(Phase.Middle, 0.2), new(Phase.Termination, 0.3), new(Phase.Maintenance, 0.3)],
            Citation = new(Confidence.High, "WMK") { Locator = "ch. 10" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.InterpersonalInventory,
            Name = "Interpersonal inventory",
            Group = TechniqueGroup.IptStructure,
            Description = "A structured review of the significant people in the patient's life, their closeness and what each relationship gives and lacks.",
            PhaseWeights = [new(Phase.Initial, 1.0)],
            Task = SessionTask.InterpersonalInventory,
            Citation = new(Confidence.High, "WMK", "ISIPT", "MARK") { Locator = "initial phase" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.ClosenessCircle,
            Name = "Closeness circle",
            Group = TechniqueGroup.IptStructure,
            Description = "Placing each person of the inventory on concentric rings, the closest in the inner ring.",
            PhaseWeights = [new(Phase.Initial, 0.9)],
            Task = SessionTask.ClosenessCircle,
            OneOff = true,
            Citation = new(Confidence.Medium, "MUFSON", "STUART"),
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.IntervalReview,
            Name = "Interval review",
            Group = TechniqueGroup.IptStructure,
            Description = "Opening the session with how things have been since the last meeting, linking mood changes to interpersonal events.",
            PhaseWeights = [new(Phase.Initial, 0.3), new(Phase.Middle, 1.0), new(Phase.Termination, 0.6), new(Phase.Maintenance, 1.0)],
            Task = SessionTask.IntervalReview,
            Citation = new(Confidence.High, "WMK", "ISIPT") { Locator = "middle phase" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.Psychoeducation,
            Name = "Psychoeducation",
            Group = TechniqueGroup.IptStructure,
            Description = "Naming the depression as a common, treatable illness and explaining how the treatment works.",
            PhaseWeights = [new(Phase.PreTreatment, 0.8), new(Phase.Initial, 1.0), new(Phase.Middle, 0.3), new(Phase.Termination, 0.2), new(Phase.Maintenance, 0.3)],
            Task = SessionTask.Psychoeducation,
            Citation = new(Confidence.High, "MARK", "IPTUK") { Locator = "initial phase" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.SickRole,
            Name = "Sick role",
            Group = TechniqueGroup.IptStructure,
            Description = "Giving the patient time-limited permission to be ill, together with the duty to work on recovery.",
            PhaseWeights = [new(Phase.Initial, 1.0), new(Phase.Middle, 0.3)],
            OneOff = true,
            Citation = new(Confidence.High, "IPTUK", "MARK") { Locator = "initial phase" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.InterpersonalFormulation,
            Name = "Interpersonal formulation",
            Group = TechniqueGroup.IptStructure,
            Description = "Presenting the link between the symptoms and the chosen problem area, and obtaining the patient's agreement.",
            PhaseWeights = [new(Phase.Initial, 1.0), new(Phase.Middle, 0.2)],
            OneOff = true,
            Citation = new(Confidence.High, "STUART", "MARK") { Locator = "formulation" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.LifeEventsTimeline,
            Name = "Life-events timeline",
            Group = TechniqueGroup.IptStructure,
            Description = "A timeline setting life events beside changes in mood, to link the onset of symptoms to the interpersonal context.",
            PhaseWeights = [new(Phase.Initial, 0.7), new(Phase.Middle, 0.3)],
            OneOff = true,
            Citation = new(Confidence.Medium, "MARK", "STUART", "MUFSON"),
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.GuidedMourning,
            Name = "Guided mourning",
            Group = TechniqueGroup.IptStructure,
            Description = "Reconstructing the relationship with the deceased, good and bad, so that mourning can proceed.",
            PhaseWeights = [new(Phase.Initial, 0.2), new(Phase.Middle, 1.0), new(Phase.Termination, 0.3), new(Phase.Maintenance, 0.4)],
            AreaWeights = [new(ProblemArea.Grief, 1.0)],
            StrategyFor = [ProblemArea.Grief],
            Citation = new(Confidence.High, "WMK", "MARK") { Locator = "grief" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.RelapsePreventionPlan,
            Name = "Relapse-prevention plan",
            Group = TechniqueGroup.IptStructure,
            Description = "Identifying warning signs of relapse and agreeing what to do if they appear.",
            PhaseWeights = [new(Phase.Termination, 1.0)],
            Task = SessionTask.RelapsePreventionPlan,
            OneOff = true,
            Citation = new(Confidence.High, "WMK", "STUART") { Locator = "termination" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.EndingDiscussion,
            Name = "Ending discussion",
            Group = TechniqueGroup.IptStructure,
            Description = "Raising the end of treatment explicitly, at least two sessions before the last, and keeping the time limit in view.",
            PhaseWeights = [new(Phase.Initial, 0.2), new(Phase.Middle, 0.5), new(Phase.Termination, 1.0), new(Phase.Maintenance, 0.2)],
            Task = SessionTask.EndingRaised,
            Citation = new(Confidence.High, "WMK", "STUART") { Locator = "termination" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.FeelingsAboutEnding,
            Name = "Feelings about ending",
            Group = TechniqueGroup.IptStructure,
            Description = "Acknowledging the patient's feelings about the end of treatment, framed as a role transition or possible grief.",
            PhaseWeights = [new(Phase.Termination, 1.0), new(Phase.Maintenance, 0.2)],
            Task = SessionTask.FeelingsAboutEnding,
            Citation = new(Confidence.High, "WMK", "STUART") { Locator = "termination" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.ProgressReview,
            Name = "Progress review",
            Group = TechniqueGroup.IptStructure,
            Description = "Reviewing progress with the patient, consolidating gains and asking why they are better.",
            PhaseWeights = [new(Phase.Middle, 0.4), new(Phase.Termination, 1.0), new(Phase.Maintenance, 0.6)],
            Task = SessionTask.ProgressReview,
            Citation = new(Confidence.High, "WMK", "ISIPT") { Locator = "termination" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.ContinuationPlanning,
            Name = "Continuation planning",
            Group = TechniqueGroup.IptStructure,
            Description = "Discussing continuation or maintenance treatment, or alternative treatment for non-responders.",
            PhaseWeights = [new(Phase.Middle, 0.2), new(Phase.Termination, 0.9), new(Phase.Maintenance, 0.6)],
            Task = SessionTask.ContinuationDiscussed,
            OneOff = true,
            Citation = new(Confidence.High, "WMK") { Locator = "termination" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.CaregiverSession,
            Name = "Caregiver session",
            Group = TechniqueGroup.IptStructure,
            Description = "A joint session with a parent or caregiver: psychoeducation, the limited sick role, and support for the work at home.",
            PhaseWeights = [new(Phase.Initial, 1.0), new(Phase.Middle, 0.4), new(Phase.Termination, 0.7)],
            Variants = [BuiltInProtocols.Adolescent.Id],
            Task = SessionTask.CaregiverInvolvement,
            Citation = new(Confidence.High, "MUFSON"),
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.SocialRhythmReview,
            Name = "Social-rhythm review",
            Group = TechniqueGroup.IptStructure,
            Description = "Reviewing the Social Rhythm Metric: the regularity of daily anchor activities and what disrupted them.",
            PhaseWeights = [new(Phase.Initial, 0.7), new(Phase.Middle, 1.0), new(Phase.Termination, 0.8), new(Phase.Maintenance, 0.8)],
            Variants = [BuiltInProtocols.SocialRhythm.Id],
            Task = SessionTask.SocialRhythmReview,
            Citation = new(Confidence.High, "FRANK"),
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.RiskReview,
            Name = "Risk review",
            Group = TechniqueGroup.Adjunctive,
            Description = "Reviewing risk to self at the first contact and whenever a safety item is positive or the scores worsen, following the service's safety procedure.",
            PhaseWeights = [new(Phase.PreTreatment, 0.1), new(Phase.Initial, 0.1), new(Phase.Middle, 0.1), new(Phase.Termination, 0.1), new(Phase.Maintenance, 0.1)],
            Task = SessionTask.RiskReview,
            Citation = new(Confidence.High, "NHSTT", "KROENKE01", "CONVENTION"),
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.PreGroupPreparation,
            Name = "Pre-group preparation",
            Group = TechniqueGroup.IptStructure,
            Description = "An individual meeting before the group starts: assessment, the problem area, and what to expect of the group.",
            PhaseWeights = [new(Phase.PreTreatment, 1.0)],
            Variants = [BuiltInProtocols.WhoGroup.Id, BuiltInProtocols.BingeEatingGroup.Id],
            OneOff = true,
            Citation = new(Confidence.High, "WHO", "WILFLEY"),
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.RelateOnsetToDeath,
            Name = "Relating onset to the death",
            Group = TechniqueGroup.IptStructure,
            Description = "Linking the onset of symptoms to the death of the significant person.",
            PhaseWeights = [new(Phase.Initial, 0.6), new(Phase.Middle, 0.5)],
            AreaWeights = [new(ProblemArea.Grief, 1.0)],
            StrategyFor = [ProblemArea.Grief],
            Citation = new(Confidence.High, "WMK") { Locator = "grief" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.DescribeEventsAroundDeath,
            Name = "Events around the death",
            Group = TechniqueGroup.IptStructure,
            Description = "Describing the events before, during and after the death in detail.",
            PhaseWeights = [new(Phase.Initial, 0.3), new(Phase.Middle, 0.9), new(Phase.Maintenance, 0.3)],
            AreaWeights = [new(ProblemArea.Grief, 1.0)],
            StrategyFor = [ProblemArea.Grief],
            Citation = new(Confidence.High, "WMK") { Locator = "grief" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.ExploreFeelingsAboutLoss,
            Name = "Feelings about the loss",
            Group = TechniqueGroup.IptStructure,
            Description = "Exploring the feelings linked to the loss, negative as well as positive.",
            PhaseWeights = [new(Phase.Initial, 0.3), new(Phase.Middle, 0.9), new(Phase.Termination, 0.4), new(Phase.Maintenance, 0.4)],
            AreaWeights = [new(ProblemArea.Grief, 1.0), new(ProblemArea.RoleDispute, 0.9)],
            StageWeights = [new(RoleDisputeStage.Dissolution, 1.0)],
            StrategyFor = [ProblemArea.Grief],
            Citation = new(Confidence.High, "WMK") { Locator = "grief" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.NewRelationshipsAfterLoss,
            Name = "New relationships after the loss",
            Group = TechniqueGroup.IptStructure,
            Description = "Considering ways of becoming involved with others and re-establishing interests.",
            PhaseWeights = [new(Phase.Middle, 0.8), new(Phase.Termination, 0.6), new(Phase.Maintenance, 0.5)],
            AreaWeights = [new(ProblemArea.Grief, 1.0)],
            StrategyFor = [ProblemArea.Grief],
            Citation = new(Confidence.High, "WMK") { Locator = "grief" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.RelateOnsetToDispute,
            Name = "Relating onset to the dispute",
            Group = TechniqueGroup.IptStructure,
            Description = "Linking the onset of symptoms to the dispute with the significant other.",
            PhaseWeights = [new(Phase.Initial, 0.6), new(Phase.Middle, 0.5), new(Phase.Maintenance, 0.2)],
            AreaWeights = [new(ProblemArea.RoleDispute, 1.0)],
            StrategyFor = [ProblemArea.RoleDispute],
            Citation = new(Confidence.High, "WMK", "CITC") { Locator = "role disputes" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.DisputeStageAssessment,
            Name = "Dispute-stage assessment",
            Group = TechniqueGroup.IptStructure,
            Description = "Determining whether the dispute is at renegotiation, impasse or dissolution.",
            PhaseWeights = [new(Phase.Initial, 0.8), new(Phase.Middle, 0.5), new(Phase.Termination, 0.1), new(Phase.Maintenance, 0.4)],
            AreaWeights = [new(ProblemArea.RoleDispute, 1.0)],
            StrategyFor = [ProblemArea.RoleDispute],
            Citation = new(Confidence.High, "WMK", "CITC") { Locator = "role disputes" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.NonreciprocalExpectations,
            Name = "Nonreciprocal expectations",
            Group = TechniqueGroup.IptStructure,
            Description = "Understanding what each party expects of the other: the issues, values, options and resources.",
            PhaseWeights = [new(Phase.Initial, 0.3), new(Phase.Middle, 1.0), new(Phase.Termination, 0.3), new(Phase.Maintenance, 0.7)],
            AreaWeights = [new(ProblemArea.RoleDispute, 1.0)],
            StageWeights = [new(RoleDisputeStage.Renegotiation, 1.0), new(RoleDisputeStage.Impasse, 0.9), new(RoleDisputeStage.Dissolution, 0.6)],
            StrategyFor = [ProblemArea.RoleDispute],
            Citation = new(Confidence.High, "WMK", "CITC") { Locator = "role disputes" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.ParallelsInOtherRelationships,
            Name = "Parallels in other relationships",
            Group = TechniqueGroup.IptStructure,
            Description = "Looking for the same pattern of dispute in the patient's other relationships.",
            PhaseWeights = [new(Phase.Initial, 0.1), new(Phase.Middle, 0.8), new(Phase.Termination, 0.3), new(Phase.Maintenance, 0.5)],
            AreaWeights = [new(ProblemArea.RoleDispute, 1.0)],
            StageWeights = [new(RoleDisputeStage.Renegotiation, 0.7), new(RoleDisputeStage.Impasse, 0.8), new(RoleDisputeStage.Dissolution, 0.6)],
            StrategyFor = [ProblemArea.RoleDispute],
            Citation = new(Confidence.High, "WMK", "CITC") { Locator = "role disputes" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.DisputePerpetuationAnalysis,
            Name = "How the dispute is perpetuated",
            Group = TechniqueGroup.IptStructure,
            Description = "Exploring how the dispute is kept going, and what would move an impasse toward renegotiation.",
            PhaseWeights = [new(Phase.Initial, 0.1), new(Phase.Middle, 0.9), new(Phase.Termination, 0.2), new(Phase.Maintenance, 0.5)],
            AreaWeights = [new(ProblemArea.RoleDispute, 1.0)],
            StageWeights = [new(RoleDisputeStage.Renegotiation, 0.7), new(RoleDisputeStage.Impasse, 1.0), new(RoleDisputeStage.Dissolution, 0.4)],
            StrategyFor = [ProblemArea.RoleDispute],
            Citation = new(Confidence.High, "WMK", "CITC") { Locator = "role disputes" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.OldAndNewRoleReview,
            Name = "Old and new roles",
            Group = TechniqueGroup.IptStructure,
            Description = "Reviewing the positive and negative aspects of the old role and the new one.",
            PhaseWeights = [new(Phase.Initial, 0.5), new(Phase.Middle, 1.0), new(Phase.Termination, 0.2), new(Phase.Maintenance, 0.4)],
            AreaWeights = [new(ProblemArea.RoleTransition, 1.0), new(ProblemArea.RoleDispute, 0.6)],
            StageWeights = [new(RoleDisputeStage.Dissolution, 1.0)],
            StrategyFor = [ProblemArea.RoleTransition],
            Citation = new(Confidence.Medium, "WMK") { Locator = "role transitions" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.FeelingsAboutRoleChange,
            Name = "Feelings about the change",
            Group = TechniqueGroup.IptStructure,
            Description = "Exploring feelings about the loss of the old role and the change itself, and evaluating what was lost realistically.",
            PhaseWeights = [new(Phase.Initial, 0.3), new(Phase.Middle, 0.9), new(Phase.Termination, 0.3), new(Phase.Maintenance, 0.4)],
            AreaWeights = [new(ProblemArea.RoleTransition, 1.0), new(ProblemArea.RoleDispute, 0.6)],
            StageWeights = [new(RoleDisputeStage.Dissolution, 1.0)],
            StrategyFor = [ProblemArea.RoleTransition],
            Citation = new(Confidence.Medium, "WMK") { Locator = "role transitions" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.NewRoleOpportunities,
            Name = "Opportunities in the new role",
            Group = TechniqueGroup.IptStructure,
            Description = "Exploring what the new role makes possible, so it can be seen more positively.",
            PhaseWeights = [new(Phase.Initial, 0.1), new(Phase.Middle, 0.9), new(Phase.Termination, 0.5), new(Phase.Maintenance, 0.5)],
            AreaWeights = [new(ProblemArea.RoleTransition, 1.0), new(ProblemArea.RoleDispute, 0.9)],
            StageWeights = [new(RoleDisputeStage.Dissolution, 1.0)],
            StrategyFor = [ProblemArea.RoleTransition],
            Citation = new(Confidence.Medium, "WMK") { Locator = "role transitions" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.SocialSupportAndSkills,
            Name = "Social support and new skills",
            Group = TechniqueGroup.IptStructure,
            Description = "Developing the social support and the skills the new role asks for.",
            PhaseWeights = [new(Phase.Initial, 0.1), new(Phase.Middle, 0.8), new(Phase.Termination, 0.5), new(Phase.Maintenance, 0.6)],
            AreaWeights = [new(ProblemArea.RoleTransition, 1.0), new(ProblemArea.InterpersonalDeficits, 0.6)],
            StrategyFor = [ProblemArea.RoleTransition],
            Citation = new(Confidence.Medium, "WMK") { Locator = "role transitions" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.PastRelationshipsReview,
            Name = "Past relationships",
            Group = TechniqueGroup.IptStructure,
            Description = "Reviewing past significant relationships, positive and negative.",
            PhaseWeights = [new(Phase.Initial, 0.5), new(Phase.Middle, 0.9), new(Phase.Maintenance, 0.3)],
            AreaWeights = [new(ProblemArea.InterpersonalDeficits, 1.0)],
            StrategyFor = [ProblemArea.InterpersonalDeficits],
            Citation = new(Confidence.High, "WMK", "STUART") { Locator = "ch. 8" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.RepeatedPatterns,
            Name = "Repeated patterns",
            Group = TechniqueGroup.IptStructure,
            Description = "Exploring patterns that repeat across relationships and keep the patient isolated.",
            PhaseWeights = [new(Phase.Initial, 0.2), new(Phase.Middle, 0.9), new(Phase.Termination, 0.3), new(Phase.Maintenance, 0.5)],
            AreaWeights = [new(ProblemArea.InterpersonalDeficits, 1.0)],
            StrategyFor = [ProblemArea.InterpersonalDeficits],
            Citation = new(Confidence.High, "WMK", "STUART") { Locator = "ch. 8" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.TransferenceInterpretation,
            Name = "Transference interpretation",
            Group = TechniqueGroup.NonIpt,
            Description = "Interpreting the patient's feelings toward the therapist as repetitions of early relationships (psychodynamic; not IPT).",
            Citation = new(Confidence.High, "ALPF", "WMK") { Locator = "what IPT does not use" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.DreamInterpretation,
            Name = "Dream interpretation",
            Group = TechniqueGroup.NonIpt,
            Description = "Working with the content of dreams (psychodynamic; not IPT).",
            Citation = new(Confidence.High, "ALPF", "WMK") { Locator = "what IPT does not use" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.FreeAssociation,
            Name = "Free association",
            Group = TechniqueGroup.NonIpt,
            Description = "Asking the patient to say whatever comes to mind (psychodynamic; not IPT).",
            Citation = new(Confidence.High, "ALPF", "WMK") { Locator = "what IPT does not use" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.CognitiveRestructuring,
            Name = "Cognitive restructuring",
            Group = TechniqueGroup.NonIpt,
            Description = "Challenging automatic thoughts with thought records as the main method (CBT; not IPT).",
            Citation = new(Confidence.Medium, "ALPF", "WMK") { Locator = "what IPT does not use" },
        },
        new TechniqueEntry
        {
            Id = TechniqueIds.ExposureHierarchy,
            Name = "Exposure hierarchy",
            Group = TechniqueGroup.NonIpt,
            Description = "Graded exposure to feared situations (behaviour therapy; not IPT).",
            Citation = new(Confidence.Medium, "ALPF", "WMK") { Locator = "what IPT does not use" },
        },
    ];

}
