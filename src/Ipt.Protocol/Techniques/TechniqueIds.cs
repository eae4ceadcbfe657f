namespace Ipt.Protocol.Techniques;

/// <summary>The ids of the built-in technique catalogue entries (see <see cref="BuiltInTechniques"/>), shared by the rule engine, the advisor and hosts.</summary>
/// <remarks>Ids are stable: they are never renamed, so recorded courses keep their meaning.</remarks>
public static class TechniqueIds
{
    /// <summary>Gets <c>non-directive-exploration</c>: non-directive exploration.</summary>
    public static TechniqueId NonDirectiveExploration { get; } = TechniqueId.From("non-directive-exploration");

    /// <summary>Gets <c>direct-elicitation</c>: direct elicitation.</summary>
    public static TechniqueId DirectElicitation { get; } = TechniqueId.From("direct-elicitation");

    /// <summary>Gets <c>acceptance-of-painful-affect</c>: acceptance of painful affect.</summary>
    public static TechniqueId AcceptanceOfPainfulAffect { get; } = TechniqueId.From("acceptance-of-painful-affect");

    /// <summary>Gets <c>use-of-affect-in-relationships</c>: use of affect in relationships.</summary>
    public static TechniqueId UseOfAffectInRelationships { get; } = TechniqueId.From("use-of-affect-in-relationships");

    /// <summary>Gets <c>generating-suppressed-affect</c>: generating suppressed affect.</summary>
    public static TechniqueId GeneratingSuppressedAffect { get; } = TechniqueId.From("generating-suppressed-affect");

    /// <summary>Gets <c>clarification</c>: clarification.</summary>
    public static TechniqueId Clarification { get; } = TechniqueId.From("clarification");

    /// <summary>Gets <c>communication-analysis</c>: communication analysis.</summary>
    public static TechniqueId CommunicationAnalysis { get; } = TechniqueId.From("communication-analysis");

    /// <summary>Gets <c>use-of-therapeutic-relationship</c>: use of the therapeutic relationship.</summary>
    public static TechniqueId UseOfTherapeuticRelationship { get; } = TechniqueId.From("use-of-therapeutic-relationship");

    /// <summary>Gets <c>directive-techniques</c>: directive techniques.</summary>
    public static TechniqueId DirectiveTechniques { get; } = TechniqueId.From("directive-techniques");

    /// <summary>Gets <c>decision-analysis</c>: decision analysis.</summary>
    public static TechniqueId DecisionAnalysis { get; } = TechniqueId.From("decision-analysis");

    /// <summary>Gets <c>role-play</c>: role play.</summary>
    public static TechniqueId RolePlay { get; } = TechniqueId.From("role-play");

    /// <summary>Gets <c>contract-setting</c>: contract setting.</summary>
    public static TechniqueId ContractSetting { get; } = TechniqueId.From("contract-setting");

    /// <summary>Gets <c>administrative-details</c>: administrative details.</summary>
    public static TechniqueId AdministrativeDetails { get; } = TechniqueId.From("administrative-details");

    /// <summary>Gets <c>interpersonal-inventory</c>: interpersonal inventory.</summary>
    public static TechniqueId InterpersonalInventory { get; } = TechniqueId.From("interpersonal-inventory");

    /// <summary>Gets <c>closeness-circle</c>: closeness circle.</summary>
    public static TechniqueId ClosenessCircle { get; } = TechniqueId.From("closeness-circle");

    /// <summary>Gets <c>interval-review</c>: interval review.</summary>
    public static TechniqueId IntervalReview { get; } = TechniqueId.From("interval-review");

    /// <summary>Gets <c>psychoeducation</c>: psychoeducation.</summary>
    public static TechniqueId Psychoeducation { get; } = TechniqueId.From("psychoeducation");

    /// <summary>Gets <c>sick-role</c>: sick role.</summary>
    public static TechniqueId SickRole { get; } = TechniqueId.From("sick-role");

    /// <summary>Gets <c>interpersonal-formulation</c>: interpersonal formulation.</summary>
    public static TechniqueId InterpersonalFormulation { get; } = TechniqueId.From("interpersonal-formulation");

    /// <summary>Gets <c>life-events-timeline</c>: life-events timeline.</summary>
    public static TechniqueId LifeEventsTimeline { get; } = TechniqueId.From("life-events-timeline");

    /// <summary>Gets <c>guided-mourning</c>: guided mourning.</summary>
    public static TechniqueId GuidedMourning { get; } = TechniqueId.From("guided-mourning");

    /// <summary>Gets <c>relapse-prevention-plan</c>: relapse-prevention plan.</summary>
    public static TechniqueId RelapsePreventionPlan { get; } = TechniqueId.From("relapse-prevention-plan");

    /// <summary>Gets <c>ending-discussion</c>: ending discussion.</summary>
    public static TechniqueId EndingDiscussion { get; } = TechniqueId.From("ending-discussion");

    /// <summary>Gets <c>feelings-about-ending</c>: feelings about ending.</summary>
    public static TechniqueId FeelingsAboutEnding { get; } = TechniqueId.From("feelings-about-ending");

    /// <summary>Gets <c>progress-review</c>: progress review.</summary>
    public static TechniqueId ProgressReview { get; } = TechniqueId.From("progress-review");

    /// <summary>Gets <c>continuation-planning</c>: continuation planning.</summary>
    public static TechniqueId ContinuationPlanning { get; } = TechniqueId.From("continuation-planning");

    /// <summary>Gets <c>caregiver-session</c>: caregiver session.</summary>
    public static TechniqueId CaregiverSession { get; } = TechniqueId.From("caregiver-session");

    /// <summary>Gets <c>social-rhythm-review</c>: Social-rhythm review.</summary>
    public static TechniqueId SocialRhythmReview { get; } = TechniqueId.From("social-rhythm-review");

    /// <summary>Gets <c>pre-group-preparation</c>: pre-group preparation.</summary>
    public static TechniqueId PreGroupPreparation { get; } = TechniqueId.From("pre-group-preparation");

    /// <summary>Gets <c>risk-review</c>: risk review.</summary>
    public static TechniqueId RiskReview { get; } = TechniqueId.From("risk-review");

    /// <summary>Gets <c>relate-onset-to-death</c>: relating onset to the death.</summary>
    public static TechniqueId RelateOnsetToDeath { get; } = TechniqueId.From("relate-onset-to-death");

    /// <summary>Gets <c>describe-events-around-death</c>: events around the death.</summary>
    public static TechniqueId DescribeEventsAroundDeath { get; } = TechniqueId.From("describe-events-around-death");

    /// <summary>Gets <c>explore-feelings-about-loss</c>: feelings about the loss.</summary>
    public static TechniqueId ExploreFeelingsAboutLoss { get; } = TechniqueId.From("explore-feelings-about-loss");

    /// <summary>Gets <c>new-relationships-after-loss</c>: new relationships after the loss.</summary>
    public static TechniqueId NewRelationshipsAfterLoss { get; } = TechniqueId.From("new-relationships-after-loss");

    /// <summary>Gets <c>relate-onset-to-dispute</c>: relating onset to the dispute.</summary>
    public static TechniqueId RelateOnsetToDispute { get; } = TechniqueId.From("relate-onset-to-dispute");

    /// <summary>Gets <c>dispute-stage-assessment</c>: dispute-stage assessment.</summary>
    public static TechniqueId DisputeStageAssessment { get; } = TechniqueId.From("dispute-stage-assessment");

    /// <summary>Gets <c>nonreciprocal-expectations</c>: nonreciprocal expectations.</summary>
    public static TechniqueId NonreciprocalExpectations { get; } = TechniqueId.From("nonreciprocal-expectations");

    /// <summary>Gets <c>parallels-in-other-relationships</c>: parallels in other relationships.</summary>
    public static TechniqueId ParallelsInOtherRelationships { get; } = TechniqueId.From("parallels-in-other-relationships");

    /// <summary>Gets <c>dispute-perpetuation-analysis</c>: how the dispute is perpetuated.</summary>
    public static TechniqueId DisputePerpetuationAnalysis { get; } = TechniqueId.From("dispute-perpetuation-analysis");

    /// <summary>Gets <c>old-and-new-role-review</c>: old and new roles.</summary>
    public static TechniqueId OldAndNewRoleReview { get; } = TechniqueId.From("old-and-new-role-review");

    /// <summary>Gets <c>feelings-about-role-change</c>: feelings about the change.</summary>
    public static TechniqueId FeelingsAboutRoleChange { get; } = TechniqueId.From("feelings-about-role-change");

    /// <summary>Gets <c>new-role-opportunities</c>: opportunities in the new role.</summary>
    public static TechniqueId NewRoleOpportunities { get; } = TechniqueId.From("new-role-opportunities");

    /// <summary>Gets <c>social-support-and-skills</c>: Social support and new skills.</summary>
    public static TechniqueId SocialSupportAndSkills { get; } = TechniqueId.From("social-support-and-skills");

    /// <summary>Gets <c>past-relationships-review</c>: past relationships.</summary>
    public static TechniqueId PastRelationshipsReview { get; } = TechniqueId.From("past-relationships-review");

    /// <summary>Gets <c>repeated-patterns</c>: repeated patterns.</summary>
    public static TechniqueId RepeatedPatterns { get; } = TechniqueId.From("repeated-patterns");

    /// <summary>Gets <c>transference-interpretation</c>: transference interpretation.</summary>
    public static TechniqueId TransferenceInterpretation { get; } = TechniqueId.From("transference-interpretation");

    /// <summary>Gets <c>dream-interpretation</c>: dream interpretation.</summary>
    public static TechniqueId DreamInterpretation { get; } = TechniqueId.From("dream-interpretation");

    /// <summary>Gets <c>free-association</c>: free association.</summary>
    public static TechniqueId FreeAssociation { get; } = TechniqueId.From("free-association");

    /// <summary>Gets <c>cognitive-restructuring</c>: cognitive restructuring.</summary>
    public static TechniqueId CognitiveRestructuring { get; } = TechniqueId.From("cognitive-restructuring");

    /// <summary>Gets <c>exposure-hierarchy</c>: exposure hierarchy.</summary>
    public static TechniqueId ExposureHierarchy { get; } = TechniqueId.From("exposure-hierarchy");
}
