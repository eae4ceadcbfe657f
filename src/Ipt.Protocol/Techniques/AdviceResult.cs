using System.Globalization;

namespace Ipt.Protocol.Techniques;

/// <summary>
/// What the <see cref="TechniqueAdvisor"/> suggests for one session of a course: the session and
/// the context it read (phase, focus, stage) and the ranked suggestions.
/// </summary>
/// <remarks>Immutable and thread-safe. Holds no patient data.</remarks>
public sealed record AdviceResult
{
    internal AdviceResult()
    {
    }

    /// <summary>Gets the course's protocol variant.</summary>
    public required ProtocolId Protocol { get; init; }

    /// <summary>Gets the session the suggestions are for; when <see cref="IsCourseComplete"/>, the number after the highest session recorded (nothing is suggested for it).</summary>
    public required int SessionNumber { get; init; }

    /// <summary>Gets the phase of that session (its recorded phase, or the protocol's split).</summary>
    public required Phase Phase { get; init; }

    /// <summary>Gets the last session of the course under its contract (pre-treatment sessions included).</summary>
    public required int LastSession { get; init; }

    /// <summary>Gets the primary focus area, when chosen by that session.</summary>
    public ProblemArea? PrimaryFocus { get; init; }

    /// <summary>Gets the secondary focus area, when chosen by that session.</summary>
    public ProblemArea? SecondaryFocus { get; init; }

    /// <summary>Gets the role-dispute stage, when a focus area is a role dispute with a recorded stage.</summary>
    public RoleDisputeStage? DisputeStage { get; init; }

    /// <summary>
    /// Gets a value indicating whether the course is complete: no session was asked for, none is planned and every
    /// session the contract allows is recorded, so no session is due and <see cref="Suggestions"/> is empty
    /// (<see cref="SessionNumber"/> is then the session after the highest recorded). Ask for a session number to get
    /// suggestions for a session beyond the contract.
    /// </summary>
    public bool IsCourseComplete { get; init; }

    /// <summary>Gets the suggestions, best first (ties broken by technique id).</summary>
    public ValueList<Suggestion> Suggestions { get; init; }

    /// <summary>Describes the result.</summary>
    /// <returns>A string such as <c>Session 5 of 16 (Middle, RoleDispute): 5 suggestions</c> or <c>Course complete (16 sessions): no session due</c>.</returns>
    public override string ToString() => IsCourseComplete
        ? string.Create(CultureInfo.InvariantCulture, $"Course complete ({LastSession} sessions): no session due")
        : PrimaryFocus is { } focus
        ? string.Create(CultureInfo.InvariantCulture, $"Session {SessionNumber} of {LastSession} ({Phase}, {focus}): {Suggestions.Count} suggestions")
        : string.Create(CultureInfo.InvariantCulture, $"Session {SessionNumber} of {LastSession} ({Phase}): {Suggestions.Count} suggestions");
}
