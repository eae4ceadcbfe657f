using System.Globalization;
using NodaTime;

namespace Ipt.Protocol.Protocols;

/// <summary>A count with a lowest, a default and a highest value (for example 12 to 16 sessions, default 16).</summary>
/// <remarks>Invariant: 0 ≤ <see cref="Min"/> ≤ <see cref="Default"/> ≤ <see cref="Max"/>. Immutable.</remarks>
public readonly record struct CountRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="min">The lowest count.</param>
    /// <param name="default">The default count.</param>
    /// <param name="max">The highest count.</param>
    /// <exception cref="ArgumentOutOfRangeException">The values are negative or out of order.</exception>
    public CountRange(int min, int @default, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(@default, min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, @default);
        Min = min;
        Default = @default;
        Max = max;
    }

    /// <summary>Gets the lowest count.</summary>
    public int Min { get; }

    /// <summary>Gets the default count.</summary>
    public int Default { get; }

    /// <summary>Gets the highest count.</summary>
    public int Max { get; }

    /// <summary>Creates a range of exactly one count.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The range.</returns>
    public static CountRange Exactly(int count) => new(count, count, count);

    /// <summary>Returns whether a count is within the range.</summary>
    /// <param name="count">The count.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(int count) => count >= Min && count <= Max;

    /// <summary>Formats the range as <c>12–16 (default 16)</c>, or a single number.</summary>
    /// <returns>The formatted range.</returns>
    public override string ToString() => Min == Max
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max} (default {Default})");
}

/// <summary>A range of whole numbers (for example a patient age of 12 to 18).</summary>
/// <remarks>Invariant: <see cref="Min"/> ≤ <see cref="Max"/>. Immutable.</remarks>
public readonly record struct IntRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="min">The lowest value.</param>
    /// <param name="max">The highest value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is below <paramref name="min"/>.</exception>
    public IntRange(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        Min = min;
        Max = max;
    }

    /// <summary>Gets the lowest value.</summary>
    public int Min { get; }

    /// <summary>Gets the highest value.</summary>
    public int Max { get; }

    /// <summary>Returns whether a value is within the range.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(int value) => value >= Min && value <= Max;

    /// <summary>Formats the range as <c>12–18</c>.</summary>
    /// <returns>The formatted range.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max}");
}

/// <summary>A range of session lengths with a default (for example 45 to 50 minutes, default 50).</summary>
/// <remarks>Invariant: 0 &lt; <see cref="Min"/> ≤ <see cref="Default"/> ≤ <see cref="Max"/>. Immutable.</remarks>
public readonly record struct DurationRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="min">The shortest length.</param>
    /// <param name="default">The planned length.</param>
    /// <param name="max">The longest length.</param>
    /// <exception cref="ArgumentOutOfRangeException">A length is not positive, or the values are out of order.</exception>
    public DurationRange(Duration min, Duration @default, Duration max)
    {
        if (min <= Duration.Zero || @default < min || max < @default)
        {
            throw new ArgumentOutOfRangeException(nameof(min), "Session lengths must be positive and ordered min ≤ default ≤ max.");
        }

        Min = min;
        Default = @default;
        Max = max;
    }

    /// <summary>Gets the shortest length.</summary>
    public Duration Min { get; }

    /// <summary>Gets the planned length.</summary>
    public Duration Default { get; }

    /// <summary>Gets the longest length.</summary>
    public Duration Max { get; }

    /// <summary>Creates a range in whole minutes.</summary>
    /// <param name="min">The shortest length in minutes.</param>
    /// <param name="default">The planned length in minutes.</param>
    /// <param name="max">The longest length in minutes.</param>
    /// <returns>The range.</returns>
    public static DurationRange Minutes(int min, int @default, int max) =>
        new(Duration.FromMinutes(min), Duration.FromMinutes(@default), Duration.FromMinutes(max));

    /// <summary>Returns whether a length is within the range.</summary>
    /// <param name="length">The length.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(Duration length) => length >= Min && length <= Max;

    /// <summary>Formats the range in minutes, as <c>45–50 min</c>.</summary>
    /// <returns>The formatted range.</returns>
    public override string ToString() => Min == Max
        ? string.Create(CultureInfo.InvariantCulture, $"{Min.TotalMinutes:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{Min.TotalMinutes:0}–{Max.TotalMinutes:0} min");
}

/// <summary>The first and last session numbers of a phase within a course.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="First">The first session number.</param>
/// <param name="Last">The last session number.</param>
public readonly record struct PhaseSpan(Phase Phase, int First, int Last)
{
    /// <summary>Gets the number of sessions in the span.</summary>
    public int Count => Last - First + 1;

    /// <summary>Returns whether a session number is in the span.</summary>
    /// <param name="sessionNumber">The session number.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(int sessionNumber) => sessionNumber >= First && sessionNumber <= Last;
}
