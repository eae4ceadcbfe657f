namespace Ipt.Protocol.Techniques;

/// <summary>The group a technique belongs to (Weissman's list, plus IPT-specific structures and non-IPT techniques). [WMK ch. 10] (H)</summary>
public enum TechniqueGroup
{
    /// <summary>Non-directive exploration; direct elicitation.</summary>
    Exploratory,

    /// <summary>Acceptance of painful affect; use of affect in relationships; generating suppressed affect.</summary>
    EncouragementOfAffect,

    /// <summary>Restating, pointing out contradictions, examining what was said.</summary>
    Clarification,

    /// <summary>Detailed review of a specific interaction.</summary>
    CommunicationAnalysis,

    /// <summary>The patient's feelings toward the therapist as a model of other relationships.</summary>
    TherapeuticRelationship,

    /// <summary>Directive techniques, decision analysis, role play.</summary>
    BehaviourChange,

    /// <summary>The contract; administrative details.</summary>
    Adjunctive,

    /// <summary>IPT-specific structures that act as techniques (inventory, closeness circle, formulation, …) and problem-area strategies.</summary>
    IptStructure,

    /// <summary>Not IPT: recorded use is flagged by the rule engine. [ALPF, WMK] (H/M)</summary>
    NonIpt,
}
