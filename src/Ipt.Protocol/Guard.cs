using System.Globalization;
using NodaTime;

namespace Ipt.Protocol;

/// <summary>
/// Checks of local invariants, shared by every model type. Messages name the parameter and the
/// broken rule, and never repeat free text (which may be patient data).
/// </summary>
internal static class Guard
{
    /// <summary>The longest free-text value the model accepts.</summary>
    internal const int MaxTextLength = Check.MaxTextLength;

    internal static int Positive(int value, string paramName) =>
        Check.Positive(value, paramName) is { } message ? throw new ArgumentOutOfRangeException(paramName, value, message) : value;

    internal static int? Positive(int? value, string paramName) => value is { } v ? Positive(v, paramName) : null;

    internal static int NonNegative(int value, string paramName) =>
        Check.NonNegative(value, paramName) is { } message ? throw new ArgumentOutOfRangeException(paramName, value, message) : value;

    internal static int InRange(int value, int min, int max, string paramName) =>
        Check.InRange(value, min, max, paramName) is { } message ? throw new ArgumentOutOfRangeException(paramName, value, message) : value;

    internal static int? InRange(int? value, int min, int max, string paramName) =>
        value is { } v ? InRange(v, min, max, paramName) : null;

    internal static T Defined<T>(T value, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is not a defined {typeof(T).Name} value.");
        }

        return value;
    }

    internal static T? Defined<T>(T? value, string paramName)
        where T : struct, Enum => value is { } v ? Defined(v, paramName) : null;

    internal static ValueList<T> AllDefined<T>(ValueList<T> values, string paramName)
        where T : struct, Enum
    {
        foreach (var value in values)
        {
            Defined(value, paramName);
        }

        return values;
    }

    internal static ValueList<int> AllPositive(ValueList<int> values, string paramName)
    {
        foreach (var value in values)
        {
            Positive(value, paramName);
        }

        return values;
    }

    internal static Duration PositiveDuration(Duration value, string paramName) =>
        Check.PositiveDuration(value, paramName) is { } message ? throw new ArgumentOutOfRangeException(paramName, message) : value;

    internal static Duration? PositiveDuration(Duration? value, string paramName) =>
        value is { } v ? PositiveDuration(v, paramName) : null;

    internal static Period? PositivePeriod(Period? value, string paramName) =>
        Check.PositivePeriod(value, paramName) is { } message ? throw new ArgumentOutOfRangeException(paramName, message) : value;

    /// <summary>Optional free text: <see langword="null"/> or 1 to <see cref="MaxTextLength"/> characters.</summary>
    internal static string? Text(string? value, string paramName) =>
        Check.Text(value, paramName) is { } message ? throw new ArgumentException(message, paramName) : value;

    /// <summary>Required free text.</summary>
    internal static string RequiredText(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return Text(value, paramName)!;
    }

    internal static T NotNull<T>(T? value, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }
}

/// <summary>
/// The model's local invariants as non-throwing checks, shared by the model's setters (through
/// <see cref="Guard"/>, which throws) and the document readers (which report an error at the
/// value's path). Each returns <see langword="null"/> when the value is valid, or the message
/// naming the value by <c>name</c> (the model passes its property name, a reader the JSON name).
/// Messages never repeat the value when it is text.
/// </summary>
internal static class Check
{
    /// <summary>The longest free-text value the model accepts.</summary>
    internal const int MaxTextLength = 10_000;

    private const long NanosecondsPerDay = 86_400_000_000_000L;

    internal static string? Positive(int value, string name) => value >= 1 ? null : $"{name} must be 1 or more.";

    internal static string? Positive(int? value, string name) => value is { } v ? Positive(v, name) : null;

    internal static string? NonNegative(int value, string name) => value >= 0 ? null : $"{name} must be 0 or more.";

    internal static string? NonNegative(int? value, string name) => value is { } v ? NonNegative(v, name) : null;

    internal static string? NonNegative(decimal? value, string name) => value is not { } v || v >= 0 ? null : $"{name} must be 0 or more.";

    internal static string? AllPositive(ValueList<int> values, string name)
    {
        foreach (var value in values)
        {
            if (Positive(value, name) is { } message)
            {
                return message;
            }
        }

        return null;
    }

    internal static string? InRange(int value, int min, int max, string name) =>
        value >= min && value <= max ? null : string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max}.");

    internal static string? InRange(int? value, int min, int max, string name) => value is { } v ? InRange(v, min, max, name) : null;

    internal static string? PositiveDuration(Duration value, string name) =>
        value > Duration.Zero && value <= Duration.FromHours(24) ? null : $"{name} must be longer than zero and at most 24 hours.";

    internal static string? PositiveDuration(Duration? value, string name) => value is { } v ? PositiveDuration(v, name) : null;

    /// <summary>
    /// A positive whole number of days, weeks, months or years. Time units are allowed when they
    /// add up to whole days (<c>PT24H</c>); a period whose days and time do not fit NodaTime's
    /// normalization (more than about 292 years of days) is refused, not overflowed.
    /// </summary>
    internal static string? PositivePeriod(Period? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        // Period.Normalize overflows for huge values (P106752D): compute its result exactly instead.
        Int128 nanoseconds = ((Int128)value.Weeks * 7 * NanosecondsPerDay) + ((Int128)value.Days * NanosecondsPerDay)
            + ((Int128)value.Hours * 3_600_000_000_000L) + ((Int128)value.Minutes * 60_000_000_000L) + ((Int128)value.Seconds * 1_000_000_000L)
            + ((Int128)value.Milliseconds * 1_000_000L) + ((Int128)value.Ticks * 100L) + value.Nanoseconds;
        var valid = nanoseconds >= long.MinValue && nanoseconds <= long.MaxValue
            && nanoseconds % NanosecondsPerDay == 0
            && value.Years >= 0 && value.Months >= 0 && nanoseconds >= 0
            && (value.Years != 0 || value.Months != 0 || nanoseconds != 0);
        return valid ? null : $"{name} must be a positive whole number of days, weeks, months or years.";
    }

    /// <summary>Optional free text: <see langword="null"/> or 1 to <see cref="MaxTextLength"/> characters.</summary>
    internal static string? Text(string? value, string name) =>
        value is null || (value.Length > 0 && value.Length <= MaxTextLength)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{name} must be between 1 and {MaxTextLength} characters when given.");

    /// <summary>Free text of a given length (the reader checks the length before building the string).</summary>
    internal static string? TextLength(int length, string name) =>
        length > 0 && length <= MaxTextLength
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{name} must be between 1 and {MaxTextLength} characters when given.");
}
