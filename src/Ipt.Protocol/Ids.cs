using System.Diagnostics.CodeAnalysis;

namespace Ipt.Protocol;

/// <summary>The stable identifier of a person in the interpersonal inventory.</summary>
/// <remarks>Person ids are stable references chosen by the host (<c>p1</c>, <c>partner-1</c>). They are not patient data and appear in diagnostics; never use a name as an id. The default value is the empty id, which no factory creates.</remarks>
public readonly record struct PersonId : IComparable<PersonId>
{
    private readonly string? value;

    private PersonId(string value) => this.value = value;

    /// <summary>Gets the id text.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public static PersonId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IdSyntax.IsToken(value))
        {
            throw new ArgumentException($"{nameof(PersonId)} must be {IdSyntax.TokenRule}.", nameof(value));
        }

        return new(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out PersonId id)
    {
        if (value is not null && IdSyntax.IsToken(value))
        {
            id = new(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(PersonId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(PersonId left, PersonId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(PersonId left, PersonId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(PersonId left, PersonId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(PersonId left, PersonId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable identifier of a technique catalogue entry.</summary>
/// <remarks>Technique ids are kebab-case (<c>communication-analysis</c>). The default value is the empty id, which no factory creates.</remarks>
public readonly record struct TechniqueId : IComparable<TechniqueId>
{
    private readonly string? value;

    private TechniqueId(string value) => this.value = value;

    /// <summary>Gets the id text.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public static TechniqueId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IdSyntax.IsKebab(value))
        {
            throw new ArgumentException($"{nameof(TechniqueId)} must be {IdSyntax.KebabRule}.", nameof(value));
        }

        return new(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out TechniqueId id)
    {
        if (value is not null && IdSyntax.IsKebab(value))
        {
            id = new(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(TechniqueId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(TechniqueId left, TechniqueId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(TechniqueId left, TechniqueId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(TechniqueId left, TechniqueId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(TechniqueId left, TechniqueId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable identifier of a protocol definition.</summary>
/// <remarks>Protocol ids are kebab-case (<c>ipt</c>, <c>ipt-a</c>). The default value is the empty id, which no factory creates.</remarks>
public readonly record struct ProtocolId : IComparable<ProtocolId>
{
    private readonly string? value;

    private ProtocolId(string value) => this.value = value;

    /// <summary>Gets the id text.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public static ProtocolId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IdSyntax.IsKebab(value))
        {
            throw new ArgumentException($"{nameof(ProtocolId)} must be {IdSyntax.KebabRule}.", nameof(value));
        }

        return new(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out ProtocolId id)
    {
        if (value is not null && IdSyntax.IsKebab(value))
        {
            id = new(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(ProtocolId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(ProtocolId left, ProtocolId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(ProtocolId left, ProtocolId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(ProtocolId left, ProtocolId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(ProtocolId left, ProtocolId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable identifier of a measurement instrument.</summary>
/// <remarks>Instrument ids are kebab-case (<c>phq-9</c>, <c>gad-7</c>). The default value is the empty id, which no factory creates.</remarks>
public readonly record struct InstrumentId : IComparable<InstrumentId>
{
    private readonly string? value;

    private InstrumentId(string value) => this.value = value;

    /// <summary>Gets the id text.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public static InstrumentId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IdSyntax.IsKebab(value))
        {
            throw new ArgumentException($"{nameof(InstrumentId)} must be {IdSyntax.KebabRule}.", nameof(value));
        }

        return new(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out InstrumentId id)
    {
        if (value is not null && IdSyntax.IsKebab(value))
        {
            id = new(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(InstrumentId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(InstrumentId left, InstrumentId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(InstrumentId left, InstrumentId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(InstrumentId left, InstrumentId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(InstrumentId left, InstrumentId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable identifier of a goal of a course.</summary>
/// <remarks>Goal ids are stable references chosen by the host (<c>g1</c>). The default value is the empty id, which no factory creates.</remarks>
public readonly record struct GoalId : IComparable<GoalId>
{
    private readonly string? value;

    private GoalId(string value) => this.value = value;

    /// <summary>Gets the id text.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public static GoalId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IdSyntax.IsToken(value))
        {
            throw new ArgumentException($"{nameof(GoalId)} must be {IdSyntax.TokenRule}.", nameof(value));
        }

        return new(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out GoalId id)
    {
        if (value is not null && IdSyntax.IsToken(value))
        {
            id = new(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(GoalId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(GoalId left, GoalId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(GoalId left, GoalId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(GoalId left, GoalId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(GoalId left, GoalId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable, opaque identifier of a clinician: a therapist, a group facilitator or a supervisor.</summary>
/// <remarks>Clinician ids are opaque references chosen by the host (<c>t-17</c>), never a name. They are not patient data and may appear in diagnostics. The default value is the empty id, which no factory creates.</remarks>
public readonly record struct ClinicianId : IComparable<ClinicianId>
{
    private readonly string? value;

    private ClinicianId(string value) => this.value = value;

    /// <summary>Gets the id text.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public static ClinicianId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IdSyntax.IsToken(value))
        {
            throw new ArgumentException($"{nameof(ClinicianId)} must be {IdSyntax.TokenRule}.", nameof(value));
        }

        return new(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out ClinicianId id)
    {
        if (value is not null && IdSyntax.IsToken(value))
        {
            id = new(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(ClinicianId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(ClinicianId left, ClinicianId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(ClinicianId left, ClinicianId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(ClinicianId left, ClinicianId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(ClinicianId left, ClinicianId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable, opaque identifier of a therapy group.</summary>
/// <remarks>Group ids are opaque references chosen by the host (<c>grp-2026-03</c>). The default value is the empty id, which no factory creates.</remarks>
public readonly record struct GroupId : IComparable<GroupId>
{
    private readonly string? value;

    private GroupId(string value) => this.value = value;

    /// <summary>Gets the id text.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public static GroupId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IdSyntax.IsToken(value))
        {
            throw new ArgumentException($"{nameof(GroupId)} must be {IdSyntax.TokenRule}.", nameof(value));
        }

        return new(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out GroupId id)
    {
        if (value is not null && IdSyntax.IsToken(value))
        {
            id = new(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(GroupId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(GroupId left, GroupId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(GroupId left, GroupId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(GroupId left, GroupId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(GroupId left, GroupId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable, opaque identifier of another member of a therapy group.</summary>
/// <remarks>Member ids are opaque references chosen by the host, never a name: a course records who was present at a group session without naming anyone. The default value is the empty id, which no factory creates.</remarks>
public readonly record struct MemberId : IComparable<MemberId>
{
    private readonly string? value;

    private MemberId(string value) => this.value = value;

    /// <summary>Gets the id text.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Creates an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The text is not a valid id.</exception>
    public static MemberId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IdSyntax.IsToken(value))
        {
            throw new ArgumentException($"{nameof(MemberId)} must be {IdSyntax.TokenRule}.", nameof(value));
        }

        return new(value);
    }

    /// <summary>Tries to create an id from its text.</summary>
    /// <param name="value">The id text.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out MemberId id)
    {
        if (value is not null && IdSyntax.IsToken(value))
        {
            id = new(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <inheritdoc/>
    public int CompareTo(MemberId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the id text.</summary>
    /// <returns>The id text.</returns>
    public override string ToString() => Value;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(MemberId left, MemberId right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(MemberId left, MemberId right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(MemberId left, MemberId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(MemberId left, MemberId right) => left.CompareTo(right) >= 0;
}

/// <summary>The two spellings of ids used by the model.</summary>
internal static class IdSyntax
{
    internal const int MaxLength = 64;
    internal const string KebabRule = "1 to 64 characters of lowercase letters and digits in groups joined by single hyphens";
    internal const string TokenRule = "1 to 64 characters of ASCII letters, digits, '-' or '_'";

    internal static bool IsKebab(string value)
    {
        if (value.Length is 0 or > MaxLength || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        var previousHyphen = false;
        foreach (var c in value)
        {
            if (c == '-')
            {
                if (previousHyphen)
                {
                    return false;
                }

                previousHyphen = true;
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                previousHyphen = false;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsToken(string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
