using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>A clinician's part in one session: the therapist or lead facilitator, or a co-therapist.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SessionClinician
{
    /// <summary>Creates a clinician's part in a session.</summary>
    /// <param name="id">The clinician's opaque id.</param>
    /// <param name="role">The clinician's part.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public SessionClinician(ClinicianId id, ClinicianRole role = ClinicianRole.Lead)
    {
        Id = id;
        Role = role;
    }

    /// <summary>Creates a clinician's part; <see cref="Id"/> must be set.</summary>
    public SessionClinician()
    {
    }

    /// <summary>Gets the clinician's opaque id.</summary>
    public required ClinicianId Id
    {
        get;
        init => field = value == default ? throw new ArgumentException("The clinician id is missing.", nameof(Id)) : value;
    }

    /// <summary>Gets the clinician's part in the session.</summary>
    public ClinicianRole Role { get; init => field = Guard.Defined(value, nameof(Role)); }

    /// <summary>Describes the clinician's part.</summary>
    /// <returns>A string such as <c>t1 (Lead)</c>.</returns>
    public override string ToString() => $"{Id} ({Role})";
}

/// <summary>
/// A supervision of the course: its date, the supervisor and the sessions discussed. Supervision is
/// part of delivery by trained non-specialists. [WHO, IPC] (H) Notes are free text (patient data).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SupervisionRecord
{
    /// <summary>Creates a supervision record.</summary>
    /// <param name="date">The date.</param>
    /// <param name="supervisor">The supervisor's opaque id.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public SupervisionRecord(LocalDate date, ClinicianId supervisor)
    {
        Date = date;
        Supervisor = supervisor;
    }

    /// <summary>Creates a supervision record; <see cref="Date"/> and <see cref="Supervisor"/> must be set.</summary>
    public SupervisionRecord()
    {
    }

    /// <summary>Gets the date of the supervision.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Gets the supervisor's opaque id.</summary>
    public required ClinicianId Supervisor
    {
        get;
        init => field = value == default ? throw new ArgumentException("The supervisor id is missing.", nameof(Supervisor)) : value;
    }

    /// <summary>Gets the numbers of the sessions discussed.</summary>
    public ValueList<int> Sessions { get; init => field = Guard.AllPositive(value, nameof(Sessions)); }

    /// <summary>Gets notes on the supervision (free text; patient data).</summary>
    public string? Notes { get; init => field = Guard.Text(value, nameof(Notes)); }

    /// <summary>Describes the record without its notes.</summary>
    /// <returns>A string such as <c>Supervision 2026-02-01 by s1</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Supervision {Date:uuuu-MM-dd} by {Supervisor}");
}

/// <summary>The therapy group a group course is delivered in.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CourseGroup
{
    /// <summary>Creates a group.</summary>
    /// <param name="id">The group's opaque id.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public CourseGroup(GroupId id) => Id = id;

    /// <summary>Creates a group; <see cref="Id"/> must be set.</summary>
    public CourseGroup()
    {
    }

    /// <summary>Gets the group's opaque id.</summary>
    public required GroupId Id
    {
        get;
        init => field = value == default ? throw new ArgumentException("The group id is missing.", nameof(Id)) : value;
    }

    /// <summary>Gets the number of members the group started with, when recorded.</summary>
    public int? MembersAtStart { get; init => field = Guard.Positive(value, nameof(MembersAtStart)); }

    /// <summary>Describes the group.</summary>
    /// <returns>A string such as <c>Group grp-1</c>.</returns>
    public override string ToString() => $"Group {Id}";
}

/// <summary>
/// Who was present at one group session: a count, the other members' opaque ids, or both. Names are
/// never recorded.
/// </summary>
/// <remarks>Immutable and thread-safe. Whether the count and the ids agree is the rule engine's question (IPT0111).</remarks>
public sealed record SessionGroup
{
    /// <summary>Gets the number of members present, the patient included, when recorded.</summary>
    public int? MembersPresent { get; init => field = Guard.InRange(value, 0, 1000, nameof(MembersPresent)); }

    /// <summary>Gets the opaque ids of the other members present.</summary>
    public ValueList<MemberId> Members { get; init; }

    /// <summary>Describes the attendance.</summary>
    /// <returns>A string such as <c>Group attendance (7 present)</c>.</returns>
    public override string ToString() => MembersPresent is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"Group attendance ({n} present)")
        : string.Create(CultureInfo.InvariantCulture, $"Group attendance ({Members.Count} member ids)");
}
