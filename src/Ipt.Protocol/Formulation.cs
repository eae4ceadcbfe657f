using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>Whether a focus area is the primary or the secondary focus.</summary>
public enum FocusRank
{
    /// <summary>The primary focus (exactly one per course).</summary>
    Primary,

    /// <summary>A secondary focus (at most one per course).</summary>
    Secondary,
}

/// <summary>
/// A problem area chosen as a focus, with its rank, the role-dispute stage when the area is a role
/// dispute, and the people it concerns (by id).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FocusArea
{
    /// <summary>Creates a focus area.</summary>
    /// <param name="area">The problem area.</param>
    /// <param name="rank">Primary or secondary.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public FocusArea(ProblemArea area, FocusRank rank = FocusRank.Primary)
    {
        Area = area;
        Rank = rank;
    }

    /// <summary>Creates a focus area; <see cref="Area"/> must be set.</summary>
    public FocusArea()
    {
    }

    /// <summary>Gets the problem area.</summary>
    public required ProblemArea Area { get; init => field = Guard.Defined(value, nameof(Area)); }

    /// <summary>Gets whether the area is the primary or a secondary focus.</summary>
    public FocusRank Rank { get; init => field = Guard.Defined(value, nameof(Rank)); } = FocusRank.Primary;

    /// <summary>Gets the role-dispute stage (expected when <see cref="Area"/> is <see cref="ProblemArea.RoleDispute"/>).</summary>
    public RoleDisputeStage? DisputeStage { get; init => field = Guard.Defined(value, nameof(DisputeStage)); }

    /// <summary>Gets the people in the inventory that the focus concerns.</summary>
    public ValueList<PersonId> Persons { get; init; }

    /// <summary>Describes the focus area.</summary>
    /// <returns>A string such as <c>RoleDispute (Primary, Impasse)</c>.</returns>
    public override string ToString() => DisputeStage is { } stage ? $"{Area} ({Rank}, {stage})" : $"{Area} ({Rank})";
}

/// <summary>
/// A change of the focus (of a problem area, a rank or a role-dispute stage) at a session, with the
/// focus it replaced. The course's focus history is the formulation's <see cref="Formulation.Changes"/>
/// followed by its current <see cref="Formulation.Areas"/>. A change of problem area in the middle
/// phase is expected to come with a renegotiation of the contract at the same session. [WMK] (H)
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FocusChange
{
    /// <summary>Creates a focus change.</summary>
    /// <param name="atSession">The session at which the focus changed.</param>
    /// <param name="previous">The focus areas before the change (empty when not recorded).</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public FocusChange(int atSession, ValueList<FocusArea> previous = default)
    {
        AtSession = atSession;
        Previous = previous;
    }

    /// <summary>Creates a focus change; <see cref="AtSession"/> must be set.</summary>
    public FocusChange()
    {
    }

    /// <summary>Gets the session at which the focus changed.</summary>
    public required int AtSession { get; init => field = Guard.Positive(value, nameof(AtSession)); }

    /// <summary>Gets the focus areas before the change; empty when the earlier focus was not recorded.</summary>
    public ValueList<FocusArea> Previous { get; init; }

    /// <summary>Describes the change.</summary>
    /// <returns>A string such as <c>Focus change at session 6</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Focus change at session {AtSession}");
}

/// <summary>
/// The interpersonal formulation: the chosen focus, linked to the symptoms, presented to the patient
/// and (when accepted) agreed. [STUART, MARK] (H) Notes are free text (patient data).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Formulation
{
    /// <summary>Gets the focus areas (the protocol expects one primary and at most one secondary).</summary>
    public ValueList<FocusArea> Areas { get; init; }

    /// <summary>Gets the session at which the focus was (last) chosen.</summary>
    public int? ChosenAtSession { get; init => field = Guard.Positive(value, nameof(ChosenAtSession)); }

    /// <summary>Gets the session at which the formulation was presented to the patient.</summary>
    public int? PresentedAtSession { get; init => field = Guard.Positive(value, nameof(PresentedAtSession)); }

    /// <summary>Gets a value indicating whether the patient explicitly agreed to the formulation.</summary>
    public bool Agreed { get; init; }

    /// <summary>Gets the session at which the patient agreed.</summary>
    public int? AgreedAtSession { get; init => field = Guard.Positive(value, nameof(AgreedAtSession)); }

    /// <summary>Gets the date of the agreement.</summary>
    public LocalDate? AgreedOn { get; init; }

    /// <summary>Gets the earlier changes of the focus, in the order they happened (the focus history); the current focus is <see cref="Areas"/>.</summary>
    public ValueList<FocusChange> Changes { get; init; }

    /// <summary>Gets the formulation text and biopsychosocial or cultural factors (free text; patient data).</summary>
    public string? Notes { get; init => field = Guard.Text(value, nameof(Notes)); }

    /// <summary>Gets the primary focus area, when exactly one is marked primary.</summary>
    public FocusArea? Primary
    {
        get
        {
            FocusArea? found = null;
            foreach (var area in Areas)
            {
                if (area.Rank == FocusRank.Primary)
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = area;
                }
            }

            return found;
        }
    }

    /// <summary>Returns whether <paramref name="area"/> is among the focus areas.</summary>
    /// <param name="area">The problem area.</param>
    /// <returns><see langword="true"/> when chosen.</returns>
    public bool Includes(ProblemArea area)
    {
        foreach (var focus in Areas)
        {
            if (focus.Area == area)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns a copy with a focus area added.</summary>
    /// <param name="area">The focus area.</param>
    /// <returns>The new formulation.</returns>
    public Formulation PlusArea(FocusArea area) => this with { Areas = Areas.Add(area) };

    /// <summary>Returns a copy in which the focus changes at a session: the current areas go into <see cref="Changes"/> and <paramref name="areas"/> become the focus.</summary>
    /// <param name="atSession">The session at which the focus changes.</param>
    /// <param name="areas">The new focus areas.</param>
    /// <returns>The new formulation.</returns>
    public Formulation Revised(int atSession, ValueList<FocusArea> areas) =>
        this with { Changes = Changes.Add(new FocusChange(atSession, Areas)), Areas = areas, ChosenAtSession = atSession };

    /// <summary>Returns a copy marked as agreed at a session.</summary>
    /// <param name="session">The session number.</param>
    /// <param name="date">The date, when known.</param>
    /// <returns>The new formulation.</returns>
    public Formulation AgreedAt(int session, LocalDate? date = null) => this with { Agreed = true, AgreedAtSession = session, AgreedOn = date };

    /// <summary>Describes the formulation without its notes.</summary>
    /// <returns>A string such as <c>Formulation (1 area, agreed at session 3)</c>.</returns>
    public override string ToString() => AgreedAtSession is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"Formulation ({Areas.Count} areas, agreed at session {at})")
        : string.Create(CultureInfo.InvariantCulture, $"Formulation ({Areas.Count} areas, {(Agreed ? "agreed" : "not agreed")})");
}

/// <summary>
/// The sick role: time-limited permission to be ill that carries the duty to work on recovery,
/// granted in the initial phase ("limited sick role" in IPT-A). [IPTUK, MARK, MUFSON] (H)
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SickRole
{
    /// <summary>Gets the session at which the sick role was given.</summary>
    public required int GrantedAtSession { get; init => field = Guard.Positive(value, nameof(GrantedAtSession)); }

    /// <summary>Gets a value indicating whether the sick role is the limited form (IPT-A).</summary>
    public bool Limited { get; init; }

    /// <summary>Describes the sick role.</summary>
    /// <returns>A string such as <c>Sick role (granted at session 1)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Limited ? "Limited sick role" : "Sick role")} (granted at session {GrantedAtSession})");
}
