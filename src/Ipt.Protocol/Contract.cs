using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// The treatment contract: sessions agreed, frequency, session length and start date. The focus
/// is agreed in the <see cref="Formulation"/>. Every later change is a dated
/// <see cref="Renegotiation"/>. [WMK] (H)
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Contract
{
    /// <summary>Gets the number of treatment sessions agreed.</summary>
    public required int Sessions { get; init => field = Guard.Positive(value, nameof(Sessions)); }

    /// <summary>Gets the agreed frequency as the interval between sessions (for example one week).</summary>
    public Period? Frequency { get; init => field = Guard.PositivePeriod(value, nameof(Frequency)); }

    /// <summary>Gets the agreed session length.</summary>
    public Duration? SessionLength { get; init => field = Guard.PositiveDuration(value, nameof(SessionLength)); }

    /// <summary>Gets the agreed start date.</summary>
    public LocalDate? StartDate { get; init; }

    /// <summary>Gets the session at which the contract was agreed.</summary>
    public int? AgreedAtSession { get; init => field = Guard.Positive(value, nameof(AgreedAtSession)); }

    /// <summary>Returns a copy with the terms of a renegotiation applied (values the renegotiation leaves out are kept).</summary>
    /// <param name="renegotiation">The renegotiation.</param>
    /// <returns>The contract in force after it.</returns>
    public Contract Apply(Renegotiation renegotiation)
    {
        ArgumentNullException.ThrowIfNull(renegotiation);
        return this with
        {
            Sessions = renegotiation.Sessions ?? Sessions,
            Frequency = renegotiation.Frequency ?? Frequency,
            SessionLength = renegotiation.SessionLength ?? SessionLength,
        };
    }

    /// <summary>Describes the contract.</summary>
    /// <returns>A string such as <c>Contract (16 sessions)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Contract ({Sessions} sessions)");
}

/// <summary>
/// The terms of the contract in force, read without allocating: the contract with every
/// renegotiation applied in order (a renegotiation's value, when given, replaces the earlier one).
/// The one home of that reading: <see cref="Course.EffectiveContract"/> and the course timeline
/// (<c>Protocols.CourseTimeline</c>) both take it from here.
/// </summary>
internal readonly struct ContractTerms
{
    private ContractTerms(Course course)
    {
        Sessions = course.Contract?.Sessions;
        Frequency = course.Contract?.Frequency;
        SessionLength = course.Contract?.SessionLength;
        SessionsSetBy = -1;
        var renegotiations = course.Renegotiations.AsSpan();
        for (var i = 0; i < renegotiations.Length; i++)
        {
            if (renegotiations[i].Sessions is { } sessions)
            {
                Sessions = sessions;
                SessionsSetBy = i;
            }

            Frequency = renegotiations[i].Frequency ?? Frequency;
            SessionLength = renegotiations[i].SessionLength ?? SessionLength;
        }
    }

    /// <summary>Gets the number of treatment sessions in force (a renegotiation counts even without a contract), when any is agreed.</summary>
    public int? Sessions { get; }

    /// <summary>Gets the index of the renegotiation that set <see cref="Sessions"/>, or -1 when the contract itself did.</summary>
    public int SessionsSetBy { get; }

    /// <summary>Gets the frequency in force, when agreed.</summary>
    public NodaTime.Period? Frequency { get; }

    /// <summary>Gets the session length in force, when agreed.</summary>
    public Duration? SessionLength { get; }

    public static ContractTerms Of(Course course) => new(course);
}

/// <summary>
/// An explicit, dated change of the contract, agreed at a session. [WMK] (H) Values left
/// <see langword="null"/> are unchanged. A change of the focus at the same session is recorded in the
/// formulation's history (<see cref="Formulation.Changes"/>). The reason is free text (patient data).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Renegotiation
{
    /// <summary>Gets the session at which the change was agreed.</summary>
    public required int AtSession { get; init => field = Guard.Positive(value, nameof(AtSession)); }

    /// <summary>Gets the date of the change.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>Gets why the contract changed (free text; patient data).</summary>
    public string? Reason { get; init => field = Guard.Text(value, nameof(Reason)); }

    /// <summary>Gets the new number of treatment sessions, when it changed.</summary>
    public int? Sessions { get; init => field = Guard.Positive(value, nameof(Sessions)); }

    /// <summary>Gets the new frequency, when it changed.</summary>
    public Period? Frequency { get; init => field = Guard.PositivePeriod(value, nameof(Frequency)); }

    /// <summary>Gets the new session length, when it changed.</summary>
    public Duration? SessionLength { get; init => field = Guard.PositiveDuration(value, nameof(SessionLength)); }

    /// <summary>Describes the renegotiation without its reason.</summary>
    /// <returns>A string such as <c>Renegotiation at session 6</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Renegotiation at session {AtSession}");
}
