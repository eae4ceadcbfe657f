namespace Ipt.Protocol.Techniques;

/// <summary>Why the advisor suggests a technique; suggestions are ranked by reason first (in this order), then by weight.</summary>
public enum SuggestionReason
{
    /// <summary>
    /// A risk review, above everything else: a safety signal is open (a positive safety item, an
    /// unrecorded safety item at caseness, a deterioration, with no risk review since), or the session
    /// is the first contact, where risk is assessed. [NHSTT, CONVENTION] (H)
    /// </summary>
    Safety,

    /// <summary>A phase task whose deadline has come or passed and that is not yet recorded (no inventory by the end of the initial phase, ending not raised by N−2, …).</summary>
    Overdue,

    /// <summary>A task of the variant (caregiver session in IPT-A, social-rhythm review in IPSRT, pre-group preparation in group IPT, closeness circle where required) that is due now.</summary>
    VariantTask,

    /// <summary>A task of the current phase that is due now (inventory in the initial phase, interval review in each middle-phase session, …).</summary>
    PhaseTask,

    /// <summary>One of the strategies of a focus area (section 5 of the domain reference).</summary>
    FocusStrategy,

    /// <summary>A technique weighted for the focus area (and role-dispute stage).</summary>
    FocusTechnique,

    /// <summary>A general technique that fits the phase.</summary>
    General,
}
