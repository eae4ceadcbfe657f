using Ipt.Protocol.Rules.BuiltIn;

namespace Ipt.Protocol.Rules;

/// <summary>The descriptors the engine itself reports (<c>IPT00xx</c>).</summary>
public static class EngineDescriptors
{
    /// <summary>IPT0001: a rule threw; it is skipped and the other rules still run.</summary>
    public static DiagnosticDescriptor RuleFailed { get; } = new(
        "IPT0001",
        "Rule failed",
        "Rule {rule} failed with an internal error and was skipped; the other findings are complete.",
        RuleCategory.Engine,
        DiagnosticSeverity.Error,
        new Citation(Confidence.High, "CONVENTION")) { IsConfigurable = false };

    /// <summary>IPT0002: the course names a protocol the registry does not hold.</summary>
    public static DiagnosticDescriptor UnknownProtocol { get; } = new(
        "IPT0002",
        "Unknown protocol",
        "The course follows protocol '{protocol}', which is not registered; register the variant or fix the id.",
        RuleCategory.Engine,
        DiagnosticSeverity.Error,
        new Citation(Confidence.High, "CONVENTION")) { IsConfigurable = false };

    /// <summary>
    /// IPT0003: more findings than <see cref="ValidatorOptions.MaxDiagnostics"/>; the report lists the
    /// first ones and this one counts the rest by rule id. Its severity is the highest of the findings
    /// left out, so a capped report never hides an error (a safety finding) silently.
    /// </summary>
    public static DiagnosticDescriptor FindingsOmitted { get; } = new(
        "IPT0003",
        "Findings left out of a long report",
        "The report lists the first {listed} findings; {omitted} more were left out ({counts}). Fix the listed ones or raise ValidatorOptions.MaxDiagnostics to see them.",
        RuleCategory.Engine,
        DiagnosticSeverity.Error,
        new Citation(Confidence.High, "CONVENTION")) { IsConfigurable = false };

    /// <summary>Gets the engine descriptors in id order.</summary>
    public static ValueList<DiagnosticDescriptor> All { get; } = [RuleFailed, UnknownProtocol, FindingsOmitted];
}

/// <summary>
/// The built-in rules, in id order, and every built-in descriptor (engine descriptors included),
/// for documentation and for tools such as <c>ipt rules</c>. Each protocol variant runs the subset
/// whose <see cref="CourseRule.AppliesTo"/> matches it (see <see cref="CourseValidator.RulesFor"/>).
/// </summary>
public static class BuiltInRules
{
    /// <summary>Gets every built-in rule, in id order.</summary>
    public static ValueList<CourseRule> All { get; } =
    [
        SessionCountRule.Instance,
        DuplicateSessionNumberRule.Instance,
        SessionNumberGapRule.Instance,
        SessionDatesOrderRule.Instance,
        CadenceGapRule.Instance,
        SessionLengthRule.Instance,
        ContractChangedRule.Instance,
        HeldAfterContractEndRule.Instance,
        ContractedSessionsNotReachedRule.Instance,
        MakeUpSessionRule.Instance,
        LifecycleValuesRule.Instance,
        SessionAfterRecordRule.Instance,
        UnknownPersonRule.Instance,
        MoreOftenThanCadenceRule.Instance,
        FormatNotAllowedRule.Instance,
        PhaseOrderRule.Instance,
        InitialPhaseTooLongRule.Instance,
        MiddlePhaseMissingRule.Instance,
        TerminationTooShortRule.Instance,
        PhaseMismatchRule.Instance,
        BaselineMeasureRule.Instance,
        InventoryEmptyRule.Instance,
        NoProblemAreaRule.Instance,
        FormulationNotAgreedRule.Instance,
        SickRoleRule.Instance,
        PsychoeducationRule.Instance,
        ContractNotAgreedRule.Instance,
        MedicationAssessmentRule.Instance,
        FirstContactRiskRule.Instance,
        InventoryTimingRule.Instance,
        DiagnosisRule.Instance,
        SymptomLinkingRule.Instance,
        TooManyFocusAreasRule.Instance,
        PrimaryFocusRule.Instance,
        DeficitsWhileOtherAppliesRule.Instance,
        DisputeStageRule.Instance,
        GriefWithoutDeathRule.Instance,
        FocusChangedRule.Instance,
        DeficitsDespiteLifeEventRule.Instance,
        UnrecognisedProblemAreaRule.Instance,
        TechniquePhaseRule.Instance,
        UnknownTechniqueRule.Instance,
        NonIptTechniqueRule.Instance,
        IntervalReviewRule.Instance,
        StrategyUsedRule.Instance,
        FocusKeptRule.Instance,
        TimeLimitReminderRule.Instance,
        EndingNoticeRule.Instance,
        EarlyEndingNoticeRule.Instance,
        ProgressReviewRule.Instance,
        RelapsePreventionRule.Instance,
        ContinuationRule.Instance,
        NonResponderRule.Instance,
        EndedEarlyRule.Instance,
        FeelingsAboutEndingRule.Instance,
        ScoreRangeRule.Instance,
        TotalMatchesItemsRule.Instance,
        MonitoringGapRule.Instance,
        SafetyItemRule.Instance,
        MidTreatmentReviewRule.Instance,
        UnknownInstrumentRule.Instance,
        SafetyItemNotRecordedRule.Instance,
        DeteriorationRule.Instance,
        EndOfTreatmentMeasureRule.Instance,
        ScoreKindRule.Instance,
        CaregiverRule.Instance,
        PatientAgeRule.Instance,
        PreGroupMeetingRule.Instance,
        SocialRhythmRule.Instance,
        LimitedSickRoleRule.Instance,
        FollowsAcuteCourseRule.Instance,
        TriageRule.Instance,
        MidTreatmentMeetingRule.Instance,
        PostTreatmentMeetingRule.Instance,
        SupervisionRule.Instance,
        GroupSizeRule.Instance,
        ClosenessCircleRule.Instance,
    ];

    /// <summary>
    /// Gets the ids of removed built-in rules. A retired id is never given to another rule; its page
    /// and table row stay, marked retired. None so far.
    /// </summary>
    public static ValueList<string> RetiredIds { get; } = [];

    /// <summary>Gets every built-in descriptor (engine descriptors and one per rule), in id order.</summary>
    public static ValueList<DiagnosticDescriptor> Descriptors { get; } = [.. EngineDescriptors.All, .. All.Select(r => r.Descriptor)];

    /// <summary>Looks up a built-in descriptor by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="descriptor">The descriptor, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryGetDescriptor(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DiagnosticDescriptor? descriptor)
    {
        foreach (var candidate in Descriptors)
        {
            if (candidate.Id == id)
            {
                descriptor = candidate;
                return true;
            }
        }

        descriptor = null;
        return false;
    }
}
